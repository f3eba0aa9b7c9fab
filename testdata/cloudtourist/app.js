// A cloud app opened without mpsim.mock.json: a tourist, with no cloud environment.
App({
  onLaunch() {
    wx.cloud.init({ env: 'my-env', traceUser: true })
    this.globalData.launched = 'launched'
  },
  globalData: {},
})
