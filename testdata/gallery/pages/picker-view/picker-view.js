Page({
  data: {
    years: ['2020', '2021', '2022', '2023', '2024', '2025'],
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep'],
    pv: [1, 2],
    out: '',
    events: '',
  },
  onChange(e) {
    this.setData({ out: e.type + ' ' + JSON.stringify(e.detail.value) })
  },
  onStart(e) {
    this.setData({ events: this.data.events + e.type + ' ' })
  },
  onEnd(e) {
    this.setData({ events: this.data.events + e.type + ' ' })
  },
  reset() {
    this.setData({ pv: [0, 0] })
  },
})
