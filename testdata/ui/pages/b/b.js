Page({
  data: { result: '' },
  badge() {
    wx.removeTabBarBadge({ index: 1 }).then((res) => this.setData({ result: res.errMsg }))
  },
})
