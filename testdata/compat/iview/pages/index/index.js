// iView Weapp's components as its docs use them: the page holds each value and writes
// back what a component's change event says; toasts and messages go through $Toast and
// $Message, which find <i-toast id="toast"> and <i-message id="message"> themselves.
const { $Toast, $Message } = require('../../iview/base/index')

Page({
  data: {
    clicks: 0,
    text: '',
    untyped: '',
    on: false,
    stars: 2,
    number: 1,
    fruits: ['pear'],
    size: 'medium',
    tab: 'one',
    accordion: 'first',
    modal: false,
    modalState: 'closed',
    step: 0,
    tagChecked: true,
    percent: 20,
    swipe: '',
    sheet: false,
    sheetActions: [{ name: 'Share' }, { name: 'Delete', color: '#ed3f14' }],
    sheetState: 'closed',
    swipeActions: [{ name: 'Like', width: 80, color: '#fff', background: '#ed3f14' }],
    bar: 'home',
  },
  onButton() {
    this.setData({ clicks: this.data.clicks + 1 })
  },
  // i-input passes on the whole input event as its detail.
  onInput(e) {
    this.setData({ text: e.detail.detail.value })
  },
  onUntyped(e) {
    this.setData({ untyped: e.detail.detail.value })
  },
  onSwitch(e) {
    this.setData({ on: e.detail.value })
  },
  onRate(e) {
    this.setData({ stars: e.detail.index })
  },
  onNumber({ detail }) {
    this.setData({ number: detail.value })
  },
  onFruit({ detail = {} }) {
    const fruits = this.data.fruits
    const i = fruits.indexOf(detail.value)
    i === -1 ? fruits.push(detail.value) : fruits.splice(i, 1)
    this.setData({ fruits })
  },
  onSize({ detail = {} }) {
    this.setData({ size: detail.value })
  },
  onTab({ detail }) {
    this.setData({ tab: detail.key })
  },
  openModal() {
    this.setData({ modal: true, modalState: 'open' })
  },
  onModalOk() {
    this.setData({ modal: false, modalState: 'ok' })
  },
  onModalCancel() {
    this.setData({ modal: false, modalState: 'cancel' })
  },
  showToast() {
    $Toast({ content: 'Saved', type: 'success' })
  },
  showMessage() {
    $Message({ content: 'Hello message', type: 'warning' })
  },
  nextStep() {
    this.setData({ step: (this.data.step + 1) % 4 })
  },
  onTag(e) {
    this.setData({ tagChecked: e.detail.checked })
  },
  grow() {
    this.setData({ percent: Math.min(100, this.data.percent + 30) })
  },
  onSwipe(e) {
    this.setData({ swipe: 'action ' + e.detail.index })
  },
  openSheet() {
    this.setData({ sheet: true, sheetState: 'open' })
  },
  onSheetItem({ detail }) {
    this.setData({ sheet: false, sheetState: this.data.sheetActions[detail.index].name })
  },
  onSheetCancel() {
    this.setData({ sheet: false, sheetState: 'cancelled' })
  },
  onBar({ detail }) {
    this.setData({ bar: detail.key })
  },
})
