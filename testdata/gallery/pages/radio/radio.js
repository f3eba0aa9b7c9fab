Page({
  data: { out: '' },
  onChange(e) {
    this.setData({ out: e.type + ' ' + JSON.stringify(e.detail.value) })
  },
})
