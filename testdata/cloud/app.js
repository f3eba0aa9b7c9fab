// As most cloud development apps start: wx.cloud.init in onLaunch.
App({
  onLaunch() {
    // Called before init, a cloud API fails as the base library's does.
    this.globalData.beforeInit = wx.cloud.callFunction({ name: 'add' }).then(
      () => 'ok before init',
      (e) => e.errCode + ' ' + e.errMsg.split('\n')[0],
    )
    wx.cloud.init({ env: 'test-env-1a2b', traceUser: true })
  },
  globalData: {},
})
