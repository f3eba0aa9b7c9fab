// wx.connectSocket against the echo server the test names (?ws=), and the simulator's
// own address (?self=), which is refused.
Page({
  data: { log: '', refused: '' },
  onLoad(q) {
    const log = (s) => this.setData({ log: (this.data.log ? this.data.log + '|' : '') + s })
    const task = wx.connectSocket({ url: q.ws, success: (r) => log(r.errMsg) })
    task.onOpen(() => {
      log('open')
      task.send({ data: 'hi', success: (r) => log(r.errMsg) })
    })
    task.onMessage((m) => {
      log('echo ' + m.data)
      task.close({ code: 1000 })
    })
    task.onClose((c) => log('close ' + c.code))
    wx.connectSocket({ url: 'ws://127.0.0.1:' + q.self + '/ws/service', fail: (r) => this.setData({ refused: r.errMsg }) })
  },
})
