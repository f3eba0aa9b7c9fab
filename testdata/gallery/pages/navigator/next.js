Page({
  data: { from: '', depth: 0 },
  onLoad(q) { this.setData({ from: q.from, depth: getCurrentPages().length }) },
  onUnload() { getApp().log.push(`unload ${this.data.from}`) },
})
