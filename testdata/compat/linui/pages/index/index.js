// Lin UI's components as its docs use them: lin* events, two-way state held by the page.
Page({
  data: {
    taps: 0,
    name: '',
    on: false,
    count: 1,
    fruits: [
      { key: 'apple', label: 'Apple', checked: false },
      { key: 'pear', label: 'Pear', checked: true },
    ],
    picked: 'pear',
    size: 'm',
    score: 2,
    tab: 'one',
    expanded: '',
    showDialog: false,
    dialog: 'closed',
  },
  onButton() {
    this.setData({ taps: this.data.taps + 1 })
  },
  onInput(e) {
    this.setData({ name: e.detail.value })
  },
  onSwitch(e) {
    this.setData({ on: e.detail.checked })
  },
  // linchange comes from the counter's data observer of count, which the page's setData
  // passes back: the same value must not fire it again (docs/compat.md, WXML).
  onCounter(e) {
    this.setData({ count: e.detail.count })
  },
  onCheck(e) {
    const fruits = this.data.fruits.map((f) => (f.key === e.detail.key ? { ...f, checked: e.detail.checked } : f))
    this.setData({
      fruits,
      picked: fruits.filter((f) => f.checked).map((f) => f.key).join(','),
    })
  },
  onRadio(e) {
    this.setData({ size: e.detail.key })
  },
  onRate(e) {
    this.setData({ score: e.detail.score })
  },
  onTab(e) {
    this.setData({ tab: e.detail.activeKey })
  },
  onExpand(e) {
    this.setData({ expanded: 'open ' + e.detail.id })
  },
  onFold(e) {
    this.setData({ expanded: 'folded ' + e.detail.id })
  },
  openDialog() {
    this.setData({ showDialog: true, dialog: 'open' })
  },
  onConfirm() {
    this.setData({ dialog: 'confirmed' })
  },
  onCancel() {
    this.setData({ dialog: 'cancelled' })
  },
})
