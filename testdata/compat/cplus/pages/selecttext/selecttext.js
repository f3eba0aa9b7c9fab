Page({
  data: {
    text1: 'Long-press or drag to select this text.',
    text2: 'Long-press this text to copy it.',
    evt: {},
    copies: 0
  },
  handleTap(e) {
    this.setData({ evt: e })
  },
  onCopy() {
    this.setData({ copies: this.data.copies + 1 })
  }
})
