Page({
  data: { moved: '', observed: '', count: 1, taps: 0, stopped: '', turned: '' },
  moved(e) {
    this.setData({ moved: JSON.stringify(e) })
  },
  observed(e) {
    this.setData({ observed: this.data.observed + JSON.stringify(e) + ';' })
  },
  inc() {
    this.setData({ count: this.data.count + 1 })
  },
  parentTap() {
    this.setData({ taps: this.data.taps + 1 })
  },
  stopped(e) {
    this.setData({ stopped: JSON.stringify(e) })
  },
  turned(e) {
    this.setData({ turned: JSON.stringify(e.detail) })
  },
})
