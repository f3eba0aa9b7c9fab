Page({
  data: { visits: 0, when: '', reply: '', refused: '', promise: '', picture: '', downloaded: '', aborted: '', batch: '', sealed: '' },
  onPicture(e) {
    this.setData({ downloaded: 'shown ' + e.detail.width + 'x' + e.detail.height })
  },
  onLoad(query) {
    // Storage survives a restart of the simulator: count the visits.
    const visits = (wx.getStorageSync('visits') || 0) + 1
    wx.setStorageSync('visits', visits)
    wx.setStorageSync('when', new Date(0))
    this.setData({ visits, when: wx.getStorageSync('when') instanceof Date ? 'a Date' : 'not a Date' })
    wx.getStorage({ key: 'visits' }).then((res) => this.setData({ promise: 'promise ' + res.data }))
    // Batches, a missing key read as ''.
    wx.batchSetStorageSync([{ key: 'a', value: 1 }, { key: 'b', value: new Date(0) }])
    const [a, b, none] = wx.batchGetStorageSync(['a', 'b', 'none'])
    wx.batchGetStorage({ keyList: ['a'] }).then((res) =>
      this.setData({ batch: `${a} ${b instanceof Date} ${JSON.stringify(none)} ${res.dataList[0]}` }))
    // Encrypted: read back with encrypt, sealed without.
    wx.setStorage({
      key: 'secret',
      data: { pin: 1234 },
      encrypt: true,
      success: () => wx.getStorage({
        key: 'secret',
        encrypt: true,
        success: (res) => this.setData({ sealed: `${res.data.pin} ${String(wx.getStorageSync('secret')).includes('1234') ? 'visible' : 'sealed'}` }),
      }),
    })

    wx.request({
      url: query.api + '/hello',
      data: { who: 'mpsim' },
      success: (res) => this.setData({ reply: res.statusCode + ' ' + res.data.greeting }),
      fail: (res) => this.setData({ reply: res.errMsg }),
    })
    // A request aborted before its answer fails with abort, at once.
    const started = Date.now()
    const task = wx.request({
      url: query.api + '/slow',
      fail: (res) => this.setData({ aborted: res.errMsg + (Date.now() - started < 1500 ? ' fast' : ' slow') }),
    })
    setTimeout(() => task.abort(), 50)
    // A downloaded file is a temporary file the page can show.
    wx.downloadFile({
      url: query.api + '/dot.png',
      success: (res) => this.setData({ picture: res.tempFilePath }),
      fail: (res) => this.setData({ downloaded: res.errMsg }),
    })
    // The simulator's own address is refused.
    wx.request({
      url: 'http://127.0.0.1:' + query.self + '/app-config.json',
      fail: (res) => this.setData({ refused: res.errMsg }),
    })
  },
})
