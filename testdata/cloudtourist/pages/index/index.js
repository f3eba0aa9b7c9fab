Page({
  data: {},
  onLoad() {
    this.setData({ launched: getApp().globalData.launched })
    wx.cloud.callFunction({
      name: 'login',
      fail: (e) => this.setData({ fn: (e instanceof Error) + ' ' + e.errCode + ' ' + e.errMsg }),
    })
    wx.cloud.database().collection('todos').get().catch((e) => this.setData({ db: e.errCode + ' ' + e.message }))
  },
})
