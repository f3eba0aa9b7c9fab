// One MobX store, as mobx-miniprogram's README writes it: observable fields, computed
// getters, actions. The bindings react to a field's value, so an action replaces the list
// rather than changing it in place (the README's "partial updates" note).
import { observable, action } from 'mobx-miniprogram'

export const store = observable({
  numA: 1,
  numB: 2,
  todos: [{ title: 'first', done: false }],

  get sum() {
    return this.numA + this.numB
  },
  get remaining() {
    return this.todos.filter((t) => !t.done).length
  },

  update: action(function () {
    this.numA = this.numA + 1
  }),
  addB: action(function (n) {
    this.numB = this.numB + n
  }),
  addTodo: action(function (title) {
    this.todos = [...this.todos, { title, done: false }]
  }),
  toggle: action(function (i) {
    this.todos = this.todos.map((t, j) => (j === i ? { ...t, done: !t.done } : t))
  }),
})
