// Each app-level event's listener shows how often it heard its event and what it heard
// last, as `Name: count last`, for e2e/apis_sweep_test.go; .off takes every listener off
// with its off* function (the route ones with no argument: all of the app's), after which
// the same events change nothing; `navigations` counts getPerformance's entries, which
// the runtime keeps on hearing the routes. The network one
// of `witness` stays on, so the test knows when its second round of events has come.
const first = (s) => String(s).split('\n')[0]
const route = (r) => `${r.openType} ${r.path}`
const listeners = {
  AppShow: [wx.onAppShow, wx.offAppShow, (r) => `${r.path} ${r.scene}`],
  AppHide: [wx.onAppHide, wx.offAppHide, () => 'hidden'],
  AppRoute: [wx.onAppRoute, wx.offAppRoute, route],
  AppRouteDone: [wx.onAppRouteDone, wx.offAppRouteDone, route],
  BeforeAppRoute: [wx.onBeforeAppRoute, wx.offBeforeAppRoute, route],
  BeforePageLoad: [wx.onBeforePageLoad, wx.offBeforePageLoad, route],
  AfterPageLoad: [wx.onAfterPageLoad, wx.offAfterPageLoad, route],
  BeforePageUnload: [wx.onBeforePageUnload, wx.offBeforePageUnload, (r) => r.path],
  AfterPageUnload: [wx.onAfterPageUnload, wx.offAfterPageUnload, (r) => r.path],
  Error: [wx.onError, wx.offError, first],
  UnhandledRejection: [wx.onUnhandledRejection, wx.offUnhandledRejection, (r) => r.reason && r.reason.message],
  PageNotFound: [wx.onPageNotFound, wx.offPageNotFound, (r) => `${r.path} ${r.isEntryPage}`],
  KeyDown: [wx.onKeyDown, wx.offKeyDown, (r) => `${r.key} ${r.code} ${r.keyCode}`],
  KeyUp: [wx.onKeyUp, wx.offKeyUp, (r) => `${r.key} ${r.code} ${r.keyCode}`],
  KeyboardHeightChange: [wx.onKeyboardHeightChange, wx.offKeyboardHeightChange, (r) => r.height],
  MemoryWarning: [wx.onMemoryWarning, wx.offMemoryWarning, (r) => r.level],
  NetworkStatusChange: [wx.onNetworkStatusChange, wx.offNetworkStatusChange, (r) => `${r.networkType} ${r.isConnected}`],
  NetworkWeakChange: [wx.onNetworkWeakChange, wx.offNetworkWeakChange, (r) => `${r.weakNet} ${r.networkType}`],
  ThemeChange: [wx.onThemeChange, wx.offThemeChange, (r) => r.theme],
  BatteryInfoChange: [wx.onBatteryInfoChange, wx.offBatteryInfoChange, (r) => `${r.level} ${r.isCharging}`],
  UserCaptureScreen: [wx.onUserCaptureScreen, wx.offUserCaptureScreen, () => 'captured'],
  LocationChangeError: [wx.onLocationChangeError, wx.offLocationChangeError, (r) => r.errMsg],
}

Page({
  data: { rows: [], witness: '', result: '', navigations: 0 },
  onLoad() {
    const names = Object.keys(listeners)
    this.setData({ rows: names.map((name) => ({ name, count: 0, last: '' })) })
    this.heard = names.map((name, i) => {
      const [on, , show] = listeners[name]
      const f = (res) => this.setData({ [`rows[${i}].count`]: this.data.rows[i].count + 1, [`rows[${i}].last`]: String(show(res)) })
      on(f)
      return f
    })
    wx.onNetworkStatusChange((r) => this.setData({ witness: r.networkType }))
  },
  onShow() {
    this.setData({ navigations: wx.getPerformance().getEntriesByType('navigation').length })
  },
  off() {
    const allOff = /Route|PageLoad|PageUnload/
    Object.entries(listeners).forEach(([name, [, off]], i) => (allOff.test(name) ? off() : off(this.heard[i])))
    this.setData({ result: 'off' })
  },
  goSecond() { wx.navigateTo({ url: '/pages/second/second' }) },
  exit() { wx.exitMiniProgram({ success: (r) => this.setData({ result: r.errMsg }) }) },
  throwError() { setTimeout(() => { throw new Error('thrown for onError') }) },
  reject() { Promise.reject(new Error('rejected for onUnhandledRejection')) },
  missing() { wx.navigateTo({ url: '/pages/gone/gone?x=1', fail: () => {} }) },
  // Background location updates; a reading that fails reaches onLocationChangeError.
  locate() {
    wx.startLocationUpdateBackground({ complete: (r) => this.setData({ result: r.errMsg }) })
  },
  stopLocating() { wx.stopLocationUpdate({ complete: (r) => this.setData({ result: r.errMsg }) }) },
})
