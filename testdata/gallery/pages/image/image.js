Page({
  data: {
    modes: ['scaleToFill', 'aspectFit', 'aspectFill', 'widthFix', 'heightFix', 'top', 'bottom', 'center', 'left', 'right', 'top left', 'top right', 'bottom left', 'bottom right'],
    loads: '', error: '', swapped: '/static/wide.png', swapLog: '', lazyLog: '',
  },
  onImageLoad(e) {
    const loads = this.data.loads ? this.data.loads.split(', ') : []
    loads.push(`${e.currentTarget.dataset.name} ${e.detail.width}x${e.detail.height}`)
    this.setData({ loads: loads.sort().join(', ') })
  },
  onError(e) { this.setData({ error: e.detail.errMsg }) },
  swap() { this.setData({ swapped: '/static/tall.webp' }) },
  onSwapLoad(e) { this.setData({ swapLog: (this.data.swapLog + ` ${e.detail.width}x${e.detail.height}`).trim() }) },
  onLazy(e) { this.setData({ lazyLog: (this.data.lazyLog + ' ' + e.currentTarget.dataset.name).trim() }) },
})
