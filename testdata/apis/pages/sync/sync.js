// The storage, system and base APIs that answer at once, each shown as `name: result` for
// e2e/apis_sweep_test.go; the results follow from what each check did.
const { showChecks } = require('../../utils/checks.js')
const p = (api, args = {}) => new Promise((resolve) => wx[api]({ ...args, success: resolve, fail: resolve }))
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const sameAs = (part, whole) => Object.keys(part).every((k) => JSON.stringify(part[k]) === JSON.stringify(whole[k]))

const checks = {
  // The Sync forms and the callback forms see the same store; one check, in order.
  storage: async () => {
    wx.clearStorageSync()
    wx.setStorageSync('a', { n: 1 })
    wx.setStorageSync('when', new Date(0))
    const info = wx.getStorageInfoSync()
    const before = `${info.keys.sort().join(',')} ${info.currentSize > 0} ${info.limitSize}`
    wx.removeStorageSync('a')
    const removed = JSON.stringify(wx.getStorageSync('a'))
    const set = (await p('batchSetStorage', { kvList: [{ key: 'x', value: 1 }, { key: 'y', value: 'two' }] })).errMsg
    const asyncInfo = await p('getStorageInfo')
    const rm = (await p('removeStorage', { key: 'x' })).errMsg
    const got = (await p('batchGetStorage', { keyList: ['x', 'y', 'when'] })).dataList
    const clear = (await p('clearStorage')).errMsg
    const after = (await p('getStorageInfo')).keys.length
    wx.setStorageSync('z', 1)
    wx.clearStorageSync()
    return [before, removed, set, `${asyncInfo.errMsg} ${asyncInfo.keys.sort().join(',')}`, rm,
      `${JSON.stringify(got[0])} ${got[1]} ${got[2] instanceof Date}`, clear, after, wx.getStorageInfoSync().keys.length].join(' | ')
  },
  getSystemInfo: async () => {
    const r = await p('getSystemInfo')
    return `${r.errMsg} ${r.model} ${r.windowWidth}x${r.windowHeight} ${sameAs(r, { ...wx.getSystemInfoSync(), errMsg: r.errMsg })}`
  },
  getWindowInfo: () => {
    const w = wx.getWindowInfo()
    return `${w.windowWidth}x${w.windowHeight} ${w.screenWidth}x${w.screenHeight} ${w.pixelRatio} ${w.statusBarHeight} ${w.safeArea.top} ${sameAs(w, wx.getSystemInfoSync())}`
  },
  getDeviceInfo: () => {
    const d = wx.getDeviceInfo()
    return `${d.brand} ${d.model} ${d.platform} ${sameAs(d, wx.getSystemInfoSync())}`
  },
  getAppBaseInfo: () => {
    const a = wx.getAppBaseInfo()
    return `${a.SDKVersion} ${a.language} ${a.theme} ${sameAs(a, wx.getSystemInfoSync())}`
  },
  getMenuButtonBoundingClientRect: () => {
    const m = wx.getMenuButtonBoundingClientRect()
    return `${m.width}x${m.height} ${m.top},${m.right} ${m.bottom - m.top === m.height && m.right - m.left === m.width}`
  },
  getSkylineInfo: async () => { const r = await p('getSkylineInfo'); return `${r.errMsg} ${r.isSupported}` },
  getDeviceBenchmarkInfo: async () => { const r = await p('getDeviceBenchmarkInfo'); return `${r.errMsg} ${r.benchmarkLevel}` },
  canIUse: () => [wx.canIUse('getSystemInfoSync'), wx.canIUse('request.object.dataType'), wx.canIUse('noSuchApi')].join(' '),
  nextTick: async () => {
    const order = []
    wx.nextTick(() => order.push('tick'))
    order.push('now')
    await sleep(0)
    return order.join(' ')
  },
  cancelIdleCallback: async () => {
    const ran = []
    const id = wx.requestIdleCallback(() => ran.push('cancelled'))
    wx.requestIdleCallback(() => ran.push('kept'))
    wx.cancelIdleCallback(id)
    await sleep(100)
    return ran.join(' ')
  },
  checkIsPictureInPictureActive: () => String(wx.checkIsPictureInPictureActive()),
}

Page({
  data: { rows: [], anim: null },
  async onLoad() {
    await showChecks(this, checks)
  },
  onReady() {
    // An animation exported to the page plays there: the test reads the box's style.
    const a = wx.createAnimation({ duration: 50, timingFunction: 'linear' })
    a.opacity(0.5).translateX(10).step()
    const exported = a.export()
    this.setData({ anim: exported, animation: `${exported.actions.length} ${exported.actions[0].animates.map((x) => x.type).join(',')}` })
    // A still node in the viewport: the observer hears it fully visible. (Not the box,
    // whose translateX may be mid-way, and partly off-screen, at the first report.)
    const o = wx.createIntersectionObserver(this)
    o.relativeToViewport().observe('.seen', (r) => {
      o.disconnect()
      this.setData({ intersection: `${r.intersectionRatio} ${r.boundingClientRect.height}` })
    })
  },
})
