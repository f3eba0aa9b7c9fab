Page({
  data: { p2: 30, ends: 0, at: '' },
  onEnd(e) { this.setData({ ends: this.data.ends + 1, at: e.detail.curPercent }) },
  more() { this.setData({ p2: 60 }) },
})
