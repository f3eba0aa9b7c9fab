Page({
  data: { out: '', dChecked: false },
  onChange(e) {
    this.setData({ out: e.type + ' ' + JSON.stringify(e.detail.value) })
  },
  checkD() {
    this.setData({ dChecked: true })
  },
})
