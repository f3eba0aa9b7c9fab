Page({
  data: { container: null, offsetTop: 50, fixed: '' },
  onReady() {
    this.setData({ container: () => wx.createSelectorQuery().select('#container') })
  },
  onScroll(e) {
    const fixed = e.detail.isFixed ? 'fixed' : 'free'
    if (fixed !== this.data.fixed) this.setData({ fixed })
  }
})
