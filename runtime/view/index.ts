// The page layer: runs in one iframe per page. It applies the render operations the
// service layer sends (runtime/service/backend.ts) to the DOM, and reports user events
// back. It holds no app logic.
import { Cmd, Ev, Op, ROOT_NODE_ID, type RenderOp } from '../bridge/protocol'
import { Socket, socketURL } from '../bridge/socket'
import { playAnimation } from './animation'
import { builtins } from './builtins'
import { installInput } from './input'

const params = new URLSearchParams(location.search)
const session = params.get('session') || ''
const webviewId = Number(params.get('webview') || '0')
const socket = new Socket(socketURL(location, `webview/${webviewId}`, session))

// Each DOM node made for the service layer carries its node id, for events.
type Tagged = Node & { __mpsimId?: number }
const nodes = new Map<number, Tagged>()
const rootEl = document.getElementById('page-root') as HTMLElement
nodes.set(ROOT_NODE_ID, rootEl)

// Built-in tags become custom elements named as the official tools name them (<wx-view>),
// so that page styles cannot collide with the HTML meaning of a tag such as <button>; a
// custom component's host keeps the name it is used by (<van-button>, <page>).
function createElement(tag: string, isComponentHost: boolean): HTMLElement {
  if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(tag)) return document.createElement('wx-unknown')
  return document.createElement(isComponentHost || tag.startsWith('wx-') ? tag : `wx-${tag}`)
}

// The page's style sheets by the index the service layer gave them, and how many are
// still loading.
const styleSheets = new Map<number, HTMLLinkElement>()
let loadingSheets = 0

function node(id: number): Tagged {
  const n = nodes.get(id)
  if (!n) throw new Error(`render op on unknown node ${id}`)
  return n
}

function el(id: number): HTMLElement {
  return node(id) as unknown as HTMLElement
}

function setAttribute(e: HTMLElement, name: string, value: unknown) {
  ;(e as any)[`__prop_${name}`] = value
  // Any built-in element plays wx.createAnimation's steps given as its animation attribute.
  if (name === 'animation') return playAnimation(e, value)
  if (builtins[e.localName]?.set(e, name, value)) return
  if (value === false || value === null || value === undefined) e.removeAttribute(name)
  else if (value === true) e.setAttribute(name, '')
  else if (typeof value === 'object') e.setAttribute(name, JSON.stringify(value))
  else e.setAttribute(name, String(value))
}

function spliceRemove(parent: Node, before: Node, count: number) {
  let cur: Node | null = before
  for (let i = 0; i < count && cur; i++) {
    const next: Node | null = cur.nextSibling
    parent.removeChild(cur)
    cur = next
  }
}

function apply(ops: RenderOp[]) {
  for (const o of ops) {
    const a = o as any[]
    switch (a[0] as Op) {
      case Op.CreateElement: {
        const e = createElement(a[2], a[3] === 1) as Tagged & HTMLElement
        e.__mpsimId = a[1]
        nodes.set(a[1], e)
        const id = a[1] as number
        builtins[e.localName]?.create(
          e,
          (type, detail, bubbles = true) =>
            socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.PageEvent, data: { id, type, detail, bubbles } } }),
          (api, args) => socket.send({ command: Cmd.WebviewInvoke, data: { api, args, callbackID: nextCallbackID++ } }),
        )
        break
      }
      case Op.CreateText:
        nodes.set(a[1], document.createTextNode(a[2]))
        break
      case Op.CreateFragment:
        nodes.set(a[1], document.createDocumentFragment())
        break
      case Op.AppendChild:
        node(a[1]).appendChild(node(a[2]))
        break
      case Op.RemoveChild:
        node(a[1]).removeChild(node(a[2]))
        break
      case Op.InsertBefore:
        node(a[1]).insertBefore(node(a[2]), a[3] ? node(a[3]) : null)
        break
      case Op.ReplaceChild:
        node(a[1]).replaceChild(node(a[2]), node(a[3]))
        break
      case Op.SpliceBefore: {
        const parent = node(a[1])
        const before = node(a[2])
        const frag = node(a[4])
        let end: Node | null = before
        for (let i = 0; i < a[3] && end; i++) end = end.nextSibling
        spliceRemove(parent, before, a[3])
        parent.insertBefore(frag, end)
        break
      }
      case Op.SpliceAppend:
        node(a[1]).appendChild(node(a[2]))
        break
      case Op.SpliceRemove:
        spliceRemove(node(a[1]), node(a[2]), a[3])
        break
      case Op.SetId:
        el(a[1]).id = a[2]
        break
      case Op.SetStyle:
        el(a[1]).setAttribute('style', a[2])
        break
      case Op.AddClass:
        el(a[1]).classList.add(a[2])
        break
      case Op.RemoveClass:
        el(a[1]).classList.remove(a[2])
        break
      case Op.ClearClasses:
        el(a[1]).removeAttribute('class')
        break
      case Op.SetAttribute:
        setAttribute(el(a[1]), a[2], a[3])
        break
      case Op.RemoveAttribute:
        el(a[1]).removeAttribute(a[2])
        break
      case Op.SetText:
        node(a[1]).textContent = a[2]
        break
      case Op.Release:
        nodes.delete(a[1])
        listeners.delete(a[1])
        break
      case Op.SetListener: {
        const types = listeners.get(a[1]) || new Set<string>()
        types.add(a[2])
        listeners.set(a[1], types)
        break
      }
      case Op.AddStyleSheet: {
        const link = document.createElement('link')
        link.rel = 'stylesheet'
        link.href = a[2]
        styleSheets.set(a[1], link)
        // The page stays hidden until its sheets have loaded, so it never shows unstyled.
        loadingSheets++
        rootEl.style.visibility = 'hidden'
        const loaded = () => {
          link.onload = link.onerror = null // a later reload of the sheet is not a first load
          if (--loadingSheets === 0) {
            rootEl.style.visibility = ''
            for (const q of waitingQueries.splice(0)) answerQuery(q)
          }
        }
        link.onload = link.onerror = loaded
        document.head.appendChild(link)
        break
      }
      case Op.DisableStyleSheet: {
        const link = styleSheets.get(a[1])
        if (link) link.disabled = true
        break
      }
      case Op.Reset:
        rootEl.textContent = ''
        nodes.clear()
        nodes.set(ROOT_NODE_ID, rootEl)
        break
    }
  }
}

// A rebuild that changed only style sheets swaps them in place: the page keeps its state.
socket.on(Cmd.WebviewOnEvent, (f) => {
  if (f.data?.eventName !== 'onStylesChanged') return
  for (const link of styleSheets.values()) {
    const url = new URL(link.href)
    url.searchParams.set('v', String(Date.now()))
    link.href = url.toString()
  }
})

socket.on(Cmd.AppServicePublish, (f) => {
  const { eventName, data } = f.data || {}
  if (eventName === Ev.AppError) {
    // The service layer's errors show in the page's console too, where DevTools opens.
    console.error(`[mpsim] ${data.where}: ${data.stack}`)
    return
  }
  if (eventName === Ev.NodeQuery) {
    answerQuery(data)
    return
  }
  if (eventName === Ev.SetScroll) {
    // The page itself scrolls with the document.
    const n = data.id === ROOT_NODE_ID ? window : (nodes.get(data.id) as HTMLElement | undefined)
    n?.scrollTo({ left: data.left, top: data.top, behavior: data.duration > 0 ? 'smooth' : 'auto' })
    return
  }
  if (eventName !== Ev.VdSync) return
  try {
    apply(data.ops)
    // When the last batch was applied, on the clock every context shares (for benchmarks).
    ;(window as any).__mpsimRenderedAt = performance.timeOrigin + performance.now()
  } catch (err) {
    console.error('[mpsim] render batch failed:', err)
  }
})

// answerQuery measures a node for the service layer's SelectorQuery. Frames arrive in
// order, so every batch sent before the query has been applied.
// A query waits for the page's style sheets, as the phone measures a styled page (a
// component measuring itself in ready would otherwise see unstyled sizes).
const waitingQueries: NodeQuery[] = []
type NodeQuery = { reqId: number; id: number; kind: string }

function answerQuery(q: NodeQuery) {
  if (loadingSheets > 0) {
    waitingQueries.push(q)
    return
  }
  const n = nodes.get(q.id) as HTMLElement | undefined
  let result: unknown = null
  if (n && n.getBoundingClientRect) {
    if (q.kind === 'rect') {
      const r = n.getBoundingClientRect()
      result = { left: r.left, top: r.top, width: r.width, height: r.height }
    } else {
      // The page itself scrolls with the document.
      const s = n === rootEl ? document.scrollingElement || document.documentElement : n
      result = { scrollLeft: s.scrollLeft, scrollTop: s.scrollTop, scrollWidth: s.scrollWidth, scrollHeight: s.scrollHeight }
    }
  }
  socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.NodeQueryResult, data: { reqId: q.reqId, result } } })
}

// The page layer's own invocations (navigator); their answers need no handling.
let nextCallbackID = 1

// Page scrolling: onPageScroll at most once a frame, and onReachBottom each time the page
// comes within onReachBottomDistance (the page's .json, default 50) of its end.
// The shell sets the distance on the iframe when it gives the frame its page.
function reachBottomDistance() {
  const own = (window.frameElement as HTMLElement | null)?.dataset.reachBottom
  return Number(own || params.get('reachBottom') || 50)
}
let scrollQueued = false
let nearBottom = false
window.addEventListener('scroll', () => {
  if (scrollQueued) return
  scrollQueued = true
  requestAnimationFrame(() => {
    scrollQueued = false
    const el = document.scrollingElement || document.documentElement
    const scrollTop = el.scrollTop
    socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.PageScroll, data: { scrollTop } } })
    const near = el.scrollHeight - (scrollTop + el.clientHeight) <= reachBottomDistance()
    if (near && !nearBottom) socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.ReachBottom, data: {} } })
    nearBottom = near
  })
})

// Which event types each node has listeners for, as glass-easel reports them.
const listeners = new Map<number, Set<string>>()

// CSS transitions and animations end on the phone as bubbling events of the node
// (bindtransitionend, bindanimationstart/iteration/end), sent when some node on the
// path listens for them. Components wait for them to finish showing or hiding.
for (const type of ['transitionend', 'animationstart', 'animationiteration', 'animationend']) {
  document.addEventListener(type, (e) => {
    const path: Tagged[] = []
    for (let n = e.target as Tagged | null; n; n = n.parentNode as Tagged | null) {
      if (n.__mpsimId !== undefined) path.push(n)
    }
    if (!path.some((n) => listeners.get(n.__mpsimId!)?.has(type))) return
    const ev = e as TransitionEvent & AnimationEvent
    const detail = type === 'transitionend' ? { propertyName: ev.propertyName, elapsedTime: ev.elapsedTime } : { animationName: ev.animationName, elapsedTime: ev.elapsedTime }
    socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.PageEvent, data: { id: path[0]!.__mpsimId, type, detail, bubbles: true } } })
  })
}

installInput(
  document,
  (ev) => socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.PageEvent, data: ev } }),
  (n, type) => !!n.__mpsimId && !!listeners.get(n.__mpsimId)?.has(type),
)
