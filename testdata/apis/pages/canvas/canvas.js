// The old canvas API draws on <canvas canvas-id>; canvasToTempFilePath exports it to a
// file an <image> shows; an offscreen canvas draws and reads pixels in the logic layer.
Page({
  data: { exported: '', path: '', shownSize: '', offscreen: '', hdExported: '', hdPath: '', pixels: '' },
  // canvasGetImageData reads two pixels of the blue half; canvasPutImageData writes a green
  // square over the red one, which the test reads in the page; then it is read back.
  async pixels() {
    try {
      const blue = await wx.canvasGetImageData({ canvasId: 'old', x: 70, y: 10, width: 2, height: 1 }, this)
      const green = new Uint8ClampedArray(10 * 10 * 4).map((_, i) => (i % 4 === 1 || i % 4 === 3 ? 255 : 0))
      const put = await wx.canvasPutImageData({ canvasId: 'old', data: green, x: 0, y: 0, width: 10, height: 10 }, this)
      const back = await wx.canvasGetImageData({ canvasId: 'old', x: 5, y: 5, width: 1, height: 1 }, this)
      const bad = await wx.canvasPutImageData({ canvasId: 'old', data: green, x: 0, y: 0, width: 5, height: 5 }, this).catch((e) => e)
      this.setData({ pixels: `${blue.width}x${blue.height} ${Array.from(blue.data).join(',')} | ${put.errMsg} | ${Array.from(back.data).join(',')} | ${bad.errMsg}` })
    } catch (e) {
      this.setData({ pixels: e.errMsg || String(e) })
    }
  },
  // A <canvas type="2d"> at three times its CSS size, as one sizes it for the pixel ratio:
  // canvasToTempFilePath's area is in CSS pixels, the picture that area × pixelRatio.
  drawHD() {
    this.createSelectorQuery().select('#hd').fields({ node: true, size: true }).exec(([res]) => {
      const canvas = res.node
      canvas.width = res.width * 3
      canvas.height = res.height * 3
      const ctx = canvas.getContext('2d')
      ctx.scale(3, 3)
      ctx.fillStyle = '#ff0000'
      ctx.fillRect(0, 0, 50, 50)
      ctx.fillStyle = '#0000ff'
      ctx.fillRect(50, 0, 50, 50)
      wx.canvasToTempFilePath({
        canvas, x: 50, y: 0, width: 50, height: 50,
        success: (r) => wx.getImageInfo({ src: r.tempFilePath, success: (i) => this.setData({ hdExported: `${i.width}x${i.height}`, hdPath: r.tempFilePath }) }),
        fail: (r) => this.setData({ hdExported: r.errMsg }),
      })
    })
  },
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
