Page({
  data: { depth: 0, result: '', appLog: '' },
  onShow() { this.setData({ depth: getCurrentPages().length, appLog: getApp().log.join(' ') }) },
  onResult(e) { this.setData({ result: `${e.type} ${e.detail.errMsg}` }) },
  onComplete(e) { this.setData({ result: `${this.data.result} | ${e.type}` }) },
})
