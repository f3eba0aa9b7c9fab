Page({
  data: { out: '', changing: '', v3: 40 },
  onChanging(e) {
    this.setData({ changing: this.data.changing + e.detail.value + ' ' })
  },
  onChange(e) {
    this.setData({ out: e.type + ' ' + e.detail.value })
  },
})
