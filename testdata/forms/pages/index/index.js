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
  // Project images, by a path relative to the page and from the root.
  onLocal(e) {
    this.setData({ local: e.type + ' ' + (e.detail.width || e.detail.errMsg) })
  },
  onRooted(e) {
    this.setData({ rooted: e.type + ' ' + (e.detail.width || e.detail.errMsg) })
  },
  onImage(e) {
    this.setData({ image: 'loaded ' + e.detail.width + 'x' + e.detail.height })
  },
  reset() {
    this.setData({ twoway: 'reset by page' })
  },
})
