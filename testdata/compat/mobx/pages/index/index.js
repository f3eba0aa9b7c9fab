// The page binds by hand (createStoreBindings), with the array and the mapped forms of
// fields and actions.
import { createStoreBindings } from 'mobx-miniprogram-bindings'
import { store } from '../../store/store'

Page({
  data: { local: 'page' },
  onLoad() {
    this.storeBindings = createStoreBindings(this, {
      store,
      fields: ['numA', 'numB', 'sum', 'todos'],
      actions: { bump: 'update', addB: 'addB', addTodo: 'addTodo' },
    })
  },
  onUnload() {
    this.storeBindings.destroyStoreBindings()
  },
  tapBump() {
    this.bump()
  },
  tapAddB() {
    this.addB(10)
  },
  tapAddTodo() {
    this.addTodo('item ' + (this.data.todos.length + 1))
  },
})
