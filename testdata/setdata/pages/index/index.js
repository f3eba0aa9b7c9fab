// setData: path keys, the callback once the page shows the change, and the phone's warnings.
Page({
  data: { list: [{ id: 1, name: 'a' }, { id: 2, name: 'b' }], obj: { a: { b: 1 } }, shown: false, cb: '', bigLength: 0 },
  paths() {
    this.setData({ 'list[1].name': 'B', 'obj.a.b': 2 })
  },
  show() {
    this.setData({ shown: true }, () => {
      // The node is in the page when the callback runs: the query finds it.
      this.createSelectorQuery().select('.shown').boundingClientRect((r) => {
        this.setData({ cb: r ? `rendered ${r.height} ${this.data.shown}` : 'not rendered' })
      }).exec()
    })
  },
  big() {
    const big = 'x'.repeat(1100 * 1024)
    this.setData({ big, bigLength: big.length })
  },
  // Data that refers to itself (Lin UI's tabpanel keeps its parent component in data).
  cycle() {
    const node = { name: 'loop' }
    node.self = node
    this.setData({ node })
  },
  undef() {
    this.setData({ nothing: undefined })
  },
})
