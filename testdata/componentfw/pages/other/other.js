const log = require('../../utils/log.js')
Page({
  onLoad() { log('other.onLoad') },
  onShow() { log('other.onShow') },
  onUnload() { log('other.onUnload') },
  back() { wx.navigateBack() },
})
