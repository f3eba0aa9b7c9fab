Page({
  data: { slides: ['A', 'B', 'C'], colors: ['#fcc', '#cfc', '#ccf'], current: 0, changes: '', finish: '', trans: '', autoLog: '', vertLog: '', cid: 'b', idsLog: '' },
  onChange(e) { this.setData({ changes: `${this.data.changes}${e.detail.current} ${e.detail.source}|` }) },
  onFinish(e) { this.setData({ finish: `${e.detail.current} ${e.detail.source}` }) },
  onTransition(e) {
    if (!this.data.trans) this.setData({ trans: e.detail.dx > 0 ? 'dx positive' : `dx ${e.detail.dx}` })
  },
  onAuto(e) { this.setData({ autoLog: `${this.data.autoLog}${e.detail.current} ${e.detail.source}|` }) },
  onVert(e) { this.setData({ vertLog: `${e.detail.current} ${e.detail.source}` }) },
  onIds(e) { this.setData({ idsLog: `${e.detail.current} ${e.detail.currentItemId} ${e.detail.source}` }) },
  toC() { this.setData({ cid: 'c' }) },
  to2() { this.setData({ current: 2 }) },
})
