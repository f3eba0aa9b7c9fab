require('../../utils/page.js')('home', {
  toDetail() {
    wx.navigateTo({
      url: '../detail/detail?id=7&name=a%20b',
      events: { hello: (msg) => this.setData({ result: 'opener got ' + msg }) },
    })
  },
})
