import * as glassEasel from 'glass-easel'
import { MiniProgramEnv } from 'glass-easel-miniprogram-adapter'
import { Cmd, Ev, ROOT_NODE_ID, type RenderOp } from '../bridge/protocol'
import { type Socket } from '../bridge/socket'
import { PageBackend } from './backend'
import { EventChannel } from './event-channel'
import { type Modules } from './modules'

export type AppConfig = {
  pages: string[]
  entryPagePath: string
  window?: Record<string, unknown>
  app: Record<string, unknown>
}

export type RouteEvent = {
  path: string
  query?: Record<string, string>
  webviewId: number
  openType: 'appLaunch' | 'navigateTo' | 'redirectTo' | 'navigateBack' | 'switchTab' | 'reLaunch'
  delta?: number // navigateBack
}

type PageCaller = Record<string, any> & { route: string; options: Record<string, string> }

type PageRecord = {
  webviewId: number
  path: string
  query: Record<string, string>
  backend: PageBackend
  root: { release(): void }
  caller: PageCaller
}

type Window = { width: number; height: number; pixelRatio: number }

// ComponentEnv is what the adapter gives the .js of one page or component.
type ComponentEnv = { Page: (def: any) => unknown; Component: (def?: any) => any; Behavior: (def: any) => any }

// ComponentConfig is a page's or component's .json as the build hands it over.
type ComponentConfig = { usingComponents?: Record<string, string>; component?: boolean; [k: string]: unknown }

// AppRuntime is App(), getApp(), getCurrentPages() and the page stack, on glass-easel and
// its mini-program adapter. The adapter gives Page/Component/Behavior; the app object,
// the page hooks and routing are ours.
export class AppRuntime {
  private env = new MiniProgramEnv()
  private codeSpace = this.env.createCodeSpace('', true)
  private templates: Record<string, any> = {}
  private configs: Record<string, ComponentConfig> = {}
  private styleScopes: Record<string, string> = {}
  private loaded = new Set<string>()
  private stack: PageRecord[] = []
  private app: Record<string, any> | null = null
  // openerChannel is the channel wx.navigateTo made for the page it is opening.
  private openerChannel: EventChannel | null = null
  config: AppConfig = { pages: [], entryPagePath: '', app: {} }

  constructor(
    private modules: Modules,
    private socket: Socket,
    private window: Window,
    readonly reportError: (err: unknown, where: string) => void,
  ) {
    // The page layer shows ids in the DOM, as the official tools do (selectors, tests).
    // Properties are not written onto the glass-easel node: a component may name one
    // `dataset` (Vant's button does), which would replace the node's own dataset.
    this.codeSpace.getComponentSpace().updateComponentOptions({ writeIdToDOM: true, writeFieldsToNode: false })
    glassEasel.addGlobalErrorListener((err, info) => {
      this.reportError(err, info?.method ? `in ${info.method}` : 'in a component')
      return false
    })
  }

  // templateGroups is G of the compiled templates: every .wxml by path without extension.
  get templateGroups() {
    return this.templates
  }

  // defineConfig records a page's or component's .json, with usingComponents already
  // resolved by the build to /-absolute paths.
  defineConfig(path: string, config: ComponentConfig) {
    this.configs[path] = config
  }

  // defineStyleSheet records that path has a compiled style sheet, scoped by scopeName
  // ('' for the app's and pages' shared scope).
  defineStyleSheet(path: string, scopeName: string) {
    this.styleScopes[path] = scopeName
  }

  // App registers the app; only the first call counts, as on the phone.
  App(def: Record<string, any>) {
    if (this.app) {
      this.reportError(new Error('App() called more than once: only the first call registers the app'), 'App()')
      return
    }
    this.app = def || {}
  }

  getApp() {
    return this.app
  }

  getCurrentPages() {
    return this.stack.map((p) => p.caller)
  }

  // launch runs app.js and App.onLaunch/onShow with the launch options.
  private launch(route: RouteEvent) {
    if ('app' in this.styleScopes) this.codeSpace.addStyleSheet('app', 'app')
    if (this.modules.has('app.js')) this.modules.require('/app.js')
    if (!this.app) this.app = {}
    const options = { path: route.path, query: route.query || {}, scene: 1001, referrerInfo: {} }
    this.callHook(this.app, 'onLaunch', options)
    this.callHook(this.app, 'onShow', options)
  }

  // route applies a route the shell decided (it owns the page iframes and checked the
  // target): the page stack changes here the same way, and the hooks run in the order a
  // phone runs them.
  route(ev: RouteEvent) {
    const top = () => this.stack[this.stack.length - 1]
    switch (ev.openType) {
      case 'appLaunch':
        this.launch(ev)
        this.openPage(ev)
        break
      case 'navigateTo':
        this.hide(top())
        this.openPage(ev)
        break
      case 'redirectTo':
        this.unload(this.stack.length - 1)
        this.openPage(ev)
        break
      case 'navigateBack': {
        const delta = Math.max(1, Math.min(ev.delta ?? 1, this.stack.length - 1))
        for (let i = 0; i < delta; i++) this.unload(this.stack.length - 1)
        this.show(top())
        break
      }
      case 'reLaunch':
        while (this.stack.length > 0) this.unload(this.stack.length - 1)
        this.openPage(ev)
        break
      case 'switchTab': {
        // Pages that are not tabs go; tab pages stay alive behind the shown one.
        for (let i = this.stack.length - 1; i >= 0; i--) {
          if (!this.isTab(this.stack[i]!.path)) this.unload(i)
        }
        const current = top()
        const target = this.stack.find((p) => p.webviewId === ev.webviewId)
        if (current && current !== target) this.hide(current)
        if (target) {
          this.stack.splice(this.stack.indexOf(target), 1)
          this.stack.push(target)
          this.show(target)
        } else {
          this.openPage(ev)
        }
        break
      }
      default:
        this.reportError(new Error(`unknown route openType "${ev.openType}"`), 'routing')
    }
  }

  // navigateTo wraps wx.navigateTo: the `events` listeners go on a channel whose other end
  // the new page gets from getOpenerEventChannel(), and success receives this end.
  navigateTo(call: (opts: Record<string, unknown>) => Promise<any> | undefined, opts: Record<string, any> = {}) {
    const [mine, theirs] = EventChannel.pair()
    for (const [name, fn] of Object.entries(opts.events || {})) {
      if (typeof fn === 'function') mine.on(name, fn as (...a: unknown[]) => void)
    }
    this.openerChannel = theirs
    const { events, success, ...rest } = opts
    const withChannel = (res: any) => ({ ...res, eventChannel: mine })
    if (!success && !opts.fail && !opts.complete) return call(rest)?.then(withChannel)
    return call({ ...rest, success: (res: any) => success?.(withChannel(res)) })
  }

  // appError hands an exception of the app's code to App.onError. An exception in
  // onError itself is only logged: reporting it again could loop.
  appError(message: string) {
    const onError = this.app?.onError
    if (typeof onError !== 'function' || this.inOnError) return
    this.inOnError = true
    try {
      onError.call(this.app, message)
    } catch (err) {
      console.error('[mpsim] in App.onError:', err)
    } finally {
      this.inOnError = false
    }
  }
  private inOnError = false

  // unhandledRejection gives App.onUnhandledRejection a promise nobody caught; it reports
  // whether the app had a handler (otherwise the console shows it, as on a phone).
  unhandledRejection(reason: unknown, promise: Promise<unknown>): boolean {
    const handler = this.app?.onUnhandledRejection
    if (typeof handler !== 'function') return false
    this.callHook(this.app!, 'onUnhandledRejection', { reason, promise })
    return true
  }

  // pageNotFound tells the app that a page it tried to open does not exist.
  pageNotFound(data: { path: string; query?: Record<string, string>; isEntryPage?: boolean }) {
    if (this.app) this.callHook(this.app, 'onPageNotFound', { query: {}, isEntryPage: false, ...data })
  }

  private isTab(path: string) {
    const list = (this.config.app?.tabBar as { list?: { pagePath: string }[] } | undefined)?.list || []
    return list.some((item) => item.pagePath.replace(/^\//, '') === path)
  }

  private hide(page: PageRecord | undefined) {
    if (page) this.callHook(page.caller, 'onHide')
  }

  private show(page: PageRecord | undefined) {
    if (page) this.callHook(page.caller, 'onShow')
  }

  // unload removes the page at index i of the stack: onUnload, then its tree goes
  // (detached lifetimes run).
  private unload(i: number) {
    const page = this.stack[i]
    if (!page) return
    this.stack.splice(i, 1)
    this.callHook(page.caller, 'onUnload')
    try {
      page.root.release()
    } catch (err) {
      this.reportError(err, 'unloading a page')
    }
    page.backend.destroy()
  }

  // openPage creates the page's component tree in a backend bound to its webview.
  private openPage(ev: RouteEvent) {
    const path = ev.path.replace(/^\//, '').replace(/\.html$/, '')
    const query = ev.query || {}
    if (!this.templates[path]) {
      this.reportError(new Error(`page "${path}" has no .wxml template`), 'routing')
      return
    }
    this.loadComponent(path)
    const scopes = this.codeSpace.getComponentSpace().styleScopeManager
    const backend = new PageBackend(
      (ops: RenderOp[]) => {
        this.socket.send({
          command: Cmd.AppServicePublish,
          data: { eventName: Ev.VdSync, data: { ops }, webviewIds: [ev.webviewId] },
        })
      },
      (eventName, data) => {
        this.socket.send({ command: Cmd.AppServicePublish, data: { eventName, data, webviewIds: [ev.webviewId] } })
      },
      this.window,
      (scope) => scopes.queryName(scope),
      (sheet) => `/wxss/${sheet}.wxss`,
    )
    backend.onEvent((target, type, detail, options) => {
      const e = new glassEasel.Event(type, detail, options)
      glassEasel.Event.dispatchEvent(target, e)
      return e.defaultPrevented() ? glassEasel.EventBubbleStatus.NoDefault : glassEasel.EventBubbleStatus.Normal
    })
    const root = this.env.associateBackend(backend).createRoot('page', this.codeSpace, path)
    const rootNode = backend.getRootNode()
    const placeholder = backend.createElement('placeholder', 'placeholder')
    rootNode.appendChild(placeholder)
    root.attach(rootNode, placeholder)
    placeholder.release()

    const caller = root.get() as unknown as PageCaller
    caller.route = path
    caller.options = query
    const opener = ev.openType === 'navigateTo' && this.openerChannel ? this.openerChannel : new EventChannel()
    this.openerChannel = null
    caller.getOpenerEventChannel = () => opener
    const page: PageRecord = { webviewId: ev.webviewId, path, query, backend, root, caller }
    this.stack.push(page)
    this.callHook(caller, 'onLoad', { ...query })
    this.callHook(caller, 'onShow')
    backend.render(() => this.callHook(caller, 'onReady'))
  }

  // loadComponent registers a page or component with the adapter (its .json, template and
  // style sheet) and runs its .js, in which Page()/Component() are the adapter's for this
  // path. The components it uses are loaded first; a cycle (a recursive component) is
  // fine, the adapter resolves usingComponents when an instance is created.
  private loadComponent(path: string) {
    if (this.loaded.has(path)) return
    this.loaded.add(path)
    const config = this.configs[path] || {}
    const generics = (config.componentGenerics || {}) as Record<string, { default?: string } | boolean>
    const deps = [
      ...Object.values(config.usingComponents || {}),
      ...Object.values(generics).map((g) => (typeof g === 'object' ? g.default : undefined)),
    ]
    for (const dep of deps) {
      if (typeof dep === 'string' && dep.startsWith('/')) this.loadComponent(dep.slice(1))
    }
    this.codeSpace.addComponentStaticConfig(path, config as any)
    if (this.templates[path]) {
      this.codeSpace.addCompiledTemplate(path, { groupList: this.templates, content: this.templates[path] })
    }
    if (path in this.styleScopes) this.codeSpace.addStyleSheet(path, path, this.styleScopes[path] || undefined)
    const js = path + '.js'
    this.codeSpace.componentEnv(path, (env) => {
      const outer = this.currentEnv
      this.currentEnv = env
      try {
        if (this.modules.has(js)) this.modules.require('/' + js)
        else this.reportError(new Error(`"${path}" has no ${js}`), 'loading components')
      } finally {
        this.currentEnv = outer
      }
    })
  }

  // installGlobals defines App, Page, Component, Behavior, getApp and getCurrentPages as
  // the base library does. Page and Component register the page or component whose .js
  // is running; Behavior works anywhere, as on a phone.
  installGlobals(g: Record<string, any>) {
    g.App = (def: Record<string, unknown>) => this.App(def)
    g.getApp = () => this.getApp()
    g.getCurrentPages = () => this.getCurrentPages()
    const env = (what: string) => {
      if (!this.currentEnv) throw new Error(`${what}() must be called in a page's or component's .js, while it loads`)
      return this.currentEnv
    }
    g.Page = (def: Record<string, any>) => env('Page').Page(this.withBuiltinBehaviors(def) as any)
    g.Component = (def?: Record<string, any>) =>
      def === undefined ? env('Component').Component() : env('Component').Component(this.withReady(this.withBuiltinBehaviors(def)) as any)
    g.Behavior = (def: Record<string, any>) => this.behaviorEnv().Behavior(this.withBuiltinBehaviors(def) as any)
    // The logic layer's `global` is an object of its own, not the Worker's global scope.
    g.global = {}
  }

  private currentEnv: ComponentEnv | null = null
  private sharedEnv: ComponentEnv | null = null
  private builtinBehaviors: Record<string, unknown> | null = null

  // behaviorEnv is the environment Behavior() uses outside of a component's .js.
  private behaviorEnv(): ComponentEnv {
    if (this.currentEnv) return this.currentEnv
    if (!this.sharedEnv) this.codeSpace.componentEnv('__mpsim/behaviors', (env) => (this.sharedEnv = env))
    return this.sharedEnv!
  }

  // withReady gives a component its `ready` lifetime. glass-easel leaves ready to the
  // host framework; the phone runs it once the component's first render has reached the
  // page, after attached (TDesign's dropdown-menu lists its items in ready). A task
  // after attached comes after the render batch (flushed at the end of the task).
  // The same behavior gives the instance field `renderer`, "webview" as for every
  // component not on Skyline (WeUI's slideview renders by it).
  private withReady(def: Record<string, any>) {
    if (!def || typeof def !== 'object') return def
    if (!this.readyBehavior) {
      const pending: glassEasel.Component<any, any, any>[] = []
      const run = () => {
        for (const comp of pending.splice(0)) {
          if (glassEasel.Element.isAttached(comp)) comp.triggerLifetime('ready', [])
        }
      }
      this.readyBehavior = (this.behaviorEnv().Behavior as (d: Record<string, unknown>) => unknown)({
        lifetimes: {
          created(this: { renderer: string }) {
            this.renderer = 'webview'
          },
          attached(this: { _$: glassEasel.Component<any, any, any> }) {
            if (pending.push(this._$) === 1) setTimeout(run, 0)
          },
        },
      })
    }
    return { ...def, behaviors: [this.readyBehavior, ...(Array.isArray(def.behaviors) ? def.behaviors : [])] }
  }
  private readyBehavior: unknown = null

  // withBuiltinBehaviors replaces the names of the base library's behaviors
  // ("wx://form-field") in def.behaviors with the behaviors themselves.
  private withBuiltinBehaviors(def: Record<string, any>) {
    if (!def || !Array.isArray(def.behaviors) || !def.behaviors.some((b: unknown) => typeof b === 'string')) return def
    if (!this.builtinBehaviors) {
      const B = this.behaviorEnv().Behavior as (d: Record<string, unknown>) => unknown
      this.builtinBehaviors = {
        // Form fields: a <form> reads name and value from the components that have them.
        'wx://form-field': B({ properties: { name: { type: String, value: '' }, value: { type: null, value: '' } } }),
        'wx://form-field-group': B({}),
        'wx://form-field-button': B({}),
        // glass-easel honours `export` for selectComponent without a behavior.
        'wx://component-export': B({}),
      }
    }
    const behaviors = def.behaviors.filter((b: unknown) => {
      if (typeof b !== 'string') return true
      if (b in this.builtinBehaviors!) return true
      console.warn(`[mpsim] unknown built-in behavior "${b}" is ignored`)
      return false
    }).map((b: unknown) => (typeof b === 'string' ? this.builtinBehaviors![b] : b))
    return { ...def, behaviors }
  }

  // nodeQueryResult hands a page layer's measurement to the page's backend.
  nodeQueryResult(webviewId: number, data: { reqId: number; result: unknown }) {
    this.stack.find((p) => p.webviewId === webviewId)?.backend.answer(data.reqId, data.result)
  }

  // pageScroll calls the page's onPageScroll / onReachBottom for its page layer's scroll.
  pageScroll(webviewId: number, eventName: string, data: Record<string, unknown>) {
    const page = this.stack.find((p) => p.webviewId === webviewId)
    if (!page) return
    if (eventName === Ev.PageScroll) this.callHook(page.caller, 'onPageScroll', { scrollTop: data.scrollTop })
    else this.callHook(page.caller, 'onReachBottom')
  }

  // pageScrollTo scrolls the page on top (wx.pageScrollTo): to scrollTop, or to the
  // element a selector names.
  pageScrollTo(args: { scrollTop?: number; duration?: number; selector?: string }, done: (errMsg: string) => void) {
    const page = this.stack[this.stack.length - 1]
    if (!page) return done('pageScrollTo:fail no page')
    const duration = args.duration ?? 300
    if (typeof args.scrollTop === 'number') {
      page.backend.scroll(ROOT_NODE_ID, 0, args.scrollTop, duration)
      return done('pageScrollTo:ok')
    }
    if (!args.selector) return done('pageScrollTo:fail scrollTop or selector is required')
    const query = (page.caller as any).createSelectorQuery()
    query.select(args.selector).boundingClientRect()
    query.selectViewport().scrollOffset()
    query.exec((res: any[]) => {
      if (!res[0]) return done(`pageScrollTo:fail no element matches ${args.selector}`)
      page.backend.scroll(ROOT_NODE_ID, 0, res[0].top + res[1].scrollTop, duration)
      done('pageScrollTo:ok')
    })
  }

  // topPage is the page on top of the stack, for the page-level wx APIs.
  topPage(): PageCaller | undefined {
    return this.stack[this.stack.length - 1]?.caller
  }

  // pageEvent delivers a user event from a page layer to its component tree.
  pageEvent(webviewId: number, data: { id: number; type: string; detail?: unknown; touches?: unknown[]; changedTouches?: unknown[]; bubbles?: boolean }) {
    const page = this.stack.find((p) => p.webviewId === webviewId)
    if (!page) return
    const touch = data.type.startsWith('touch') || data.type === 'tap' || data.type.startsWith('long')
    page.backend.dispatch(data.id, data.type, data.detail ?? {},
      touch ? { touches: data.touches || [], changedTouches: data.changedTouches || [] } : undefined,
      data.bubbles !== false)
  }

  private callHook(target: Record<string, any>, name: string, ...args: unknown[]) {
    const f = target?.[name]
    if (typeof f !== 'function') return
    try {
      f.apply(target, args)
    } catch (err) {
      this.reportError(err, name)
    }
  }
}
