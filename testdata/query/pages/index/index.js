// SelectorQuery and IntersectionObserver, answered by the page layer.
Page({
  data: { out: '', innerOut: '', io: 'none', ioBox: 'none' },
  onReady() {
    this.measure()
    wx.createSelectorQuery().in(this.selectComponent('#box')).select('.inner').boundingClientRect((r) => {
      this.setData({ innerOut: r ? `${r.width}x${r.height} ${r.id || '-'}` : 'null' })
    }).exec()
    this.createIntersectionObserver().relativeToViewport().observe('.far', (res) => {
      this.setData({ io: `${res.intersectionRatio > 0 ? 'in' : 'out'} ${res.id} ${res.dataset.n} ${Math.round(res.boundingClientRect.height)}` })
    })
    this.selectComponent('#box').watch((text) => this.setData({ ioBox: text }))
  },
  measure() {
    const q = wx.createSelectorQuery()
    q.select('#head').boundingClientRect()
    q.selectAll('.item').boundingClientRect()
    q.selectViewport().scrollOffset()
    q.select('#head').fields({ id: true, dataset: true, mark: true, size: true, rect: true })
    q.select('#box').fields({ properties: ['label'] })
    q.select('.inner').boundingClientRect() // inside the component: not matched from the page
    q.exec((res) => {
      const [head, items, viewport, fields, box, inner] = res
      this.setData({
        out: JSON.stringify({
          head: [head.id, head.height, head.width > 0],
          items: items.map((r) => r.height),
          itemGap: Math.round(items[1].top - items[0].top),
          scrollTop: Math.round(viewport.scrollTop),
          tall: viewport.scrollHeight > 2000,
          fields,
          label: box.label,
          inner,
        }),
      })
    })
  },
})
