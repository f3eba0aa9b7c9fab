Page({
  data: { status: '' },
  alert() {
    wx.enableAlertBeforeUnload({ message: 'leave second?', success: (r) => this.setData({ status: r.errMsg }) })
  },
  // Asking before leaving, then not: the back button leaves without a dialog.
  noAlert() {
    wx.enableAlertBeforeUnload({ message: 'leave second?' })
    wx.disableAlertBeforeUnload({ success: (r) => this.setData({ status: r.errMsg }) })
  },
  missing() {
    wx.navigateTo({ url: '/pages/none/none', fail: (r) => this.setData({ status: r.errMsg }) })
  },
  fail() {
    setTimeout(() => { throw new Error('boom') })
  },
  reject() {
    Promise.reject(new Error('nobody caught me'))
  },
})
