Page({
  data: { result: '', refreshes: 0 },
  badge() {
    wx.removeTabBarBadge({ index: 1 }).then((res) => this.setData({ result: res.errMsg }))
  },
  // A refresh is counted, then closed a moment later, as an app does once its data came.
  onPullDownRefresh() {
    this.setData({ refreshes: this.data.refreshes + 1 })
    setTimeout(() => wx.stopPullDownRefresh(), 300)
  },
  start() {
    wx.startPullDownRefresh({ success: (res) => this.setData({ result: res.errMsg }) })
  },
  textStyle() {
    wx.setBackgroundTextStyle({ textStyle: 'dark', success: (res) => this.setData({ result: res.errMsg }) })
  },
})
