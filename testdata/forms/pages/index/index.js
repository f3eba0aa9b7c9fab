Page({
  data: { name: '', twoway: 'preset', confirmed: '', focused: '' },
  onName(e) {
    this.setData({ name: e.detail.value + '|' + e.detail.cursor })
  },
  onConfirm(e) {
    this.setData({ confirmed: 'confirmed ' + e.detail.value })
  },
  onFocus() {
    this.setData({ focused: 'focused' })
  },
  reset() {
    this.setData({ twoway: 'reset by page' })
  },
})
