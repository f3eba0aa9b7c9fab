const log = require('../../utils/log.js')
// A page written with Component(): page hooks and handlers in methods.
Component({
  data: { query: '', log: '', hello: '', showLegacy: true, items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] },
  lifetimes: {
    created() { log('page.created') },
    attached() { log('page.attached') },
  },
  methods: {
    onLoad(query) {
      log('page.onLoad')
      this.setData({ query: JSON.stringify(query) })
    },
    onShow() { log('page.onShow') },
    onReady() { log('page.onReady') },
    onHide() { log('page.onHide') },
    showLog() {
      const outer = this.selectComponent('#outer')
      this.setData({ log: getApp().log.join(' '), hello: outer ? outer.describe() : 'no outer' })
      getApp().log = []
    },
    reorder() { this.setData({ items: [{ id: 'c' }, { id: 'a' }, { id: 'b' }] }) },
    drop() { this.setData({ showLegacy: false, items: [{ id: 'c' }, { id: 'b' }] }) },
    add() { this.setData({ items: this.data.items.concat({ id: 'd' }) }) },
    toOther() { wx.navigateTo({ url: '/pages/other/other' }) },
  },
})
