// Each check calls an API and shows what it answered, as text the e2e test reads.
const { showChecks } = require('../../utils/checks.js')
const once = (on, off) => new Promise((resolve) => {
  const f = (res) => { off(f); resolve(res) }
  on(f)
})
const p = (api, args = {}) => new Promise((resolve) => wx[api]({ ...args, success: resolve, fail: resolve }))

const checks = {
  arrayBufferToBase64: () => wx.arrayBufferToBase64(new Uint8Array([1, 2, 3, 250]).buffer),
  base64ToArrayBuffer: () => Array.from(new Uint8Array(wx.base64ToArrayBuffer('AQID+g=='))).join(','),
  getRandomValues: async () => { const r = await p('getRandomValues', { length: 8 }); return r.errMsg + ' ' + r.randomValues.byteLength },
  getLaunchOptionsSync: () => { const o = wx.getLaunchOptionsSync(); return o.path + ' ' + o.scene + ' ' + JSON.stringify(o.query) },
  getEnterOptionsSync: () => wx.getEnterOptionsSync().path,
  getAccountInfoSync: () => { const a = wx.getAccountInfoSync().miniProgram; return a.appId + ' ' + a.envVersion },
  getNetworkType: async () => (await p('getNetworkType')).networkType,
  getBatteryInfoSync: () => { const b = wx.getBatteryInfoSync(); return b.level + ' ' + b.isCharging },
  getBatteryInfo: async () => (await p('getBatteryInfo')).level,
  accelerometer: async () => {
    const got = once(wx.onAccelerometerChange, wx.offAccelerometerChange)
    await p('startAccelerometer', { interval: 'game' })
    const r = await got
    await p('stopAccelerometer')
    return `${r.x} ${r.y} ${r.z}`
  },
  compass: async () => {
    const got = once(wx.onCompassChange, wx.offCompassChange)
    await p('startCompass')
    const r = await got
    await p('stopCompass')
    return `${r.direction} ${r.accuracy}`
  },
  gyroscope: async () => {
    const got = once(wx.onGyroscopeChange, wx.offGyroscopeChange)
    await p('startGyroscope', { interval: 'ui' })
    const r = await got
    await p('stopGyroscope')
    return `${r.x} ${r.y} ${r.z}`
  },
  deviceMotion: async () => {
    const got = once(wx.onDeviceMotionChange, wx.offDeviceMotionChange)
    await p('startDeviceMotionListening', { interval: 'normal' })
    const r = await got
    await p('stopDeviceMotionListening')
    return `${r.alpha} ${r.beta} ${r.gamma}`
  },
  wifi: async () => {
    const before = (await p('getConnectedWifi')).errMsg
    await p('startWifi')
    const list = once(wx.onGetWifiList, wx.offGetWifiList)
    await p('getWifiList')
    const names = (await list).wifiList.map((w) => w.SSID).join(',')
    const wifi = (await p('getConnectedWifi')).wifi.SSID
    const bad = (await p('connectWifi', { SSID: 'nowhere' })).errMsg
    const connected = once(wx.onWifiConnected, wx.offWifiConnected)
    await p('connectWifi', { SSID: 'mpsim-guest' })
    const now = (await connected).wifi.SSID
    return [before, names, wifi, bad, now].join(' | ')
  },
  getSystemSetting: () => wx.getSystemSetting().deviceOrientation,
  getAppAuthorizeSetting: () => wx.getAppAuthorizeSetting().cameraAuthorized,
  // The launch's entry comes once the page has rendered: an observer hears it.
  getPerformance: () => new Promise((resolve) => {
    const perf = wx.getPerformance()
    const show = (list) => list.getEntriesByType('navigation').map((e) => e.name + ' ' + e.path + ' ' + (e.duration >= 0)).join(',')
    if (show(perf)) return resolve(show(perf))
    const o = perf.createObserver((list) => { o.disconnect(); resolve(show(list)) })
    o.observe({ entryTypes: ['navigation'] })
  }),
  requestIdleCallback: () => new Promise((resolve) => wx.requestIdleCallback((d) => resolve('idle ' + (d.timeRemaining() >= 0)))),
  getUpdateManager: () => new Promise((resolve) => wx.getUpdateManager().onCheckForUpdate((r) => resolve('hasUpdate ' + r.hasUpdate))),
  getLogManager: () => { wx.getLogManager({ level: 1 }).log('from the log manager'); return 'logged' },
  getRealtimeLogManager: () => { const m = wx.getRealtimeLogManager(); m.info('realtime'); m.tag('t').warn('tagged'); return 'logCount ' + m.getCurrentState().logCount },
  getExtConfigSync: () => wx.getExtConfigSync().shop,
  getExtConfig: async () => (await p('getExtConfig')).extConfig.shop,
  getSkylineInfoSync: () => String(wx.getSkylineInfoSync().isSupported),
  getSystemInfoAsync: async () => (await p('getSystemInfoAsync')).errMsg,
  getRendererUserAgent: async () => /Chrome/.test((await p('getRendererUserAgent')).userAgent) ? 'Chrome' : 'other',
  getApiCategory: () => wx.getApiCategory(),
  reportEvent: () => { wx.reportEvent('tap', { a: 1 }); wx.reportAnalytics('purchase', { price: 1 }); wx.reportMonitor('m', 1); return 'reported' },
  getExptInfoSync: () => JSON.stringify(wx.getExptInfoSync(['a'])),
  getScreenRecordingState: async () => (await p('getScreenRecordingState')).state,
  setKeepScreenOn: async () => (await p('setKeepScreenOn', { keepScreenOn: true })).errMsg,
  checkIsOpenAccessibility: async () => String((await p('checkIsOpenAccessibility')).open),
  getLocalIPAddress: async () => (await p('getLocalIPAddress')).errMsg,
  loadFontFace: async () => (await p('loadFontFace', { family: 'missing', source: 'url("/fonts/none.woff2")' })).status,
  preDownloadSubpackage: async () => (await p('preDownloadSubpackage', { name: 'sub' })).errMsg,
  getUserCryptoManager: async () => (await new Promise((r) => wx.getUserCryptoManager().getLatestUserKey({ success: r }))).version,
  getClipboardData: async () => { await p('setClipboardData', { data: 'copied text' }); return (await p('getClipboardData')).data },
  getScreenBrightness: async () => { await p('setScreenBrightness', { value: 0.25 }); return (await p('getScreenBrightness')).value },
  setScreenBrightness: async () => (await p('setScreenBrightness', { value: 2 })).errMsg,
  vibrateShort: async () => (await p('vibrateShort', { type: 'heavy' })).errMsg,
  promise: async () => (await wx.getNetworkType()).networkType,
  checkDeviceSupportHevc: async () => String((await p('checkDeviceSupportHevc')).supported),
  createWorker: () => new Promise((resolve) => {
    const w = wx.createWorker('workers/index.js')
    w.onMessage((m) => {
      w.terminate()
      resolve(m.answer)
    })
    w.postMessage({ n: 20 })
  }),
  bluetooth: async () => {
    const before = (await p('getBluetoothDevices')).errMsg
    const state = new Promise((resolve) => wx.onBluetoothAdapterStateChange((r) => r.discovering && resolve(r)))
    await p('openBluetoothAdapter')
    await p('startBluetoothDevicesDiscovery')
    const s = await state
    const devices = (await p('getBluetoothDevices')).devices.length
    await p('closeBluetoothAdapter')
    return `${before} | ${s.available} ${s.discovering} | ${devices}`
  },
  beacons: async () => {
    await p('startBeaconDiscovery', { uuids: ['FDA50693-A4E2-4FB1-AFCF-C6EB07647825'] })
    const n = (await p('getBeacons')).beacons.length
    await p('stopBeaconDiscovery')
    return `${n} ${(await p('getBeacons')).errMsg}`
  },
}

Page({
  data: { rows: [], events: '', heard: '' },
  async onLoad() {
    await showChecks(this, checks)
    // Events of the device panel, the theme and the keyboard, as they come.
    const add = (line) => this.setData({ events: (this.data.events ? this.data.events + ' | ' : '') + line })
    wx.onNetworkStatusChange((r) => add(`network ${r.networkType} ${r.isConnected}`))
    wx.onNetworkWeakChange((r) => add(`weak ${r.weakNet}`))
    wx.onBatteryInfoChange((r) => add(`battery ${r.level} ${r.isCharging}`))
    wx.onThemeChange((r) => add(`theme ${r.theme} ${wx.getSystemInfoSync().theme}`))
    wx.onMemoryWarning((r) => add(`memory ${r.level}`))
    wx.onUserCaptureScreen(() => add('capture'))
    wx.onKeyDown((r) => add(`key ${r.key}`))
    wx.onKeyboardHeightChange((r) => add(`keyboard ${r.height}`))
  },
  goSecond() {
    wx.navigateTo({ url: '/pages/second/second?from=index' })
  },
  showHeard() {
    this.setData({ heard: getApp().heard.join(' / ') })
  },
  hideKeyboard() {
    wx.hideKeyboard()
  },
})
