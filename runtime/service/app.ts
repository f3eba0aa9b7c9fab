import * as glassEasel from 'glass-easel'
import { MiniProgramEnv } from 'glass-easel-miniprogram-adapter'
import { Cmd, Ev, type RenderOp } from '../bridge/protocol'
import { type Socket } from '../bridge/socket'
import { PageBackend } from './backend'
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
  openType: string
}

type PageCaller = Record<string, any> & { route: string; options: Record<string, string> }

type PageRecord = {
  webviewId: number
  path: string
  query: Record<string, string>
  backend: PageBackend
  caller: PageCaller
}

type Window = { width: number; height: number; pixelRatio: number }

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
  config: AppConfig = { pages: [], entryPagePath: '', app: {} }

  constructor(
    private modules: Modules,
    private socket: Socket,
    private window: Window,
    readonly reportError: (err: unknown, where: string) => void,
  ) {
    // The page layer shows ids in the DOM, as the official tools do (selectors, tests).
    this.codeSpace.getComponentSpace().updateComponentOptions({ writeIdToDOM: true })
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
  launch(route: RouteEvent) {
    if ('app' in this.styleScopes) this.codeSpace.addStyleSheet('app', 'app')
    if (this.modules.has('app.js')) this.modules.require('/app.js')
    if (!this.app) this.app = {}
    const options = { path: route.path, query: route.query || {}, scene: 1001, referrerInfo: {} }
    this.callHook(this.app, 'onLaunch', options)
    this.callHook(this.app, 'onShow', options)
  }

  route(ev: RouteEvent) {
    switch (ev.openType) {
      case 'appLaunch':
        this.launch(ev)
        this.openPage(ev)
        break
      case 'navigateTo':
        this.hideTop()
        this.openPage(ev)
        break
      default:
        this.reportError(new Error(`route openType "${ev.openType}" is not supported yet`), 'routing')
    }
  }

  private hideTop() {
    const top = this.stack[this.stack.length - 1]
    if (top) this.callHook(top.caller, 'onHide')
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
    const page: PageRecord = { webviewId: ev.webviewId, path, query, backend, caller }
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
    for (const dep of Object.values(config.usingComponents || {})) {
      if (typeof dep === 'string' && dep.startsWith('/')) this.loadComponent(dep.slice(1))
    }
    this.codeSpace.addComponentStaticConfig(path, config as any)
    if (this.templates[path]) {
      this.codeSpace.addCompiledTemplate(path, { groupList: this.templates, content: this.templates[path] })
    }
    if (path in this.styleScopes) this.codeSpace.addStyleSheet(path, path, this.styleScopes[path] || undefined)
    const js = path + '.js'
    this.codeSpace.globalComponentEnv(globalThis, path, () => {
      if (this.modules.has(js)) this.modules.require('/' + js)
      else this.reportError(new Error(`"${path}" has no ${js}`), 'loading components')
    })
  }

  // pageEvent delivers a user event from a page layer to its component tree.
  pageEvent(webviewId: number, data: { id: number; type: string; detail?: unknown }) {
    const page = this.stack.find((p) => p.webviewId === webviewId)
    if (!page) return
    page.backend.dispatch(data.id, data.type, data.detail ?? {})
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
