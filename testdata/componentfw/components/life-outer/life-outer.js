const log = require('../../utils/log.js')
const beh = require('../../behaviors/logbeh.js')
Component({
  behaviors: [beh],
  data: { shared: { own: 3 } },
  lifetimes: {
    created() { log('outer.created') },
    attached() { log('outer.attached') },
    ready() { log('outer.ready') },
    detached() { log('outer.detached') },
  },
  pageLifetimes: {
    show() { log('outer.show') },
    hide() { log('outer.hide') },
  },
  methods: {
    // Which method wins, and how data from the behaviors merged.
    describe() {
      return [this.who(), this.behOnly(), this.innerOnly(), this.data.label, this.data.behData,
        this.data.innerData, JSON.stringify(this.data.shared)].join(',')
    },
    who() { return 'outer' },
  },
})
