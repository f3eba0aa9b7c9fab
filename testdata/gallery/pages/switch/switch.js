Page({
  data: { out: '', on: false },
  onChange(e) {
    this.setData({ out: this.data.out + e.currentTarget.dataset.n + '=' + e.detail.value + ' ' })
  },
  turnOn() {
    this.setData({ on: true })
  },
  turnOff() {
    this.setData({ on: false })
  },
})
