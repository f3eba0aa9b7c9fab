// Seeded random changes to a long keyed list: items removed, added, moved in runs, the
// list reversed, names changed, parts (a sub-view, a component with a slot) shown and
// hidden. Each step's setData is big enough to reach the page in parts
// (runtime/service/backend.ts); `expect` is what the list must show after it.
let seed = 7
function random() {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = (n) => Math.floor(random() * n)
let nextId = 0
const newItem = () => {
  const id = nextId++
  return { id, name: 'n' + id, sub: random() < 0.3 ? 's' + id : '', cell: random() < 0.2 }
}

function expectOf(items) {
  return items.map((it) => 'i:' + it.name + (it.sub ? ':' + it.sub : '') + (it.cell ? '|c:' + it.id + it.name : '')).join('|')
}

Page({
  data: { items: [], done: 0, expect: '' },
  onLoad() {
    const items = Array.from({ length: 1200 }, newItem)
    this.setData({ items, expect: expectOf(items) })
  },
  step() {
    let items = this.data.items.filter(() => random() > 0.1)
    const step = this.data.done + 1
    if (step % 4 === 0) items.reverse()
    for (let k = pick(4); k > 0; k--) {
      // A run of items moves elsewhere.
      const from = pick(items.length)
      const run = items.splice(from, 1 + pick(60))
      items.splice(pick(items.length + 1), 0, ...run)
    }
    for (let k = pick(300); k > 0; k--) items.splice(pick(items.length + 1), 0, newItem())
    items = items.map((it) => {
      const r = random()
      if (r < 0.05) return { ...it, name: it.name + "'" }
      if (r < 0.1) return { ...it, sub: it.sub ? '' : 's' + it.id }
      if (r < 0.15) return { ...it, cell: !it.cell }
      return it
    })
    this.setData({ items, expect: expectOf(items), done: step })
  },
})
