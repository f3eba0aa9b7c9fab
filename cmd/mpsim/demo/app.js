App({
  onLaunch() {
    this.launchedAt = Date.now()
  },
})
