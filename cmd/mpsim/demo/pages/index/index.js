const { plural } = require('../../utils/format')

Page({
  data: {
    count: 0,
    taps: plural(0, 'tap'),
    device: '',
    nickName: '',
  },
  onLoad() {
    const info = wx.getSystemInfoSync()
    this.setData({ device: info.model + ', ' + info.screenWidth + '×' + info.screenHeight })
  },
  increment() {
    const count = this.data.count + 1
    this.setData({ count, taps: plural(count, 'tap') })
  },
  login() {
    wx.getUserInfo({
      success: (res) => this.setData({ nickName: res.userInfo.nickName }),
      fail: (res) => this.setData({ nickName: res.errMsg }),
    })
  },
})
