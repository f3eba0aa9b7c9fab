// WXS in the page layer: event handlers bound with bindtouchmove="{{mod.fn}}" and
// change:prop observers run here, next to the DOM, as on a phone, so that a touchmove
// can move an element without a round trip to the service layer. The modules come from
// /wxs.js (the build's PageWXS); the service layer says which node binds which function
// (Op.SetWxsListener, Op.WxsObserve). Functions get the ComponentDescriptor API.
import { type WxsRef } from '../bridge/protocol'
import { inlineRpx } from './rpx'

export type Tagged = Node & { __mpsimId?: number; __mpsimHost?: boolean; __mpsimDataset?: Record<string, unknown> }

type Listener = { ref: WxsRef; final: boolean; capture: boolean; ownerId: number; scope: string }

type EventBase = { detail: unknown; touches: unknown[]; changedTouches: unknown[] }

type Services = {
  node(id: number): Tagged | undefined
  // callMethod runs a method of the component whose host is node ownerId.
  callMethod(ownerId: number, method: string, args: unknown): void
  // trigger sends an event of the node to the service layer (triggerEvent).
  trigger(id: number, type: string, detail: unknown): void
}

const wxsModules = () => ((self as any).__mpsimWxs || {}) as Record<string, () => unknown>

// resolve finds the function a WxsRef names, loading its module on first use.
function resolve(ref: WxsRef): Function | null {
  const load = wxsModules()[ref[0]]
  if (!load) return null
  let v: any = load()
  for (const key of ref[1] ? ref[1].split('.') : []) v = v == null ? undefined : v[key]
  return typeof v === 'function' ? v : null
}

export class WxsLayer {
  private listeners = new Map<number, Map<string, Listener>>()
  private pending: (() => void)[] = []
  private states = new WeakMap<Element, Record<string, unknown>>()
  // The style WXS set on an element, kept apart from the template's, and written after it.
  private styles = new WeakMap<Element, { template: string; wxs: Record<string, string> }>()

  constructor(private services: Services) {}

  setListener(id: number, type: string, ref: WxsRef | null, flags: number, ownerId: number, scope: string) {
    const byType = this.listeners.get(id) || new Map<string, Listener>()
    if (ref) byType.set(type, { ref, final: (flags & 1) !== 0, capture: (flags & 2) !== 0, ownerId, scope })
    else byType.delete(type)
    this.listeners.set(id, byType)
  }

  listens(id: number, type: string) {
    return !!this.listeners.get(id)?.has(type)
  }

  forget(id: number) {
    this.listeners.delete(id)
  }

  // clear forgets every node's handlers: the page is made again.
  clear() {
    this.listeners.clear()
    this.pending = []
  }

  // observe queues a change:prop observer; it runs once the batch that set the value is
  // in the DOM, so that it can measure and select what the same batch created.
  observe(id: number, ref: WxsRef, newValue: unknown, oldValue: unknown, ownerId: number, scope: string) {
    this.pending.push(() => {
      const fn = resolve(ref)
      const el = this.services.node(id) as unknown as HTMLElement | undefined
      const owner = this.services.node(ownerId) as unknown as HTMLElement | undefined
      if (!fn || !el) return
      this.call(fn, `change observer ${ref[1]}`, [newValue, oldValue, owner ? this.descriptor(owner, scope, ownerId) : null, this.descriptor(el, scope, ownerId)])
    })
  }

  flush() {
    const run = this.pending
    this.pending = []
    for (const f of run) f()
  }

  // dispatch runs the WXS handlers of an event along its path (target first): capture
  // handlers from the root down, then bubbling ones up. It reports whether a handler
  // stopped the event (it returned false, or was bound with catch).
  dispatch(path: Tagged[], type: string, base: EventBase): boolean {
    const target = path[0] as unknown as HTMLElement | undefined
    if (!target || !path.some((n) => this.listens(n.__mpsimId!, type))) return false
    const run = (n: Tagged, capture: boolean) => {
      const l = this.listeners.get(n.__mpsimId!)?.get(type)
      if (!l || l.capture !== capture) return false
      const current = n as unknown as HTMLElement
      const event = {
        type,
        timeStamp: Math.round(performance.now()),
        target: targetInfo(target),
        currentTarget: targetInfo(current),
        detail: base.detail,
        touches: base.touches,
        changedTouches: base.changedTouches,
        instance: this.descriptor(current, l.scope, l.ownerId),
      }
      // Looked up now, so that a saved .wxs (a new /wxs.js) takes effect at once.
      const fn = resolve(l.ref)
      if (!fn) {
        console.error(`[mpsim] WXS: ${l.ref[0]} exports no function ${l.ref[1]}`)
        return false
      }
      const owner = this.services.node(l.ownerId) as unknown as HTMLElement | undefined
      const result = this.call(fn, `${type} handler`, [event, owner ? this.descriptor(owner, l.scope, l.ownerId) : null])
      return result === false || l.final
    }
    for (let i = path.length - 1; i >= 0; i--) if (run(path[i]!, true)) return true
    for (const n of path) if (run(n, false)) return true
    return false
  }

  // templateStyle applies the style the template gives an element, keeping what WXS set.
  templateStyle(el: HTMLElement, text: string) {
    const s = this.styles.get(el)
    if (!s) {
      el.setAttribute('style', inlineRpx(text))
      return
    }
    s.template = text
    this.writeStyle(el, s)
  }

  private writeStyle(el: HTMLElement, s: { template: string; wxs: Record<string, string> }) {
    const extra = Object.entries(s.wxs).map(([k, v]) => `${k}: ${v}`).join('; ')
    el.setAttribute('style', inlineRpx(s.template && extra ? `${s.template}; ${extra}` : s.template || extra))
  }

  private call(fn: Function, what: string, args: unknown[]) {
    try {
      return fn(...args)
    } catch (err) {
      console.error(`[mpsim] WXS ${what}:`, err)
      return undefined
    }
  }

  // descriptor is the ComponentDescriptor of an element, for a function of the component
  // whose host is ownerId and whose classes are written in scope.
  descriptor(el: HTMLElement, scope: string, ownerId: number) {
    const layer = this
    const scoped = (name: string) => (scope ? `${scope}--${name}` : name)
    const names = (list: string) => String(list).split(/\s+/).filter(Boolean).map(scoped)
    const own = el as unknown as Tagged
    return {
      selectComponent(selector: string) {
        const found = query(el, selector, scope)[0]
        return found ? layer.descriptor(found, scope, ownerId) : null
      },
      selectAllComponents(selector: string) {
        return query(el, selector, scope).map((e) => layer.descriptor(e, scope, ownerId))
      },
      setStyle(style: string | Record<string, unknown>) {
        const s = layer.styles.get(el) || { template: el.getAttribute('style') || '', wxs: {} }
        s.wxs = parseStyle(style)
        layer.styles.set(el, s)
        layer.writeStyle(el, s)
      },
      addClass(name: string) {
        el.classList.add(...names(name))
      },
      removeClass(name: string) {
        el.classList.remove(...names(name))
      },
      hasClass(name: string) {
        return names(name).every((n) => el.classList.contains(n))
      },
      getDataset() {
        return { ...(own.__mpsimDataset || {}) }
      },
      getState() {
        let s = layer.states.get(el)
        if (!s) layer.states.set(el, (s = {}))
        return s
      },
      // A component's own methods for its host, the owner's for a node of its template.
      callMethod(method: string, args?: unknown) {
        layer.services.callMethod(own.__mpsimHost ? own.__mpsimId! : ownerId, method, args)
      },
      triggerEvent(type: string, detail?: unknown) {
        layer.services.trigger(own.__mpsimId!, type, detail ?? {})
      },
      requestAnimationFrame(fn: FrameRequestCallback) {
        return requestAnimationFrame(fn)
      },
      getComputedStyle(props: string[] = []) {
        const cs = getComputedStyle(el)
        return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(dashed(p))]))
      },
      getBoundingClientRect() {
        const r = el.getBoundingClientRect()
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height }
      },
      setTimeout: (fn: () => void, ms?: number) => setTimeout(fn, ms),
      clearTimeout: (t: number) => clearTimeout(t),
    }
  }
}

function targetInfo(el: HTMLElement) {
  return {
    id: el.id || '',
    dataset: { ...((el as unknown as Tagged).__mpsimDataset || {}) },
    offsetLeft: el.offsetLeft ?? 0,
    offsetTop: el.offsetTop ?? 0,
  }
}

// query finds elements under root by a WXML selector, whose class names are written in
// the owner's style scope in the DOM ("scope--name").
function query(root: HTMLElement, selector: string, scope: string): HTMLElement[] {
  const css = scope ? selector.replace(/\.(-?[A-Za-z_][\w-]*)/g, `.${scope}--$1`) : selector
  try {
    return [...root.querySelectorAll<HTMLElement>(css)]
  } catch {
    console.error(`[mpsim] WXS selectComponent: bad selector "${selector}"`)
    return []
  }
}

const dashed = (k: string) => k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())

// Numbers are pixels, except for properties that have no unit.
const unitless = new Set(['opacity', 'z-index', 'flex', 'flex-grow', 'flex-shrink', 'font-weight', 'line-height', 'order'])

function parseStyle(style: string | Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  if (typeof style === 'string') {
    for (const decl of style.split(';')) {
      const i = decl.indexOf(':')
      if (i > 0) out[decl.slice(0, i).trim()] = decl.slice(i + 1).trim()
    }
    return out
  }
  for (const [k, v] of Object.entries(style || {})) {
    if (v == null || v === '') continue
    const name = dashed(k)
    out[name] = typeof v === 'number' && !unitless.has(name) ? `${v}px` : String(v)
  }
  return out
}
