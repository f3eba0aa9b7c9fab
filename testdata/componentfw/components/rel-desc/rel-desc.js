const log = require('../../utils/log.js')
Component({
  relations: {
    '../rel-anc/rel-anc': { type: 'ancestor', linked(t) { log('desc.linked:' + t.id) } },
  },
  methods: {
    ancestor() { return this.getRelationNodes('../rel-anc/rel-anc').map((n) => n.id).join('+') },
  },
})
