// Renders WXML test cases with glass-easel twice: once with the templates mpsim's Go
// compiler produced ("ours"), once with glass-easel-template-compiler's output ("ref"),
// and prints what each tree looked like after every step, for exec_test.go to compare.
//
// usage: node render.js <node_modules dir> < cases.json > results.json
// cases.json: [{name, main, files: {path: source}, ours: "<JS evaluating to G>", data,
//   methods: [name], components: [{tag, properties, path, generics}],
//   steps: [{setData} | {trigger: {id, event}} | {childSetData: {id, data}}]}]
// files holds every .wxml and .wxs of the case by project path; main and each
// component's path are keys of G (paths without extension).
'use strict'

const fs = require('fs')
const path = require('path')

const modules = process.argv[2]
const glassEasel = require(path.join(modules, 'glass-easel'))
const { TmplGroup } = require(path.join(modules, 'glass-easel-template-compiler'))

// Everything glass-easel complains about goes into the current snapshot log.
let log = []
glassEasel.addGlobalWarningListener((msg) => {
  log.push(`warning: ${msg}`)
  return false
})
glassEasel.addGlobalErrorListener((err) => {
  log.push(`error: ${err && err.message ? err.message : String(err)}`)
  return false
})

// referenceGroups compiles every file of a case with the reference compiler.
const referenceGroups = (files) => {
  const group = new TmplGroup()
  for (const [p, src] of Object.entries(files)) {
    // The reference resolves <wxs src="x.wxs"> to the script path "x".
    if (p.endsWith('.wxs')) group.addScript(p.replace(/\.wxs$/, ''), src)
  }
  for (const [p, src] of Object.entries(files)) {
    if (!p.endsWith('.wxml')) continue
    // glass-easel's compiler keeps a leading BOM as a text node; a BOM is not content.
    const diags = group.addTmpl(p.replace(/\.wxml$/, ''), src.replace(/^\uFEFF/, ''))
    const fatal = (diags || []).filter((d) => d.isError)
    if (fatal.length) throw new Error(`reference compiler: ${JSON.stringify(fatal)}`)
  }
  const groups = new Function(`return ${group.getTmplGenObjectGroups()}`)()
  group.free()
  return groups
}

// clone keeps the two renders of a case from sharing (and mutating) the same objects.
const clone = (v) => JSON.parse(JSON.stringify(v))

const dumpValue = (v) => (typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v))

// observed counts observer calls per component instance and property since the last
// snapshot: ours must set a child's properties exactly as often as the reference.
const observed = new WeakMap()

// dump prints a node and its subtree; a component shows its properties, how many times
// their observers fired, and its shadow tree.
const dump = (node, depth) => {
  const pad = '  '.repeat(depth)
  if (node instanceof glassEasel.TextNode) return `${pad}${JSON.stringify(node.textContent)}\n`
  let line = `${pad}<${node instanceof glassEasel.Component ? node.tagName : node.is}`
  if (node.id) line += ` #${node.id}`
  if (node.class) line += ` class=${JSON.stringify(node.class)}`
  if (node.style) line += ` style=${JSON.stringify(node.style)}`
  if (node.slot) line += ` slot=${JSON.stringify(node.slot)}`
  const dataset = Object.keys(node.dataset || {}).sort()
  for (const k of dataset) line += ` data.${k}=${dumpValue(node.dataset[k])}`
  const marks = Object.keys(node._$marks || {}).sort()
  for (const k of marks) line += ` mark.${k}=${dumpValue(node._$marks[k])}`
  const attrs = [...(node.attributes || [])].sort((a, b) => (a.name < b.name ? -1 : 1))
  for (const a of attrs) line += ` ${a.name}=${dumpValue(a.value)}`
  let out = `${line}>\n`
  if (node instanceof glassEasel.Component) {
    const props = Object.keys(node._$behavior._$propertyMap).sort()
    const counts = observed.get(node) || {}
    for (const p of props) {
      out += `${pad}  .${p}=${dumpValue(node.data[p])}${counts[p] ? ` (observed ${counts[p]})` : ''}\n`
    }
    observed.set(node, {})
    for (const child of node.getShadowRoot().childNodes) out += dump(child, depth + 2)
  }
  for (const child of node.childNodes) out += dump(child, depth + 1)
  return out
}

const render = (c, ours) => {
  log = []
  let groups
  if (ours) {
    groups = new Function(`return ${c.ours}`)()
  } else {
    groups = referenceGroups(c.files)
  }
  const template = (p) => {
    const content = groups[p]
    if (typeof content !== 'function' || (ours && content._[''] !== content(''))) {
      throw new Error(`${p} is not a ProcGenGroup`)
    }
    // The reference leaves bindtap to glass-easel's legacy fallback; ours emits listeners.
    return ours ? { content } : { groupList: groups, content, fallbackListenerOnNativeNode: true }
  }
  const using = {}
  for (const comp of c.components || []) {
    const properties = {}
    const observers = {}
    for (const p of comp.properties || []) {
      properties[p] = null
      observers[p] = function () {
        const counts = observed.get(this) || {}
        counts[p] = (counts[p] || 0) + 1
        observed.set(this, counts)
      }
    }
    const generics = {}
    for (const g of comp.generics || []) generics[g] = true
    using[comp.tag] = glassEasel.registerElement({
      using: { ...using },
      generics,
      properties,
      observers,
      options: { multipleSlots: /<slot[^>]*\sname=/.test(c.files[`${comp.path}.wxml`]) },
      template: template(comp.path),
    }).general()
  }
  const methods = {}
  for (const m of c.methods || []) {
    methods[m] = function (ev) {
      log.push(`called ${m} on #${ev.currentTarget.id} for ${ev.type}`)
    }
  }
  const def = glassEasel.registerElement({
    using,
    data: clone(c.data || {}),
    methods,
    template: template(c.main),
  })
  const root = glassEasel.Component.createWithContext(
    'root',
    def.general(),
    new glassEasel.EmptyComposedBackendContext(),
  )
  const snapshot = (title) => {
    let out = `-- ${title} --\n`
    for (const child of root.getShadowRoot().childNodes) out += dump(child, 0)
    out += `data ${JSON.stringify(root.data)}\n`
    for (const l of log) out += `${l}\n`
    log = []
    return out
  }
  const snapshots = [snapshot('initial render')]
  for (const step of c.steps || []) {
    if (step.setData) {
      root.setData(clone(step.setData))
      snapshots.push(snapshot(`setData ${JSON.stringify(step.setData)}`))
    } else if (step.trigger) {
      const { id, event } = step.trigger
      const target = root.getShadowRoot().getElementById(id)
      if (!target) throw new Error(`no element #${id}`)
      target.triggerEvent(event, null, { bubbles: true, capturePhase: true })
      snapshots.push(snapshot(`trigger ${event} on #${id}`))
    } else if (step.childSetData) {
      const { id, data } = step.childSetData
      const target = root.getShadowRoot().getElementById(id)
      if (!target) throw new Error(`no element #${id}`)
      target.setData(clone(data))
      snapshots.push(snapshot(`#${id} setData ${JSON.stringify(data)}`))
    }
  }
  return snapshots.join('')
}

const attempt = (f) => {
  try {
    return f()
  } catch (e) {
    return `exception: ${e && e.stack ? e.stack : String(e)}`
  }
}

const cases = JSON.parse(fs.readFileSync(0, 'utf8'))
const results = {}
for (const c of cases) {
  results[c.name] = { ours: attempt(() => render(c, true)), ref: attempt(() => render(c, false)) }
}
process.stdout.write(JSON.stringify(results))
