// A component bound by behavior (storeBindingsBehavior + storeBindings), with the
// function form of fields and the mapped form of actions.
import { storeBindingsBehavior } from 'mobx-miniprogram-bindings'
import { store } from '../../store/store'

Component({
  behaviors: [storeBindingsBehavior],
  properties: { label: String },
  data: { taps: 0 },
  storeBindings: {
    store,
    fields: {
      a: () => store.numA,
      total: (s) => s.sum,
      b: 'numB',
    },
    actions: { inc: 'update' },
  },
  methods: {
    onTap() {
      this.inc()
      this.setData({ taps: this.data.taps + 1 })
    },
  },
})
