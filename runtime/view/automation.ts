// The page layer's part of the automation port (miniprogram-automator): what needs the
// DOM — sizes, styles, text, the WXML as shown, XPath, and input as a person gives it
// (taps and touches become pointer events, so built-in components and WXS react as they
// do to the mouse). The service layer finds the elements (runtime/service/automation.ts)
// and calls these by node id.
import { operateMedia } from './apis'
import { setAttribute } from './builtins'
import { scroller } from './scroll'
import { type Tagged } from './wxs'

type Fn = (el: HTMLElement, args: any[]) => unknown

// What an automation function gets: a node of the page, or the whole page for id 0.
export function runAutomation(nodes: Map<number, Tagged>, fn: string, id: number, args: unknown[]): Promise<unknown> {
  const f = functions[fn]
  if (!f) return Promise.reject(new Error(`unknown automation function ${fn}`))
  const el = (id ? nodes.get(id) : document.documentElement) as HTMLElement | undefined
  if (!el) return Promise.reject(new Error('the element is no longer in the page'))
  return Promise.resolve().then(() => f(el, args))
}

const functions: Record<string, Fn> = {
  // Nothing: its answer says the page applied every batch sent before it.
  applied: () => true,
  offset: (el) => {
    const r = el.getBoundingClientRect()
    return { left: r.left + window.scrollX, top: r.top + window.scrollY }
  },
  domProperties: (el, [names]) => (names as string[]).map((n) => plain((el as any)[n])),
  styles: (el, [names]) => {
    const cs = getComputedStyle(el)
    return (names as string[]).map((n) => el.style.getPropertyValue(n) || cs.getPropertyValue(n))
  },
  // A built-in component's properties: as the template set them, or its live state.
  properties: (el, [names]) => (names as string[]).map((n) => property(el, n)),
  wxml: (el, [type]) => (type === 'outer' ? wxmlOf(el) : [...el.childNodes].map(wxmlOf).join('')),
  xpath: (_el, [selector]) => xpath(String(selector)),
  windowProperties: (_el, [names]) => (names as string[]).map((expr) => plain(new Function(`return (${expr})`)())),
  tap: async (el) => {
    const [x, y] = centre(el)
    pointer(el, 'pointerdown', x, y)
    pointer(el, 'pointerup', x, y)
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, clientX: x, clientY: y }))
  },
  // touchstart/move/end at the touch's point, or the element's centre.
  touch: (el, [type, touches]) => {
    const t = (touches as { clientX?: number; clientY?: number; pageX?: number; pageY?: number }[] | undefined)?.[0]
    const [cx, cy] = centre(el)
    const x = t?.clientX ?? (t?.pageX !== undefined ? t.pageX - window.scrollX : cx)
    const y = t?.clientY ?? (t?.pageY !== undefined ? t.pageY - window.scrollY : cy)
    const kind = type === 'touchstart' ? 'pointerdown' : type === 'touchmove' ? 'pointermove' : type === 'touchcancel' ? 'pointercancel' : 'pointerup'
    pointer(el, kind, x, y)
  },
  callFunction: (el, [name, args]) => {
    const f = componentFunctions[name as string]
    if (!f) throw new Error(`${name} is not a function of a built-in component (see docs/automation.md)`)
    const tag = (name as string).split('.')[0]
    if (el.localName !== `wx-${tag}`) throw new Error(`${name} needs a <${tag}>, not <${el.localName.replace(/^wx-/, '')}>`)
    return f(el, (args as unknown[]) || [])
  },
  // The <video>/<audio> methods of VideoContext (play, pause, seek, ...).
  contextMethod: (el, [method, args]) => {
    if (!(el as any).__media) throw new Error('the element has no media to control')
    if (!contextMethods.has(method)) throw new Error(`VideoContext has no method ${method} here`)
    operateMedia(el, method, (args as unknown[]) || [])
  },
}

// The VideoContext methods the automation port passes on (Element.callContextMethod).
const contextMethods = new Set(['play', 'pause', 'stop', 'seek', 'playbackRate'])

// The functions that miniprogram-automator's element classes call (Element.callFunction).
const componentFunctions: Record<string, Fn> = {
  'input.input': (el, [value]) => typeInto(el, value),
  'textarea.input': (el, [value]) => typeInto(el, value),
  'switch.tap': (el) => functions.tap!(el, []),
  // The slider is dragged to the value's place, as a finger would.
  'slider.slideTo': (el, [value]) => {
    const area = (el.querySelector('.wx-slider-tap-area') || el.querySelector('.wx-slider-wrapper') || el) as HTMLElement
    const r = area.getBoundingClientRect()
    const min = Number((el as any).__prop_min ?? 0) || 0
    const max = Number((el as any).__prop_max ?? 100)
    const ratio = max > min ? Math.min(1, Math.max(0, (Number(value) - min) / (max - min))) : 0
    const x = r.left + ratio * r.width
    const y = r.top + r.height / 2
    pointer(area, 'pointerdown', x, y)
    pointer(area, 'pointerup', x, y)
    area.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y }))
  },
  'swiper.swipeTo': (el, [index]) => setAttribute(el, 'current', Number(index)),
  'movable-view.moveTo': (el, [x, y]) => {
    setAttribute(el, 'x', Number(x))
    setAttribute(el, 'y', Number(y))
  },
  'scroll-view.scrollTo': (el, [x, y]) => scroller(el).scrollTo({ left: Number(x) || 0, top: Number(y) || 0 }),
  'scroll-view.scrollTop': (el) => scroller(el).scrollTop,
  'scroll-view.scrollLeft': (el) => scroller(el).scrollLeft,
  'scroll-view.scrollWidth': (el) => scroller(el).scrollWidth,
  'scroll-view.scrollHeight': (el) => scroller(el).scrollHeight,
}

// typeInto replaces the field's text as typing does: the field's own input listener
// reports it to the service layer (bindinput, model:value).
function typeInto(el: HTMLElement, value: unknown) {
  const f = el.querySelector('input, textarea') as HTMLInputElement | HTMLTextAreaElement | null
  if (!f) throw new Error('the element has no text field')
  f.focus()
  f.value = String(value ?? '')
  f.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: String(value ?? '') }))
}

function property(el: HTMLElement, name: string): unknown {
  if (name === '__propPublic') {
    const names: Record<string, boolean> = {}
    for (const k of Object.keys(el)) if (k.startsWith('__prop_')) names[k.slice(7)] = true
    for (const k of liveProperties[el.localName] || []) names[k] = true
    return names
  }
  const live = liveState(el, name)
  return plain(live !== undefined ? live : (el as any)[`__prop_${name}`])
}

// The properties a built-in component keeps as state of its own, beyond its attributes.
const liveProperties: Record<string, string[]> = {
  'wx-input': ['value'],
  'wx-textarea': ['value'],
  'wx-switch': ['checked'],
  'wx-checkbox': ['checked'],
  'wx-radio': ['checked'],
  'wx-slider': ['value'],
  'wx-scroll-view': ['scrollTop', 'scrollLeft'],
  'wx-movable-view': ['_translateX', '_translateY'],
  'wx-swiper': ['current'],
}

function liveState(el: HTMLElement, name: string): unknown {
  const e = el as any
  switch (`${el.localName}.${name}`) {
    case 'wx-input.value':
    case 'wx-textarea.value':
      return (el.querySelector('input, textarea') as HTMLInputElement | null)?.value
    case 'wx-switch.checked':
    case 'wx-checkbox.checked':
    case 'wx-radio.checked':
      return e.__checked
    case 'wx-slider.value':
      return e.__value
    case 'wx-scroll-view.scrollTop':
      return scroller(el).scrollTop
    case 'wx-scroll-view.scrollLeft':
      return scroller(el).scrollLeft
    case 'wx-movable-view._translateX':
      return e.__movable?.x
    case 'wx-movable-view._translateY':
      return e.__movable?.y
    case 'wx-swiper.current':
      return e.__swiper?.current
  }
  return undefined
}

function centre(el: HTMLElement): [number, number] {
  const r = el.getBoundingClientRect()
  return [r.left + r.width / 2, r.top + r.height / 2]
}

function pointer(el: Element, type: string, x: number, y: number) {
  el.dispatchEvent(new PointerEvent(type, {
    bubbles: true, cancelable: true, composed: true, pointerId: 1, pointerType: 'touch', isPrimary: true,
    clientX: x, clientY: y, button: 0, buttons: type === 'pointerup' ? 0 : 1, pressure: type === 'pointerup' ? 0 : 0.5,
  }))
}

// plain keeps what JSON can carry of a DOM value.
function plain(v: unknown): unknown {
  if (v === undefined || v === null || typeof v !== 'object') return typeof v === 'function' ? undefined : v
  try {
    return JSON.parse(JSON.stringify(v))
  } catch {
    return String(v)
  }
}

// ---- WXML as shown ------------------------------------------------------------------

// tagOf is the WXML name of a DOM element of the page: <wx-view> is view, a component's
// host keeps its name.
const tagOf = (el: Element) => el.localName.replace(/^wx-/, '')

// classOf drops the style scope the build prefixes a class with ("scope--name").
const classOf = (cls: string) => cls.split(/\s+/).filter(Boolean).map((c) => c.replace(/^[A-Za-z0-9_-]+--/, '')).join(' ')

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function wxmlOf(n: Node): string {
  if (n.nodeType === Node.TEXT_NODE) return escapeText(n.textContent || '')
  if (n.nodeType !== Node.ELEMENT_NODE) return ''
  const el = n as Element
  if ((el as Tagged).__mpsimId === undefined) return '' // a built-in component's own insides
  const tag = tagOf(el)
  let attrs = ''
  for (const a of el.attributes) {
    const v = a.name === 'class' ? classOf(a.value) : a.value
    if (a.name === 'class' && !v) continue
    attrs += ` ${a.name}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`
  }
  return `<${tag}${attrs}>${[...el.childNodes].map(wxmlOf).join('')}</${tag}>`
}

// xpath evaluates an XPath over the WXML as shown (tags and classes as the developer
// wrote them), and answers the node ids of the elements it selects.
function xpath(selector: string): number[] {
  const xml = document.implementation.createDocument(null, null, null)
  const byXml = new Map<Node, number>()
  const copy = (n: Node, into: Node) => {
    for (const c of n.childNodes) {
      if (c.nodeType === Node.TEXT_NODE) {
        into.appendChild(xml.createTextNode(c.textContent || ''))
        continue
      }
      const el = c as Element & Tagged
      if (c.nodeType !== Node.ELEMENT_NODE || el.__mpsimId === undefined) continue
      let x: Element
      try {
        x = xml.createElement(tagOf(el))
      } catch {
        continue
      }
      for (const a of el.attributes) {
        try {
          x.setAttribute(a.name, a.name === 'class' ? classOf(a.value) : a.value)
        } catch {
          // an attribute name XML cannot hold
        }
      }
      byXml.set(x, el.__mpsimId)
      into.appendChild(x)
      copy(el, x)
    }
  }
  // The page's host element (<page>) is the document element when it is alone, so that
  // "/page/view" reads as in the WXML.
  const top = xml.createElement('root')
  copy(document.getElementById('page-root')!, top)
  const only = top.children.length === 1 && top.childNodes.length === 1 ? top.firstElementChild! : top
  xml.appendChild(only)
  let result: XPathResult
  try {
    result = xml.evaluate(selector, xml, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null)
  } catch (err) {
    throw new Error(`cannot evaluate XPath ${selector}: ${(err as Error).message}`)
  }
  const ids: number[] = []
  for (let i = 0; i < result.snapshotLength; i++) {
    const id = byXml.get(result.snapshotItem(i)!)
    if (id !== undefined) ids.push(id)
  }
  return ids
}
