// The old canvas API draws on <canvas canvas-id>; canvasToTempFilePath exports it to a
// file an <image> shows; an offscreen canvas draws and reads pixels in the logic layer.
Page({
  data: { exported: '', path: '', shownSize: '', offscreen: '' },
  onLoad() {
    const c = wx.createOffscreenCanvas({ type: '2d', width: 10, height: 10 })
    const ctx = c.getContext('2d')
    ctx.fillStyle = '#00ff00'
    ctx.fillRect(0, 0, 10, 10)
    this.setData({ offscreen: `${c.width}x${c.height} ${Array.from(ctx.getImageData(5, 5, 1, 1).data).join(',')}` })
  },
  draw() {
    const ctx = wx.createCanvasContext('old', this)
    ctx.setFillStyle('#ff0000')
    ctx.fillRect(0, 0, 100, 50)
    ctx.setFillStyle('#0000ff')
    ctx.fillRect(50, 0, 50, 50)
    ctx.draw(false, () => {
      wx.canvasToTempFilePath({
        canvasId: 'old',
        success: (r) => wx.getImageInfo({
          src: r.tempFilePath,
          success: (i) => this.setData({ exported: `${i.width}x${i.height} ${i.type}`, path: r.tempFilePath }),
        }),
        fail: (r) => this.setData({ exported: r.errMsg }),
      }, this)
    })
  },
  shown(e) {
    this.setData({ shownSize: `${e.detail.width}x${e.detail.height}` })
  },
})
