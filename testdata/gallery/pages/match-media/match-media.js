Page({
  data: { width: 0 },
  onLoad() { this.setData({ width: wx.getSystemInfoSync().windowWidth }) },
})
