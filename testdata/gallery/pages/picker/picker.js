Page({
  data: {
    out: '',
    fruits: ['apple', 'banana', 'cherry', 'date'],
    fi: 0,
    objs: [{ name: 'one' }, { name: 'two' }],
    multi: [['fish', 'fruit'], ['salmon', 'tuna', 'cod']],
    mv: [0, 0],
    region: ['广东省', '广州市', '天河区'],
  },
  onSel(e) {
    this.setData({ out: e.type + ' ' + JSON.stringify(e.detail.value), fi: e.detail.value })
  },
  onKey(e) {
    this.setData({ out: e.type + ' ' + JSON.stringify(e.detail.value) })
  },
  onCancel(e) {
    this.setData({ out: e.type })
  },
  onMulti(e) {
    this.setData({ out: e.type + ' ' + JSON.stringify(e.detail.value) })
  },
  // As the phone's demo does: the second column follows the first.
  onColumn(e) {
    const out = this.data.out + 'column ' + e.detail.column + '=' + e.detail.value + ' '
    if (e.detail.column === 0) {
      const second = e.detail.value === 1 ? ['apple', 'pear'] : ['salmon', 'tuna', 'cod']
      this.setData({ out, 'multi[1]': second })
    } else {
      this.setData({ out })
    }
  },
  onValue(e) {
    this.setData({ out: e.type + ' ' + e.detail.value })
  },
  onRegion(e) {
    this.setData({ out: e.type + ' ' + e.detail.value.join(',') + ' ' + e.detail.code.join(',') + ' ' + e.detail.postcode })
  },
})
