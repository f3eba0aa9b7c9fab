const log = require('../utils/log.js')
// A behavior used by another behavior: its lifetimes run first.
module.exports = Behavior({
  data: { innerData: 'inner', shared: { fromInner: 1 } },
  lifetimes: {
    created() { log('innerBeh.created') },
    attached() { log('innerBeh.attached') },
  },
  methods: {
    who() { return 'inner' },
    innerOnly() { return 'innerOnly' },
  },
})
