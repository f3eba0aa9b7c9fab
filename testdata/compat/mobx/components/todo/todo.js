// ComponentWithStore: the bindings' own constructor, with a computed of the store and an
// action taking the tapped row's index.
import { ComponentWithStore } from 'mobx-miniprogram-bindings'
import { store } from '../../store/store'

ComponentWithStore({
  storeBindings: {
    store,
    fields: ['todos', 'remaining'],
    actions: ['toggle'],
  },
  methods: {
    onToggle(e) {
      this.toggle(e.currentTarget.dataset.index)
    },
  },
})
