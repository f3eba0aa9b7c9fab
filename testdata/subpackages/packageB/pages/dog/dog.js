Page({
  data: { line: '' },
  onLoad() {
    const app = getApp()
    this.setData({ line: `woof ${app ? app.globalData.from : 'no app'}` })
  },
})
