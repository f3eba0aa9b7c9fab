// A custom form field: the form reads its name and value (wx://form-field).
Component({
  behaviors: ['wx://form-field'],
  methods: {
    bump() {
      this.setData({ value: this.data.value + '+' })
    },
  },
})
