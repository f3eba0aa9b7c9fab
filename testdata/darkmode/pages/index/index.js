// The page shows the theme the system APIs report, and follows onThemeChange.
Page({
  data: { theme: '' },
  onLoad() {
    this.setData({ theme: wx.getSystemInfoSync().theme })
    wx.onThemeChange((res) => this.setData({ theme: res.theme }))
  },
})
