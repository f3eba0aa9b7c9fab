// Renders WXML test cases with glass-easel twice: once with the template mpsim's Go
// compiler produced ("ours"), once with glass-easel-template-compiler's output ("ref"),
// and prints what each tree looked like after every step, for exec_test.go to compare.
//
// usage: node render.js <node_modules dir> < cases.json > results.json
// cases.json: [{name, wxml, ours, data, methods: [name], components: [{tag, properties,
//   wxml, ours}], steps: [{setData: {...}} | {trigger: {id, event}}]}]
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

const referenceTemplate = (wxml) => {
  const group = new TmplGroup()
  // glass-easel's compiler keeps a leading BOM as a text node; a BOM is not content.
  const diags = group.addTmpl('case', wxml.replace(/^\uFEFF/, ''))
  const fatal = (diags || []).filter((d) => d.isError)
  if (fatal.length) throw new Error(`reference compiler: ${JSON.stringify(fatal)}`)
  const groups = new Function(`return ${group.getTmplGenObjectGroups()}`)()
  group.free()
  // The reference leaves bindtap to glass-easel's legacy fallback; ours emits listeners.
  return { groupList: groups, content: groups.case, fallbackListenerOnNativeNode: true }
}

const ourTemplate = (js) => {
  const group = new Function(`return ${js}`)()
  if (typeof group !== 'function' || typeof group('') !== 'function' || group._[''] !== group('')) {
    throw new Error('ours: the expression is not a ProcGenGroup')
  }
  return { content: group }
}

const dumpValue = (v) => (typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v))

// dump prints a node and its subtree; a component shows its properties and shadow tree.
const dump = (node, depth) => {
  const pad = '  '.repeat(depth)
  if (node instanceof glassEasel.TextNode) return `${pad}${JSON.stringify(node.textContent)}\n`
  let line = `${pad}<${node instanceof glassEasel.Component ? node.tagName : node.is}`
  if (node.id) line += ` #${node.id}`
  if (node.class) line += ` class=${JSON.stringify(node.class)}`
  if (node.style) line += ` style=${JSON.stringify(node.style)}`
  const dataset = Object.keys(node.dataset || {}).sort()
  for (const k of dataset) line += ` data.${k}=${dumpValue(node.dataset[k])}`
  const attrs = [...(node.attributes || [])].sort((a, b) => (a.name < b.name ? -1 : 1))
  for (const a of attrs) line += ` ${a.name}=${dumpValue(a.value)}`
  let out = `${line}>\n`
  if (node instanceof glassEasel.Component) {
    const props = Object.keys(node._$behavior._$propertyMap).sort()
    for (const p of props) out += `${pad}  .${p}=${dumpValue(node.data[p])}\n`
    for (const child of node.getShadowRoot().childNodes) out += dump(child, depth + 2)
  }
  for (const child of node.childNodes) out += dump(child, depth + 1)
  return out
}

const render = (c, ours) => {
  log = []
  const using = {}
  for (const comp of c.components || []) {
    const properties = {}
    for (const p of comp.properties || []) properties[p] = null
    using[comp.tag] = glassEasel.registerElement({
      properties,
      template: ours ? ourTemplate(comp.ours) : referenceTemplate(comp.wxml),
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
    data: c.data || {},
    methods,
    template: ours ? ourTemplate(c.ours) : referenceTemplate(c.wxml),
  })
  const root = glassEasel.Component.createWithContext(
    'root',
    def.general(),
    new glassEasel.EmptyComposedBackendContext(),
  )
  const snapshot = (title) => {
    let out = `-- ${title} --\n`
    for (const child of root.getShadowRoot().childNodes) out += dump(child, 0)
    for (const l of log) out += `${l}\n`
    log = []
    return out
  }
  const snapshots = [snapshot('initial render')]
  for (const step of c.steps || []) {
    if (step.setData) {
      root.setData(step.setData)
      snapshots.push(snapshot(`setData ${JSON.stringify(step.setData)}`))
    } else if (step.trigger) {
      const { id, event } = step.trigger
      const target = root.getShadowRoot().getElementById(id)
      if (!target) throw new Error(`no element #${id}`)
      target.triggerEvent(event, null, { bubbles: true, capturePhase: true })
      snapshots.push(snapshot(`trigger ${event} on #${id}`))
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
