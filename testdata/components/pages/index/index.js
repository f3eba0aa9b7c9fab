Page({
  data: { last: 'none' },
  onChange(e) {
    this.setData({ last: 'changed to ' + e.detail.n })
  },
})
