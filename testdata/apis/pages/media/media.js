// The shell's pictures: choose with the computer's file picker, read their size, compress,
// preview and save them; a network picture's size (the test gives its address as ?img=).
const p = (api, args = {}) => new Promise((resolve) => wx[api]({ ...args, success: resolve, fail: resolve }))

Page({
  data: { chosen: '', info: '', compressed: '', remote: '', result: '', src: '', loaded: '' },
  async onLoad(query) {
    if (query.img) {
      const r = await p('getImageInfo', { src: decodeURIComponent(query.img) })
      this.setData({ remote: r.errMsg === 'getImageInfo:ok' ? `${r.width}x${r.height} ${r.type} ${r.path.startsWith('wxfile://tmp_')}` : r.errMsg })
    }
  },
  async choose() {
    const r = await p('chooseImage', { count: 2, sourceType: ['album'] })
    if (r.errMsg !== 'chooseImage:ok') return this.setData({ chosen: r.errMsg })
    const src = r.tempFilePaths[0]
    this.setData({ src, chosen: `${r.tempFilePaths.length} ${r.tempFiles.map((f) => f.size).join(',')} ${src.startsWith('wxfile://tmp_') && src.endsWith('.png')}` })
    const info = await p('getImageInfo', { src })
    this.setData({ info: `${info.width}x${info.height} ${info.type}` })
    const c = await p('compressImage', { src, quality: 60, compressedWidth: 2 })
    const ci = await p('getImageInfo', { src: c.tempFilePath })
    this.setData({ compressed: `${ci.width}x${ci.height} ${ci.type}` })
  },
  async media() {
    const r = await p('chooseMedia', { count: 1, mediaType: ['image'], sourceType: ['album', 'camera'] })
    this.setData({ result: r.errMsg === 'chooseMedia:ok' ? `${r.type} ${r.tempFiles[0].fileType} ${r.tempFiles[0].width}x${r.tempFiles[0].height}` : r.errMsg })
  },
  async message() {
    const r = await p('chooseMessageFile', { count: 1, type: 'file' })
    this.setData({ result: r.errMsg === 'chooseMessageFile:ok' ? `${r.tempFiles[0].name} ${r.tempFiles[0].size} ${r.tempFiles[0].type}` : r.errMsg })
  },
  async preview() {
    this.setData({ result: (await p('previewImage', { urls: [this.data.src], current: this.data.src })).errMsg })
  },
  async save() {
    this.setData({ result: (await p('saveImageToPhotosAlbum', { filePath: this.data.src })).errMsg })
  },
  loaded(e) {
    this.setData({ loaded: `loaded ${e.detail.width}x${e.detail.height}` })
  },
})
