App({
  log: [],
  onShow() { this.log.push('app.show') },
  onHide() { this.log.push('app.hide') },
})
