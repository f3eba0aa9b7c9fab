const counter = require('../../lib/counter.js')

Page({
  data: {
    count: 0,
    // Where this code runs: the service layer is a Web Worker, with no DOM.
    layer: typeof document === 'undefined' && typeof WorkerGlobalScope !== 'undefined' ? 'worker' : 'window',
    launchPath: '',
    screenWidth: 0,
    nickName: '',
    user: { name: 'ada' },
  },
  onLoad() {
    this.setData({
      launchPath: getApp().launchPath,
      screenWidth: wx.getSystemInfoSync().screenWidth,
    })
  },
  inc() {
    this.setData({ count: counter.next(this.data.count) })
  },
  stop() {
    this.setData({ count: this.data.count + 100 })
  },
  getUser() {
    wx.getUserInfo({ success: (res) => this.setData({ nickName: res.userInfo.nickName + ' / ' + res.errMsg }) })
  },
})
