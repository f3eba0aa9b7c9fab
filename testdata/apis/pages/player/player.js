// The old background audio and voice APIs play a one-second tone the page writes, through
// the shell's player; the media the page keeps is previewed, saved and opened by the
// shell; chooseVideo picks from the computer. Each shows `name: result` for
// e2e/apis_sweep_test.go.
const { wav } = require('../../utils/checks.js')
const p = (api, args = {}) => new Promise((resolve) => wx[api]({ ...args, success: resolve, fail: resolve }))
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const src = `${wx.env.USER_DATA_PATH}/second.wav`

Page({
  data: { rows: {}, ready: '' },
  async onLoad() {
    const r = await p('getFileInfo', { filePath: src }) // absent the first time
    if (!/:ok/.test(r.errMsg)) wx.getFileSystemManager().writeFileSync(src, wav(1))
    this.setData({ ready: 'ready' })
  },
  show(name, result) { this.setData({ [`rows.${name}`]: result }) },
  // play, seek, pause, stop: each event heard once, the state following.
  async backgroundAudio() {
    const heard = []
    const next = (event) => new Promise((resolve) => { this.waiting = { event, resolve } })
    const hear = (event) => () => {
      heard.push(event)
      if (this.waiting && this.waiting.event === event) this.waiting.resolve()
    }
    wx.onBackgroundAudioPlay(hear('play'))
    wx.onBackgroundAudioPause(hear('pause'))
    wx.onBackgroundAudioStop(hear('stop'))
    let played = next('play')
    const play = (await p('playBackgroundAudio', { dataUrl: src, title: 'second' })).errMsg
    await played
    const seek = (await p('seekBackgroundAudio', { position: 0.5 })).errMsg
    const paused = next('pause')
    const pause = (await p('pauseBackgroundAudio')).errMsg
    await paused
    const state = await p('getBackgroundAudioPlayerState')
    const stopped = next('stop')
    const stop = (await p('stopBackgroundAudio')).errMsg
    await stopped
    const after = await p('getBackgroundAudioPlayerState')
    this.show('backgroundAudio', [play, seek, pause, stop, heard.join(','),
      `status ${state.status} at ${state.currentPosition >= 0.5} | status ${after.status} at ${after.currentPosition}`].join(' | '))
  },
  // A paused voice does not finish; stopVoice ends it, and playVoice succeeds then.
  async voice() {
    let finished = ''
    const playing = p('playVoice', { filePath: src }).then((r) => (finished = r.errMsg))
    await sleep(200)
    const pause = (await p('pauseVoice')).errMsg
    await sleep(1200) // past the tone's end, had it played on
    const before = finished || 'still playing'
    const stop = (await p('stopVoice')).errMsg
    await playing
    this.show('voice', [pause, before, stop, finished].join(' | '))
  },
  previewMedia() {
    wx.previewMedia({ sources: [{ url: src, type: 'video' }], complete: (r) => this.show('previewMedia', r.errMsg) })
  },
  async save() {
    const video = (await p('saveVideoToPhotosAlbum', { filePath: src })).errMsg
    const missing = (await p('saveVideoToPhotosAlbum', { filePath: `${wx.env.USER_DATA_PATH}/none.mp4` })).errMsg
    const file = (await p('saveFileToDisk', { filePath: src })).errMsg
    const doc = (await p('openDocument', { filePath: src })).errMsg
    const noDoc = (await p('openDocument', { filePath: `${wx.env.USER_DATA_PATH}/none.pdf` })).errMsg
    this.show('save', [video, missing, file, doc, noDoc].join(' | '))
  },
  chooseVideo() {
    wx.chooseVideo({
      sourceType: ['album'],
      success: (r) => this.show('chooseVideo', `${r.errMsg} ${r.duration.toFixed(1)} ${r.size} ${/^(wxfile|http):\/\/tmp/.test(r.tempFilePath) || r.tempFilePath}`),
      fail: (r) => this.show('chooseVideo', r.errMsg),
    })
  },
})
