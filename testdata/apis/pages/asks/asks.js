// Each button calls the API its data-api names with data-args and shows the answer as
// `name: errMsg values`: data-show names the fields shown, data-has the ones that must be
// non-empty ("true" when all are). The test answers the dialogs the calls show.
Page({
  data: { rows: {} },
  call(e) {
    const { api, args, show, has } = e.currentTarget.dataset
    const done = (r) => {
      const values = (show ? show.split(',') : []).map((k) => (typeof r[k] === 'object' ? JSON.stringify(r[k]) : String(r[k])))
      if (has) values.push(String(has.split(',').every((k) => typeof r[k] === 'string' && r[k] !== '')))
      this.setData({ [`rows.${api}`]: [r.errMsg, ...values].join(' ') })
    }
    wx[api]({ ...(args || {}), success: done, fail: done })
  },
  // The capsule menu's share items: hidden, then shown again.
  shareMenu() {
    wx.hideShareMenu()
    wx.showShareMenu({ menus: ['shareAppMessage'], success: (r) => this.setData({ 'rows.showShareMenu': r.errMsg }) })
    wx.updateShareMenu({ withShareTicket: true, success: (r) => this.setData({ 'rows.updateShareMenu': r.errMsg }) })
  },
  // The navigation bar's loading spinner: shown, then hidden.
  navLoading() {
    wx.showNavigationBarLoading()
    wx.hideNavigationBarLoading({ success: (r) => this.setData({ 'rows.hideNavigationBarLoading': r.errMsg }) })
  },
})
