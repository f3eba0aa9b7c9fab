import { Cmd } from '../bridge/protocol'
import { type Socket } from '../bridge/socket'
import { Animation, type AnimationOptions } from './animation'
import { WX_API_NAMES } from './wx-api-names'
import { baseAPIs } from './base'
import { createCloud } from './cloud'
import { deviceAPIs } from './device'
import { createFileSystemManager } from './fs'
import { domainProblem, type OpenAPI } from './open-api'
import { mediaAPIs } from './media'
import { workerAPIs } from './worker'
import { socketAPIs } from './socket-task'
import { storageAPIs } from './storage'
import { transferAPIs } from './transfer'

// Res is an API's answer; Options what the app passes to an async API.
export type Res = { errMsg: string; [k: string]: unknown }
export type Options = {
  success?: (res: any) => void
  fail?: (res: any) => void
  complete?: (res: any) => void
  [k: string]: unknown
}

// Invoker sends APPSERVICE_INVOKE frames and resolves them by callbackID; synchronous
// APIs go through POST /apihelper/assdk, which a Worker may do with a synchronous XHR.
export class Invoker {
  private nextCallbackID = 1
  private pending = new Map<number, (res: Res) => void>()

  constructor(
    private socket: Socket,
    private session: string,
    readonly onUserError: (err: unknown) => void,
  ) {
    socket.on(Cmd.AppServiceInvokeCallback, (f) => {
      const id = f.data?.callbackID
      const cb = this.pending.get(id)
      if (!cb) return
      this.pending.delete(id)
      cb(f.data.res)
    })
  }

  // onEvent runs f with the data of every APPSERVICE_ON_EVENT named eventName: the events
  // of a task under way (transfer.ts), the shell's device panel, a media element's state.
  onEvent(eventName: string, f: (data: any) => void) {
    if (!this.eventListeners) {
      const listeners = (this.eventListeners = new Map())
      this.socket.on(Cmd.AppServiceOnEvent, (frame) => {
        for (const g of listeners.get(frame.data?.eventName) || []) g(frame.data.data)
      })
    }
    const list = this.eventListeners.get(eventName) || []
    list.push(f)
    this.eventListeners.set(eventName, list)
  }
  private eventListeners: Map<string, ((data: any) => void)[]> | undefined

  invoke(api: string, args: Record<string, unknown>): Promise<Res> {
    const callbackID = this.nextCallbackID++
    return new Promise((resolve) => {
      this.pending.set(callbackID, resolve)
      this.socket.send({ command: Cmd.AppServiceInvoke, data: { api, args, callbackID } })
    })
  }

  invokeSync(api: string, args: Record<string, unknown> = {}): Res {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/apihelper/assdk', false)
    xhr.setRequestHeader('Content-Type', 'application/json')
    xhr.setRequestHeader('X-Mpsim-Session', this.session)
    try {
      xhr.send(JSON.stringify({ api, args }))
      return JSON.parse(xhr.responseText)
    } catch (err) {
      return { errMsg: `${api}:fail simulator unreachable: ${err}` }
    }
  }

  // call runs an async API the way the base library does: success/fail/complete when
  // given, a Promise otherwise. A throwing user callback is reported, never swallowed.
  call(api: string, opts: Options | undefined, map?: (res: Res) => Res): Promise<Res> | undefined {
    return this.settle(opts, this.invoke(api, argsOf(opts)).then((raw) => (map ? map(raw) : raw)))
  }

  // settle answers an API call with done's result, as call does: through the callbacks
  // when given, else as a Promise that rejects on a fail.
  settle(opts: Options | undefined, done: Promise<Res>): Promise<Res> | undefined {
    const { success, fail, complete } = opts || {}
    if (!success && !fail && !complete) {
      return done.then((res) => (isOK(res) ? res : Promise.reject(res)))
    }
    done.then((res) => {
      try {
        if (isOK(res)) success?.(res)
        else fail?.(res)
        complete?.(res)
      } catch (err) {
        this.onUserError(err)
      }
    })
    return undefined
  }
}

// argsOf is what an API's options send: all but the callbacks.
export function argsOf(opts: Options | undefined): Record<string, unknown> {
  const { success: _s, fail: _f, complete: _c, ...args } = opts || {}
  return args
}

function isOK(res: Res) {
  return typeof res?.errMsg === 'string' && /:ok\b/.test(res.errMsg)
}

// SYNC_API matches the APIs that answer by returning (*Sync, contexts, managers, a few
// more by name); createBLEConnection and createBLEPeripheralServer are asynchronous.
export const SYNC_API = /Sync$|^create(?!BLE)|^get\w*Manager$|^(getNFCAdapter|getXrFrameSystem|isVKSupport|postMessageToReferrerMiniProgram|postMessageToReferrerPage|reportPerformance)$/

// createWx builds the wx object user code sees: every function the base library declares
// is there (so feature checks see it), implemented ones answer as on a phone, and the rest
// answer "not supported in simulator" without hanging or throwing (docs/api-coverage.md).
export function createWx(inv: Invoker, open: OpenAPI) {
  const sync = (api: string) => () => strip(inv.invokeSync(api))
  let fileSystemManager: ReturnType<typeof createFileSystemManager> | undefined
  const implemented: Record<string, unknown> = {
    getSystemInfoSync: sync('getSystemInfoSync'),
    getSystemInfo: (opts?: Options) => inv.call('getSystemInfo', opts),
    getWindowInfo: sync('getWindowInfo'),
    getDeviceInfo: sync('getDeviceInfo'),
    getAppBaseInfo: sync('getAppBaseInfo'),
    getMenuButtonBoundingClientRect: sync('getMenuButtonBoundingClientRect'),
    getAccountInfoSync: sync('getAccountInfoSync'),
    nextTick: (fn: () => void) => void Promise.resolve().then(fn),
    createAnimation: (opts?: AnimationOptions) => new Animation(opts),
    ...storageAPIs(inv),
    ...transferAPIs(inv),
    ...socketAPIs(self.location.host, (url) => domainProblem(inv, url)),
    // Open capabilities, location, payment and sharing, from mpsim.mock.json (open-api.ts).
    ...open.apis,
    canIUse: (schema: string) => typeof schema === 'string' && schema.split('.')[0] in wx,
    // The file system (runtime/service/fs.ts, api/files.go): one manager, as on a phone.
    getFileSystemManager: () => (fileSystemManager ??= createFileSystemManager(inv)),
    saveFile: (opts?: Options) => inv.call('saveFile', opts),
    getSavedFileList: (opts?: Options) => inv.call('getSavedFileList', opts),
    getSavedFileInfo: (opts?: Options) => inv.call('getSavedFileInfo', opts),
    removeSavedFile: (opts?: Options) => inv.call('removeSavedFile', opts),
    getFileInfo: (opts?: Options) => inv.call('getFileInfo', opts),
    ...baseAPIs(inv),
    ...deviceAPIs(inv),
    ...mediaAPIs(inv),
    ...workerAPIs(inv.onUserError),
    // Cloud development (cloud.ts, api/cloud.go): a property of wx, not a function.
    cloud: createCloud(inv),
  }
  const warned = new Set<string>()
  const unsupported = (name: string) => {
    if (!warned.has(name)) {
      warned.add(name)
      console.warn(`[mpsim] wx.${name}: not supported in simulator`)
    }
  }
  const wx: Record<string, unknown> = { env: { USER_DATA_PATH: 'wxfile://usr' } }
  for (const name of WX_API_NAMES) {
    if (name in implemented) wx[name] = implemented[name]
    else if (SYNC_API.test(name)) {
      // A synchronous API cannot answer "fail" through a callback: it returns nothing.
      wx[name] = () => unsupported(name)
    } else if (/^(on|off)[A-Z]/.test(name)) {
      // Listening for an event the simulator never raises is harmless.
      wx[name] = () => unsupported(name)
    } else {
      wx[name] = (opts?: Options) => inv.call(name, opts)
    }
  }
  for (const name of Object.keys(implemented)) wx[name] = implemented[name]
  return wx
}

// strip drops errMsg from a synchronous result: the phone's *Sync APIs return the bare value.
function strip(res: Res) {
  if (!/:ok\b/.test(res.errMsg)) throw new Error(res.errMsg)
  const { errMsg, ...rest } = res
  return rest
}
