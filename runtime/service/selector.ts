// Selectors of the automation protocol (Page.getElement, Element.getElements), matched on
// the glass-easel tree as the official tools match them: tag names (view, van-button), #id,
// .class, [attr] / [attr=value], the descendant, child (>) and cross-component (>>>)
// combinators, and comma-separated lists. Without >>>, a selector sees one component's
// tree only: the nodes inside a custom component are reached through >>> or from the
// component's own element.
import * as glassEasel from 'glass-easel'

type Compound = { tag: string; id: string; classes: string[]; attrs: { name: string; value?: string }[] }
type Combinator = ' ' | '>' | '>>>'
// A complex selector, right to left: parts[0] is the subject, each with the combinator
// that links it to the part on its left.
type Complex = { compound: Compound; combinator: Combinator | '' }[]

export class SelectorError extends Error {}

const IDENT = /^-?[_a-zA-Z][-_a-zA-Z0-9]*/

// parseSelector parses a selector list; it throws a SelectorError naming what it could not read.
export function parseSelector(text: string): Complex[] {
  const list: Complex[] = []
  for (const part of splitTopLevel(text)) {
    const tokens = part.trim()
    if (!tokens) throw new SelectorError(`empty selector in "${text}"`)
    list.push(parseComplex(tokens, text))
  }
  return list
}

function splitTopLevel(text: string): string[] {
  const out: string[] = []
  let depth = 0, start = 0, quote = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quote) { if (c === quote) quote = ''; continue }
    if (c === '"' || c === "'") quote = c
    else if (c === '[') depth++
    else if (c === ']') depth--
    else if (c === ',' && depth === 0) { out.push(text.slice(start, i)); start = i + 1 }
  }
  out.push(text.slice(start))
  return out
}

function parseComplex(s: string, whole: string): Complex {
  const leftToRight: { compound: Compound; combinator: Combinator | '' }[] = []
  let i = 0
  let pending: Combinator | '' = ''
  const fail = (what: string) => new SelectorError(`cannot read selector "${whole}" at "${s.slice(i)}": ${what}`)
  while (i < s.length) {
    let sawSpace = false
    while (s[i] === ' ' || s[i] === '\t' || s[i] === '\n') { i++; sawSpace = true }
    if (s.startsWith('>>>', i)) { pending = '>>>'; i += 3; continue }
    if (s[i] === '>') { pending = '>'; i++; continue }
    if (i >= s.length) break
    if (sawSpace && leftToRight.length && !pending) pending = ' '
    const compound: Compound = { tag: '', id: '', classes: [], attrs: [] }
    const tag = /^(\*|-?[_a-zA-Z][-_a-zA-Z0-9]*)/.exec(s.slice(i))
    if (tag) { compound.tag = tag[1] === '*' ? '' : tag[1]!; i += tag[0].length }
    for (;;) {
      const c = s[i]
      if (c === '#' || c === '.') {
        const m = IDENT.exec(s.slice(i + 1))
        if (!m) throw fail(`a name after "${c}"`)
        if (c === '#') compound.id = m[0]
        else compound.classes.push(m[0])
        i += 1 + m[0].length
      } else if (c === '[') {
        const m = /^\[\s*([-_a-zA-Z0-9:]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]*))\s*)?\]/.exec(s.slice(i))
        if (!m) throw fail('an attribute selector [name] or [name=value]')
        compound.attrs.push({ name: m[1]!, value: m[2] ?? m[3] ?? m[4] })
        i += m[0].length
      } else break
    }
    if (!tag && !compound.id && !compound.classes.length && !compound.attrs.length) throw fail('a tag, #id, .class or [attribute]')
    if (leftToRight.length && !pending) throw fail('a combinator')
    leftToRight.push({ compound, combinator: leftToRight.length ? pending : '' })
    pending = ''
  }
  if (pending || !leftToRight.length) throw fail('a selector after the combinator')
  // Stored right to left; each part keeps the combinator to its left neighbour.
  return leftToRight.reverse()
}

// tagOf is the WXML tag of a node: a native node's name, or the tag a component is used by.
export function tagOf(e: glassEasel.Element): string {
  if (glassEasel.Component.isComponent(e)) return (e as glassEasel.GeneralComponent).tagName
  if (glassEasel.NativeNode.isNativeNode(e)) return (e as glassEasel.NativeNode).is
  return (e as any).is || ''
}

// attributeOf reads what a selector's [name] compares: id, class, style, data-*, a native
// node's attribute, or a component's property.
export function attributeOf(e: glassEasel.Element, name: string): unknown {
  if (name === 'id') return e.id || undefined
  if (name === 'class') return e.class || undefined
  if (name === 'style') return e.style || undefined
  if (name.startsWith('data-')) {
    const key = name.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
    return e.dataset?.[key]
  }
  if (glassEasel.Component.isComponent(e)) {
    const c = e as glassEasel.GeneralComponent
    return glassEasel.Component.hasProperty(c, name) ? (c.data as Record<string, unknown>)[name] : undefined
  }
  return e.getAttribute(name) ?? undefined
}

function matches(e: glassEasel.Element, c: Compound): boolean {
  if (c.tag && tagOf(e) !== c.tag) return false
  if (c.id && e.id !== c.id) return false
  for (const cls of c.classes) if (!e.classList?.contains(cls)) return false
  for (const a of c.attrs) {
    const v = attributeOf(e, a.name)
    if (v === undefined || v === null || v === false) return false
    if (a.value !== undefined && String(v) !== a.value) return false
  }
  return true
}

// parentInTree is e's parent element in its own shadow tree, null at the tree's top.
function parentInTree(e: glassEasel.Element): glassEasel.Element | null {
  const p = e.parentNode
  if (!p || glassEasel.ShadowRoot.isShadowRoot(p)) return null
  return p
}

// hostOf is the component whose shadow tree e is in (null for the page's own tree top).
function hostOf(e: glassEasel.Element): glassEasel.Element | null {
  return e.ownerShadowRoot?.getHostNode() ?? null
}

// matchFrom tests parts[k..] against e and its ancestors, staying inside `scope` (the
// component whose tree the search started in).
function matchFrom(e: glassEasel.Element, parts: Complex, k: number, scopeRoot: glassEasel.ShadowRoot): boolean {
  if (!matches(e, parts[k]!.compound)) return false
  if (k === parts.length - 1) return inScope(e, scopeRoot)
  const comb = parts[k]!.combinator
  if (comb === '>') {
    const p = parentInTree(e)
    return !!p && matchFrom(p, parts, k + 1, scopeRoot)
  }
  // Descendant: ancestors in the same tree; >>>: also the hosts of the trees above.
  for (let a = ancestor(e, comb === '>>>'); a; a = ancestor(a, comb === '>>>')) {
    if (matchFrom(a, parts, k + 1, scopeRoot)) return true
  }
  return false
}

function ancestor(e: glassEasel.Element, crossing: boolean): glassEasel.Element | null {
  return parentInTree(e) ?? (crossing ? hostOf(e) : null)
}

// inScope: the leftmost part must be in the tree the search started in.
function inScope(e: glassEasel.Element, scopeRoot: glassEasel.ShadowRoot) {
  return e.ownerShadowRoot === scopeRoot
}

// descendants lists the elements under root in document order; with `deep`, it goes into
// the shadow trees of the components it meets (for >>>).
function descendants(root: glassEasel.Node, deep: boolean, out: glassEasel.Element[] = []): glassEasel.Element[] {
  for (const child of (root as glassEasel.Element).childNodes || []) {
    if (!glassEasel.Element.isElement(child)) continue
    const e = child as glassEasel.Element
    out.push(e)
    if (deep && glassEasel.Component.isComponent(e)) {
      const sr = (e as glassEasel.GeneralComponent).getShadowRoot()
      if (sr) descendants(sr, deep, out)
    }
    descendants(e, deep, out)
  }
  return out
}

// querySelectorAll finds, in document order, the elements under `root` (a shadow root, or
// an element of one) that a selector list matches.
export function querySelectorAll(root: glassEasel.Node, selector: string): glassEasel.Element[] {
  const list = parseSelector(selector)
  const scopeRoot = glassEasel.ShadowRoot.isShadowRoot(root)
    ? (root as glassEasel.ShadowRoot)
    : (root as glassEasel.Element).ownerShadowRoot!
  const deep = list.some((parts) => parts.some((p) => p.combinator === '>>>'))
  const candidates = descendants(root, deep)
  const within = (e: glassEasel.Element) => {
    // A search from an element stays under it.
    if (glassEasel.ShadowRoot.isShadowRoot(root)) return true
    for (let a: glassEasel.Element | null = e; a; a = parentInTree(a) ?? hostOf(a)) if (a === root) return a !== e
    return false
  }
  return candidates.filter((e) => within(e) && list.some((parts) => matchFrom(e, parts, 0, scopeRoot)))
}
