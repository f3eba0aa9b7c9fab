Page({
  data: { rows: [], t0: 0, ready: 0 },
  onLoad() {
    const n = 'list' === 'list' ? 1000 : 3
    // Where the time goes: how long glass-easel's setData of the rows takes in the
    // Worker, and how long after navigateTo onLoad starts.
    const start = getApp().now()
    this.setData({ t0: getApp().t0, rows: Array.from({ length: n }, (_, i) => ({ id: i, name: 'row ' + i })) })
    this.setData({ setDataMs: Math.round(getApp().now() - start), onLoadAfterMs: Math.round(start - getApp().t0) })
  },
  onReady() {
    this.setData({ ready: getApp().now() - getApp().t0 })
  },
  update() {
    this.n = (this.n || 0) + 1
    this.setData({ 'rows[500].name': 'changed ' + this.n, t1: getApp().now() })
  },
})
