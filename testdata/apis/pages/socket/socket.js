// The global socket API (wx.connectSocket and the onSocket* listeners), against a port
// where nobody listens (?closed=), then, once that one has closed, the test's echo server
// (?ws=).
Page({
  data: { log: '' },
  onLoad(q) {
    const log = (s) => this.setData({ log: (this.data.log ? this.data.log + '|' : '') + s })
    let retried = false
    wx.onSocketError((r) => log('error ' + r.errMsg))
    wx.onSocketOpen((r) => {
      log('open ' + typeof r.header)
      wx.sendSocketMessage({ data: 'hi', success: (s) => log(s.errMsg) })
    })
    wx.onSocketMessage((m) => {
      log('echo ' + m.data)
      wx.closeSocket({ code: 1000, reason: 'done', success: (s) => log(s.errMsg) })
    })
    wx.onSocketClose((c) => {
      log(`close ${c.code}`)
      if (retried) return
      retried = true
      wx.connectSocket({ url: q.ws })
    })
    wx.connectSocket({ url: q.closed })
  },
})
