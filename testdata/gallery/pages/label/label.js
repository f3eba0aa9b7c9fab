Page({
  data: { out: '' },
  onGroup(e) {
    this.setData({ out: this.data.out + 'group=' + JSON.stringify(e.detail.value) + ' ' })
  },
  onSwitch(e) {
    this.setData({ out: this.data.out + 'switch=' + e.detail.value + ' ' })
  },
  onRadio(e) {
    this.setData({ out: this.data.out + 'radio=' + e.detail.value + ' ' })
  },
})
