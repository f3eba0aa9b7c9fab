import * as glassEasel from 'glass-easel'
import { MiniProgramEnv } from 'glass-easel-miniprogram-adapter'
import { Cmd, Ev, Op, ROOT_NODE_ID, type RenderOps } from '../bridge/protocol'
import { type Socket } from '../bridge/socket'
import { PageBackend, type RemoteNode } from './backend'
import { EventChannel } from './event-channel'
import { builtinEvent, FORM_FIELD } from './form'
import { type Modules } from './modules'
import { type OpenAPI } from './open-api'
import { makeRequirePlugin } from './plugins'
import { makeRouter, type RouteCall } from './router'
import { animate, clearAnimation } from './animate'

export type AppConfig = {
  pages: string[]
  entryPagePath: string
  window?: Record<string, unknown>
  app: Record<string, unknown>
  aliases?: { from: string; to: string }[]
}

export type RouteEvent = {
  path: string
  query?: Record<string, string>
  webviewId: number
  openType: 'appLaunch' | 'navigateTo' | 'redirectTo' | 'navigateBack' | 'switchTab' | 'reLaunch'
  delta?: number // navigateBack
  scene?: number // appLaunch: the compile mode's scene
}

type PageCaller = Record<string, any> & { route: string; options: Record<string, string> }

export type PageRecord = {
  webviewId: number
  path: string
  query: Record<string, string>
  backend: PageBackend
  root: { release(): void }
  caller: PageCaller
  tabBar?: { release(): void } // the page's instance of a custom tabBar
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
  // The compiled template of each loaded page and component, as its definition holds it.
  private compiledTemplates = new Map<string, { groupList: Record<string, any>; content: any }>()
  private configs: Record<string, ComponentConfig> = {}
  private styleScopes: Record<string, string> = {}
  private loaded = new Set<string>()
  private stack: PageRecord[] = []
  private app: Record<string, any> | null = null
  // openerChannel is the channel wx.navigateTo made for the page it is opening.
  private openerChannel: EventChannel | null = null
  config: AppConfig = { pages: [], entryPagePath: '', app: {} }
  // The open capabilities (open-api.ts): share dialogs and open-type buttons use them.
  open?: OpenAPI
  // routeCall runs a wx route API (wx.navigateTo ...) for the instances' routers.
  routeCall: RouteCall = () => undefined

  constructor(
    private modules: Modules,
    private socket: Socket,
    private window: Window,
    readonly reportError: (err: unknown, where: string) => void,
  ) {
    // The page layer shows ids in the DOM, as the official tools do (selectors, tests).
    // Properties are not written onto the glass-easel node: a component may name one
    // `dataset` (Vant's button does), which would replace the node's own dataset.
    // setData takes data that refers to itself, as a phone's does (Lin UI's tabpanel keeps
    // its parent component in its data): glass-easel's deep copy with recursion detection.
    this.codeSpace.getComponentSpace().updateComponentOptions({
      writeIdToDOM: true,
      writeFieldsToNode: false,
      dataDeepCopy: glassEasel.DeepCopyKind.SimpleWithRecursion,
    })
    // A string or a number as wx:for's list is the mini-program's own (the WXML docs'
    // string becomes its characters; Lin UI's rate repeats a number of stars), and a list
    // not there yet (undefined or null, before an async load or a store binding's first
    // setData) renders nothing: the official tools take all of these silently, where
    // glass-easel warns.
    glassEasel.addGlobalWarningListener(
      (message) =>
        !/^Use (?:string|number) as for-list is generally for testing|^The for-list data is neither Array nor Object, got type "(?:undefined|null)"/.test(message),
    )
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
  defineConfig(path: string, config: ComponentConfig, slots?: string[]) {
    this.configs[path] = config
    if (slots) this.slots[path] = slots
  }
  // The <slot> names of the templates that have several ("" for the default one).
  private slots: Record<string, string[]> = {}

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
    return this.pages.map((p) => p.caller)
  }

  // pages is the page stack as the phone has it, bottom first: the tab pages kept alive
  // behind the shown one (switchTab keeps their state) are not in it.
  get pages(): readonly PageRecord[] {
    let shownTab: PageRecord | undefined
    for (const p of this.stack) if (this.isTab(p.path)) shownTab = p
    return this.stack.filter((p) => p === shownTab || !this.isTab(p.path))
  }

  // launch runs app.js and App.onLaunch/onShow with the launch options.
  private launch(route: RouteEvent) {
    if ('app' in this.styleScopes) this.codeSpace.addStyleSheet('app', 'app')
    if (this.modules.has('app.js')) this.modules.require('/app.js')
    if (!this.app) this.app = {}
    this.beforeAppRoute(route)
    const options = { path: route.path, query: route.query || {}, scene: route.scene ?? 1001, referrerInfo: {}, apiCategory: 'default' }
    this.launchOptions = options
    this.callHook(this.app, 'onLaunch', options)
    this.callHook(this.app, 'onShow', options)
  }

  // What wx.getLaunchOptionsSync and wx.getEnterOptionsSync answer (a copy each time).
  launchOptions: Record<string, unknown> = {}
  // enterBackground is the app going to the background (the shell's button, as a phone's
  // home key): the page on top hears onHide, then the app.
  enterBackground() {
    if (this.inBackground) return
    this.inBackground = true
    this.hide(this.stack[this.stack.length - 1])
    if (this.app) this.callHook(this.app, 'onHide')
    this.fire('appHide', {}, false)
  }

  // enterForeground brings it back: the app hears onShow with its launch options, then the
  // page on top.
  enterForeground() {
    if (!this.inBackground) return
    this.inBackground = false
    const options = { ...this.launchOptions }
    if (this.app) this.callHook(this.app, 'onShow', options)
    this.fire('appShow', options, false)
    this.show(this.stack[this.stack.length - 1])
  }
  private inBackground = false

  // route applies a route the shell decided (it owns the page iframes and checked the
  // target): the page stack changes here the same way, and the hooks run in the order a
  // phone runs them.
  route(ev: RouteEvent) {
    const top = () => this.stack[this.stack.length - 1]
    this.routeEventId = `${ev.openType}_${++this.routeCount}`
    // The launch's is heard once app.js has run (launch), so that app.js can listen for it.
    if (ev.openType !== 'appLaunch') this.beforeAppRoute(ev)
    this.changeStack(ev, top)
    // wx.onAppRoute hears of the route once the stack changed, wx.onAppRouteDone once the
    // page on top has rendered (after its onReady when it is new).
    const page = top()
    if (!page) return
    const res = { path: page.path, query: { ...page.query }, openType: ev.openType, webviewId: page.webviewId }
    this.fire('appRoute', res, false)
    page.backend.render(() => this.fire('appRouteDone', res, false))
  }

  // The listeners of the app's events (wx.onAppShow, wx.onError, wx.onBeforePageLoad ...) by
  // event name ("appShow", "error", "beforePageLoad"): app-apis.ts names them all and fills them.
  readonly appEvents = new Map<string, Set<(res: unknown) => void>>()
  private beforeAppRoute(ev: RouteEvent) {
    this.fire('beforeAppRoute', { path: ev.path, query: { ...(ev.query || {}) }, openType: ev.openType, webviewId: ev.webviewId, renderer: 'webview', notFound: false })
  }
  private routeCount = 0
  private routeEventId = ''
  // fire calls an app event's listeners, each with its own copy of res; withRouteId adds
  // the route's routeEventId, as the route hooks (wx.onBeforeAppRoute ...) carry it.
  private fire(name: string, res: unknown, withRouteId = true) {
    const set = this.appEvents.get(name)
    if (!set?.size) return
    for (const f of [...set]) {
      try {
        f(res && typeof res === 'object' ? (withRouteId ? { routeEventId: this.routeEventId, ...res } : { ...res }) : res)
      } catch (err) {
        if (name === 'error') console.error('[mpsim] in a wx.onError listener:', err)
        else this.reportError(err, `in a wx.on${name[0]!.toUpperCase()}${name.slice(1)} listener`)
      }
    }
  }

  private changeStack(ev: RouteEvent, top: () => PageRecord | undefined) {
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
    if (this.inOnError) return
    this.inOnError = true
    try {
      const onError = this.app?.onError
      if (typeof onError === 'function') onError.call(this.app, message)
    } catch (err) {
      console.error('[mpsim] in App.onError:', err)
    } finally {
      this.fire('error', message)
      this.inOnError = false
    }
  }
  private inOnError = false

  // unhandledRejection gives App.onUnhandledRejection a promise nobody caught; it reports
  // whether the app had a handler (otherwise the console shows it, as on a phone).
  unhandledRejection(reason: unknown, promise: Promise<unknown>): boolean {
    const handler = this.app?.onUnhandledRejection
    const listeners = this.appEvents.get('unhandledRejection')?.size ?? 0
    if (typeof handler !== 'function' && listeners === 0) return false
    this.callHook(this.app!, 'onUnhandledRejection', { reason, promise })
    this.fire('unhandledRejection', { reason, promise })
    return true
  }

  // menuAction runs the page hook of a capsule menu item with the phone's argument, and
  // says what a phone would share or keep (there is no one to share it with here).
  menuAction(action: string): string {
    const page = this.stack[this.stack.length - 1]
    const hook = { shareAppMessage: 'onShareAppMessage', shareTimeline: 'onShareTimeline', addToFavorites: 'onAddToFavorites' }[action]
    if (!page || !hook) return `unknown menu action ${action}`
    const f = (page.caller as any)[hook]
    // Without the hook the phone offers no sharing; favorites then keep the page itself.
    if (typeof f !== 'function' && hook !== 'onAddToFavorites') return `${page.path} cannot be shared: it has no ${hook}`
    let res: any
    try {
      res = typeof f === 'function' ? f.call(page.caller, hook === 'onAddToFavorites' ? { webViewUrl: '' } : { from: 'menu' }) : undefined
    } catch (err) {
      this.reportError(err, hook)
      return `${hook} threw`
    }
    const query = new URLSearchParams(page.query).toString()
    const defaults = { title: (this.config.window as any)?.navigationBarTitleText || '', path: '/' + page.path + (query ? '?' + query : '') }
    const shared = { ...defaults, ...(res && typeof res === 'object' ? res : {}) }
    console.log(`[mpsim] ${hook} gives`, shared)
    if (hook !== 'onAddToFavorites' && this.open) {
      // The share dialog shows what is shared, as the phone's list of chats does.
      void this.open.share(shared, 'menu', action)
      return ''
    }
    return `${hook}: ${JSON.stringify(shared)}`
  }

  // tabItemTap calls onTabItemTap of the tab's page, on top once the shell switched to it.
  tabItemTap(data: { index: number; pagePath: string; text: string }) {
    const page = this.stack[this.stack.length - 1]
    if (page && page.path === data.pagePath) this.callHook(page.caller, 'onTabItemTap', { ...data })
  }

  // pageNotFound tells the app that a page it tried to open does not exist.
  pageNotFound(data: { path: string; query?: Record<string, string>; isEntryPage?: boolean }) {
    const res = { query: {}, isEntryPage: false, ...data }
    if (this.app) this.callHook(this.app, 'onPageNotFound', res)
    this.fire('pageNotFound', { ...res })
  }

  // inIndependentSubpackage says whether path is a page of an independent subpackage,
  // which on a phone runs without the main package's app.wxss.
  private inIndependentSubpackage(path: string) {
    const app = this.config.app as { subPackages?: unknown; subpackages?: unknown } | undefined
    const subs = (app?.subPackages || app?.subpackages || []) as { root?: string; independent?: boolean }[]
    return subs.some((sp) => sp.independent && typeof sp.root === 'string' && path.startsWith(sp.root.replace(/^\/|\/$/g, '') + '/'))
  }

  // pixelRatio is the simulated device's, which the system APIs report.
  get pixelRatio() {
    return this.window.pixelRatio
  }

  private isTab(path: string) {
    const list = (this.config.app?.tabBar as { list?: { pagePath: string }[] } | undefined)?.list || []
    return list.some((item) => item.pagePath.replace(/^\//, '') === path)
  }

  // Components hear their page's show/hide (pageLifetimes) before the page's own hook,
  // as a phone runs them; glass-easel leaves triggering them to us.
  private hide(page: PageRecord | undefined) {
    if (!page) return
    this.pageLifetime(page, 'hide')
    this.callHook(page.caller, 'onHide')
  }

  private show(page: PageRecord | undefined) {
    if (!page) return
    this.pageLifetime(page, 'show')
    this.callHook(page.caller, 'onShow')
  }

  private pageLifetime(page: PageRecord, name: string) {
    try {
      ;(page.caller as any)._$?.triggerPageLifetime(name, [])
    } catch (err) {
      this.reportError(err, `in pageLifetimes.${name}`)
    }
  }

  // unload removes the page at index i of the stack: onUnload, then its tree goes
  // (detached lifetimes run).
  private unload(i: number) {
    const page = this.stack[i]
    if (!page) return
    this.stack.splice(i, 1)
    const res = { path: page.path, query: { ...page.query }, webviewId: page.webviewId }
    this.fire('beforePageUnload', res)
    this.drop(page, 'unloading a page')
    this.fire('afterPageUnload', res)
  }

  // drop runs a page's onUnload, then releases its tree (detached lifetimes run) and its
  // backend; doing names the work in an error report.
  private drop(page: PageRecord, doing: string) {
    this.callHook(page.caller, 'onUnload')
    try {
      page.tabBar?.release()
      page.root.release()
    } catch (err) {
      this.reportError(err, doing)
    }
    page.backend.destroy()
  }

  // reloadScripts swaps saved page and component scripts into the running app (the new
  // modules.js has just defined them again): each is run again, which registers it anew,
  // and each changed page is made again where it is in the stack, with its query; for a
  // changed component, the page on top. The other pages keep their state.
  reloadScripts(paths: string[]) {
    const changed = paths.map((p) => p.replace(/\.js$/, ''))
    for (const c of changed) {
      if (!this.loaded.has(c)) continue
      this.loaded.delete(c)
      this.loadComponent(c)
    }
    const pages = this.stack.filter((p) => changed.includes(p.path))
    const top = this.stack[this.stack.length - 1]
    if (pages.length === 0 && top) pages.push(top)
    for (const page of pages) {
      const at = this.stack.indexOf(page)
      this.drop(page, 'unloading a page to make it again')
      this.openPage({ path: page.path, query: page.query, webviewId: page.webviewId, openType: 'redirectTo' }, at)
    }
  }

  // openPage creates a page's component tree in a backend bound to its webview; with at,
  // in place of the page at that index of the stack (a hot update), its page layer
  // starting over.
  private openPage(ev: RouteEvent, at?: number) {
    const path = ev.path.replace(/^\//, '').replace(/\.html$/, '')
    const query = ev.query || {}
    if (!this.templates[path]) {
      this.reportError(new Error(`page "${path}" has no .wxml template`), 'routing')
      return
    }
    const loadRes = { path, query: { ...query }, openType: ev.openType, webviewId: ev.webviewId, componentFramework: 'glass-easel' }
    this.fire('beforePageLoad', loadRes)
    this.loadComponent(path)
    const scopes = this.codeSpace.getComponentSpace().styleScopeManager
    const withoutAppStyles = this.inIndependentSubpackage(path)
    const backend = new PageBackend(
      (ops: RenderOps, ack?: number, more?: boolean) => {
        this.socket.send({
          command: Cmd.AppServicePublish,
          data: { eventName: Ev.VdSync, data: { ops, ack, more }, webviewIds: [ev.webviewId] },
        })
      },
      (eventName, data) => {
        this.socket.send({ command: Cmd.AppServicePublish, data: { eventName, data, webviewIds: [ev.webviewId] } })
      },
      this.window,
      (scope) => scopes.queryName(scope),
      (sheet) => (sheet === 'app' && withoutAppStyles ? null : `/wxss/${sheet}.wxss`),
    )
    if (at !== undefined) backend.op(Op.Reset)
    backend.onEvent((target, type, detail, options) => {
      const e = new glassEasel.Event(type, detail, options)
      glassEasel.Event.dispatchEvent(target, e)
      return e.defaultPrevented() ? glassEasel.EventBubbleStatus.NoDefault : glassEasel.EventBubbleStatus.Normal
    })
    const associated = this.env.associateBackend(backend)
    const root = associated.createRoot('page', this.codeSpace, path)
    const caller = root.get() as unknown as PageCaller
    const host = (caller as any)._$?.$$ as RemoteNode | null
    if (host) host.isPageHost = true
    caller.route = path
    caller.options = query
    this.defineInstanceFields(caller, path, () => page)
    const opener = ev.openType === 'navigateTo' && this.openerChannel ? this.openerChannel : new EventChannel()
    this.openerChannel = null
    caller.getOpenerEventChannel = () => opener
    // The page is on top before its components attach: what they call in attached
    // (getCurrentPages, wx.createSelectorQuery) is about this page, as on a phone.
    const page: PageRecord = { webviewId: ev.webviewId, path, query, backend, root, caller }
    if (at === undefined) this.stack.push(page)
    else this.stack[at] = page
    appendRoot(backend, root)
    if (this.isTab(path) && (this.config.app?.tabBar as { custom?: boolean } | undefined)?.custom) {
      this.attachCustomTabBar(page, associated, backend)
    }

    this.callHook(caller, 'onLoad', { ...query })
    this.fire('afterPageLoad', { ...loadRes, page: caller })
    if (this.stack[this.stack.length - 1] === page) this.show(page)
    backend.render(() => this.callHook(caller, 'onReady'))
  }

  // attachCustomTabBar gives a tab page its own instance of the app's custom tabBar
  // (custom-tab-bar/index), fixed at the bottom of the page, as a phone does; the page's
  // getTabBar() returns it.
  private attachCustomTabBar(page: PageRecord, associated: { createRoot: (tag: string, space: any, path: string) => any }, backend: PageBackend) {
    const path = 'custom-tab-bar/index'
    try {
      this.loadComponent(path)
      const root = associated.createRoot('custom-tab-bar', this.codeSpace, path)
      appendRoot(backend, root)
      const instance = root.get()
      ;(instance._$.$$ as RemoteNode | null)?.setStyle('display: block; position: fixed; left: 0; right: 0; bottom: 0; z-index: 100;')
      page.tabBar = root
      ;(page.caller as any).getTabBar = () => instance
    } catch (err) {
      this.reportError(err, 'making the custom tabBar')
    }
  }

  // reloadTemplates gives every loaded page and component its new compiled template (the
  // new templates.js has just filled the template groups), then re-renders each open page
  // from its data: the page keeps its data and its place in the stack; the components in
  // it are made again.
  reloadTemplates() {
    const space = this.codeSpace.getComponentSpace()
    for (const [path, template] of this.compiledTemplates) {
      if (!this.templates[path]) continue
      // The definition holds this object: one not made ready yet (no instance so far)
      // will read the new content when it is; a ready one is told.
      template.content = this.templates[path]
      const def = space.getComponentByUrlWithoutDefault('/' + path, '')
      if (def?.isPrepared()) def.updateTemplate(template)
    }
    for (const page of this.stack) {
      try {
        ;(page.caller as any)._$.applyTemplateUpdates()
      } catch (err) {
        this.reportError(err, `re-rendering ${page.path}`)
      }
    }
  }

  // loadComponent registers a page or component with the adapter (its .json, template and
  // style sheet) and runs its .js, in which Page()/Component() are the adapter's for this
  // path. The components it uses are loaded first; a cycle (a recursive component) is
  // fine, the adapter resolves usingComponents when an instance is created.
  private loadComponent(path: string) {
    if (this.loaded.has(path)) return
    this.loaded.add(path)
    const config = (this.configs[path] ||= {})
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
      const template = { groupList: this.templates, content: this.templates[path] }
      this.compiledTemplates.set(path, template)
      this.codeSpace.addCompiledTemplate(path, template)
    }
    if (path in this.styleScopes) this.codeSpace.addStyleSheet(path, path, this.styleScopes[path] || undefined)
    const js = path + '.js'
    this.codeSpace.componentEnv(path, (env) => {
      const outer = this.currentEnv
      const outerPath = this.currentPath
      this.currentEnv = env
      this.currentPath = path
      try {
        if (this.modules.has(js)) this.modules.require('/' + js)
        else this.reportError(new Error(`"${path}" has no ${js}`), 'loading components')
      } finally {
        this.currentEnv = outer
        this.currentPath = outerPath
      }
    })
  }

  // installGlobals defines App, Page, Component, Behavior, getApp, getCurrentPages and
  // requirePlugin as the base library does. Page and Component register the page or
  // component whose .js is running; Behavior works anywhere, as on a phone.
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
      def === undefined ? env('Component').Component() : env('Component').Component(this.withReady(this.withBuiltinBehaviors(this.withStyleOptions(def))) as any)
    g.Behavior = (def: Record<string, any>) => this.behaviorEnv().Behavior(this.withBuiltinBehaviors(def) as any)
    g.requirePlugin = makeRequirePlugin((message) => console.warn(`[mpsim] ${message}`))
    // The logic layer's `global` is an object of its own, not the Worker's global scope.
    g.global = {}
  }

  private currentEnv: ComponentEnv | null = null
  private currentPath = ''
  private sharedEnv: ComponentEnv | null = null
  private builtinBehaviors: Record<string, unknown> | null = null

  // behaviorEnv is the environment Behavior() uses outside of a component's .js.
  private behaviorEnv(): ComponentEnv {
    if (this.currentEnv) return this.currentEnv
    if (!this.sharedEnv) this.codeSpace.componentEnv('__mpsim/behaviors', (env) => (this.sharedEnv = env))
    return this.sharedEnv!
  }

  // withStyleOptions makes options.styleIsolation / addGlobalClass written in the
  // component's .js count as in its .json: the adapter reads them only from the .json.
  // The build scoped the sheet by the .json alone, so "shared" from the .js (with a sheet
  // of its own) is taken as "apply-shared": page styles apply, its own rules stay inside.
  private withStyleOptions(def: Record<string, any>) {
    // A template with several slots, one of them the default, puts children without a
    // slot name in the default one, as the phone's base library does even without
    // multipleSlots (TDesign's tabs has <slot name="middle"/> before its default slot);
    // glass-easel's single-slot mode would use the first.
    const slots = this.slots[this.currentPath]
    if (slots?.includes('') && def && def.options?.multipleSlots === undefined) {
      def = { ...def, options: { ...def.options, multipleSlots: true } }
    }
    const opts = def?.options
    const config = this.configs[this.currentPath]
    if (!opts || !config || config.styleIsolation !== undefined || config.addGlobalClass !== undefined) return def
    let isolation = opts.styleIsolation ?? (opts.addGlobalClass ? 'apply-shared' : undefined)
    if ((isolation === 'shared' || isolation === 'page-shared') && this.styleScopes[this.currentPath]) isolation = 'apply-shared'
    if (isolation) config.styleIsolation = isolation
    return def
  }

  // withReady gives a component the `ready` lifetime, which glass-easel never triggers:
  // as on a phone, it runs once the page layer has rendered the attached component
  // (before the page's onReady, in the order the components attached).
  private readyBehavior: unknown = null
  private withReady(def: Record<string, any>) {
    if (!def || typeof def !== 'object') return def
    const runtime = this
    if (!this.readyBehavior) {
      this.readyBehavior = this.behaviorEnv().Behavior({
        lifetimes: {
          created(this: any) {
            const comp = this._$ as glassEasel.Component<any, any, any>
            runtime.defineInstanceFields(this, this.is, () => runtime.stack.find((p) => p.backend === comp.getBackendContext()))
          },
          attached(this: any) {
            const comp = this._$ as glassEasel.Component<any, any, any>
            const backend = comp.getBackendContext() as PageBackend | null
            backend?.render?.(() => {
              if (glassEasel.Element.isAttached(comp)) comp.triggerLifetime('ready', [])
            })
          },
        },
      } as any)
    }
    return { ...def, behaviors: [this.readyBehavior, ...(def.behaviors || [])] }
  }

  // defineInstanceFields gives a page or component what the base library adds beyond
  // glass-easel: `renderer` ("webview" off Skyline; WeUI's slideview renders by it),
  // `router` (relative urls from its own file), `pageRouter` (from its page's),
  // getPageId(), animate() and clearAnimation(). They are looked up when used: a
  // component is created before its page is on the stack.
  defineInstanceFields(target: Record<string, any>, path: string, page: () => PageRecord | undefined) {
    target.renderer = 'webview'
    const pagePath = () => page()?.path ?? path
    Object.defineProperty(target, 'router', { configurable: true, get: () => makeRouter(path, this.routeCall) })
    Object.defineProperty(target, 'pageRouter', { configurable: true, get: () => makeRouter(pagePath(), this.routeCall) })
    Object.defineProperty(target, 'getPageId', { configurable: true, value: () => `pageId:${page()?.webviewId ?? 0}` })
    Object.defineProperty(target, 'animate', {
      configurable: true,
      value: (selector: string, keyframes: unknown, duration: unknown, done?: unknown) => animate(target._$, selector, keyframes, duration, done),
    })
    Object.defineProperty(target, 'clearAnimation', {
      configurable: true,
      value: (selector: string, options?: unknown, done?: unknown) => clearAnimation(target._$, selector, options, done),
    })
  }

  // withBuiltinBehaviors replaces the names of the base library's behaviors
  // ("wx://form-field") in def.behaviors with the behaviors themselves.
  private withBuiltinBehaviors(def: Record<string, any>) {
    if (!def || !Array.isArray(def.behaviors) || !def.behaviors.some((b: unknown) => typeof b === 'string')) return def
    if (!this.builtinBehaviors) {
      const B = this.behaviorEnv().Behavior as (d: Record<string, unknown>) => unknown
      this.builtinBehaviors = {
        // Form fields: a <form> reads name and value from the components that have them.
        'wx://form-field': B({
          properties: { name: { type: String, value: '' }, value: { type: null, value: '' } },
          lifetimes: { created(this: any) { this._$[FORM_FIELD] = true } },
        }),
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

  // automationResult hands a page layer's answer to an automation call to its backend.
  automationResult(webviewId: number, data: { reqId: number; result?: unknown; error?: string }) {
    this.stack.find((p) => p.webviewId === webviewId)?.backend.answer(data.reqId, data)
  }

  // rendered tells a page's backend that its page layer applied a batch.
  rendered(webviewId: number, data: { ack: number }) {
    this.stack.find((p) => p.webviewId === webviewId)?.backend.rendered(data.ack)
  }

  // intersection hands a page layer's IntersectionObserver report to the page's backend.
  intersection(webviewId: number, data: { obsId: number; status: unknown }) {
    this.stack.find((p) => p.webviewId === webviewId)?.backend.intersection(data.obsId, data.status)
  }

  // wxsCallMethod runs a component method a WXS function in the page layer called.
  wxsCallMethod(webviewId: number, data: { ownerId: number; method: string; args: unknown }) {
    const page = this.stack.find((p) => p.webviewId === webviewId)
    try {
      page?.backend.callMethod(data.ownerId, data.method, data.args)
    } catch (err) {
      this.reportError(err, `in ${data.method} (called by WXS)`)
    }
  }

  // pageScroll calls the page's onPageScroll / onReachBottom for its page layer's scroll.
  pageScroll(webviewId: number, eventName: string, data: Record<string, unknown>) {
    const page = this.stack.find((p) => p.webviewId === webviewId)
    if (!page) return
    if (eventName === Ev.PageScroll) this.callHook(page.caller, 'onPageScroll', { scrollTop: data.scrollTop })
    else this.callHook(page.caller, 'onReachBottom')
  }

  // pullDownRefresh calls onPullDownRefresh of the page its page layer was pulled on.
  pullDownRefresh(webviewId: number) {
    const page = this.stack.find((p) => p.webviewId === webviewId)
    if (page) this.callHook(page.caller, 'onPullDownRefresh')
  }

  // publishToTop sends an event to the page layer of the page on top; false without one.
  publishToTop(eventName: string, data: unknown = {}) {
    const page = this.stack[this.stack.length - 1]
    if (!page) return false
    page.backend.publishEvent(eventName, data)
    return true
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
  pageEvent(webviewId: number, data: { id: number; type: string; detail?: unknown; touches?: unknown[]; changedTouches?: unknown[]; bubbles?: boolean; offsets?: [number, number, number][] }) {
    const page = this.stack.find((p) => p.webviewId === webviewId)
    if (!page) return
    const touch = data.type.startsWith('touch') || data.type === 'tap' || data.type.startsWith('long')
    if (data.offsets) page.backend.setOffsets(data.offsets)
    const redispatch = (type: string, detail: unknown) => page.backend.dispatch(data.id, type, detail, undefined, false)
    if (builtinEvent(page.backend.element(data.id), data.type, data.detail, page.caller, this.open, redispatch)) return
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

// appendRoot attaches a glass-easel root (a page's, a custom tabBar's) as the last child
// of the backend's root node, through a placeholder it takes the place of.
function appendRoot(backend: PageBackend, root: { attach(parent: any, placeholder: any): void }) {
  const rootNode = backend.getRootNode()
  const placeholder = backend.createElement('placeholder', 'placeholder')
  rootNode.appendChild(placeholder)
  root.attach(rootNode, placeholder)
  placeholder.release()
}
