Page({
  open(e) {
    getApp().t0 = getApp().now()
    wx.navigateTo({ url: '/pages/' + e.currentTarget.dataset.page + '/' + e.currentTarget.dataset.page })
  },
})
