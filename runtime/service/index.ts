// The service layer: runs in a Web Worker, as the logic layer runs on a phone without a
// DOM. It loads the app's code (appservice.js), runs App/Page/Component on glass-easel,
// and talks to the pages and the Go API handlers through the hub.
import * as adapter from 'glass-easel-miniprogram-adapter'
import { Cmd, Ev } from '../bridge/protocol'
import { Socket, socketURL } from '../bridge/socket'
import { AppRuntime, type AppConfig, type RouteEvent } from './app'
import { Automation, type Request } from './automation'
import { appAPIs } from './app-apis'
import { installNodeField } from './canvas'
import { installIntersectionObserver } from './intersection'
import { Modules } from './modules'
import { installSetDataChecks } from './set-data'
import { StackMapper } from './sourcemap'
import { createOpenAPI } from './open-api'
import { setNetworkTimeout } from './transfer'
import { Invoker, createWx } from './wx'
import { wxsHooks } from './wxs-instance'

declare const importScripts: (...urls: string[]) => void

const session = new URLSearchParams(self.location.search).get('session') || ''
const socket = new Socket(socketURL(self.location, 'service', session))
const modules = new Modules()

const stacks = new StackMapper(`/appservice.js.map?session=${encodeURIComponent(session)}`)

// reportError shows an exception of the app's code in the console with the user's file
// and line, hands it to App.onError as the phone does, and tells the pages; the app keeps
// running.
function reportError(err: unknown, where: string) {
  const e = err instanceof Error ? err : new Error(String(err))
  const stack = stacks.map(e.stack || `${e.name}: ${e.message}`)
  console.error(`[mpsim] ${where}: ${stack}`)
  runtime?.appError(`${e.message}\n${stack}`)
  automation?.exception(e.message, stack)
  socket.send({
    command: Cmd.AppServicePublish,
    data: { eventName: Ev.AppError, data: { message: e.message, stack, where }, webviewIds: [] },
  })
}

const invoker = new Invoker(socket, session, (err) => reportError(err, 'in an API callback'))
const open = createOpenAPI(invoker)
const wx = createWx(invoker, open)
const sys = wx.getSystemInfoSync() as { windowWidth: number; windowHeight: number; pixelRatio: number; theme: string }
// eslint-disable-next-line prefer-const
let runtime: AppRuntime | undefined
// The automation port (miniprogram-automator), made below.
let automation: Automation | undefined
runtime = new AppRuntime(
  modules,
  socket,
  { width: sys.windowWidth, height: sys.windowHeight, pixelRatio: sys.pixelRatio },
  reportError,
)
runtime.open = open

// The globals of the logic layer, as the base library defines them.
const g = globalThis as any
g.wx = wx
runtime.installGlobals(g)
// What appservice.js calls to hand its content over (compiler/build.go).
g.__mpsim = {
  setConfig: (c: AppConfig) => {
    runtime.config = c
    modules.setAliases(c.aliases)
    setNetworkTimeout(c.app)
  },
  templateGroups: runtime.templateGroups,
  defineConfig: (path: string, c: any, slots?: string[]) => runtime.defineConfig(path, c, slots),
  defineStyleSheet: (path: string, scopeName: string) => runtime.defineStyleSheet(path, scopeName),
  define: (path: string, fn: any) => modules.define(path, fn),
  wxsHooks,
}

installIntersectionObserver()
installNodeField()
installSetDataChecks((message) => console.warn(`[mpsim] ${message}`))

// Page-level queries run on the page on top of the stack, as the phone's do. One made
// while the first page's tree is still being built (a component's property observer,
// as iView Weapp's swipeout has) is still a query: in(component) scopes it.
wx.createSelectorQuery = () => runtime!.topPage()?.createSelectorQuery() ?? unscopedQuery()
wx.createIntersectionObserver = (component?: any, options?: any) =>
  (component && typeof component.createIntersectionObserver === 'function'
    ? component.createIntersectionObserver(options)
    : runtime!.topPage()?.createIntersectionObserver(component))

wx.pageScrollTo = (opts: Record<string, any> = {}) => {
  const { success, fail, complete, ...args } = opts
  const finish = (errMsg: string) => {
    const res = { errMsg }
    if (errMsg.endsWith(':ok')) success?.(res)
    else fail?.(res)
    complete?.(res)
  }
  runtime!.pageScrollTo(args, finish)
}

Object.assign(wx, appAPIs(invoker, runtime, socket, sys.theme))

// Pull-down refresh of the page on top, drawn by its page layer.
for (const [api, eventName] of [['startPullDownRefresh', Ev.StartPullDownRefresh], ['stopPullDownRefresh', Ev.StopPullDownRefresh]] as const) {
  wx[api] = (opts: Record<string, any> = {}) => {
    const ok = runtime.publishToTop(eventName)
    const res = { errMsg: `${api}:${ok ? 'ok' : 'fail no page'}` }
    if (!opts.success && !opts.fail && !opts.complete) return ok ? Promise.resolve(res) : Promise.reject(res)
    ;(ok ? opts.success : opts.fail)?.(res)
    opts.complete?.(res)
  }
}

// The automation port (miniprogram-automator): requests the hub passes on from it.
automation = new Automation(runtime, wx, (method, params) =>
  socket.send({ command: Cmd.AutomationEvent, data: { method, params } }))
socket.on(Cmd.AutomationRequest, (f) => {
  const req = f.data as Request
  automation!.handle(req).then(
    (result) => socket.send({ command: Cmd.AutomationResponse, data: { id: req.id, result: result ?? {} } }),
    (err) => socket.send({ command: Cmd.AutomationResponse, data: { id: req.id, error: { message: String(err?.message ?? err) } } }),
  )
})

const navigate = wx.navigateTo as (opts: Record<string, unknown>) => Promise<any> | undefined
wx.navigateTo = (opts: Record<string, unknown>) => runtime.navigateTo(navigate, opts)
runtime.routeCall = (api, opts) => wx[api](opts)

socket.on(Cmd.AppServiceOnEvent, (f) => {
  const { eventName, data } = f.data || {}
  if (eventName === Ev.AppRoute) runtime.route(data as RouteEvent)
  else if (eventName === Ev.PageNotFound) runtime.pageNotFound(data)
  else if (eventName === Ev.TabItemTap) runtime.tabItemTap(data)
  else if (eventName === Ev.MenuAction) {
    const shown = runtime.menuAction(data?.action)
    if (shown) wx.showToast({ title: shown, icon: 'none', duration: 2500 })
  }
  else if (eventName === Ev.TemplatesChanged) {
    // Saved .wxml or .wxs: load the new templates over the old ones, then re-render.
    try {
      const paths: string[] = data?.paths || []
      const wxsToo = data?.wxs ? '&wxs=1' : ''
      importScripts(`/templates.js?session=${encodeURIComponent(session)}&paths=${encodeURIComponent(paths.join(','))}${wxsToo}`)
      runtime.reloadTemplates()
    } catch (err) {
      reportError(err, 'loading the new templates')
    }
  } else if (eventName === Ev.ScriptsChanged) {
    // Saved page or component scripts: define them again, then make their pages again.
    try {
      const paths: string[] = data?.paths || []
      importScripts(`/modules.js?session=${encodeURIComponent(session)}&paths=${encodeURIComponent(paths.join(','))}`)
      runtime.reloadScripts(paths)
    } catch (err) {
      reportError(err, 'loading the new scripts')
    }
  } else if (eventName === Ev.EnterBackground) runtime.enterBackground()
  else if (eventName === Ev.EnterForeground) runtime.enterForeground()
})
socket.on(Cmd.WebviewPublish, (f) => {
  const { eventName, data } = f.data || {}
  if (!f.fromWebviewID) return
  if (eventName === Ev.PageEvent) runtime.pageEvent(f.fromWebviewID, data)
  else if (eventName === Ev.NodeQueryResult) runtime.nodeQueryResult(f.fromWebviewID, data)
  else if (eventName === Ev.AutomationResult) runtime.automationResult(f.fromWebviewID, data)
  else if (eventName === Ev.WxsCallMethod) runtime.wxsCallMethod(f.fromWebviewID, data)
  else if (eventName === Ev.Intersection) runtime.intersection(f.fromWebviewID, data)
  else if (eventName === Ev.Rendered) runtime.rendered(f.fromWebviewID, data)
  else if (eventName === Ev.PageScroll || eventName === Ev.ReachBottom) runtime.pageScroll(f.fromWebviewID, eventName, data || {})
  else if (eventName === Ev.PullDownRefresh) runtime.pullDownRefresh(f.fromWebviewID)
})

// Exceptions outside glass-easel's reach (timers, promise chains) are reported the same
// way, and do not stop the app.
self.addEventListener('error', (e: ErrorEvent) => {
  reportError(e.error ?? e.message, 'uncaught')
  e.preventDefault()
})
self.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
  if (runtime?.unhandledRejection(e.reason, e.promise)) e.preventDefault()
})

try {
  importScripts(`/appservice.js?session=${encodeURIComponent(session)}`)
} catch (err) {
  reportError(err, 'loading appservice.js')
}

// unscopedQuery is a SelectorQuery with no component yet: in(component) gives it one,
// else it runs on the page on top when it first selects.
function unscopedQuery() {
  const query = (adapter as any).component.ComponentCaller.prototype.createSelectorQuery.call(null)
  const scopeTo = query.in
  let scoped = false
  query.in = function (this: unknown, component: unknown) {
    scoped = true
    return scopeTo.call(this, component)
  }
  for (const name of ['select', 'selectAll', 'selectViewport']) {
    const select = query[name]
    query[name] = function (this: unknown, ...args: unknown[]) {
      if (!scoped) query.in(runtime!.topPage())
      return select.apply(this, args)
    }
  }
  return query
}
