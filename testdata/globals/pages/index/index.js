// What a module sees of the globals a phone's logic layer hides (window, document, fetch
// ...: undefined) and of those it has.
const umd = require('../../lib/umd')

Page({
  data: { umd: '', globals: '' },
  onLoad() {
    const seen = {
      window: typeof window, document: typeof document, self: typeof self, fetch: typeof fetch,
      localStorage: typeof localStorage, alert: typeof alert, XMLHttpRequest: typeof XMLHttpRequest,
      setTimeout: typeof setTimeout, wx: typeof wx, getApp: typeof getApp, global: typeof global,
    }
    this.setData({ umd: String(umd.answer), globals: Object.entries(seen).map(([k, v]) => `${k}:${v}`).join(' ') })
  },
})
