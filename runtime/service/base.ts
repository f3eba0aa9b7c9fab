// The base APIs of wx the service layer answers itself: encodings, logs, idle callbacks,
// the update manager, system settings, data analysis, ext.json. What needs the running
// app (its events, its pages) is in app-apis.ts.
import { answering } from './device'
import { base64ToBytes, bytesToBase64 } from '../bridge/base64'
import { argsOf, type Invoker, type Options } from './wx'


// The Worker's XMLHttpRequest, taken before the app's modules are run with it hidden.
const NativeXHR = (globalThis as any).XMLHttpRequest as typeof XMLHttpRequest

// readExtConfig is the `ext` of the project's ext.json when `extEnable` is true, as the
// official tools give a third-party platform's mini-program; otherwise {}. The file is
// fetched once: a change of it (any .json) relaunches the app in a new Worker. Each call
// gets its own copy.
let extConfig: Record<string, unknown> | undefined
function readExtConfig(): Record<string, unknown> {
  extConfig ??= fetchExtConfig()
  return structuredClone(extConfig)
}

function fetchExtConfig(): Record<string, unknown> {
  try {
    const xhr = new NativeXHR()
    xhr.open('GET', '/ext.json', false)
    xhr.send()
    if (xhr.status !== 200) return {}
    const ext = JSON.parse(xhr.responseText)
    return ext?.extEnable ? { ...(ext.ext || {}) } : {}
  } catch {
    return {}
  }
}

export function baseAPIs(inv: Invoker) {
  const { ok, fail, answer } = answering(inv)
  let updateManager: ReturnType<typeof createUpdateManager> | undefined
  let logManager: ReturnType<typeof createLogManager> | undefined
  let realtimeLog: ReturnType<typeof createRealtimeLogManager> | undefined
  let idle = 1
  const idleTimers = new Map<number, number>()
  return {
    arrayBufferToBase64: (buf: ArrayBuffer) => bytesToBase64(new Uint8Array(buf)),
    base64ToArrayBuffer: (b64: string) => base64ToBytes(String(b64).replace(/[^A-Za-z0-9+/=]/g, '')).buffer,

    // Logs go to the console, where the official tools show them too.
    getLogManager: (opts: { level?: number } = {}) => (logManager ??= createLogManager(Number(opts.level) || 0)),
    getRealtimeLogManager: () => (realtimeLog ??= createRealtimeLogManager()),
    setEnableDebug: answer('setEnableDebug', ok('setEnableDebug')),

    // A Worker has no requestIdleCallback: the callback runs in the next task, with the
    // rest of a 50 ms frame to spend.
    requestIdleCallback: (cb: (deadline: unknown) => void) => {
      const id = idle++
      const start = Date.now()
      idleTimers.set(id, setTimeout(() => {
        idleTimers.delete(id)
        try {
          cb({ didTimeout: false, timeRemaining: () => Math.max(0, 50 - (Date.now() - start)) })
        } catch (err) {
          inv.onUserError(err)
        }
      }) as unknown as number)
      return id
    },
    cancelIdleCallback: (id: number) => {
      clearTimeout(idleTimers.get(id))
      idleTimers.delete(id)
    },

    // Data analysis: what the phone would report is shown in the console.
    reportAnalytics: (eventName: string, data?: unknown) => console.info('[mpsim] reportAnalytics', eventName, data ?? {}),
    reportEvent: (eventId: string, data?: unknown) => console.info('[mpsim] reportEvent', eventId, data ?? {}),
    reportMonitor: (name: string, value: number) => console.info('[mpsim] reportMonitor', name, value),
    reportPerformance: (id: number, value: number, dimensions?: unknown) => console.info('[mpsim] reportPerformance', id, value, dimensions ?? ''),
    // No experiment runs on a simulated account.
    getExptInfoSync: () => ({}),
    getCommonConfig: answer('getCommonConfig', ok('getCommonConfig', { errcode: 0, errmsg: 'ok', conf_type: 2, conf: '{}', expire_sec: 0 })),

    // The simulator loads every page and package at once: preloading has nothing to do.
    preloadAssets: answer('preloadAssets', ok('preloadAssets')),
    preloadSkylineView: answer('preloadSkylineView', ok('preloadSkylineView')),
    preloadWebview: answer('preloadWebview', ok('preloadWebview')),
    preDownloadSubpackage: (opts?: Options) => {
      const args = argsOf(opts)
      const progress = new Set<(res: unknown) => void>()
      inv.settle(opts, Promise.resolve().then(() => {
        if (!args.name && !args.root) return fail('preDownloadSubpackage', 'parameter error: name or root is required')
        for (const f of progress) f({ progress: 100, totalBytesWritten: 0, totalBytesExpectedToWrite: 0 })
        return ok('preDownloadSubpackage')
      }))
      return { onProgressUpdate: (f: (res: unknown) => void) => void (typeof f === 'function' && progress.add(f)) }
    },

    getUpdateManager: () => (updateManager ??= createUpdateManager(inv.onUserError)),
    updateWeChatApp: answer('updateWeChatApp', ok('updateWeChatApp')),

    getSystemInfoAsync: (opts?: Options) =>
      inv.call('getSystemInfo', opts, (res) => ({ ...res, errMsg: res.errMsg.replace(/^getSystemInfo:/, 'getSystemInfoAsync:') })),
    getSystemSetting: () => ({ bluetoothEnabled: true, locationEnabled: true, wifiEnabled: true, deviceOrientation: 'portrait' }),
    getAppAuthorizeSetting: () => ({
      albumAuthorized: 'authorized', bluetoothAuthorized: 'authorized', cameraAuthorized: 'authorized',
      locationAuthorized: 'authorized', locationReducedAccuracy: false, microphoneAuthorized: 'authorized',
      notificationAuthorized: 'authorized', notificationAlertAuthorized: 'authorized',
      notificationBadgeAuthorized: 'authorized', notificationSoundAuthorized: 'authorized',
      phoneCalendarAuthorized: 'authorized',
    }),
    openAppAuthorizeSetting: answer('openAppAuthorizeSetting', ok('openAppAuthorizeSetting')),
    openSystemBluetoothSetting: answer('openSystemBluetoothSetting', ok('openSystemBluetoothSetting')),
    getDeviceBenchmarkInfo: answer('getDeviceBenchmarkInfo', ok('getDeviceBenchmarkInfo', { benchmarkLevel: 1, modelLevel: 0 })),
    // The pages render in this browser: its user agent is the renderer's.
    getRendererUserAgent: answer('getRendererUserAgent', () => ok('getRendererUserAgent', { userAgent: (globalThis as any).navigator?.userAgent ?? '' })),
    getSkylineInfo: answer('getSkylineInfo', ok('getSkylineInfo', { isSupported: false, reason: 'the simulator renders every page with WebView' })),
    getSkylineInfoSync: () => ({ isSupported: false, reason: 'the simulator renders every page with WebView' }),
    getApiCategory: () => 'default',
    checkIsPictureInPictureActive: () => false,
    setTopBarText: answer('setTopBarText', ok('setTopBarText')),

    getUserCryptoManager: () => ({
      getLatestUserKey: answer('getLatestUserKey', () => ok('getLatestUserKey', {
        encryptKey: bytesToBase64(crypto.getRandomValues(new Uint8Array(16))),
        iv: bytesToBase64(crypto.getRandomValues(new Uint8Array(16))),
        version: 1,
        expireTime: Math.floor(Date.now() / 1000) + 86400,
      })),
      getRandomValues: answer('getRandomValues', (args) => ok('getRandomValues', { randomValues: crypto.getRandomValues(new Uint8Array(Number(args.length) || 0)).buffer })),
    }),

    getExtConfigSync: () => readExtConfig(),
    getExtConfig: answer('getExtConfig', () => ok('getExtConfig', { extConfig: readExtConfig() })),
  }
}

function createLogManager(level: number) {
  const out = (method: 'debug' | 'info' | 'log' | 'warn') => (...args: unknown[]) => console[method]('[LogManager]', ...args)
  return { debug: level === 0 ? out('debug') : () => {}, info: out('info'), log: out('log'), warn: out('warn') }
}

// createRealtimeLogManager writes the phone's real-time logs to the console, with the
// filter messages set on them; tag(name) gives one that names its tag.
function createRealtimeLogManager() {
  let filters: string[] = []
  let count = 0
  const make = (tag?: string) => {
    const out = (method: 'debug' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
      count++
      console[method](`[RealtimeLog${tag ? ' ' + tag : ''}]`, ...args, ...(filters.length ? [`(filter: ${filters.join(', ')})`] : []))
    }
    return {
      debug: out('debug'),
      info: out('info'),
      warn: out('warn'),
      error: out('error'),
      setFilterMsg: (msg: string) => void (filters = [String(msg)]),
      addFilterMsg: (msg: string) => void filters.push(String(msg)),
    }
  }
  return {
    ...make(),
    in: () => {},
    getCurrentState: () => ({ size: 0, maxSize: 5 * 1024, logCount: count, maxLogCount: 5000 }),
    tag: (name: string) => make(String(name)),
  }
}

// createUpdateManager is the phone's update manager for a version that is the newest:
// onCheckForUpdate hears hasUpdate false, and no update ever becomes ready.
function createUpdateManager(report: (err: unknown) => void) {
  return {
    onCheckForUpdate: (f: (res: unknown) => void) => {
      if (typeof f !== 'function') return
      setTimeout(() => {
        try {
          f({ hasUpdate: false })
        } catch (err) {
          report(err)
        }
      })
    },
    onUpdateReady: () => {},
    onUpdateFailed: () => {},
    applyUpdate: () => console.warn('[mpsim] UpdateManager.applyUpdate: there is no new version to apply'),
  }
}
