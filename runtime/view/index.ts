// The page layer: runs in one iframe per page. It applies the render operations the
// service layer sends (runtime/service/backend.ts) to the DOM, and reports user events
// back. It holds no app logic.
import { Cmd, Ev, Op, OpArgs, ROOT_NODE_ID, type RenderOps } from '../bridge/protocol'
import { Socket, socketURL } from '../bridge/socket'
import { runAutomation } from './automation'
import { installPageAPIs, pageAPI } from './apis'
import { builtins, setAttribute } from './builtins'
import { drawCanvas } from './canvas'
import { setInputValue } from './field'
import { closeTopContainer } from './page-container'
import { scroller } from './scroll'
import { installHover } from './hover'
import { installInput, pathOf } from './input'
import { PullDown } from './pulldown'
import { setTheme, themeSheet } from './theme'
import { WxsLayer, type Tagged } from './wxs'

const params = new URLSearchParams(location.search)
const session = params.get('session') || ''
const webviewId = Number(params.get('webview') || '0')
// The look of the built-in components: "v2" when app.json asks for it (page-frame.html).
if (params.get('style')) document.documentElement.dataset.style = params.get('style')!
// The device's theme, for the sheets' prefers-color-scheme; the shell says when it changes.
setTheme(document, params.get('theme') || 'light')
window.addEventListener('message', (e) => {
  if (e.source === window.parent && typeof e.data?.mpsimTheme === 'string') setTheme(document, e.data.mpsimTheme)
})
const socket = new Socket(socketURL(location, `webview/${webviewId}`, session))

// Each DOM node made for the service layer carries its node id, for events.
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

// nodeList is the nodes of ids, as one node to insert: the node itself, or a fragment.
function nodeList(ids: number[]): Node {
  if (ids.length === 1) return node(ids[0]!)
  const frag = document.createDocumentFragment()
  for (const id of ids) frag.appendChild(node(id))
  return frag
}

function spliceRemove(parent: Node, before: Node, count: number) {
  let cur: Node | null = before
  for (let i = 0; i < count && cur; i++) {
    const next: Node | null = cur.nextSibling
    parent.removeChild(cur)
    cur = next
  }
}

// A batch may come in parts (runtime/service/backend.ts, sendPart). Each part is applied
// as it comes as far as that shows nothing: an operation on nodes out of the document (a
// wx:for item being built) runs at once; one that touches the document, runs page code,
// or touches a node an operation still waiting touches, waits for the batch's last part.
// The operations run early touch none of the nodes of those that wait, so the page ends
// as if the batch had come whole, and never shows half of a setData.
let streaming: { waiting: any[]; held: Set<number>; barrier: boolean } | null = null

function receive(ops: RenderOps, more: boolean) {
  if (!more && !streaming) {
    apply(ops)
    return
  }
  const s = (streaming ||= { waiting: [], held: new Set(), barrier: false })
  if (more) {
    applyEarly(ops, s)
    return
  }
  streaming = null
  for (let k = 0; k < s.waiting.length; k += 2) applyOp(s.waiting[k], s.waiting[k + 1])
  apply(ops)
}

// applyEarly runs the operations of a part that may run before the batch is whole, and
// keeps the others, in order, for its end.
function applyEarly(ops: RenderOps, s: NonNullable<typeof streaming>) {
  const a = ops as any[]
  const mustWait = (id: number) => s.held.has(id) || inDocument(id)
  const hold = (id: number) => !s.held.add(id)
  for (let i = 0; i < a.length; i += 1 + OpArgs[a[i]]!) {
    const code = a[i] as Op
    if (OpArgs[code] === undefined) throw new Error(`unknown render op ${code} at ${i}`)
    // Page code (WXS) and a new tree may touch anything: everything after them waits.
    if (code === Op.Reset || code === Op.WxsObserve || code === Op.DisableStyleSheet) s.barrier = true
    if (s.barrier || anyNode(a, i, mustWait)) {
      s.waiting.push(a, i)
      anyNode(a, i, hold)
    } else applyOp(a, i)
  }
}

// anyNode reports whether f holds for an existing node the operation at i touches: its
// target, a node it moves, the node it inserts before (a node it creates is new to all).
function anyNode(a: any[], i: number, f: (id: number) => boolean): boolean {
  switch (a[i] as Op) {
    case Op.CreateElement:
    case Op.CreateText:
    case Op.AddStyleSheet:
    case Op.DisableStyleSheet:
    case Op.Reset:
      return false
    case Op.AppendChild:
    case Op.RemoveChild:
    case Op.SpliceRemove:
      return f(a[i + 1]) || f(a[i + 2])
    case Op.InsertBefore:
    case Op.ReplaceChild:
      return f(a[i + 1]) || f(a[i + 2]) || (!!a[i + 3] && f(a[i + 3]))
    case Op.SpliceAppend:
      return f(a[i + 1]) || (a[i + 2] as number[]).some(f)
    case Op.SpliceBefore:
      return f(a[i + 1]) || f(a[i + 2]) || (a[i + 4] as number[]).some(f)
  }
  return f(a[i + 1])
}

// inDocument is true for a node in the document, and for an unknown one (whose error
// comes when the batch is applied in full).
function inDocument(id: number): boolean {
  return nodes.get(id)?.isConnected !== false
}

// apply runs a whole batch (see OpArgs).
function apply(ops: RenderOps) {
  const a = ops as any[]
  for (let i = 0; i < a.length; ) i = applyOp(a, i)
}

// applyOp runs the operation at i and returns where the next one starts: a1..a6 are its
// arguments.
function applyOp(a: any[], i: number): number {
  const code = a[i] as Op
  if (OpArgs[code] === undefined) throw new Error(`unknown render op ${code} at ${i}`)
  const a1 = a[i + 1], a2 = a[i + 2], a3 = a[i + 3], a4 = a[i + 4], a5 = a[i + 5], a6 = a[i + 6]
  i += 1 + OpArgs[code]!
  switch (code) {
    case Op.CreateElement: {
      const e = createElement(a2, a3 === 1) as Tagged & HTMLElement
      e.__mpsimId = a1
      if (a3 === 1) e.__mpsimHost = true
      nodes.set(a1, e)
      const id = a1 as number
      builtins[e.localName]?.create(
        e,
        (type, detail, bubbles = true) =>
          socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.PageEvent, data: { id, type, detail, bubbles } } }),
        (api, args, done) => {
          const callbackID = nextCallbackID++
          if (done) invokeCallbacks.set(callbackID, done)
          socket.send({ command: Cmd.WebviewInvoke, data: { api, args, callbackID } })
        },
      )
      break
    }
    case Op.CreateText:
      nodes.set(a1, document.createTextNode(a2))
      break
    case Op.Detach:
      node(a1).parentNode?.removeChild(node(a1))
      break
    case Op.AppendChild:
      node(a1).appendChild(node(a2))
      break
    case Op.RemoveChild:
      node(a1).removeChild(node(a2))
      break
    case Op.InsertBefore:
      node(a1).insertBefore(node(a2), a3 ? node(a3) : null)
      break
    case Op.ReplaceChild:
      node(a1).replaceChild(node(a2), node(a3))
      break
    case Op.SpliceBefore: {
      const parent = node(a1)
      const before = node(a2)
      let end: Node | null = before
      for (let k = 0; k < a3 && end; k++) end = end.nextSibling
      spliceRemove(parent, before, a3)
      parent.insertBefore(nodeList(a4), end)
      break
    }
    case Op.SpliceAppend:
      node(a1).appendChild(nodeList(a2))
      break
    case Op.SpliceRemove:
      spliceRemove(node(a1), node(a2), a3)
      break
    case Op.SetId:
      el(a1).id = a2
      break
    case Op.SetStyle:
      wxs.templateStyle(el(a1), a2)
      break
    case Op.AddClass: {
      // A new element's classes come in one operation: one write of the attribute.
      const e = el(a1)
      if (!e.hasAttribute('class')) e.className = a2
      else e.classList.add(...(a2 as string).split(' '))
      break
    }
    case Op.RemoveClass:
      el(a1).classList.remove(a2)
      break
    case Op.ClearClasses:
      el(a1).removeAttribute('class')
      break
    case Op.SetAttribute:
      setAttribute(el(a1), a2, a3)
      break
    case Op.RemoveAttribute:
      el(a1).removeAttribute(a2)
      break
    case Op.SetText:
      node(a1).textContent = a2
      break
    case Op.Release:
      nodes.delete(a1)
      listeners.delete(a1)
      wxs.forget(a1)
      break
    case Op.SetListener: {
      const types = listeners.get(a1) || new Set<string>()
      types.add(a2)
      listeners.set(a1, types)
      break
    }
    case Op.SetWxsListener:
      wxs.setListener(a1, a2, a3, a4, a5, a6)
      break
    case Op.WxsObserve:
      wxs.observe(a1, a2, a3.v, a3.o, a4, a5)
      break
    case Op.SetDataset: {
      const n = node(a1)
      ;(n.__mpsimDataset ||= {})[a2] = a3
      break
    }
    case Op.AddStyleSheet: {
      const link = document.createElement('link')
      link.rel = 'stylesheet'
      link.href = a2
      styleSheets.set(a1, link)
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
      link.addEventListener('load', () => themeSheet(link.sheet)) // and after each reload of it
      document.head.appendChild(link)
      break
    }
    case Op.DisableStyleSheet: {
      const link = styleSheets.get(a1)
      if (link) link.disabled = true
      break
    }
    case Op.Reset:
      // The page is made again (a hot update of its script): its nodes, listeners and
      // style sheets go; the new tree brings its own.
      rootEl.textContent = ''
      nodes.clear()
      nodes.set(ROOT_NODE_ID, rootEl)
      listeners.clear()
      wxs.clear()
      for (const link of styleSheets.values()) link.remove()
      styleSheets.clear()
      loadingSheets = 0
      break
  }
  return i
}

// A rebuild that changed only style sheets swaps them in place: the page keeps its state.
// A change of .wxs brings the page layer's copy of the modules up to date (the functions
// are looked up when called).
socket.on(Cmd.WebviewOnEvent, (f) => {
  const eventName = f.data?.eventName
  if (eventName === 'onStylesChanged') {
    // Only the sheets that changed load again (a page may use dozens of components').
    const changed = new Set<string>((f.data.data?.paths || []).map((p: string) => `/wxss/${p}.wxss`))
    for (const link of styleSheets.values()) {
      const url = new URL(link.href)
      if (!changed.has(url.pathname)) continue
      url.searchParams.set('v', String(Date.now()))
      link.href = url.toString()
    }
  } else if (eventName === 'onWxsChanged') {
    const script = document.createElement('script')
    script.src = `/wxs.js?v=${Date.now()}`
    document.head.appendChild(script)
  }
})

const pageAPIContext = {
  node: (id: number) => nodes.get(id),
  answer: (reqId: number, result: unknown) =>
    socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.NodeQueryResult, data: { reqId, result } } }),
}

let firstRendered = false

socket.on(Cmd.AppServicePublish, (f) => {
  const { eventName, data } = f.data || {}
  if (pageAPI(document, eventName, data, pageAPIContext)) return
  if (eventName === Ev.NodeQuery) {
    answerQuery(data)
    return
  }
  if (eventName === Ev.AutomationCall) {
    const reply = (answer: { result?: unknown; error?: string }) =>
      socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.AutomationResult, data: { reqId: data.reqId, ...answer } } })
    runAutomation(nodes, data.fn, data.id, data.args || []).then(
      (result) => reply({ result }),
      (err) => reply({ error: String(err?.message ?? err) }),
    )
    return
  }
  if (eventName === Ev.Observe) {
    observeIntersection(data)
    return
  }
  if (eventName === Ev.Unobserve) {
    observers.get(data.obsId)?.disconnect()
    observers.delete(data.obsId)
    return
  }
  if (eventName === Ev.StartPullDownRefresh) {
    pullDown.start()
    return
  }
  if (eventName === Ev.StopPullDownRefresh) {
    pullDown.stop()
    return
  }
  if (eventName === Ev.SetInputValue) {
    setInputValue(nodes.get(data.id) as HTMLElement | undefined, data)
    return
  }
  if (eventName === Ev.CanvasDraw) {
    drawCanvas(nodes.get(data.id) as HTMLElement | undefined, data.cmds, pageAPIContext.answer)
    return
  }
  if (eventName === Ev.SetScroll) {
    // The page itself scrolls with the document; a scroll-view with its inner box.
    const n = data.id === ROOT_NODE_ID ? window : scroller(nodes.get(data.id) as HTMLElement | undefined)
    n?.scrollTo({ left: data.left, top: data.top, behavior: data.duration > 0 ? 'smooth' : 'auto' })
    return
  }
  if (eventName !== Ev.VdSync) return
  try {
    receive(data.ops, !!data.more)
    if (data.more) return
    wxs.flush()
    // When the last batch was applied, on the clock every context shares (for benchmarks).
    ;(window as any).__mpsimRenderedAt = performance.timeOrigin + performance.now()
    // The shell makes its next spare frame once this page has rendered (web/static/shell.js).
    if (!firstRendered) {
      firstRendered = true
      window.frameElement?.dispatchEvent(new Event('mpsim-rendered'))
    }
  } catch (err) {
    console.error('[mpsim] render batch failed:', err)
  }
  if (data.ack) socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.Rendered, data: { ack: data.ack } } })
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
      // The page itself scrolls with the document; a scroll-view with its inner box.
      const s = n === rootEl ? document.scrollingElement || document.documentElement : scroller(n)!
      result = { scrollLeft: s.scrollLeft, scrollTop: s.scrollTop, scrollWidth: s.scrollWidth, scrollHeight: s.scrollHeight }
    }
  }
  socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.NodeQueryResult, data: { reqId: q.reqId, result } } })
}

// IntersectionObservers for the service layer, by the id it gave them. The browser's
// observer reports once at the start and at each threshold crossed, as the phone's does.
const observers = new Map<number, IntersectionObserver>()
function observeIntersection(q: { obsId: number; id: number; relativeId: number; margin: string; thresholds: number[] }) {
  const target = nodes.get(q.id) as Element | undefined
  const root = q.relativeId ? (nodes.get(q.relativeId) as Element | undefined) : null
  if (!target || root === undefined) return
  const rect = (r: DOMRectReadOnly | null) =>
    r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height } : { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const status = {
          intersectionRatio: e.intersectionRatio,
          intersectionRect: rect(e.intersectionRect),
          boundingClientRect: rect(e.boundingClientRect),
          relativeRect: rect(e.rootBounds),
          time: Math.round(performance.timeOrigin + e.time),
        }
        socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.Intersection, data: { obsId: q.obsId, status } } })
      }
    },
    { root, rootMargin: q.margin, threshold: q.thresholds.length ? q.thresholds : [0] },
  )
  observer.observe(target)
  observers.set(q.obsId, observer)
}

// The page layer's own invocations (navigator), and what waits for their answers.
let nextCallbackID = 1
const invokeCallbacks = new Map<number, (res: Record<string, unknown>) => void>()
socket.on(Cmd.WebviewInvokeCallback, (f) => {
  const { callbackID, res } = f.data || {}
  const done = invokeCallbacks.get(callbackID)
  invokeCallbacks.delete(callbackID)
  done?.(res || {})
})

// Page scrolling: onPageScroll at most once a frame, and onReachBottom each time the page
// comes within onReachBottomDistance (the page's .json, default 50) of its end.
// The shell sets the page's window settings on the iframe when it gives the frame its page.
const windowSetting = (name: string) => (window.frameElement as HTMLElement | null)?.dataset[name]
function reachBottomDistance() {
  return Number(windowSetting('reachBottom') || params.get('reachBottom') || 50)
}

const pullDown = new PullDown(
  rootEl,
  () => ({
    enabled: windowSetting('pullDown') === 'true',
    backgroundColor: windowSetting('backgroundColor') || '#ffffff',
    textStyle: windowSetting('backgroundTextStyle') || 'dark',
  }),
  () => socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.PullDownRefresh, data: {} } }),
)
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

const sendPageEvent = (data: unknown) => socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.PageEvent, data } })

const wxs = new WxsLayer({
  node: (id) => nodes.get(id),
  callMethod: (ownerId, method, args) =>
    socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.WxsCallMethod, data: { ownerId, method, args } } }),
  trigger: (id, type, detail) => sendPageEvent({ id, type, detail, bubbles: false }),
})

installHover(document)
installPageAPIs(document, socket)

// A back closes a shown page-container instead of the page, as on a phone: the shell
// asks the page on top before it goes back (web/static/shell.js).
;(window as any).__mpsimCloseContainer = () => closeTopContainer(document)

// CSS transitions and animations end on the phone as bubbling events of the node
// (bindtransitionend, bindanimationstart/iteration/end), sent when some node on the
// path listens for them. Components wait for them to finish showing or hiding.
for (const type of ['transitionend', 'animationstart', 'animationiteration', 'animationend']) {
  document.addEventListener(type, (e) => {
    const path = pathOf(e.target)
    if (!path.some((n) => listeners.get(n.__mpsimId!)?.has(type))) return
    const ev = e as TransitionEvent & AnimationEvent
    const detail = type === 'transitionend' ? { propertyName: ev.propertyName, elapsedTime: ev.elapsedTime } : { animationName: ev.animationName, elapsedTime: ev.elapsedTime }
    socket.send({ command: Cmd.WebviewPublish, data: { eventName: Ev.PageEvent, data: { id: path[0]!.__mpsimId, type, detail, bubbles: true } } })
  })
}

installInput(
  document,
  sendPageEvent,
  (n, type) => !!n.__mpsimId && !!listeners.get(n.__mpsimId)?.has(type),
  (path, type, base) => wxs.dispatch(path, type, base),
)
