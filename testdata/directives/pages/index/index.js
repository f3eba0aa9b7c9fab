// Page data for every WXML directive; each tap changes what the page shows.
Page({
  data: {
    mode: 0, // wx:if / wx:elif / wx:else
    hide: true, // hidden
    show: true, // <block wx:if>
    items: [
      { id: 'a', name: 'Ann' },
      { id: 'b', name: 'Bob' },
      { id: 'c', name: 'Cy' },
    ],
    tags: ['red', 'green', 'blue'],
    grid: [['x', 'y'], ['z']],
    obj: { one: 1, two: 2 },
    pairs: [
      { k: 'k1', v: 'v1' },
      { k: 'k2', v: 'v2' },
    ],
    tplName: 'inline',
    tplData: { label: 'L', n: 5 },
    a: 'A',
    b: 'B',
    qty: 2,
    word: 'hey',
    total: 3.5,
    color: 'rgb(255, 0, 0)',
    width: 120,
    out: '',
    generics: false,
  },
  step() {
    this.setData({ mode: (this.data.mode + 1) % 3 })
  },
  toggle() {
    this.setData({ hide: !this.data.hide, show: !this.data.show })
  },
  push() {
    this.setData({
      items: this.data.items.concat({ id: 'd', name: 'Dee' }),
      tags: this.data.tags.concat('pink'),
      'obj.three': 3,
    })
  },
  removeMiddle() {
    const items = this.data.items.slice()
    items.splice(1, 1)
    const tags = this.data.tags.slice()
    tags.splice(1, 1)
    this.setData({ items, tags })
  },
  reverse() {
    this.setData({
      items: this.data.items.slice().reverse(),
      tags: this.data.tags.slice().reverse(),
      pairs: this.data.pairs.slice().reverse(),
    })
  },
  swapTemplate() {
    this.setData({
      tplName: this.data.tplName === 'inline' ? 'imported' : 'inline',
      'tplData.n': this.data.tplData.n + 1,
      a: 'A2',
    })
  },
  changeWxs() {
    this.setData({ word: 'yo', total: 10 })
  },
  showGenerics() {
    this.setData({ generics: true })
  },
  setQty() {
    this.setData({ qty: 7 })
  },
  readDataset(e) {
    const d = e.currentTarget.dataset
    this.setData({ out: `dataset ${d.fooBar} ${d.userId} ${d.camelcase} ${d.camelCase}` })
  },
  readMark(e) {
    const m = e.mark
    this.setData({ out: `mark ${m.outer} ${m.inner} ${Object.keys(m).sort().join(',')}` })
  },
  readId(e) {
    this.setData({ out: `id ${e.currentTarget.id} ${e.target.id}` })
  },
})
