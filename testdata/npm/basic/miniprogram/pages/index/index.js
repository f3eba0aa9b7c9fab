const dayjs = require('dayjs')
const debounce = require('lodash.debounce')

Page({
  data: { date: dayjs('2024-02-29').add(1, 'year').format('YYYY-MM-DD') },
  onInput: debounce(function () {}, 100),
})
