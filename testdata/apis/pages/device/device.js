// The simulated device's APIs that answer without asking anyone, each shown as
// `name: result` for e2e/apis_sweep_test.go. A listener hears what the check causes, and
// after off* no longer does.
const { showChecks } = require('../../utils/checks.js')
const p = (api, args = {}) => new Promise((resolve) => wx[api]({ ...args, success: resolve, fail: resolve }))
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

const checks = {
  bluetooth: async () => {
    const heard = []
    const f = (r) => heard.push(`${r.available} ${r.discovering}`)
    wx.onBluetoothAdapterStateChange(f)
    await p('openBluetoothAdapter')
    const state = await p('getBluetoothAdapterState')
    await p('startBluetoothDevicesDiscovery')
    const connected = await p('getConnectedBluetoothDevices', { services: [] })
    const stop = (await p('stopBluetoothDevicesDiscovery')).errMsg
    await sleep(20)
    wx.offBluetoothAdapterStateChange(f)
    await p('closeBluetoothAdapter')
    await sleep(20)
    const closed = (await p('getBluetoothAdapterState')).errMsg
    return [`${state.errMsg} ${state.available} ${state.discovering}`, `${connected.errMsg} ${connected.devices.length}`, stop, heard.join(','), closed].join(' | ')
  },
  wifi: async () => {
    const heard = []
    const f = (r) => heard.push(JSON.stringify(r.wifi))
    wx.onWifiConnectedWithPartialInfo(f)
    await p('startWifi')
    await p('connectWifi', { SSID: 'mpsim-guest' })
    await sleep(20)
    wx.offWifiConnectedWithPartialInfo(f)
    await p('connectWifi', { SSID: 'mpsim', password: 'secret' })
    await sleep(20)
    const set = (await p('setWifiList', { wifiList: [] })).errMsg
    const stop = (await p('stopWifi')).errMsg
    const after = (await p('getConnectedWifi')).errMsg
    return [heard.join(','), set, stop, after].join(' | ')
  },
  beacons: async () => {
    const heard = []
    const f = (r) => heard.push(`${r.available} ${r.discovering}`)
    wx.onBeaconServiceChange(f)
    await p('startBeaconDiscovery', { uuids: ['FDA50693-A4E2-4FB1-AFCF-C6EB07647825'] })
    await sleep(20)
    wx.offBeaconServiceChange(f)
    await p('stopBeaconDiscovery')
    await sleep(20)
    return heard.join(',')
  },
  getAvailableAudioSources: async () => { const r = await p('getAvailableAudioSources'); return `${r.errMsg} ${r.audioSources.join(',')}` },
  getCommonConfig: async () => { const r = await p('getCommonConfig'); return `${r.errMsg} ${r.conf_type} ${r.conf}` },
  vibrateLong: async () => (await p('vibrateLong')).errMsg,
  // These have nothing to do on a computer and answer ok, as listed in docs/api-coverage.md.
  answersOK: async () => {
    const names = ['openAppAuthorizeSetting', 'openSystemBluetoothSetting', 'preloadAssets', 'preloadSkylineView',
      'preloadWebview', 'updateWeChatApp', 'setEnableDebug', 'setInnerAudioOption', 'setTopBarText',
      'setVisualEffectOnCapture', 'loadBuiltInFontFace']
    const args = {
      preloadAssets: { data: [{ type: 'image', src: '/x.png' }] }, setEnableDebug: { enableDebug: false },
      setInnerAudioOption: { obeyMuteSwitch: false }, setTopBarText: { text: 'top' },
      setVisualEffectOnCapture: { visualEffect: 'none' }, loadBuiltInFontFace: { family: 'WeChat Sans Std', source: 'WeChat Sans Std' },
    }
    const got = await Promise.all([
      p('openAppAuthorizeSetting'), p('openSystemBluetoothSetting'), p('preloadAssets', args.preloadAssets), p('preloadSkylineView'),
      p('preloadWebview'), p('updateWeChatApp'), p('setEnableDebug', args.setEnableDebug), p('setInnerAudioOption', args.setInnerAudioOption),
      p('setTopBarText', args.setTopBarText), p('setVisualEffectOnCapture', args.setVisualEffectOnCapture),
      p('loadBuiltInFontFace', args.loadBuiltInFontFace),
    ])
    const wrong = got.filter((r, i) => r.errMsg !== names[i] + ':ok').map((r) => r.errMsg)
    return wrong.length ? wrong.join(', ') : got.length + ' ok'
  },
  reportPerformance: () => String(wx.reportPerformance(1101, 680, 'custom')),
}

Page({
  data: { rows: [] },
  async onLoad() {
    await showChecks(this, checks)
  },
})
