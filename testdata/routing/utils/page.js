// A page that logs its hooks into getApp().log and shows the log when shown.
module.exports = function (name, extra) {
  const log = (hook) => getApp().log.push(name + '.' + hook)
  Page(Object.assign({
    data: { log: '', query: '', result: '', routes: '' },
    onLoad(query) {
      log('onLoad')
      this.setData({ query: JSON.stringify(query) })
    },
    onShow() {
      log('onShow')
      this.setData({ log: getApp().log.join(' ') })
    },
    onReady() { log('onReady') },
    onTabItemTap(item) { this.setData({ result: `${name}.onTabItemTap ${JSON.stringify(item)}` }) },
    showRoutes() { this.setData({ routes: getApp().routes.join(' ') }) },
    onHide() { log('onHide') },
    onUnload() { log('onUnload') },
    go(e) {
      const { api, url, delta } = e.currentTarget.dataset
      wx[api]({
        url,
        delta,
        success: (res) => this.setData({ result: res.errMsg }),
        fail: (res) => this.setData({ result: res.errMsg, log: getApp().log.join(' ') }),
      })
    },
  }, extra))
}
