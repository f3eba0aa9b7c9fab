// The events of tasks under way, against the test's server (?api=): a download's and an
// upload's progress, a request's headers and chunks, and app.json's networkTimeout.
Page({
  data: { download: '', upload: '', headers: '', chunks: '', timeout: '' },
  onLoad(q) {
    // A download of a file the server sends slowly: a few progress events, the last 100.
    const seen = []
    const download = wx.downloadFile({
      url: q.api + '/big.bin',
      success: (res) => {
        const last = seen[seen.length - 1]
        const rising = seen.every((p, i) => i === 0 || p.progress > seen[i - 1].progress)
        this.setData({
          download: `${res.statusCode} ${seen.length > 2 && seen.length < 20 ? 'some' : seen.length} events, ` +
            `${rising ? 'rising' : 'not rising'} to ${last.progress}: ${last.totalBytesWritten}/${last.totalBytesExpectedToWrite}`,
        })
      },
      fail: (res) => this.setData({ download: res.errMsg }),
    })
    download.onProgressUpdate((p) => seen.push(p))
    download.onHeadersReceived((h) => seen.length === 0 || this.setData({ download: 'headers after progress' }))

    // An upload: its progress ends at 100 before the answer.
    const fs = wx.getFileSystemManager()
    const file = `${wx.env.USER_DATA_PATH}/up.txt`
    fs.writeFileSync(file, 'u'.repeat(2 << 20), 'utf8')
    let sent = null
    const upload = wx.uploadFile({
      url: q.api + '/upload',
      filePath: file,
      name: 'file',
      success: (res) => this.setData({ upload: `${res.data} ${sent && sent.progress} ${sent && sent.totalBytesSent === sent.totalBytesExpectedToSend}` }),
      fail: (res) => this.setData({ upload: res.errMsg }),
    })
    upload.onProgressUpdate((p) => (sent = p))

    // A streamed answer: the headers first, then each chunk as it comes.
    const chunks = []
    const stream = wx.request({
      url: q.api + '/stream',
      enableChunked: true,
      success: (res) => this.setData({ chunks: chunks.join('|') + ' then ' + res.errMsg }),
      fail: (res) => this.setData({ chunks: res.errMsg }),
    })
    stream.onHeadersReceived((h) => this.setData({ headers: `${h.statusCode} ${h.header['Content-Type']} ${h.cookies.join(';')}` }))
    stream.onChunkReceived((c) => chunks.push(String.fromCharCode(...new Uint8Array(c.data))))

    // No timeout given: app.json's networkTimeout.request (1000 ms) applies.
    const started = Date.now()
    wx.request({
      url: q.api + '/slow',
      fail: (res) => this.setData({ timeout: res.errMsg + (Date.now() - started < 2500 ? ' from app.json' : ' too late') }),
    })
  },
})
