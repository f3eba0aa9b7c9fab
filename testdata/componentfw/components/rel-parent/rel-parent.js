const log = require('../../utils/log.js')
Component({
  relations: {
    '../rel-child/rel-child': {
      type: 'child',
      linked(t) { log('parent.linked:' + t.id) },
      linkChanged(t) { log('parent.linkChanged:' + t.id) },
      unlinked(t) { log('parent.unlinked:' + t.id) },
    },
  },
  methods: {
    kids() { return this.getRelationNodes('../rel-child/rel-child').map((n) => n.id).join('+') },
  },
})
