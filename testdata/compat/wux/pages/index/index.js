// wux-weapp's components as its docs use them: controlled values held by the page, and
// the dialog opened by its function API ($wuxDialog), which finds <wux-dialog id> itself.
import { $wuxDialog } from 'wux-weapp/index'

Page({
  data: {
    clicks: 0,
    text: '',
    on: false,
    number: 1,
    fruits: ['pear'],
    rate: 2,
    tab: 'a',
    size: 'm',
    opened: '',
    segment: 0,
    popup: false,
    popupState: 'closed',
    dialog: 'closed',
  },
  onButton() {
    this.setData({ clicks: this.data.clicks + 1 })
  },
  onInput(e) {
    this.setData({ text: e.detail.value })
  },
  onSwitch(e) {
    this.setData({ on: e.detail.value })
  },
  onNumber(e) {
    this.setData({ number: e.detail.value })
  },
  onCheck(e) {
    const { value } = e.detail
    const fruits = this.data.fruits.includes(value)
      ? this.data.fruits.filter((f) => f !== value)
      : [...this.data.fruits, value]
    this.setData({ fruits: ['apple', 'pear', 'plum'].filter((f) => fruits.includes(f)) })
  },
  onRate(e) {
    this.setData({ rate: e.detail.value })
  },
  onTabs(e) {
    this.setData({ tab: e.detail.key })
  },
  onRadio(e) {
    this.setData({ size: e.detail.value })
  },
  onAccordion(e) {
    this.setData({ opened: e.detail.key.join(',') })
  },
  onSegment(e) {
    this.setData({ segment: e.detail.key })
  },
  openPopup() {
    this.setData({ popup: true, popupState: 'open' })
  },
  onPopupClose() {
    this.setData({ popup: false, popupState: 'closed' })
  },
  openDialog() {
    this.setData({ dialog: 'open' })
    $wuxDialog().confirm({
      resetOnClose: true,
      title: 'wux dialog',
      content: 'Sure?',
      onConfirm: () => this.setData({ dialog: 'confirmed' }),
      onCancel: () => this.setData({ dialog: 'cancelled' }),
    })
  },
})
