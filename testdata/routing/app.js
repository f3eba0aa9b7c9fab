App({
  log: [],
  // wx.onAppRoute / onAppRouteDone, by open type and page; "+ready" when the page's
  // onReady ran before the route was done.
  routes: [],
  onLaunch() {
    this.log.push('app.onLaunch')
    const page = (res) => res.path.split('/')[1]
    wx.onAppRoute((res) => this.routes.push(`route:${res.openType}:${page(res)}`))
    wx.onAppRouteDone((res) => this.routes.push(`done:${res.openType}:${page(res)}${this.log.includes(page(res) + '.onReady') ? '+ready' : ''}`))
  },
  onShow() { this.log.push('app.onShow') },
  onPageNotFound(res) { this.log.push('app.onPageNotFound:' + res.path) },
})
