Page({
  data: { taps: 0, image: '' },
  onImage(e) { this.setData({ image: `load ${e.detail.width}x${e.detail.height}` }) },
  tap() { this.setData({ taps: this.data.taps + 1 }) },
})
