// Changes its own `value` property: model:value carries it back to the page.
Component({
  properties: { value: { type: Number, value: 0 } },
  methods: {
    inc() {
      this.setData({ value: this.data.value + 1 })
    },
  },
})
