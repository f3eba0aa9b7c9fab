Page({
  data: {
    title: 'Automator', count: 0, longs: 0, touches: 0, name: '', on: false, level: 10,
    rows: [1, 2, 3, 4, 5, 6, 7, 8], scrolled: 0, swiped: 0, bumped: 0, hello: '', answer: '', moved: '', ping: '', dialog: '',
    nested: { list: [{ name: 'first' }, { name: 'second' }] },
  },
  add(e) {
    this.setData({ count: this.data.count + Number(e.currentTarget.dataset.step) })
  },
  onLong() { this.setData({ longs: this.data.longs + 1 }) },
  onTouch() { this.setData({ touches: this.data.touches + 1 }) },
  onInput(e) { this.setData({ name: e.detail.value }) },
  onSwitch(e) { this.setData({ on: e.detail.value }) },
  onSlide(e) { this.setData({ level: e.detail.value }) },
  onScroll(e) { this.setData({ scrolled: Math.round(e.detail.scrollTop) }) },
  onSwipe(e) { this.setData({ swiped: e.detail.current }) },
  onBumped(e) { this.setData({ bumped: e.detail.value }) },
  onHello(e) { this.setData({ hello: e.detail.who }) },
  openDetail() { wx.navigateTo({ url: '/pages/detail/detail?from=index' }) },
  ask() {
    wx.showModal({ title: 'Sure?', content: 'Pick one', success: (res) => this.setData({ answer: res.confirm ? 'yes' : 'no' }) })
  },
  log() { console.log('hello from the page', { n: 1 }) },
  boom() { throw new Error('boom from the page') },
  double(n) { return n * 2 },
  // The open capabilities' dialogs, which the automation port's Tool.native presses.
  report(api) {
    return { success: () => this.setData({ dialog: `${api}:ok` }), fail: (e) => this.setData({ dialog: e.errMsg }) }
  },
  askAlbum() { wx.authorize({ scope: 'scope.writePhotosAlbum', ...this.report('authorize') }) },
  pay() { wx.requestPayment({ timeStamp: '1', nonceStr: 'n', package: 'prepay_id=1', paySign: 's', signType: 'MD5', ...this.report('requestPayment') }) },
  shareImage() { wx.showShareImageMenu({ path: '/pages/index/index', ...this.report('showShareImageMenu') }) },
  onMove(e) { this.setData({ moved: `${e.detail.x},${e.detail.y}` }) },
  onPing(e) { this.setData({ ping: `${e.type}:${e.detail.n}:${e.touches.length}` }) },
})
