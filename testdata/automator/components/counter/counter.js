Component({
  properties: { label: { type: String, value: '' } },
  data: { value: 0 },
  methods: {
    bump() {
      this.setData({ value: this.data.value + 1 })
      this.triggerEvent('bumped', { value: this.data.value })
    },
    reset(to) { this.setData({ value: to || 0 }); return 'reset' },
  },
})
