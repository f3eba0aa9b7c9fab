// The wx APIs about the running app and its pages: the app's events (wx.onError,
// wx.onPageNotFound, the route hooks), its launch and enter options, the theme, timings
// (wx.getPerformance), fonts and the keyboard of the pages.
import { base64ToBytes, bytesToBase64 } from '../bridge/base64'
import { Cmd } from '../bridge/protocol'
import { type Socket } from '../bridge/socket'
import { type AppRuntime } from './app'
import { answering, Listeners } from './device'
import { CanvasContext, canvasElement } from './canvas-context'
import { AUDIO_METHODS, type MediaNode, mediaContext, VIDEO_METHODS } from './media'
import { type Invoker } from './wx'

// Events between the service layer and the pages for these APIs (docs/protocol.md).
export const PageAPIEvent = {
  HideKeyboard: 'hideKeyboard', // service -> page ({}): blur what has the focus
  LoadFontFace: 'loadFontFace', // service -> page ({ family, source, desc }): add the font
  KeyDown: 'onKeyDown', // page -> service ({ key, code, keyCode, timeStamp })
  KeyUp: 'onKeyUp',
  KeyboardHeight: 'onKeyboardHeightChange', // page -> service ({ height }): a text field took or lost the focus
} as const

// The app's events, each heard through wx.on<Name> and wx.off<Name> (AppRuntime fires them).
const APP_EVENTS = [
  'appShow', 'appHide', 'appRoute', 'appRouteDone', 'error', 'unhandledRejection', 'pageNotFound',
  'beforeAppRoute', 'beforePageLoad', 'afterPageLoad', 'beforePageUnload', 'afterPageUnload',
]

type Entry = { entryType: string; name: string; startTime: number; duration: number; [k: string]: unknown }

export function appAPIs(inv: Invoker, runtime: AppRuntime, socket: Socket, startTheme: string) {
  const { ok, fail, answer, pair } = answering(inv)

  // canvasRequest asks the page layer to do api on a <canvas type="2d"> node (opts.canvas)
  // or an old canvas by its canvas-id, of component or of the page on top; res makes the
  // answer's fields from the page's result.
  const canvasRequest = (api: string, opts: Record<string, any>, component: any, extra: Record<string, unknown>, res: (r: any) => Record<string, unknown>) => {
    const owner = component && component._$ ? component : runtime.topPage()
    const { success: _s, fail: _f, complete: _c, canvasId, canvas, ...args } = opts
    const done = new Promise<any>((resolve) => {
      const target = canvas ?? (canvasElement(owner, String(canvasId ?? ''))?.$$ as any)
      if (typeof target?.request !== 'function') return resolve(fail(api, `canvas ${canvasId ?? ''} not found`))
      target.request(api, { ...args, ...extra }, (r: any) => resolve(r && !r.error ? ok(api, res(r)) : fail(api, r?.error || 'the page did not answer')))
    })
    return inv.settle(opts, done)
  }
  // The route hooks and the app's events, on the runtime's sets.
  const listeners = (name: string) => {
    let set = runtime.appEvents.get(name)
    if (!set) runtime.appEvents.set(name, (set = new Set()))
    return set
  }
  // The runtime's own listeners (getPerformance's entries, fonts for new pages) share the
  // sets; an off* without a function takes off the app's listeners only.
  const runtimeOwn = new Set<(res: any) => void>()
  const event = (name: string) => {
    const set = listeners(name)
    const n = name[0]!.toUpperCase() + name.slice(1)
    const offAll = () => set.forEach((f) => runtimeOwn.has(f) || set.delete(f))
    return {
      [`on${n}`]: (f: (res: unknown) => void) => void (typeof f === 'function' && set.add(f)),
      [`off${n}`]: (f?: (res: unknown) => void) => void (typeof f === 'function' ? set.delete(f) : offAll()),
    }
  }
  const on = (name: string, f: (res: any) => void) => {
    runtimeOwn.add(f)
    listeners(name).add(f)
  }

  // The theme the device panel picks: the app hears onThemeChange when it changes (the
  // server, which the panel told first, answers the system APIs with it, and kept it over a
  // relaunch of the session).
  let theme = startTheme
  const themeListeners = new Listeners(inv.onUserError)
  inv.onEvent('onThemeChange', (d) => {
    const next = d?.theme === 'dark' ? 'dark' : 'light'
    if (next === theme) return
    theme = next
    const onThemeChange = (runtime.getApp() as any)?.onThemeChange
    try {
      if (typeof onThemeChange === 'function') onThemeChange.call(runtime.getApp(), { theme })
    } catch (err) {
      runtime.reportError(err, 'onThemeChange')
    }
    themeListeners.emit({ theme })
  })

  // wx.getPerformance: a navigation entry for each route (from the route to its page's
  // first render) and a render entry for each new page (from its load to that render).
  const entries: Entry[] = []
  const observers = new Set<{ types: Set<string>; cb: (list: unknown) => void }>()
  const record = (e: Entry) => {
    entries.push(e)
    if (entries.length > 100) entries.shift()
    for (const o of observers) {
      if (!o.types.has(e.entryType)) continue
      try {
        o.cb(entryList([e]))
      } catch (err) {
        inv.onUserError(err)
      }
    }
  }
  const now = () => performance.timeOrigin + performance.now()
  let routeStart = now()
  let loadStart = 0
  on('beforeAppRoute', () => (routeStart = now()))
  on('afterPageLoad', () => (loadStart = now()))
  on('appRouteDone', (res) => {
    const end = now()
    const launch = res.openType === 'appLaunch'
    record({ entryType: 'navigation', name: launch ? 'appLaunch' : 'route', startTime: routeStart, duration: end - routeStart, path: res.path, pageId: res.webviewId, navigationType: res.openType, navigationStart: routeStart })
    if (loadStart) record({ entryType: 'render', name: 'firstRender', startTime: loadStart, duration: end - loadStart, path: res.path, pageId: res.webviewId })
    loadStart = 0
  })
  const performanceObject = {
    now,
    ...entryList(entries),
    setBufferSize: () => {},
    createObserver: (cb: (list: unknown) => void) => {
      const o = { types: new Set<string>(), cb }
      return {
        observe: (opts: { entryTypes?: string[]; type?: string } = {}) => {
          o.types = new Set(opts.entryTypes || (opts.type ? [opts.type] : []))
          observers.add(o)
        },
        disconnect: () => void observers.delete(o),
      }
    },
  }

  // Fonts: checked here, then added to every page, and to each page opened later.
  const fonts: { family: string; source: string; desc: unknown }[] = []
  const publish = (eventName: string, data: unknown, webviewIds: number[] = []) =>
    socket.send({ command: Cmd.AppServicePublish, data: { eventName, data, webviewIds } })
  on('afterPageLoad', (res) => {
    for (const f of fonts) publish(PageAPIEvent.LoadFontFace, f, [res.webviewId])
  })
  const loadFontFace = (opts: Record<string, any> = {}) => {
    const { family, source, desc } = opts
    const done = (async () => {
      if (!family || !source) return fail('loadFontFace', 'parameter error: family and source are required', { status: 'error' })
      try {
        const face = new FontFace(String(family), String(source), desc || {})
        await face.load()
      } catch (err) {
        return fail('loadFontFace', `${source} could not be loaded: ${err}`, { status: 'error' })
      }
      const font = { family: String(family), source: String(source), desc: desc || {} }
      fonts.push(font)
      publish(PageAPIEvent.LoadFontFace, font)
      return ok('loadFontFace', { status: 'loaded' })
    })()
    return inv.settle(opts, done)
  }

  const keyDown = new Listeners(inv.onUserError)
  const keyUp = new Listeners(inv.onUserError)
  const keyboard = new Listeners(inv.onUserError)
  socket.on(Cmd.WebviewPublish, (f) => {
    const { eventName, data } = f.data || {}
    if (eventName === PageAPIEvent.KeyDown) keyDown.emit(data)
    else if (eventName === PageAPIEvent.KeyUp) keyUp.emit(data)
    else if (eventName === PageAPIEvent.KeyboardHeight) keyboard.emit(data)
  })

  // The media element with id in component (else the page on top), through the
  // backend's getContext.
  const findMedia = (id: string, component?: any) => () =>
    new Promise<MediaNode | null>((resolve) => {
      const owner = component && typeof component.createSelectorQuery === 'function' ? component : runtime.topPage()
      if (!owner) return resolve(null)
      owner.createSelectorQuery().select('#' + id).fields({ context: true }, (res: any) => resolve(res?.context ?? null)).exec()
    })

  // Launch and enter options: a copy, so that the app cannot change the runtime's.
  const options = () => JSON.parse(JSON.stringify(runtime.launchOptions))

  return {
    ...Object.assign({}, ...APP_EVENTS.map(event)),
    ...pair('ThemeChange', themeListeners),
    getLaunchOptionsSync: options,
    getEnterOptionsSync: options,
    getPerformance: () => performanceObject,
    // The old canvas API, on the <canvas canvas-id> of component or of the page on top.
    createCanvasContext: (canvasId: string, component?: any) => {
      const owner = component && component._$ ? component : runtime.topPage()
      return new CanvasContext(String(canvasId), () => canvasElement(owner, String(canvasId)))
    },
    canvasToTempFilePath: (opts: Record<string, any> = {}, component?: any) =>
      canvasRequest('canvasToTempFilePath', opts, component, { pixelRatio: runtime.pixelRatio }, (r) => ({ tempFilePath: r.tempFilePath })),
    // The pixels of an old canvas's area, read and written by the page layer in its turn
    // among the drawing; they cross the bridge as base64.
    canvasGetImageData: (opts: Record<string, any> = {}, component?: any) =>
      canvasRequest('canvasGetImageData', opts, component, {}, (r) => ({
        width: r.width, height: r.height, data: new Uint8ClampedArray(base64ToBytes(r.data).buffer),
      })),
    canvasPutImageData: (opts: Record<string, any> = {}, component?: any) => {
      const data = opts.data instanceof Uint8ClampedArray || opts.data instanceof Uint8Array ? opts.data : null
      if (!data) return inv.settle(opts, Promise.resolve(fail('canvasPutImageData', 'parameter error: data should be Uint8ClampedArray')))
      return canvasRequest('canvasPutImageData', { ...opts, data: undefined }, component, { data: bytesToBase64(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)) }, () => ({}))
    },
    createOffscreenCanvas: (opts: { type?: string; width?: number; height?: number } = {}) => {
      if (opts.type === 'webgl') console.warn('[mpsim] createOffscreenCanvas: webgl works as the browser\'s OffscreenCanvas does')
      return new OffscreenCanvas(Number(opts.width) || 300, Number(opts.height) || 150)
    },
    createVideoContext: (id: string, component?: unknown) => mediaContext(findMedia(String(id), component), VIDEO_METHODS, 'VideoContext'),
    createAudioContext: (id: string, component?: unknown) => mediaContext(findMedia(String(id), component), AUDIO_METHODS, 'AudioContext'),
    loadFontFace,
    // The simulator draws every font a page names from the computer's fonts.
    loadBuiltInFontFace: answer('loadBuiltInFontFace', ok('loadBuiltInFontFace')),
    hideKeyboard: answer('hideKeyboard', () => {
      runtime.publishToTop(PageAPIEvent.HideKeyboard)
      return ok('hideKeyboard')
    }),
    ...pair('KeyDown', keyDown),
    ...pair('KeyUp', keyUp),
    ...pair('KeyboardHeightChange', keyboard),
  }
}

// entryList reads list (the performance buffer itself, or the entries an observer hears).
function entryList(list: Entry[]) {
  return {
    getEntries: () => list.slice(),
    getEntriesByType: (type: string) => list.filter((e) => e.entryType === type),
    getEntriesByName: (name: string, type?: string) => list.filter((e) => e.name === name && (!type || e.entryType === type)),
  }
}
