App({
  log: [],
  onLaunch() { this.log.push('app.onLaunch') },
  onShow() { this.log.push('app.onShow') },
  onPageNotFound(res) { this.log.push('app.onPageNotFound:' + res.path) },
})
