const log = require('../../utils/log.js')
Page({
  data: { log: '', q: '', kids: ['k1', 'k2'], ready: '' },
  onReady() { this.setData({ ready: 'ready' }) },
  showLog() {
    this.setData({ log: getApp().log.join(' ') })
    getApp().log = []
  },
  onPage(e) { log(`page:${e.type}@${e.currentTarget.dataset.n}`) },
  onPageCapture(e) { log(`page-capture:${e.type}@${e.currentTarget.dataset.n}`) },
  query() {
    const rp = this.selectComponent('#rp')
    const eo = this.selectComponent('#eo')
    this.setData({
      q: [
        rp.is,
        rp.kids(),
        this.selectAllComponents('.kid').map((c) => c.id).join('+'),
        this.selectComponent('#k1').owner(),
        this.selectComponent('#rd').ancestor(),
        eo.selectComponent('#ei').is,
        eo.selectComponent('#ei').selectOwnerComponent().id,
        this.selectComponent('#g2').selectComponent('.gen').is,
        String(this.selectComponent('#nope')),
      ].join(' '),
    })
  },
  reorderKids() { this.setData({ kids: ['k2', 'k1'] }) },
  dropKid() { this.setData({ kids: ['k2'] }) },
})
