// Calls the open capabilities and shows each answer; the test (e2e/openapi_test.go) reads
// them, presses the dialogs and edits mpsim.mock.json while the page runs.
Page({
  data: {},
  onLoad(q) {
    this.api = q.api
    this.login()
    wx.checkSession({ complete: (r) => this.setData({ session: r.errMsg }) })
    wx.getUserInfo({ success: (r) => this.setData({ user: r.errMsg + ' ' + r.userInfo.nickName }) })
    wx.scanCode({ success: (r) => this.setData({ scan: r.errMsg + ' ' + r.result }) })
    wx.requestSubscribeMessage({ tmplIds: ['T1'], success: (r) => this.setData({ subscribe: r.errMsg + ' ' + r.T1 }) })
    this.request()
  },
  login() {
    wx.login().then((r) => this.setData({ login: r.errMsg + ' ' + r.code }))
  },
  request() {
    wx.request({ url: this.api + '/hello', complete: (r) => this.setData({ request: r.errMsg + (r.data ? ' ' + r.data : '') }) })
  },
  authorize() {
    wx.authorize({ scope: 'scope.userLocation' })
      .then((r) => {
        this.setData({ auth: r.errMsg })
        return wx.getLocation({ type: 'gcj02' })
      })
      .then((r) => this.setData({ location: r.errMsg + ' ' + r.latitude + ',' + r.longitude }))
      .catch((r) => this.setData({ auth: r.errMsg }))
  },
  // Location updates: two readings, then stop.
  updates() {
    let n = 0
    const heard = (r) => {
      n++
      this.setData({ updates: n + ' ' + r.latitude })
      if (n === 2) {
        wx.offLocationChange(heard)
        wx.stopLocationUpdate()
      }
    }
    wx.onLocationChange(heard)
    wx.startLocationUpdate({ fail: (r) => this.setData({ updates: r.errMsg }) })
  },
  places() {
    wx.chooseLocation({ success: (r) => this.setData({ chosen: r.errMsg + ' ' + r.latitude }) })
    wx.getFuzzyLocation({ fail: (r) => this.setData({ fuzzy: r.errMsg }) })
    wx.openLocation({ latitude: 23.1, longitude: 113.3, name: 'Here', success: (r) => this.setData({ opened: r.errMsg }) })
  },
  pay() {
    wx.requestPayment({
      timeStamp: '1700000000', nonceStr: 'n0nce', package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA', paySign: 'sig',
      complete: (r) => this.setData({ pay: r.errMsg }),
    })
  },
  profile() {
    wx.getUserProfile({ desc: '展示头像', complete: (r) => this.setData({ profile: r.errMsg + (r.userInfo ? ' ' + r.userInfo.nickName : '') }) })
  },
  setting() {
    wx.openSetting({ success: (r) => this.setData({ setting: r.errMsg + ' ' + r.authSetting['scope.userLocation'] }) })
  },
  hideShare() {
    wx.hideShareMenu({ menus: ['shareAppMessage', 'shareTimeline'] })
  },
  onPhone(e) {
    this.setData({ phone: e.detail.errMsg + ' ' + e.detail.code })
  },
  onShareAppMessage(o) {
    this.setData({ share: 'share asked from ' + o.from })
    return { title: 'Share title', path: '/pages/index/index?from=share' }
  },
})
