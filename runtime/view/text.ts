// Text components: text (decode, space, selectable / user-select), rich-text (nodes as
// an HTML string or the array form, with the phone's allowed tags and attributes), icon
// and progress.
import type { Builtin } from './builtins'
import { bool, prop, px } from './drag'

// ---- text ----

const entities: Record<string, string> = { nbsp: '\u00a0', lt: '<', gt: '>', amp: '&', apos: "'", quot: '"', ensp: '\u2002', emsp: '\u2003' }

// decode turns the entities the phone's text decodes into their characters, in one pass
// ("&amp;lt;" is "&lt;").
export function decodeEntities(s: string): string {
  return s.replace(/&(nbsp|lt|gt|amp|apos|quot|ensp|emsp);/g, (_, name: string) => entities[name]!)
}

const spaces: Record<string, string> = { ensp: '\u2002', emsp: '\u2003', nbsp: '\u00a0' }

type TextNodeState = Text & { __raw?: string; __shown?: string }

// rewrite shows the text nodes under a text element with decode and space applied; the
// node keeps what the template gave it, so a later change of the attributes starts from it.
function rewrite(el: HTMLElement) {
  const decode = bool(prop(el, 'decode'))
  const space = spaces[String(prop(el, 'space') ?? '')]
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode() as TextNodeState | null; n; n = walker.nextNode() as TextNodeState | null) {
    if (n.__shown === undefined || n.data !== n.__shown) n.__raw = n.data
    let t = n.__raw!
    if (decode) t = decodeEntities(t)
    if (space) t = t.replace(/ /g, space)
    n.__shown = t
    if (n.data !== t) n.data = t
  }
}

// text is not selectable unless selectable / user-select (page-frame.html's style, by
// the attributes). Only a text with decode or space watches its text nodes.
export const text: Builtin = {
  create() {},
  set(el, name) {
    if (name === 'decode' || name === 'space') {
      if (!(el as any).__textObserver) {
        // The text nodes arrive and change after the attribute: rewrite them as they do.
        const o = new MutationObserver(() => rewrite(el))
        o.observe(el, { childList: true, characterData: true, subtree: true })
        ;(el as any).__textObserver = o
      }
      queueMicrotask(() => rewrite(el))
    }
    return false
  },
}

// ---- rich-text ----

const allowed: Record<string, string[]> = {}
for (const t of 'a abbr address article aside b bdi big blockquote br caption center cite code dd del div dl dt em fieldset font footer h1 h2 h3 h4 h5 h6 header hr i ins label legend li mark nav p pre q rt ruby s section small span strong sub sup tbody tfoot thead tt u ul'.split(' '))
  allowed[t] = []
allowed.bdo = ['dir']
allowed.col = allowed.colgroup = ['span', 'width']
allowed.img = ['alt', 'src', 'height', 'width']
allowed.ol = ['start', 'type']
allowed.table = ['width']
allowed.td = allowed.th = allowed.tr = ['colspan', 'height', 'rowspan', 'width']

type RichNode = { type?: string; name?: string; attrs?: Record<string, unknown>; children?: RichNode[]; text?: string }

// fromHTML turns an HTML string into the array form, as the phone does before rendering.
function fromHTML(html: string): RichNode[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html')
  const walk = (n: Node): RichNode | null => {
    if (n.nodeType === Node.TEXT_NODE) return { type: 'text', text: (n as Text).data }
    if (n.nodeType !== Node.ELEMENT_NODE) return null
    const e = n as Element
    const attrs: Record<string, string> = {}
    for (const a of e.attributes) attrs[a.name] = a.value
    return { name: e.localName, attrs, children: [...e.childNodes].map(walk).filter((c): c is RichNode => c !== null) }
  }
  return [...doc.body.childNodes].map(walk).filter((c): c is RichNode => c !== null)
}

// build makes DOM nodes of the allowed tags and attributes; a node of any other tag is
// dropped with its children, as on a phone. Text is decoded (it "supports entities").
function build(doc: Document, nodes: RichNode[], space: string | undefined, into: Node) {
  for (const n of nodes) {
    if (!n || typeof n !== 'object') continue
    if (n.type === 'text') {
      let t = decodeEntities(String(n.text ?? ''))
      if (space) t = t.replace(/ /g, space)
      into.appendChild(doc.createTextNode(t))
      continue
    }
    const name = String(n.name ?? '').toLowerCase()
    const attrsAllowed = allowed[name]
    if (!attrsAllowed) continue
    const e = doc.createElement(name)
    for (const [k, v] of Object.entries(n.attrs || {})) {
      const key = k.toLowerCase()
      if (key !== 'class' && key !== 'style' && !attrsAllowed.includes(key)) continue
      if (v === null || v === undefined) continue
      // Only web images and the project's own files: no script URLs.
      if (key === 'src' && /^\s*(javascript|vbscript|data:text)/i.test(String(v))) continue
      e.setAttribute(key, String(v))
    }
    if (Array.isArray(n.children)) build(doc, n.children, space, e)
    into.appendChild(e)
  }
}

function renderRich(el: HTMLElement) {
  const nodes = prop(el, 'nodes')
  const list: RichNode[] = typeof nodes === 'string' ? fromHTML(nodes) : Array.isArray(nodes) ? (nodes as RichNode[]) : []
  const frag = el.ownerDocument.createDocumentFragment()
  build(el.ownerDocument, list, spaces[String(prop(el, 'space') ?? '')], frag)
  const box = (el as any).__rich as HTMLElement
  box.textContent = ''
  box.appendChild(frag)
}

export const richText: Builtin = {
  create(el) {
    // The rendered nodes sit in a box of their own: the template gives rich-text no children.
    const box = el.ownerDocument.createElement('div')
    box.style.display = 'contents'
    el.appendChild(box)
    ;(el as any).__rich = box
  },
  set(el, name, value) {
    if (name === 'nodes' || name === 'space') {
      renderRich(el)
      return true
    }
    return false
  },
}

// ---- icon ----

// Each icon type: its colour on a phone and an SVG drawing of it (a 24-unit box).
const icons: Record<string, { color: string; svg: string }> = {
  success: { color: '#09BB07', svg: '<circle cx="12" cy="12" r="12" fill="C"/><path d="M6.5 12.5l3.8 3.8 7.2-7.6" stroke="#fff" stroke-width="2" fill="none"/>' },
  success_no_circle: { color: '#09BB07', svg: '<path d="M3 12.5l6 6L21 6" stroke="C" stroke-width="2.4" fill="none"/>' },
  info: { color: '#10AEFF', svg: '<circle cx="12" cy="12" r="12" fill="C"/><rect x="10.8" y="10" width="2.4" height="8" fill="#fff"/><circle cx="12" cy="6.8" r="1.5" fill="#fff"/>' },
  warn: { color: '#F76260', svg: '<circle cx="12" cy="12" r="12" fill="C"/><rect x="10.8" y="5.5" width="2.4" height="9" fill="#fff"/><circle cx="12" cy="17.5" r="1.5" fill="#fff"/>' },
  waiting: { color: '#10AEFF', svg: '<circle cx="12" cy="12" r="12" fill="C"/><path d="M12 5.5V12l4.5 3" stroke="#fff" stroke-width="2" fill="none"/>' },
  cancel: { color: '#F43530', svg: '<circle cx="12" cy="12" r="11" stroke="C" stroke-width="1.6" fill="none"/><path d="M8 8l8 8M16 8l-8 8" stroke="C" stroke-width="1.6"/>' },
  download: { color: '#09BB07', svg: '<circle cx="12" cy="12" r="12" fill="C"/><path d="M12 5.5v10M7.5 11.5l4.5 4.5 4.5-4.5" stroke="#fff" stroke-width="2" fill="none"/>' },
  search: { color: '#B2B2B2', svg: '<circle cx="10" cy="10" r="7" stroke="C" stroke-width="2" fill="none"/><path d="M15 15l6.5 6.5" stroke="C" stroke-width="2.2"/>' },
  clear: { color: '#B2B2B2', svg: '<circle cx="12" cy="12" r="12" fill="C"/><path d="M8 8l8 8M16 8l-8 8" stroke="#fff" stroke-width="2"/>' },
}

function renderIcon(el: HTMLElement) {
  const type = String(prop(el, 'type') ?? '')
  const icon = icons[type]
  const size = px(prop(el, 'size'), 23)
  const color = String(prop(el, 'color') || icon?.color || '#000')
  el.innerHTML = icon
    ? `<svg viewBox="0 0 24 24" width="${size}" height="${size}" style="display:block">${icon.svg.replace(/"C"/g, JSON.stringify(color.replace(/["<>]/g, '')))}</svg>`
    : ''
}

export const icon: Builtin = {
  create(el) {
    renderIcon(el)
  },
  set(el, name) {
    if (name === 'type' || name === 'size' || name === 'color') renderIcon(el)
    return false
  },
}

// ---- progress ----

type ProgressState = { bar: HTMLElement; fill: HTMLElement; info: HTMLElement; shown: number; timer: ReturnType<typeof setInterval> | undefined }

function renderProgress(el: HTMLElement, emit: (t: string, d: Record<string, unknown>, b?: boolean) => void) {
  const s = (el as any).__progress as ProgressState
  const percent = Math.max(0, Math.min(100, Number(prop(el, 'percent') ?? 0) || 0))
  const active = String(prop(el, 'activeColor') ?? prop(el, 'active-color') ?? prop(el, 'color') ?? '#09BB07')
  const background = String(prop(el, 'backgroundColor') ?? prop(el, 'background-color') ?? '#EBEBEB')
  const radius = px(prop(el, 'border-radius'), 0)
  s.bar.style.height = `${px(prop(el, 'stroke-width'), 6)}px`
  s.bar.style.background = background
  s.bar.style.borderRadius = s.fill.style.borderRadius = `${radius}px`
  s.fill.style.background = active
  s.info.style.display = bool(prop(el, 'show-info')) ? '' : 'none'
  s.info.style.fontSize = `${px(prop(el, 'font-size'), 16)}px`
  clearInterval(s.timer)
  const show = (p: number) => {
    s.shown = p
    s.fill.style.width = `${p}%`
    s.info.textContent = `${Math.round(p)}%`
  }
  if (!bool(prop(el, 'active'))) {
    show(percent)
    return
  }
  // active: the bar grows 1% every `duration` ms, from 0 (backwards) or from where it
  // was (forwards), then activeend.
  let p = String(prop(el, 'active-mode') ?? 'backwards') === 'forwards' ? s.shown : 0
  const step = Math.max(Number(prop(el, 'duration') ?? 30) || 30, 1)
  show(Math.min(p, percent))
  s.timer = setInterval(() => {
    p = p < percent ? Math.min(percent, p + 1) : Math.max(percent, p - 1)
    show(p)
    if (p === percent) {
      clearInterval(s.timer)
      emit('activeend', { curPercent: percent }, false)
    }
  }, step)
}

export const progress: Builtin = {
  create(el, emit) {
    el.innerHTML = '<div class="wx-progress-bar" style="flex:1;overflow:hidden"><div class="wx-progress-inner-bar" style="height:100%;width:0"></div></div><div class="wx-progress-info" style="margin-left:15px;min-width:2em;display:none"></div>'
    ;(el as any).__progress = {
      bar: el.firstElementChild as HTMLElement,
      fill: el.firstElementChild!.firstElementChild as HTMLElement,
      info: el.lastElementChild as HTMLElement,
      shown: 0,
      timer: undefined,
    } satisfies ProgressState
    let queued = false
    ;(el as any).__render = () => {
      // Attributes come one by one: draw once they are all in.
      if (queued) return
      queued = true
      queueMicrotask(() => {
        queued = false
        renderProgress(el, emit)
      })
    }
    ;(el as any).__render()
  },
  set(el, name) {
    if (progressAttrs.has(name)) (el as any).__render()
    return false
  },
}

const progressAttrs = new Set(['percent', 'show-info', 'border-radius', 'font-size', 'stroke-width', 'color', 'activeColor', 'active-color', 'backgroundColor', 'background-color', 'active', 'active-mode', 'duration'])
