// The service layer's part of the automation port: the App.*, Page.* and Element.*
// methods of miniprogram-automator (docs/automation.md), answered from the running app.
// Elements are found on the glass-easel tree (selector.ts) and named by ids that stay the
// same for the life of their page; what needs the DOM is asked of the page layer
// (runtime/view/automation.ts) by node id.
import * as glassEasel from 'glass-easel'
import { type AppRuntime, type PageRecord } from './app'
import { type RemoteNode } from './backend'
import { querySelectorAll, tagOf, attributeOf } from './selector'
import { SYNC_API } from './wx'

type Params = Record<string, any>
export type Request = { id: string; method: string; params?: Params }
type Emit = (method: string, params: unknown) => void

// returnsAtOnce: the wx APIs that answer by returning (no success/fail callbacks).
const returnsAtOnce = { test: (name: string) => SYNC_API.test(name) || /^(on|off)[A-Z]|^(canIUse|nextTick)$/.test(name) }

export class Automation {
  private elementIds = new WeakMap<glassEasel.Element, string>()
  private elements = new Map<string, { webviewId: number; element: glassEasel.Element }>()
  private nextElementId = 1
  private originals = new Map<string, unknown>()
  private logging = false

  constructor(
    private runtime: AppRuntime,
    private wx: Record<string, any>,
    private emit: Emit,
  ) {}

  // handle answers one request: the result object, or a thrown Error whose message the
  // client shows.
  async handle(req: Request): Promise<unknown> {
    const p = req.params || {}
    const m = this.methods[req.method]
    if (!m) throw new Error(`${req.method} is not supported by mpsim (docs/automation.md lists what is)`)
    return m(p)
  }

  private methods: Record<string, (p: Params) => unknown> = {
    'App.getPageStack': () => ({ pageStack: this.runtime.pages.map(pageInfo) }),
    'App.getCurrentPage': () => {
      const top = this.runtime.pages[this.runtime.pages.length - 1]
      if (!top) throw new Error('no page is open')
      return pageInfo(top)
    },
    'App.callWxMethod': async (p) => ({ result: await this.callWxMethod(String(p.method), p.args || []) }),
    'App.mockWxMethod': (p) => {
      this.mockWxMethod(String(p.method), p)
      return {}
    },
    'App.callFunction': async (p) => ({ result: await evaluate(p.functionDeclaration, p.args || []) }),
    'App.enableLog': () => {
      this.enableLog()
      return {}
    },
    'App.addBinding': (p) => {
      const name = String(p.name)
      ;(globalThis as any)[name] = (...args: unknown[]) => this.emit('App.bindingCalled', { name, args: plain(args) })
      return {}
    },
    'App.exit': () => ({}),

    'Page.getElement': (p) => this.describe(p.pageId, this.query(this.page(p), p.selector)[0], p.selector),
    'Page.getElements': (p) => ({ elements: this.query(this.page(p), p.selector).map((e) => this.describe(p.pageId, e)) }),
    'Page.getElementByXpath': async (p) => this.describe(p.pageId, (await this.xpath(p))[0], p.selector),
    'Page.getElementsByXpath': async (p) => ({ elements: (await this.xpath(p)).map((e) => this.describe(p.pageId, e)) }),
    'Page.getData': (p) => ({ data: plain(readPath(this.page(p).caller.data, p.path)) }),
    'Page.setData': (p) => this.settled(this.page(p), () => this.page(p).caller.setData(p.data || {})),
    'Page.callMethod': async (p) => ({ result: plain(await callMethod(this.page(p).caller, p.method, p.args)) }),
    'Page.getWindowProperties': async (p) => ({ properties: await this.page(p).backend.automate('windowProperties', 0, [p.names || []]) }),

    'Element.getElement': (p) => this.describe(p.pageId, this.query(this.element(p), p.selector)[0], p.selector),
    'Element.getElements': (p) => ({ elements: this.query(this.element(p), p.selector).map((e) => this.describe(p.pageId, e)) }),
    'Element.getOffset': (p) => this.onPage(p, 'offset'),
    'Element.getDOMProperties': async (p) => ({ properties: await this.onPage(p, 'domProperties', p.names || []) }),
    'Element.getStyles': async (p) => ({ styles: await this.onPage(p, 'styles', p.names || []) }),
    'Element.getAttributes': (p) => {
      const e = this.element(p)
      return { attributes: (p.names || []).map((n: string) => stringAttribute(attributeOf(e, n))) }
    },
    'Element.getProperties': async (p) => {
      const e = this.element(p)
      if (glassEasel.Component.isComponent(e)) {
        const c = e as glassEasel.GeneralComponent
        return { properties: (p.names || []).map((n: string) => n === '__propPublic'
          ? Object.fromEntries(glassEasel.Component.listProperties(c).map((k) => [k, true]))
          : plain((c.data as Params)[n])) }
      }
      return { properties: await this.onPage(p, 'properties', p.names || []) }
    },
    'Element.getWXML': async (p) => ({ wxml: await this.onPage(p, 'wxml', p.type === 'outer' ? 'outer' : 'inner') }),
    'Element.tap': (p) => this.input(p, 'tap'),
    'Element.touchstart': (p) => this.input(p, 'touch', 'touchstart', p.touches || p.changedTouches),
    'Element.touchmove': (p) => this.input(p, 'touch', 'touchmove', p.touches || p.changedTouches),
    'Element.touchend': (p) => this.input(p, 'touch', 'touchend', p.changedTouches || p.touches),
    'Element.triggerEvent': (p) => {
      const e = this.element(p)
      glassEasel.triggerEvent(e, String(p.type), p.detail ?? {}, {})
      return {}
    },
    'Element.dispatchEvent': (p) => {
      const rec = this.page(p)
      const e = this.element(p)
      const touches = { touches: p.touches || [], changedTouches: p.changedTouches || [] }
      rec.backend.dispatch(nodeIdOf(e), String(p.eventName), p.detail ?? {}, touches)
      return {}
    },
    'Element.callFunction': async (p) => ({ result: await this.onPage(p, 'callFunction', p.functionName, p.args || []) }),
    'Element.callContextMethod': async (p) => ({ result: await this.onPage(p, 'contextMethod', p.method, p.args || []) }),
    'Element.setData': (p) => this.settled(this.page(p), () => this.component(p).setData(p.data || {})),
    'Element.getData': (p) => ({ data: plain(readPath(this.component(p).data, p.path)) }),
    'Element.callMethod': async (p) => ({ result: plain(await callMethod(this.component(p), p.method, p.args)) }),
  }

  // exception tells the client of an exception in the app's code (App.exceptionThrown).
  exception(message: string, stack: string) {
    this.emit('App.exceptionThrown', { message, stack })
  }

  private page(p: Params): PageRecord {
    const rec = this.runtime.pages.find((r) => r.webviewId === Number(p.pageId))
    if (!rec) throw new Error(`page ${p.pageId} is not in the page stack`)
    return rec
  }

  private element(p: Params): glassEasel.Element {
    const rec = this.elements.get(String(p.elementId))
    const page = this.page(p)
    if (!rec || rec.webviewId !== page.webviewId) throw new Error(`element ${p.elementId} not found on page ${p.pageId}`)
    return rec.element
  }

  private component(p: Params): any {
    const e = this.element(p)
    if (!glassEasel.Component.isComponent(e)) throw new Error(`<${tagOf(e)}> is not a custom component`)
    return (e as glassEasel.GeneralComponent).getMethodCaller()
  }

  // query finds the elements a selector names: in a page, its own tree; from a custom
  // component, the component's tree; from another element, under it.
  private query(from: PageRecord | glassEasel.Element, selector: unknown): glassEasel.Element[] {
    if (typeof selector !== 'string' || !selector.trim()) throw new Error('selector must be a non-empty string')
    let root: glassEasel.Node
    if ('webviewId' in from) root = ((from.caller as any)._$ as glassEasel.GeneralComponent).getShadowRoot()!
    else if (glassEasel.Component.isComponent(from)) root = (from as glassEasel.GeneralComponent).getShadowRoot() ?? from
    else root = from
    return querySelectorAll(root, selector)
  }

  private async xpath(p: Params): Promise<glassEasel.Element[]> {
    const rec = this.page(p)
    const ids: number[] = await rec.backend.automate('xpath', 0, [String(p.selector)])
    return ids.map((id) => rec.backend.element(id)).filter((e): e is glassEasel.Element => !!e)
  }

  // describe is the element descriptor the client builds its Element from; undefined
  // (nothing matched) is an error, which the client's $() turns into null.
  private describe(pageId: unknown, e: glassEasel.Element | undefined, selector?: unknown) {
    if (!e) throw new Error(`no element matches ${String(selector)}`)
    let elementId = this.elementIds.get(e)
    if (!elementId) {
      this.forgetClosedPages()
      elementId = String(this.nextElementId++)
      this.elementIds.set(e, elementId)
      this.elements.set(elementId, { webviewId: Number(pageId), element: e })
    }
    const tagName = tagOf(e)
    const d: Params = { elementId, tagName }
    if (glassEasel.Component.isComponent(e)) d.nodeId = elementId
    if (tagName === 'video') d.videoId = elementId
    return d
  }

  // forgetClosedPages drops the elements of pages no longer in the stack.
  private forgetClosedPages() {
    const open = new Set(this.runtime.pages.map((r) => r.webviewId))
    for (const [id, rec] of this.elements) if (!open.has(rec.webviewId)) this.elements.delete(id)
  }

  private onPage(p: Params, fn: string, ...args: unknown[]): Promise<any> {
    const rec = this.page(p)
    return rec.backend.automate(fn, nodeIdOf(this.element(p)), args)
  }

  // input gives the page layer a tap or a touch on the element and waits until what it
  // set off has reached the page (the service layer's answer has been rendered).
  private async input(p: Params, fn: string, ...args: unknown[]) {
    await this.onPage(p, fn, ...args)
    await this.rendered(this.page(p))
    return {}
  }

  private settled(rec: PageRecord, change: () => void) {
    change()
    return this.rendered(rec).then(() => ({}))
  }

  // rendered resolves once the page layer has applied every batch sent so far: a
  // round trip through the page, which answers in order.
  private rendered(rec: PageRecord): Promise<void> {
    return rec.backend.automate('applied', 0).then(() => undefined, () => undefined)
  }

  private async callWxMethod(method: string, args: unknown[]): Promise<unknown> {
    const fn = this.wx[method]
    if (typeof fn !== 'function') throw new Error(`wx.${method} is not a function`)
    if (returnsAtOnce.test(method)) return plain(await fn.apply(this.wx, args))
    const [first, ...rest] = args
    return new Promise((resolve, reject) => {
      const opts = { ...(first && typeof first === 'object' ? first : {}) } as Params
      // navigateBack's url comes as null from the client; the API takes none.
      if (opts.url === null) delete opts.url
      opts.success = (res: unknown) => resolve(plain(res))
      opts.fail = (res: any) => reject(new Error(res?.errMsg ?? String(res)))
      try {
        const r = fn.call(this.wx, opts, ...rest)
        if (r !== undefined && !(r && typeof r.then === 'function')) resolve(plain(r))
      } catch (err) {
        reject(err)
      }
    })
  }

  // mockWxMethod replaces wx[method] by a fixed result or a function (whose `this.origin`
  // is the real API); without either it restores the real one.
  private mockWxMethod(method: string, p: Params) {
    if (!this.originals.has(method)) this.originals.set(method, this.wx[method])
    const origin = this.originals.get(method) as ((...a: unknown[]) => unknown) | undefined
    if (!('result' in p) && !('functionDeclaration' in p)) {
      this.wx[method] = origin
      this.originals.delete(method)
      return
    }
    const impl = 'functionDeclaration' in p ? toFunction(p.functionDeclaration) : null
    const extra: unknown[] = p.args || []
    const wx = this.wx
    const sync = returnsAtOnce.test(method)
    wx[method] = function mocked(...callArgs: unknown[]) {
      const ctx = { origin: origin && ((...a: unknown[]) => origin.apply(wx, a)) }
      const given = callArgs.length ? callArgs : [undefined]
      const value = impl ? impl.apply(ctx, [...given, ...extra]) : structuredClone(p.result)
      if (sync) return value
      const opts = (callArgs[0] && typeof callArgs[0] === 'object' ? callArgs[0] : {}) as Params
      const done = Promise.resolve(value)
      done.then(
        (res) => { opts.success?.(res); opts.complete?.(res) },
        (err) => { opts.fail?.(err); opts.complete?.(err) },
      )
      return opts.success || opts.fail || opts.complete ? undefined : done
    }
  }

  // enableLog forwards the app's console to the client (App.logAdded), once asked.
  private enableLog() {
    if (this.logging) return
    this.logging = true
    const c = console as any
    for (const type of ['log', 'info', 'warn', 'error', 'debug']) {
      const original = c[type].bind(console)
      c[type] = (...args: unknown[]) => {
        original(...args)
        this.emit('App.logAdded', { type, args: args.map(logArg) })
      }
    }
  }
}

function pageInfo(p: PageRecord) {
  return { pageId: p.webviewId, path: p.path, query: { ...p.query } }
}

function nodeIdOf(e: glassEasel.Element): number {
  const node = e.$$ as unknown as RemoteNode | null
  if (!node) throw new Error(`<${tagOf(e)}> has no node in the page (a virtualHost component): query an element inside it`)
  return node.id
}

// readPath reads "a.b[0].c" of data, as page.data(path) does.
function readPath(data: unknown, path: unknown): unknown {
  if (path === undefined || path === null || path === '') return data
  let v: any = data
  for (const key of String(path).replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)) {
    if (v === null || v === undefined) return undefined
    v = v[key]
  }
  return v
}

async function callMethod(target: any, method: unknown, args: unknown) {
  const f = target?.[String(method)]
  if (typeof f !== 'function') throw new Error(`${String(method)} is not a method`)
  return f.apply(target, Array.isArray(args) ? args : [])
}

function toFunction(decl: unknown): (...a: unknown[]) => unknown {
  const f = new Function(`return (${String(decl)})`)()
  if (typeof f !== 'function') throw new Error('functionDeclaration is not a function')
  return f
}

async function evaluate(decl: unknown, args: unknown[]) {
  return plain(await toFunction(decl)(...args))
}

// plain keeps what JSON can carry (functions and cycles dropped), as the answer travels.
function plain(v: unknown): unknown {
  if (v === undefined || v === null || typeof v !== 'object') return typeof v === 'function' ? undefined : v
  const seen = new WeakSet()
  return JSON.parse(JSON.stringify(v, (_k, x) => {
    if (x && typeof x === 'object') {
      if (seen.has(x)) return undefined
      seen.add(x)
    }
    return x
  }))
}

function logArg(v: unknown): unknown {
  if (v instanceof Error) return `${v.name}: ${v.message}`
  try {
    return plain(v)
  } catch {
    return String(v)
  }
}

function stringAttribute(v: unknown): string | null {
  if (v === undefined || v === null || v === false) return null
  return typeof v === 'object' ? JSON.stringify(v) : String(v)
}
