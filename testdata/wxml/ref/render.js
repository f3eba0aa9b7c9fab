// Renders the reference corpus (see README.md) in glass-easel 0.12.1 with its
// mini-program adapter, twice per case: once with the templates mpsim's Go compilers
// produced ("ours"), once with glass-easel-template-compiler's output ("ref"). It prints
// what the composed tree looked like after every step, for compiler/wxml/ref_test.go to
// compare. All cases run in one node process.
//
// usage: node render.js <runtime node_modules> < cases.json > results.json
// cases.json: [{name, files: {path: text}, refFiles, ours: "<expression giving G>", data, methods,
//   steps: [{setData} | {trigger: {path: [id...], event, detail}}], options: {...}}]
// results.json: {name: {ours: "<dump>", ref: "<dump>"}}
'use strict'

const fs = require('fs')
const path = require('path')

const modules = process.argv[2]
const glassEasel = require(path.join(modules, 'glass-easel'))
const { MiniProgramEnv } = require(path.join(modules, 'glass-easel-miniprogram-adapter'))
const { TmplGroup } = require(path.join(modules, 'glass-easel-template-compiler'))

// Everything glass-easel complains about goes into the current snapshot.
let log = []
glassEasel.addGlobalWarningListener((msg) => {
  log.push(`warning: ${msg}`)
  return false
})
glassEasel.addGlobalErrorListener((err) => {
  log.push(`error: ${err && err.message ? err.message : String(err)}`)
  return false
})

const stripExt = (p) => p.replace(/\.(wxml|wxs|json|js)$/, '')

// referenceGroups compiles every .wxml and .wxs of a case with glass-easel's compiler
// into one group, the way its own tooling builds a mini-program.
const referenceGroups = (c) => {
  const group = new TmplGroup()
  try {
    // ref-replace lines give the reference its own copy of the sources (README.md).
    for (const [file, text] of Object.entries(c.refFiles || c.files)) {
      if (file.endsWith('.wxml')) {
        const diags = group.addTmpl(stripExt(file), text)
        const fatal = (diags || []).filter((d) => d.isError)
        if (fatal.length) throw new Error(`reference compiler: ${file}: ${JSON.stringify(fatal)}`)
      } else if (file.endsWith('.wxs')) {
        group.addScript(stripExt(file), text)
      }
    }
    return new Function(`return ${group.getTmplGenObjectGroups()}`)()
  } finally {
    group.free()
  }
}

const ourGroups = (c) => {
  const groups = new Function(`return ${c.ours}`)()
  if (!groups || typeof groups !== 'object') throw new Error('ours: the expression is not a map of groups')
  return groups
}

const dumpValue = (v) => {
  if (typeof v === 'function') return 'function'
  if (v === undefined) return 'undefined'
  return JSON.stringify(v) ?? String(v)
}

// dump prints the composed tree under node, the tree a DOM backend shows: virtual
// nodes (wx:if, wx:for, block, slot, include) are dissolved into their children; a
// component shows its tag, definition, properties, then what it renders with the
// slotted content in place.
const dump = (node, depth) => {
  const pad = '  '.repeat(depth)
  if (node instanceof glassEasel.TextNode) return `${pad}${JSON.stringify(node.textContent)}\n`
  if (node instanceof glassEasel.VirtualNode) {
    let out = ''
    node.forEachComposedChild((child) => {
      out += dump(child, depth)
    })
    return out
  }
  const isComp = node instanceof glassEasel.Component
  let line = `${pad}<${isComp ? `${node.tagName} is=${node.is}` : node.is}`
  if (node.id) line += ` #${node.id}`
  if (node.slot) line += ` slot=${JSON.stringify(node.slot)}`
  if (node.class) line += ` class=${JSON.stringify(node.class)}`
  // What reaches the backend after external classes are resolved, when it differs.
  const resolved = node.classList && node.classList._$backendNames
  if (resolved && resolved.join(' ') !== (node.class || '').trim().split(/\s+/).filter(Boolean).join(' ')) {
    line += ` resolved=${JSON.stringify(resolved.join(' '))}`
  }
  if (node.style) line += ` style=${JSON.stringify(node.style)}`
  const dataset = Object.keys(node.dataset || {}).sort()
  for (const k of dataset) line += ` data.${k}=${dumpValue(node.dataset[k])}`
  const marks = node._$marks ? Object.keys(node._$marks).sort() : []
  for (const k of marks) line += ` mark.${k}=${dumpValue(node._$marks[k])}`
  const attrs = [...(node.attributes || [])].sort((a, b) => (a.name < b.name ? -1 : 1))
  for (const a of attrs) line += ` ${a.name}=${dumpValue(a.value)}`
  let out = `${line}>\n`
  if (isComp) {
    const props = Object.keys(node._$behavior._$propertyMap).sort()
    for (const p of props) out += `${pad}  .${p}=${dumpValue(node.data[p])}\n`
  }
  node.forEachComposedChild((child) => {
    out += dump(child, depth + 1)
  })
  return out
}

// describe turns an event into one log line: what a handler can see of it.
const describe = (ev) => {
  const el = (t) => (t ? `#${t.id || '?'}${Object.keys(t.dataset || {}).length ? ` ${JSON.stringify(t.dataset)}` : ''}` : '-')
  let s = `${ev.type} target=${el(ev.target)} current=${el(ev.currentTarget)}`
  if (ev.detail !== undefined && ev.detail !== null && Object.keys(ev.detail).length) s += ` detail=${JSON.stringify(ev.detail)}`
  if (ev.mark && Object.keys(ev.mark).length) s += ` mark=${JSON.stringify(ev.mark)}`
  return s
}

// componentPaths lists the paths (no extension) that are pages or components: index,
// and every .wxml with a .json or .js beside it.
const componentPaths = (c) => {
  const paths = new Set(['index'])
  for (const file of Object.keys(c.files)) {
    if (file.endsWith('.json') || file.endsWith('.js')) {
      if (c.files[`${stripExt(file)}.wxml`] !== undefined) paths.add(stripExt(file))
    }
  }
  return [...paths].sort((a, b) => (a === 'index' ? 1 : b === 'index' ? -1 : a < b ? -1 : 1))
}

const render = (c, ours) => {
  log = []
  const groups = ours ? ourGroups(c) : referenceGroups(c)
  const opts = c.options || {}
  const env = new MiniProgramEnv()
  const codeSpace = env.createCodeSpace('', true)
  for (const p of componentPaths(c)) {
    const json = c.files[`${p}.json`] !== undefined ? JSON.parse(c.files[`${p}.json`]) : {}
    if (p !== 'index' && json.component === undefined) json.component = true
    codeSpace.addComponentStaticConfig(p, json)
    if (!groups[p]) throw new Error(`no template for ${p}`)
    const tmpl = { groupList: groups, content: groups[p] }
    // The reference leaves bindtap on native nodes to glass-easel's legacy fallback,
    // which turns it into a listener; ours always emits a listener (README: options).
    if (!ours && !('no-fallback-listener' in opts)) tmpl.fallbackListenerOnNativeNode = true
    codeSpace.addCompiledTemplate(p, tmpl)
    codeSpace.componentEnv(p, ({ Component, Behavior }) => {
      const src = c.files[`${p}.js`]
      if (src !== undefined) {
        new Function('Component', 'Behavior', 'log', src)(Component, Behavior, (...a) => log.push(a.map(String).join(' ')))
        return
      }
      const methods = {}
      if (p === 'index') {
        for (const m of c.methods || []) {
          methods[m] = function (ev) {
            log.push(`${m}: ${describe(ev)}`)
          }
        }
      }
      Component({ data: p === 'index' ? c.data || {} : {}, methods })
    })
  }
  const ab = env.associateBackend(new glassEasel.EmptyComposedBackendContext())
  const root = ab.createRoot('root', codeSpace, 'index').getComponent()
  const snapshot = (title) => {
    let out = `-- ${title} --\n`
    root.getShadowRoot().forEachComposedChild((child) => {
      out += dump(child, 0)
    })
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
      const { path: ids, event, detail } = step.trigger
      let scope = root
      let target = null
      for (const id of ids) {
        target = scope.getShadowRoot().getElementById(id)
        if (!target) throw new Error(`no element #${ids.join('/')}`)
        scope = target
      }
      glassEasel.Event.dispatchEvent(
        target,
        new glassEasel.Event(event, detail ?? {}, { bubbles: true, composed: true, capturePhase: true }),
      )
      snapshots.push(snapshot(`trigger ${event} on #${ids.join('/')}`))
    }
  }
  return snapshots.join('')
}

const attempt = (f) => {
  try {
    return f()
  } catch (e) {
    return `exception: ${e && e.stack ? e.stack.split('\n').slice(0, 4).join('\n') : String(e)}`
  }
}

const cases = JSON.parse(fs.readFileSync(0, 'utf8'))
const results = {}
for (const c of cases) {
  results[c.name] = {
    ours: c.ours === null ? null : attempt(() => render(c, true)),
    ref: attempt(() => render(c, false)),
  }
}
process.stdout.write(JSON.stringify(results))
