Page({
  data: { info: '', img: '', same: '', touch: '', measured: '' },
  // A canvas's touches are CanvasTouch points: x and y from the canvas's corner, no pageX.
  touched(e) {
    const t = e.touches[0]
    this.setData({ touch: `${Object.keys(t).sort()} ${Math.round(t.x)},${Math.round(t.y)} ${Math.round(e.changedTouches[0].x)}` })
  },
  onReady() {
    wx.createSelectorQuery().select('#c').fields({ node: true, size: true }).exec((res) => {
      const { node, width, height } = res[0]
      node.width = 300
      node.height = 150
      const ctx = node.getContext('2d')
      ctx.fillStyle = 'rgb(255, 0, 0)'
      ctx.fillRect(0, 0, 100, 50)
      ctx.save()
      ctx.translate(150, 0)
      ctx.fillStyle = 'rgb(0, 0, 255)'
      ctx.fillRect(0, 0, 50, 50)
      ctx.restore()
      ctx.strokeStyle = 'rgb(0, 0, 0)'
      ctx.lineWidth = 4
      ctx.beginPath()
      ctx.moveTo(0, 80)
      ctx.lineTo(100, 80)
      ctx.stroke()
      ctx.beginPath()
      ctx.arc(250, 100, 20, 0, Math.PI * 2)
      ctx.fill()
      ctx.font = '16px sans-serif'
      const measured = ctx.measureText('mpsim canvas').width
      ctx.fillText('mpsim canvas', 10, 130)
      const g = ctx.createLinearGradient(120, 60, 200, 60)
      g.addColorStop(0, 'rgb(255, 255, 0)')
      g.addColorStop(1, 'rgb(255, 255, 0)')
      ctx.fillStyle = g
      ctx.fillRect(120, 60, 20, 20)
      ctx.clearRect(0, 0, 10, 10)
      this.setData({ measured: measured.toFixed(2) })
      this.setData({ info: `${width}x${height} ${typeof node.getContext} ${ctx.lineWidth} ${ctx.measureText('ab').width > 0}` })
      // node() gives the same node.
      wx.createSelectorQuery().select('#c').node().exec((r) => this.setData({ same: r[0].node === node ? 'same node' : 'another node' }))
      const img = node.createImage()
      img.onload = () => {
        ctx.drawImage(img, 200, 0)
        this.setData({ img: `loaded ${img.width}x${img.height}` })
      }
      img.src = '/static/poster.png'
    })
  },
})
