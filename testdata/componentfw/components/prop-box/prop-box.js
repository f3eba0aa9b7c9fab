const log = require('../../utils/log.js')
const type = (v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v)
Component({
  // Fields starting with _ are pure data: never rendered, observers still run.
  options: { pureDataPattern: /^_/ },
  properties: {
    str: { type: String, value: 'dflt' },
    num: {
      type: Number,
      value: 1,
      observer(n, o) { log(`${this.id}:prop num ${o}->${n}`) },
    },
    flag: Boolean,
    obj: { type: Object, value: { x: 0 } },
    list: Array,
    any: { type: null, value: 'any-default' },
    multi: { type: String, optionalTypes: [Number], value: '' },
  },
  data: { _secret: 0 },
  observers: {
    num(n) { log(`${this.id}:num=${n}`) },
    'num, str': function (n, s) { log(`${this.id}:num,str=${n},${s}`) },
    'obj.x': function (x) { log(`${this.id}:obj.x=${x}`) },
    'list[0]': function (v) { log(`${this.id}:list[0]=${v}`) },
    'obj.**': function (o) { log(`${this.id}:obj.**=${JSON.stringify(o)}`) },
    '**': function () { log(`${this.id}:**`) },
    _secret(v) { log(`${this.id}:_secret=${v}`) },
  },
  methods: {
    describe() {
      const d = this.data
      return ['str', 'num', 'flag', 'obj', 'list', 'any', 'multi'].map((k) => `${k}:${type(d[k])}:${JSON.stringify(d[k])}`).join(' ')
    },
    setSecret(v) { this.setData({ _secret: v }) },
  },
})
