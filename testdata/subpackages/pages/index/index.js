// The main package reaches a subpackage's code the way the phone allows it: require.async
// (a Promise) and require(path, callback); its component through a componentPlaceholder.
Page({
  data: { async: '', callback: '', missing: '' },
  onLoad() {
    require.async('../../packageA/utils/meow.js').then((m) => this.setData({ async: m.sound }))
    require('../../packageA/utils/meow', (m) => this.setData({ callback: `cb ${m.sound}` }))
    require.async('../../packageA/utils/nope.js').catch(() => this.setData({ missing: 'rejected' }))
  },
  toCat() {
    wx.navigateTo({ url: '/packageA/pages/cat/cat?name=tom' })
  },
  toDog() {
    wx.navigateTo({ url: '../../packageB/pages/dog/dog' })
  },
})
