require('../../utils/page.js')('home', {
  retitle() {
    wx.setNavigationBarTitle({ title: 'Renamed', success: (res) => this.setData({ result: res.errMsg }) })
  },
  toDetail() {
    wx.navigateTo({
      url: '../detail/detail?id=7&name=a%20b',
      events: { hello: (msg) => this.setData({ result: 'opener got ' + msg }) },
    })
  },
})
