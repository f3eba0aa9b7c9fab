// A 3×2 red PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAFElEQVR4nGL5zwAFTDAGAyAAAP//E2UBBt3kZ0wAAAAASUVORK5CYII='
const dir = wx.env.USER_DATA_PATH + '/notes'

Page({
  data: { read: '', stat: '', list: '', missing: '', pkg: '', denied: '', saved: '', gone: '', loaded: '', img: '' },
  onLoad() {
    const fs = wx.getFileSystemManager()
    try {
      fs.rmdirSync(dir, true)
    } catch (e) {}
    fs.mkdirSync(dir, true)
    fs.writeFileSync(dir + '/a.txt', 'hello files', 'utf8')
    fs.appendFileSync(dir + '/a.txt', '!')
    fs.writeFile({
      filePath: dir + '/b.txt',
      data: 'b',
      success: () => {
        fs.readdir({
          dirPath: dir,
          success: (res) => {
            this.setData({ list: 'list: ' + res.files.sort().join(',') })
            // unlink, then access fails (after the listing, which c.txt is not in).
            fs.writeFileSync(dir + '/c.txt', 'c')
            fs.unlink({
              filePath: dir + '/c.txt',
              success: () => fs.access({ path: dir + '/c.txt', fail: (r) => this.setData({ gone: r.errMsg }) }),
            })
          },
        })
      },
    })
    fs.readFile({ filePath: dir + '/a.txt', encoding: 'utf8', success: (res) => this.setData({ read: 'read: ' + res.data }) })
    fs.stat({
      path: dir + '/a.txt',
      success: (res) => this.setData({ stat: 'stat: ' + (res.stats.isFile() ? 'file' : 'dir') + ' ' + res.stats.size + ' ' + fs.statSync(dir).isDirectory() }),
    })
    try {
      fs.readFileSync(dir + '/none.txt', 'utf8')
    } catch (e) {
      this.setData({ missing: e.message })
    }
    this.setData({ pkg: 'package: ' + fs.readFileSync('/data/hello.txt', 'utf8') })
    fs.writeFile({ filePath: '/data/hello.txt', data: 'x', fail: (res) => this.setData({ denied: res.errMsg }) })

    // Saved files: save a copy, list it, remove it.
    wx.saveFile({
      tempFilePath: dir + '/b.txt',
      success: ({ savedFilePath }) => {
        wx.getSavedFileList({
          success: (list) => {
            const n = list.fileList.filter((f) => f.filePath === savedFilePath).length
            wx.removeSavedFile({
              filePath: savedFilePath,
              success: () => wx.getSavedFileList({ success: (after) => this.setData({ saved: 'saved: ' + n + ' then ' + after.fileList.length }) }),
            })
          },
        })
      },
    })
    // A PNG written from an ArrayBuffer shows in an <image>.
    const bin = atob(PNG)
    const bytes = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
    fs.writeFile({
      filePath: wx.env.USER_DATA_PATH + '/a pic#1.png',
      data: bytes.buffer,
      success: () => {
        const back = fs.readFileSync(wx.env.USER_DATA_PATH + '/a pic#1.png')
        if (back instanceof ArrayBuffer && back.byteLength === bytes.length) this.setData({ img: wx.env.USER_DATA_PATH + '/a pic#1.png' })
        else this.setData({ loaded: 'read back wrong: ' + back })
      },
    })
  },
  onImage(e) {
    this.setData({ loaded: 'image ' + e.detail.width + 'x' + e.detail.height })
  },
  onImageError(e) {
    this.setData({ loaded: 'image error ' + JSON.stringify(e.detail) })
  },
})
