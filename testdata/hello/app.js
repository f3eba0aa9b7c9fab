App({
  onLaunch(options) {
    this.launchPath = options.path
  },
})
