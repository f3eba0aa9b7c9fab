const log = require('../../utils/log.js')
Component({
  methods: {
    onOuter(e) { log(`outer:${e.type}@${e.currentTarget.dataset.n}`) },
    onOuterCapture(e) { log(`outer-capture:${e.type}@${e.currentTarget.dataset.n}`) },
  },
})
