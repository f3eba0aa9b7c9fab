const log = require('../../utils/log.js')
Component({
  relations: {
    '../rel-parent/rel-parent': {
      type: 'parent',
      linked(t) { log(this.id + '.linked:' + t.id) },
      linkChanged(t) { log(this.id + '.linkChanged:' + t.id) },
      unlinked(t) { log(this.id + '.unlinked:' + t.id) },
    },
  },
  methods: {
    owner() { return this.selectOwnerComponent().is },
  },
})
