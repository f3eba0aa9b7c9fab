// A subpackage page requires the main package's code and its own, and sees the app.
const greet = require('../../../utils/greet')
const meow = require('../../utils/meow')

Page({
  data: { line: '' },
  onLoad(query) {
    this.setData({ line: `${greet(query.name)} ${meow.sound} ${getApp().globalData.from}` })
  },
})
