import * as glassEasel from 'glass-easel'
import { Ev, Op, OpArgs, ROOT_NODE_ID, type RenderOps, type Wire, type WxsRef } from '../bridge/protocol'
import { CanvasNode } from './canvas'
import { folderOf, joinPath } from './paths'

type EventListener = (
  target: glassEasel.Element,
  type: string,
  detail: unknown,
  options: glassEasel.EventOptions,
) => glassEasel.EventBubbleStatus | void

// PageBackend is a glass-easel composed-mode backend for one page. glass-easel runs here,
// in the service layer; every tree operation becomes a compact op, and the ops of one
// task go to the page's iframe as one batch (see runtime/view).
export class PageBackend implements glassEasel.composedBackend.Context {
  mode = glassEasel.BackendMode.Composed as const
  private nextId = ROOT_NODE_ID + 1
  private ops: RenderOps = []
  private flushQueued = false
  private nodes = new Map<number, RemoteNode>()
  private root: RemoteNode
  private listener: EventListener | null = null
  private styleSheetIndex = 1
  private renderCallbacks: ((err: Error | null) => void)[] = []
  private awaitingRender = new Map<number, ((err: Error | null) => void)[]>()
  private nextAck = 1

  private nextReqId = 1
  private pendingQueries = new Map<number, (result: any) => void>()

  constructor(
    // send sends a batch; with ack, the page layer answers Rendered { ack } once applied;
    // with more, the batch is a part of one and the rest follows (see STREAM_VALUES).
    private send: (ops: RenderOps, ack?: number, more?: boolean) => void,
    // publish sends an event to this page's layer (after the ops sent so far).
    private publish: (eventName: string, data: unknown) => void,
    private window: { width: number; height: number; pixelRatio: number },
    // scopeName names a style scope; a class in a named scope is written "name--class",
    // as glass-easel's DOM backend writes it and as compiler/wxss prefixes selectors.
    readonly scopeName: (scope: number) => string | undefined,
    // styleSheetURL is where the page layer loads a style sheet registered by path, or
    // null for one this page does not take.
    private styleSheetURL: (path: string) => string | null,
  ) {
    this.root = new RemoteNode(this, ROOT_NODE_ID)
    this.nodes.set(ROOT_NODE_ID, this.root)
  }

  // op records one operation, its Op and then as many arguments as OpArgs says; the batch
  // goes out at the end of the current task.
  op(code: Op, a?: Wire, b?: Wire, c?: Wire, d?: Wire, e?: Wire, f?: Wire) {
    const ops = this.ops
    const n = OpArgs[code]!
    this.lastOp = ops.length
    ops.push(code)
    if (n > 0) ops.push(a!)
    if (n > 1) ops.push(b!)
    if (n > 2) ops.push(c!)
    if (n > 3) ops.push(d!)
    if (n > 4) ops.push(e!)
    if (n > 5) ops.push(f!)
    if (ops.length >= STREAM_VALUES) this.sendPart()
    else if (!this.flushQueued) {
      this.flushQueued = true
      queueMicrotask(() => this.flush())
    }
  }

  // sendPart sends the ops so far of a task that makes many, while it goes on: the page
  // layer takes them in as they come (runtime/view/index.ts shows nothing of a batch
  // before its end) instead of waiting for glass-easel to finish the whole task.
  private streaming = false
  private sendPart() {
    const part = this.ops
    this.ops = []
    this.lastOp = -1
    this.streaming = true
    this.send(part, undefined, true)
    if (!this.flushQueued) {
      this.flushQueued = true
      queueMicrotask(() => this.flush())
    }
  }

  // flush sends the ops of this task. Render callbacks (setData's callback, onReady) run
  // when the page layer reports that it applied the batch, as a phone's run after the view
  // layer rendered.
  flush() {
    this.flushQueued = false
    const cbs = this.renderCallbacks
    if (this.ops.length === 0 && cbs.length === 0 && !this.streaming) return
    this.renderCallbacks = []
    this.streaming = false
    const batch = this.ops
    this.ops = []
    this.lastOp = -1
    let ack: number | undefined
    if (cbs.length > 0) {
      ack = this.nextAck++
      this.awaitingRender.set(ack, cbs)
    }
    this.send(batch, ack)
  }

  // rendered runs the callbacks waiting for the batch the page layer has applied.
  rendered(ack: number) {
    const cbs = this.awaitingRender.get(ack)
    this.awaitingRender.delete(ack)
    for (const cb of cbs || []) cb(null)
  }

  // query asks the page layer about a node; the ops before it are applied first.
  query(id: number, kind: 'rect' | 'scroll', cb: (result: any) => void) {
    this.request(Ev.NodeQuery, { id, kind }, cb)
  }

  // request asks the page layer for what a query or an API needs (a canvas's picture),
  // after the ops so far; it answers with NodeQueryResult (AutomationResult for automate).
  request(eventName: string, data: Record<string, unknown>, cb: (result: any) => void) {
    this.flush()
    this.publish(eventName, { ...data, reqId: this.expect(cb) })
  }

  // expect makes a request id whose answer goes to cb, for a request that travels inside
  // something else (a canvas's image load, among its drawing calls).
  expect(cb: (result: any) => void) {
    const reqId = this.nextReqId++
    this.pendingQueries.set(reqId, cb)
    return reqId
  }

  // answer delivers the page layer's NodeQueryResult.
  answer(reqId: number, result: unknown) {
    const cb = this.pendingQueries.get(reqId)
    this.pendingQueries.delete(reqId)
    cb?.(result)
  }

  // automate runs one of the page layer's automation functions (runtime/view/automation.ts)
  // on node id, after the ops so far; it rejects with the page layer's error.
  automate(fn: string, id: number, args: unknown[] = []): Promise<any> {
    return new Promise((resolve, reject) =>
      this.request(Ev.AutomationCall, { fn, id, args }, (r: { result?: unknown; error?: string }) =>
        (r && r.error !== undefined ? reject(new Error(r.error)) : resolve(r?.result))))
  }

  // observe asks the page layer to watch a node's intersection (IntersectionObserver).
  private nextObsId = 1
  private observers = new Map<number, (status: any) => void>()
  observe(id: number, relativeId: number, margin: string, thresholds: number[], listener: (status: any) => void) {
    this.flush()
    const obsId = this.nextObsId++
    this.observers.set(obsId, listener)
    this.publish(Ev.Observe, { obsId, id, relativeId, margin, thresholds })
    return {
      disconnect: () => {
        if (this.observers.delete(obsId)) this.publish(Ev.Unobserve, { obsId })
      },
    }
  }

  intersection(obsId: number, status: unknown) {
    this.observers.get(obsId)?.(status)
  }

  // publishEvent sends an event to the page layer after the ops so far.
  publishEvent(eventName: string, data: unknown) {
    this.flush()
    this.publish(eventName, data)
  }

  scroll(id: number, left: number, top: number, duration: number) {
    this.flush()
    this.publish(Ev.SetScroll, { id, left, top, duration })
  }

  // canvasNode is the service layer's stand-in for the canvas of node id (canvas.ts); its
  // drawing goes to the page layer as CanvasDraw batches.
  private canvases = new Map<number, CanvasNode>()
  canvasNode(id: number) {
    let c = this.canvases.get(id)
    if (!c) {
      c = new CanvasNode(id, {
        draw: (cmds) => this.publishEvent(Ev.CanvasDraw, { id, cmds }),
        expect: (cb) => this.expect(cb),
        request: (eventName, data, cb) => this.request(eventName, data, cb),
      })
      this.canvases.set(id, c)
    }
    return c
  }

  // Where the last operation of the batch starts: an operation that continues it joins it.
  private lastOp = -1

  // addClass records AddClass; the classes a node gets one after another (all of a new
  // node's) go as one operation.
  addClass(id: number, name: string) {
    const ops = this.ops
    const i = this.lastOp
    if (i >= 0 && ops[i] === Op.AddClass && ops[i + 1] === id) ops[i + 2] += ' ' + name
    else this.op(Op.AddClass, id, name)
  }

  // append records nodes going to the end of parent. Nodes appended one after another to
  // the same parent (glass-easel inserts a wx:for list item by item) go as one operation,
  // which the page inserts at once.
  append(parent: number, ids: number[]) {
    const ops = this.ops
    const i = this.lastOp
    if (i >= 0 && ops[i + 1] === parent && (ops[i] === Op.AppendChild || ops[i] === Op.SpliceAppend)) {
      if (ops[i] === Op.AppendChild) {
        ops[i] = Op.SpliceAppend
        ops[i + 2] = [ops[i + 2] as number]
      }
      ;(ops[i + 2] as number[]).push(...ids)
    } else if (ids.length === 1) this.op(Op.AppendChild, parent, ids[0])
    else this.op(Op.SpliceAppend, parent, ids)
  }

  // fragmentOf is a fragment holding node, for a fragment's replaceChild.
  fragmentOf(node: RemoteNode) {
    const f = this.createFragment()
    f.appendChild(node)
    return f
  }

  register(node: RemoteNode) {
    this.nodes.set(node.id, node)
  }

  forget(id: number) {
    this.nodes.delete(id)
    this.canvases.delete(id)
  }

  // element is the glass-easel element of node id.
  element(id: number): glassEasel.Element | undefined {
    return this.nodes.get(id)?.__wxElement
  }

  newId() {
    return this.nextId++
  }

  // dispatch delivers an event from the page layer to the glass-easel element of node id.
  // A value the user typed first updates a model:value binding, as on the phone.
  dispatch(id: number, type: string, detail: unknown, extraFields?: Record<string, unknown>, bubbles = true) {
    const node = this.nodes.get(id)
    const target = node?.__wxElement
    if (!target || !this.listener) return false
    const typed = (detail as { value: unknown }).value
    if (type === 'input' && node.modelListeners?.value) node.modelListeners.value(typed)
    // A bindinput handler may return the text the field shows instead (a string, or
    // {value, cursor}), as on the phone: the page layer gets it back.
    let returned: unknown
    const fieldInput = type === 'input' && (node.tag === 'input' || node.tag === 'textarea')
    const handleListenerReturn = fieldInput
      ? (ret: unknown) => {
          if (returned === undefined) returned = ret
          return ret as boolean | void
        }
      : undefined
    this.listener(target, type, detail, { bubbles, composed: bubbles, capturePhase: bubbles, extraFields, handleListenerReturn })
    const reply = inputReturn(returned)
    if (reply) {
      if (node.modelListeners?.value) node.modelListeners.value(reply.value)
      this.publishEvent(Ev.SetInputValue, { id, typed, ...reply })
    }
    return true
  }

  // setOffsets gives the native nodes on an event's path the offsetLeft/offsetTop the page
  // measured: the event's target and currentTarget are those nodes, and a phone's have
  // them. A component (its instance is the target) is left alone.
  setOffsets(offsets: [number, number, number][]) {
    for (const [id, left, top] of offsets) {
      const el = this.nodes.get(id)?.__wxElement
      if (el && glassEasel.NativeNode.isNativeNode(el)) Object.assign(el, { offsetLeft: left, offsetTop: top })
    }
  }

  // callMethod runs a method of the component whose host is node id, for WXS in the page
  // (ComponentDescriptor.callMethod).
  callMethod(id: number, method: string, args: unknown) {
    const host = this.nodes.get(id)?.__wxElement
    const caller = host && glassEasel.Component.isComponent(host) ? (host.getMethodCaller() as any) : null
    if (typeof caller?.[method] !== 'function') {
      console.warn(`[mpsim] WXS callMethod: the component has no method "${method}"`)
      return
    }
    caller[method](args)
  }

  destroy() {
    this.nodes.clear()
    this.observers.clear()
    this.awaitingRender.clear()
  }
  getWindowWidth() {
    return this.window.width
  }
  getWindowHeight() {
    return this.window.height
  }
  getDevicePixelRatio() {
    return this.window.pixelRatio
  }
  getTheme() {
    return 'light'
  }
  // Style sheets are compiled by the server and loaded by URL; their scoping is in the
  // selectors (compiler/wxss), so the scope argument needs no work here.
  registerStyleSheetContent(_path: string, _content: unknown) {}
  appendStyleSheetPath(path: string, _styleScope?: number) {
    const index = this.styleSheetIndex++
    const url = this.styleSheetURL(path)
    if (url !== null) this.op(Op.AddStyleSheet, index, url)
    return index
  }
  disableStyleSheet(index: number) {
    this.op(Op.DisableStyleSheet, index)
  }
  render(cb: (err: Error | null) => void) {
    this.renderCallbacks.push(cb)
    if (!this.flushQueued) {
      this.flushQueued = true
      queueMicrotask(() => this.flush())
    }
  }
  getRootNode() {
    return this.root
  }
  // createElement makes a native node (logicalName "view", ...) or, with glass-easel's
  // host tag name as logicalName, a component's host (stylingName "my-comp").
  createElement(logicalName: string, stylingName: string) {
    const n = new RemoteNode(this, this.newId())
    n.tag = logicalName
    const isHost = logicalName === glassEasel.globalOptions.hostNodeTagName
    this.op(Op.CreateElement, n.id, isHost ? stylingName : logicalName, isHost ? 1 : 0)
    return n
  }
  createTextNode(content: string) {
    const n = new RemoteNode(this, this.newId())
    this.op(Op.CreateText, n.id, content)
    return n
  }
  // A fragment is a list of nodes on their way into a parent: it stays here, and the
  // splice that inserts it sends their ids (a fragment per wx:for item would otherwise
  // cost four operations per row).
  createFragment() {
    const n = new RemoteNode(this, 0)
    n.kids = []
    return n
  }
  onEvent(listener: EventListener) {
    this.listener = listener
  }
}

// STREAM_VALUES is how many values (operations and their arguments) a batch holds before
// a part of it goes out: about 16 KB of JSON, a few milliseconds of work in each layer.
const STREAM_VALUES = 4096

// RemoteNode stands for one DOM node of the page iframe.
export class RemoteNode implements glassEasel.composedBackend.Element {
  __wxElement?: glassEasel.Element
  // The WXML tag of a native node ("view", "canvas"); a component host's is glass-easel's.
  tag = ''
  // The model:xxx bindings of the node, by attribute: glass-easel's callbacks that write
  // a new value back to the owner's data. Made when the first one is set: most nodes have
  // none, and a page may have thousands.
  modelListeners: Record<string, (value: unknown) => void> | null = null
  // A fragment's nodes (createFragment); null for a node of the page.
  kids: RemoteNode[] | null = null
  // The fragment the node waits in, and whether the page has ever put it in a parent: a
  // node moved into a fragment leaves its parent then, as in the DOM.
  fragment: RemoteNode | null = null
  placed = false

  constructor(
    private ctx: PageBackend,
    readonly id: number,
  ) {}

  release() {
    if (this.kids) {
      for (const k of this.kids) k.fragment = null
      this.kids = null
      return
    }
    this.ctx.forget(this.id)
    this.ctx.op(Op.Release, this.id)
  }
  associateValue(v: glassEasel.Element) {
    this.__wxElement = v
    this.ctx.register(this)
    // A checkbox or radio belongs to a group of its own template, as on the phone: the
    // page layer compares their owners (runtime/view/forms.ts).
    if (groupedTags.has(this.tag)) this.ctx.op(Op.SetAttribute, this.id, 'wx:owner', this.owner().id)
  }
  appendChild(child: RemoteNode) {
    if (child.kids) return this.spliceBefore(null, 0, child)
    if (this.kids) return this.keep(child, this.kids.length)
    this.ctx.append(this.id, [child.place()])
  }
  removeChild(child: RemoteNode, _index?: number) {
    if (this.kids) return this.drop(child, 1)
    child.placed = false
    this.ctx.op(Op.RemoveChild, this.id, child.id)
  }
  insertBefore(child: RemoteNode, before: RemoteNode | null, _index?: number) {
    if (child.kids) return this.spliceBefore(before, 0, child)
    if (this.kids) return this.keep(child, before ? this.kids.indexOf(before) : this.kids.length)
    child.place()
    this.ctx.op(Op.InsertBefore, this.id, child.id, before ? before.id : 0)
  }
  replaceChild(child: RemoteNode, oldChild: RemoteNode, _index?: number) {
    if (child.kids || this.kids) return this.spliceBefore(oldChild, 1, child.kids ? child : this.ctx.fragmentOf(child))
    child.place()
    this.ctx.op(Op.ReplaceChild, this.id, child.id, oldChild.id)
  }
  // spliceBefore removes deleteCount nodes from before on and puts the fragment's nodes
  // there (before null: at the end).
  spliceBefore(before: RemoteNode | null, deleteCount: number, list: RemoteNode) {
    // Each node leaves the fragment as it goes in.
    const nodes = list.kids ? list.kids.slice() : [list]
    if (this.kids) {
      const at = before ? this.kids.indexOf(before) : this.kids.length
      this.drop(before, deleteCount)
      nodes.forEach((n, i) => this.keep(n, at + i))
      return
    }
    if (before && deleteCount === 1) before.placed = false
    const ids = nodes.map((n) => n.place())
    if (!before) this.ctx.append(this.id, ids)
    else if (deleteCount === 0 && ids.length === 1) this.ctx.op(Op.InsertBefore, this.id, ids[0], before.id)
    else this.ctx.op(Op.SpliceBefore, this.id, before.id, deleteCount, ids)
  }
  spliceAppend(list: RemoteNode) {
    this.spliceBefore(null, 0, list)
  }
  spliceRemove(before: RemoteNode, deleteCount: number) {
    if (this.kids) return this.drop(before, deleteCount)
    // A node taken out needs no Detach when it goes into a fragment next (glass-easel
    // moves a list item so); of several, which they are is not known here.
    if (deleteCount === 1) before.placed = false
    this.ctx.op(Op.SpliceRemove, this.id, before.id, deleteCount)
  }
  // place notes that the node goes into a parent of the page, out of any fragment; it
  // returns its id.
  private place() {
    if (this.fragment) this.fragment.drop(this, 1)
    this.placed = true
    return this.id
  }
  // keep puts child into this fragment at index i, out of where it was.
  private keep(child: RemoteNode, i: number) {
    if (child.fragment) child.fragment.drop(child, 1)
    else if (child.placed) this.ctx.op(Op.Detach, child.id)
    child.placed = false
    child.fragment = this
    this.kids!.splice(i < 0 ? this.kids!.length : i, 0, child)
  }
  // drop takes count nodes out of this fragment from node first on.
  private drop(first: RemoteNode | null, count: number) {
    const i = first ? this.kids!.indexOf(first) : -1
    if (i < 0) return
    for (const n of this.kids!.splice(i, count)) n.fragment = null
  }
  // The DOM gets the id as written in WXML (the adapter prefixes it per component
  // instance), so that a page's WXSS #id rules match, as on the phone.
  setId(id: string) {
    this.ctx.op(Op.SetId, this.id, this.__wxElement?.id ?? id)
  }
  // A component host with its own style scope is marked wx-host="<scope>", as glass-easel's
  // DOM backend marks it, so that :host rules (compiler/wxss) match it.
  setStyleScope(_styleScope: number, _extraStyleScope?: number, hostStyleScope?: number) {
    if (hostStyleScope === undefined) return
    const name = this.ctx.scopeName(hostStyleScope)
    if (name) this.ctx.op(Op.SetAttribute, this.id, 'wx-host', name)
  }
  setStyle(styleText: string) {
    this.ctx.op(Op.SetStyle, this.id, styleText)
  }
  addClass(elementClass: string, styleScope?: number) {
    this.ctx.addClass(this.id, this.scoped(elementClass, styleScope))
  }
  removeClass(elementClass: string, styleScope?: number) {
    this.ctx.op(Op.RemoveClass, this.id, this.scoped(elementClass, styleScope))
  }
  private scoped(name: string, scope?: number) {
    const prefix = scope === undefined ? '' : this.ctx.scopeName(scope)
    return prefix ? `${prefix}--${name}` : name
  }
  clearClasses() {
    this.ctx.op(Op.ClearClasses, this.id)
  }
  setAttribute(name: string, value: unknown) {
    // A video's or audio's poster is a file of the project too.
    if ((name === 'src' || name === 'poster') && typeof value === 'string') value = this.resolveSrc(value)
    // A hover-class (placeholder-class ...) names classes of the template's own style
    // scope, as class does.
    if (classAttributes.has(name) && typeof value === 'string' && value !== 'none') {
      const scope = this.owner().scope
      if (scope) value = value.split(/\s+/).filter(Boolean).map((c) => `${scope}--${c}`).join(' ')
    }
    this.ctx.op(Op.SetAttribute, this.id, name, toWire(value))
  }
  // resolveSrc makes a relative src ("../../images/a.png") absolute from the folder of the
  // page or component whose template has the node, as the phone resolves it; the server
  // serves the project's files by that path, and the sandbox's under /wxfile/.
  private resolveSrc(src: string) {
    // A file of the mini-program's sandbox (wx.env.USER_DATA_PATH, saved and temporary
    // files) is served read-only under /wxfile/ (server/server.go).
    const wxfile = /^(?:wxfile:\/\/|http:\/\/(?=usr(?:\/|$)))(.*)$/.exec(src)
    if (wxfile) return '/wxfile/' + wxfile[1].split('/').map(encodeURIComponent).join('/')
    if (src === '' || src.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(src)) return src
    const owner = this.__wxElement?.ownerShadowRoot?.getHostNode().is
    if (!owner) return src
    return '/' + joinPath(folderOf(owner), src, true)
  }
  removeAttribute(name: string) {
    this.ctx.op(Op.RemoveAttribute, this.id, name)
  }
  setText(content: string) {
    this.ctx.op(Op.SetText, this.id, content)
  }
  setModelBindingStat(attributeName: string, listener: ((newValue: unknown) => void) | null) {
    if (listener) (this.modelListeners ||= {})[attributeName] = listener
    else if (this.modelListeners) delete this.modelListeners[attributeName]
  }

  // WXS in the page layer (the template helpers V, O and M of compiler/wxml call these).
  // wxsListener takes a WXS handler for an event the page layer makes (touches, taps); it
  // reports whether it did. Other events start here, so their WXS handlers run here too.
  private wxsTypes: Set<string> | null = null
  wxsListener(type: string, ref: WxsRef | null, final: boolean, capture: boolean): boolean {
    if (ref && !pageEventTypes.has(type)) ref = null
    if (!ref && !this.wxsTypes?.has(type)) return false
    if (ref) (this.wxsTypes ||= new Set()).add(type)
    else this.wxsTypes!.delete(type)
    const owner = this.owner()
    this.ctx.op(Op.SetWxsListener, this.id, type, ref, (final ? 1 : 0) | (capture ? 2 : 0), owner.id, owner.scope)
    return !!ref
  }
  wxsObserver(ref: WxsRef, newValue: unknown, oldValue: unknown) {
    const owner = this.owner()
    // In an object, so that an undefined value stays undefined across the socket.
    const values = { v: newValue === undefined ? undefined : toWire(newValue), o: oldValue === undefined ? undefined : toWire(oldValue) }
    this.ctx.op(Op.WxsObserve, this.id, ref, values, owner.id, owner.scope)
  }
  setDataset(key: string, value: unknown) {
    this.ctx.op(Op.SetDataset, this.id, key, toWire(value))
  }
  // owner is the host node of the component whose template made this node, and the
  // style scope its classes are written in.
  private owner(): { id: number; scope: string } {
    const host = this.__wxElement?.ownerShadowRoot?.getHostNode()
    if (!host) return { id: 0, scope: '' }
    const backend = host.$$ as unknown as RemoteNode | null
    return { id: backend?.id ?? 0, scope: this.ctx.scopeName(host.getComponentOptions().styleScope) || '' }
  }

  // isPageHost marks the host node of the page's root component. The adapter measures
  // the viewport's scrollOffset as that node's rect (left/top/width/height stand for
  // scrollLeft/scrollTop/scrollWidth/scrollHeight), so this node answers with the page's
  // scroll position, as a phone's selectViewport().scrollOffset() does.
  isPageHost = false

  // The suggested backend interface for SelectorQuery: answered by the page layer.
  getBoundingClientRect(cb: (res: { left: number; top: number; width: number; height: number }) => void) {
    if (this.isPageHost) {
      this.ctx.query(ROOT_NODE_ID, 'scroll', (r) =>
        cb({ left: r?.scrollLeft ?? 0, top: r?.scrollTop ?? 0, width: r?.scrollWidth ?? 0, height: r?.scrollHeight ?? 0 }))
      return
    }
    this.ctx.query(this.id, 'rect', (r) => cb(r || { left: 0, top: 0, width: 0, height: 0 }))
  }
  getScrollOffset(cb: (res: { scrollLeft: number; scrollTop: number; scrollWidth: number; scrollHeight: number }) => void) {
    this.ctx.query(this.id, 'scroll', (r) => cb(r || { scrollLeft: 0, scrollTop: 0, scrollWidth: 0, scrollHeight: 0 }))
  }
  setScrollPosition(scrollLeft: number, scrollTop: number, duration: number) {
    this.ctx.scroll(this.id, scrollLeft, scrollTop, duration)
  }
  // IntersectionObserver, answered by the page layer.
  createIntersectionObserver(
    relative: RemoteNode | null,
    margin: string,
    thresholds: number[],
    listener: (status: glassEasel.backend.IntersectionStatus) => void,
  ) {
    return this.ctx.observe(this.id, relative ? relative.id : 0, margin, thresholds, listener)
  }
  // A canvas's node (SelectorQuery fields({node: true}), runtime/service/canvas.ts); the
  // contexts of video and map come with their APIs.
  getContext(cb: (res: unknown) => void) {
    if (this.tag === 'canvas') return cb(this.ctx.canvasNode(this.id))
    // A video's or audio's context (wx.createVideoContext ...): its operations go to the
    // page layer's element.
    if (this.tag === 'video' || this.tag === 'audio') {
      return cb({ operate: (type: string, args: unknown[] = []) => this.ctx.publishEvent('operateMedia', { id: this.id, type, args }) })
    }
    cb(null)
  }
  // request asks the page layer about this node for an API (backend.request).
  request(eventName: string, data: Record<string, unknown>, cb: (result: any) => void) {
    this.ctx.request(eventName, { ...data, id: this.id }, cb)
  }
  // The page layer sends only the events some node listens for (touchmove is frequent).
  setListenerStats(type: string, _capture: boolean, _mutLevel: glassEasel.MutLevel) {
    this.ctx.op(Op.SetListener, this.id, type)
  }
}

// inputReturn reads what a bindinput handler returned: a string (or number) is the new
// text, an object may give {value, cursor}; anything else leaves the text alone.
function inputReturn(ret: unknown): { value: string; cursor?: number } | null {
  if (typeof ret === 'string' || typeof ret === 'number') return { value: String(ret) }
  if (ret && typeof ret === 'object' && 'value' in ret) {
    const { value, cursor } = ret as { value: unknown; cursor?: unknown }
    return typeof cursor === 'number' ? { value: String(value ?? ''), cursor } : { value: String(value ?? '') }
  }
  return null
}

// The tags whose group membership follows the template that wrote them.
const groupedTags = new Set(['checkbox', 'radio', 'checkbox-group', 'radio-group'])

// The attributes that name classes, written in the template's style scope.
const classAttributes = new Set(['hover-class', 'placeholder-class', 'indicator-class', 'mask-class'])

// The events the page layer's input makes (runtime/view/input.ts).
const pageEventTypes = new Set(['touchstart', 'touchmove', 'touchend', 'touchcancel', 'tap', 'longpress', 'longtap'])

// toWire makes an attribute value JSON-safe: functions and cycles cannot cross the socket.
function toWire(v: unknown): Wire {
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return null
  if (typeof v === 'bigint') return String(v)
  if (typeof v === 'object' && v !== null) {
    try {
      return JSON.parse(JSON.stringify(v))
    } catch {
      return String(v)
    }
  }
  return v as Wire
}
