// Records the event objects the page receives, to compare with a phone's.
Page({
  data: { log: '', last: '', touch: '' },
  record(name, e) {
    this.entries = (this.entries || []).concat(name + ':' + e.type)
    this.setData({ log: this.entries.join(' ') })
  },
  outerCapture(e) { this.record('outer-capture', e) },
  outer(e) { this.record('outer', e) },
  middle(e) { this.record('middle', e) },
  mutA(e) { this.record('mutA', e) },
  mutB(e) { this.record('mutB', e) },
  inner(e) {
    this.record('inner', e)
    this.setData({
      last: [e.type, typeof e.timeStamp, e.target.id, e.target.dataset.kind, e.currentTarget.id,
        e.currentTarget.dataset.kind, JSON.stringify(e.mark, Object.keys(e.mark).sort()), e.detail.x > 0, e.detail.y > 0].join('|'),
    })
  },
  reset() { this.entries = []; this.setData({ log: '' }) },
  fade() { this.setData({ faded: true }) },
  faded(e) { this.setData({ transition: e.type + '|' + e.detail.propertyName }) },
  longpress(e) { this.record('longpress', e) },
  tapAfterLong(e) { this.record('tapAfterLong', e) },
  // A phone's event is plain data: it can be kept in data and printed as JSON.
  keep(e) {
    const target = JSON.parse(JSON.stringify(e)).target
    this.setData({ kept: e, keptJSON: Object.keys(target).join(',') })
  },
  touch(e) {
    this.record('t', e)
    const c = e.changedTouches[0]
    this.setData({ touch: [e.type, e.touches.length, e.changedTouches.length, c.identifier, c.pageX > 0,
      e.target.offsetTop > 50, e.currentTarget.offsetTop === e.target.offsetTop, e.target.offsetLeft].join('|') })
  },
})
