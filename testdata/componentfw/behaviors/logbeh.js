const log = require('../utils/log.js')
const inner = require('./inner.js')
module.exports = Behavior({
  behaviors: [inner],
  properties: { label: { type: String, value: 'beh-label' } },
  data: { behData: 'beh', shared: { fromBeh: 2 } },
  lifetimes: {
    created() { log('beh.created') },
    attached() { log('beh.attached') },
    ready() { log('beh.ready') },
  },
  methods: {
    who() { return 'beh' },
    behOnly() { return 'behOnly' },
  },
})
