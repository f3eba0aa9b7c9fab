// Audio and video driven by their contexts: a half-second tone the page writes as a WAV
// file plays through wx.createInnerAudioContext (the shell's player), the page's <video>
// (wx.createVideoContext) and the old <audio> (wx.createAudioContext).
const { wav } = require('../../utils/checks.js')

Page({
  data: { videoInfo: '', compressed: '', src: '', ready: '', inner: '', video: '', audio: '', bg: '', voice: '' },
  onLoad() {
    const src = `${wx.env.USER_DATA_PATH}/tone.wav`
    wx.getFileSystemManager().writeFile({
      filePath: src,
      data: wav(0.5),
      success: () => {
        this.setData({ src, ready: 'ready' })
        wx.getVideoInfo({ src, success: (r) => this.setData({ videoInfo: `${r.duration.toFixed(1)} ${r.type}` }), fail: (r) => this.setData({ videoInfo: r.errMsg }) })
        wx.compressVideo({ src, quality: 'low', success: (r) => this.setData({ compressed: r.tempFilePath === src ? 'same file' : r.tempFilePath }), fail: (r) => this.setData({ compressed: r.errMsg }) })
      },
      fail: (r) => this.setData({ ready: r.errMsg }),
    })
  },
  inner() {
    const ctx = wx.createInnerAudioContext()
    const seen = []
    const add = (e) => () => {
      if (seen[seen.length - 1] === e) return
      seen.push(e)
      this.setData({ inner: seen.join(' ') + (e === 'ended' ? ` ${ctx.duration.toFixed(1)} ${ctx.paused}` : '') })
    }
    ctx.onPlay(add('play'))
    ctx.onEnded(add('ended'))
    ctx.onError((r) => this.setData({ inner: 'error ' + r.errMsg }))
    ctx.src = this.data.src
    ctx.play()
  },
  background() {
    const m = wx.getBackgroundAudioManager()
    const seen = []
    const add = (e) => () => {
      if (seen[seen.length - 1] !== e) seen.push(e)
      wx.getBackgroundAudioPlayerState({ success: (st) => this.setData({ bg: `${seen.join(' ')} ${m.title} status ${st.status}` }) })
    }
    m.onPlay(add('play'))
    m.onEnded(add('ended'))
    m.title = 'tone'
    m.src = this.data.src
  },
  voice() {
    wx.playVoice({ filePath: this.data.src, success: (r) => this.setData({ voice: r.errMsg }), fail: (r) => this.setData({ voice: r.errMsg }) })
  },
  videoPlay() {
    wx.createVideoContext('v').play()
  },
  videoSeek() {
    const ctx = wx.createVideoContext('v', this)
    ctx.pause()
    ctx.seek(0.25)
  },
  audioPlay() {
    const ctx = wx.createAudioContext('a')
    ctx.setSrc(this.data.src)
    ctx.play()
  },
  videoEvent(e) {
    this.setData({ video: (this.data.video ? this.data.video + ' ' : '') + e.type + (e.type === 'seekcomplete' ? ' ' + e.detail.position : '') })
  },
  audioEvent(e) {
    this.setData({ audio: (this.data.audio ? this.data.audio + ' ' : '') + e.type })
  },
})
