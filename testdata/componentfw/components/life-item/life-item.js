const log = require('../../utils/log.js')
Component({
  properties: { name: String },
  lifetimes: {
    created() { log('item.created') },
    attached() { log(this.data.name + '.attached') },
    ready() { log(this.data.name + '.ready') },
    moved() { log(this.data.name + '.moved') },
    detached() { log(this.data.name + '.detached') },
  },
  pageLifetimes: {
    show() { log(this.data.name + '.show') },
    hide() { log(this.data.name + '.hide') },
  },
})
