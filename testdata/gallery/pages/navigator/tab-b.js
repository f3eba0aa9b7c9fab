Page({
  data: { depth: 0 },
  onShow() { this.setData({ depth: getCurrentPages().length }) },
})
