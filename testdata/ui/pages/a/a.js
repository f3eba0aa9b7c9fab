// Calls a wx UI API named by the tapped node and shows how it answered.
Page({
  data: { result: '' },
  call(e) {
    const { api, args } = e.currentTarget.dataset
    wx[api]({
      ...(args || {}),
      success: (res) => this.setData({ result: 'success ' + JSON.stringify(res) }),
      fail: (res) => this.setData({ result: 'fail ' + JSON.stringify(res) }),
    })
  },
  onShareAppMessage(res) {
    return { title: 'A share ' + res.from, path: '/pages/a/a?x=1' }
  },
  toB() {
    wx.switchTab({ url: '/pages/b/b' })
  },
})
