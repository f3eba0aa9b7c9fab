// A page made with Component() and the computed behavior: computed fields from data and
// from a behavior's data, and watchers on fields, on several at once and on a deep path.
const computedBehavior = require('miniprogram-computed').behavior
const extra = Behavior({ data: { c: 2 } })

Component({
  behaviors: [extra, computedBehavior],
  data: { a: 1, b: 1, list: [{ n: 1 }], watched: '', deep: 0 },
  computed: {
    sum(data) {
      return data.a + data.b + data.c
    },
    double(data) {
      return data.sum * 2
    },
    total(data) {
      return data.list.reduce((s, x) => s + x.n, 0)
    },
  },
  watch: {
    'a, b': function (a, b) {
      this.setData({ watched: `${a}+${b}` })
    },
    'list.**': function (list) {
      this.setData({ deep: this.data.deep + 1 })
    },
  },
  methods: {
    step() {
      this.setData({ a: this.data.b, b: this.data.a + this.data.b })
    },
    push() {
      this.setData({ [`list[${this.data.list.length}]`]: { n: 10 } })
    },
    bumpFirst() {
      this.setData({ 'list[0].n': this.data.list[0].n + 1 })
    },
  },
})
