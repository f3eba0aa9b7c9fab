Page({
  data: { x: 0, y: 0, log: 'none', hLog: 'none', dLog: 'none', oLog: 'none', oSources: '', hts: 0 },
  onChange(e) { this.setData({ log: `${e.detail.x} ${e.detail.y} ${e.detail.source}` }) },
  onH(e) { this.setData({ hLog: `${e.detail.x} ${e.detail.y} ${e.detail.source}` }) },
  onD(e) { this.setData({ dLog: `${e.detail.x} ${e.detail.y} ${e.detail.source}` }) },
  onO(e) {
    const s = e.detail.source
    const sources = this.data.oSources.split(',').includes(s) ? this.data.oSources : `${this.data.oSources}${s},`
    this.setData({ oLog: `${e.detail.x} ${e.detail.y} ${s} [${sources}]`, oSources: sources })
  },
  onHT() { this.setData({ hts: this.data.hts + 1 }) },
  setXY() { this.setData({ x: 500, y: 30 }) },
})
