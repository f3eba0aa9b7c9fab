const log = require('../../utils/log.js')
// Lifetimes as top-level fields (before base library 2.2.3); lifetimes.attached wins
// over the top-level attached.
Component({
  created() { log('legacy.created') },
  attached() { log('legacy.attached(top)') },
  ready() { log('legacy.ready') },
  detached() { log('legacy.detached') },
  lifetimes: {
    attached() { log('legacy.attached(lifetimes)') },
  },
})
