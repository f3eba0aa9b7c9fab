Page({
  data: { rows: Array.from({ length: 20 }, (_, i) => i), top: 0, into: '', triggered: false, scrollLog: '', scrollXLog: '', uppers: 0, lowers: 0, refreshes: 0, restores: 0, aborts: 0, dragLog: '', pagerTop: 0, pulled: 0, offset: '' },
  onScroll(e) {
    const d = e.detail
    this.setData({ scrollLog: `top ${d.scrollTop} left ${d.scrollLeft} height ${d.scrollHeight} width ${d.scrollWidth} dx ${d.deltaX} dy ${d.deltaY}` })
  },
  onScrollX(e) {
    const d = e.detail
    this.setData({ scrollXLog: `left ${d.scrollLeft} width ${d.scrollWidth} dx ${d.deltaX}` })
  },
  onUpper(e) { this.setData({ uppers: this.data.uppers + 1, edge: e.detail.direction }) },
  onLower(e) { this.setData({ lowers: this.data.lowers + 1, edge: e.detail.direction }) },
  onPulling(e) { this.setData({ pulled: Math.round(e.detail.dy) }) },
  onRefresh() {
    this.setData({ refreshes: this.data.refreshes + 1, triggered: true })
    setTimeout(() => this.setData({ triggered: false }), 300)
  },
  onRestore() { this.setData({ restores: this.data.restores + 1 }) },
  onAbort() { this.setData({ aborts: this.data.aborts + 1 }) },
  onDrag(e) {
    // dragging repeats: the log keeps one entry for a run of them.
    const log = this.data.dragLog.split(' ').filter(Boolean)
    if (log[log.length - 1] !== e.type) log.push(e.type)
    const v = e.detail.velocity ? ':' + (typeof e.detail.velocity.y) : ''
    this.setData({ dragLog: log.join(' ') + (e.type === 'dragend' ? v : '') })
  },
  onPagerScroll(e) { this.setData({ pagerTop: e.detail.scrollTop }) },
  setTop() { this.setData({ top: 100 }) },
  setTop5() { this.setData({ top: 5 }) },
  into() { this.setData({ into: 'row10' }) },
  measure() {
    wx.createSelectorQuery().select('#sv').scrollOffset().exec((res) => {
      this.setData({ offset: `${res[0].scrollTop} ${res[0].scrollHeight}` })
    })
  },
})
