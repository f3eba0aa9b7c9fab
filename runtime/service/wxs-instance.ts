// WXS functions that a template calls itself — an event handler given as
// bindtouchstart="{{wxs.fn}}", or a change:prop observer — get ComponentDescriptors, as
// on a phone: handler(event, ownerInstance) with event.instance, and
// observer(newValue, oldValue, ownerInstance, instance). A descriptor reads and changes
// its element directly (state, style, classes) and reaches its component's methods.
// WeUI's slideview moves itself this way. compiler/wxml installs these hooks in the
// templates that need them (glass-easel's setFnFilter / setEventListenerWrapper); the
// event hook in every template with a handler, which it gives a phone's event object.
import * as glassEasel from 'glass-easel'
import { phoneEvent } from './event'

type Elem = glassEasel.Element
type Comp = glassEasel.GeneralComponent

const descriptors = new WeakMap<Elem, Descriptor>()

export function descriptorOf(el: Elem | null | undefined): Descriptor | null {
  if (!el) return null
  let d = descriptors.get(el)
  if (!d) descriptors.set(el, (d = new Descriptor(el)))
  return d
}

const isComponent = (el: Elem): el is Comp => el instanceof glassEasel.Component

function styleText(style: string | Record<string, unknown>) {
  if (typeof style === 'string') return style
  return Object.entries(style || {})
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}:${v}`)
    .join(';')
}

export class Descriptor {
  private state: Record<string, unknown> = {}
  constructor(private el: Elem) {}

  getState() {
    return this.state
  }
  // setStyle sets a style layer of its own over the template's style, as on a phone.
  setStyle(style: string | Record<string, unknown>) {
    this.el.setNodeStyle(styleText(style), 3 /* StyleSegmentIndex.TEMP_EXTRA, a const enum */)
    return this
  }
  addClass(name: string) {
    this.el.classList?.toggle(name, true)
    return this
  }
  removeClass(name: string) {
    this.el.classList?.toggle(name, false)
    return this
  }
  hasClass(name: string) {
    return !!this.el.classList?.contains(name)
  }
  getDataset() {
    return { ...(this.el.dataset || {}) }
  }
  // A component's descriptor selects in its own template; an element's, below it.
  private root(): { querySelector(s: string): Elem | null; querySelectorAll(s: string): Elem[] } {
    return (isComponent(this.el) ? this.el.getShadowRoot() : this.el) as any
  }
  selectComponent(selector: string) {
    return this.selectAllComponents(selector)[0] ?? null
  }
  selectAllComponents(selector: string) {
    return (this.root()?.querySelectorAll(selector) || []).map((e) => descriptorOf(e))
  }
  // callMethod runs a method of the component (the owner), in the logic layer.
  callMethod(name: string, args?: unknown) {
    const comp = isComponent(this.el) ? this.el : this.el.ownerShadowRoot?.getHostNode()
    const caller = comp?.getMethodCaller() as Record<string, any> | undefined
    if (typeof caller?.[name] === 'function') caller[name](args)
  }
  triggerEvent(name: string, detail?: unknown) {
    if (isComponent(this.el)) this.el.triggerEvent(name, detail)
    else glassEasel.Event.dispatchEvent(this.el, new glassEasel.Event(name, detail, {}))
  }
  requestAnimationFrame(fn: () => void) {
    setTimeout(fn, 16)
  }
  getComputedStyle() {
    return {}
  }
}

// wxsHooks are the two glass-easel template hooks.
export const wxsHooks = {
  changeProp:
    (listener: (...a: unknown[]) => void) =>
    (newValue: unknown, oldValue: unknown, host: Comp, elem: Elem) => {
      const call = () => listener.call(null, newValue, oldValue, descriptorOf(host), descriptorOf(elem))
      // The first value is set while the element is being made: the phone runs the
      // observer once it is in the tree, where the WXS can select its neighbours.
      if (!elem.parentNode) queueMicrotask(call)
      else call()
    },
  // A handler may be a method of the component (named, or wrapped by a library) or a
  // WXS function; both are called as a method with a phone's event object, its instance
  // and the owner's descriptor, which only WXS reads.
  event: (caller: any, event: any, listener: (...a: unknown[]) => unknown) => {
    const e = phoneEvent(event)
    Object.defineProperty(e, 'instance', { get: () => descriptorOf(event.currentTarget), configurable: true })
    return listener.call(caller, e, descriptorOf(caller?._$ as Comp | undefined))
  },
}
