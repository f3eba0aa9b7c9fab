Component({
  properties: {
    start: { type: Number, value: 0 },
  },
  data: { n: 0 },
  lifetimes: {
    attached() {
      this.setData({ n: this.data.start })
    },
  },
  methods: {
    bump() {
      const n = this.data.n + 1
      this.setData({ n })
      this.triggerEvent('change', { n })
    },
  },
})
