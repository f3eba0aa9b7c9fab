Page({
  data: { name: '', twoway: 'preset', confirmed: '', focused: '', image: '' },
  onName(e) {
    this.setData({ name: e.detail.value + '|' + e.detail.cursor })
  },
  onConfirm(e) {
    this.setData({ confirmed: 'confirmed ' + e.detail.value })
  },
  onFocus() {
    this.setData({ focused: 'focused' })
  },
  onImage(e) {
    this.setData({ image: 'loaded ' + e.detail.width + 'x' + e.detail.height })
  },
  reset() {
    this.setData({ twoway: 'reset by page' })
  },
})
