// A page written with Component(), bound by storeBindingsBehavior under a namespace:
// the fields arrive as this.data.shop.*.
import { storeBindingsBehavior } from 'mobx-miniprogram-bindings'
import { store } from '../../store/store'

Component({
  behaviors: [storeBindingsBehavior],
  storeBindings: {
    namespace: 'shop',
    store,
    fields: ['numA', 'sum'],
    actions: ['update'],
  },
  methods: {
    onLoad(query) {
      this.setData({ from: query.from || '' })
    },
    bump() {
      this.update()
    },
    back() {
      wx.navigateBack()
    },
  },
})
