Page({
  data: { rows: Array.from({ length: 60 }, (_, i) => i), top: 0, bottoms: 0, scrolled: '' },
  onPageScroll(e) {
    this.setData({ top: Math.round(e.scrollTop) })
  },
  onReachBottom() {
    this.setData({ bottoms: this.data.bottoms + 1 })
  },
  toRow() {
    wx.pageScrollTo({ selector: '.row-30', duration: 0, success: (res) => this.setData({ scrolled: res.errMsg }) })
  },
  toTop() {
    wx.pageScrollTo({ scrollTop: 0, duration: 0 })
  },
})
