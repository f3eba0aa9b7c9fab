const log = require('../../utils/log.js')
Component({
  relations: {
    '../rel-desc/rel-desc': { type: 'descendant', linked(t) { log('anc.linked:' + t.id) } },
  },
})
