App({
  onLaunch() {
    this.globalData = { launched: true }
  },
  globalData: {},
})
