Page({
  data: { num: 3, obj: { x: 1, y: 1 }, list: [1, 2], anyVal: { k: 1 }, log: '', d1: '', d2: '', exp: '' },
  onReady() {
    const field = this.selectComponent('#field')
    const exp = this.selectComponent('#exp')
    this.setData({ exp: JSON.stringify([field.data.name, field.data.value, exp, this.selectComponent('#pb1').is]) })
  },
  showLog() {
    this.setData({ log: getApp().log.join(' ') })
    getApp().log = []
  },
  describe() {
    this.setData({ d1: this.selectComponent('#pb1').describe(), d2: this.selectComponent('#pb2').describe() })
  },
  set() { this.setData({ num: 5, 'obj.x': 2 }) },
  setSame() { this.setData({ list: [1, 2] }) },
  secret() { this.selectComponent('#pb1').setSecret(7) },
})
