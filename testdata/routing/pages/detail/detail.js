require('../../utils/page.js')('detail', {
  onLoad(query) {
    getApp().log.push('detail.onLoad')
    this.setData({ query: JSON.stringify(query), stack: getCurrentPages().map((p) => p.route).join(',') })
    this.getOpenerEventChannel().emit('hello', 'hi')
  },
})
