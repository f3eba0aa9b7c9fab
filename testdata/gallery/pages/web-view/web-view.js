Page({
  data: { src: '/static/hello.html', loaded: '' },
  onWebLoad(e) { this.setData({ loaded: `load ${e.detail.src.replace(/^https?:\/\/[^/]+/, '')}` }) },
})
