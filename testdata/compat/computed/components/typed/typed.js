// ComponentWithComputed: computed from a property, and a watcher on it.
const { ComponentWithComputed } = require('miniprogram-computed')

ComponentWithComputed({
  properties: { base: { type: Number, value: 0 } },
  data: { seen: 0 },
  computed: {
    tripled(data) {
      return data.base * 3
    },
  },
  watch: {
    base(v) {
      this.setData({ seen: this.data.seen + 1 })
    },
  },
})
