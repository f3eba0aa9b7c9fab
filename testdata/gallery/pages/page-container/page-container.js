Page({
  data: { show: false, log: '' },
  add(line) { this.setData({ log: (this.data.log + ' ' + line).trim() }) },
  open() { this.setData({ show: true, log: '' }) },
  close() { this.setData({ show: false }) },
  onEvent(e) { this.add(e.type) },
  // The container left by itself (the mask, a back, a drag): the page follows.
  onAfterLeave(e) {
    this.add(e.type)
    this.setData({ show: false })
  },
})
