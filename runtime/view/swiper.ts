// swiper and swiper-item: each swiper-item is placed into a slot of its own in the
// swiper's shadow root, in a frame that the swiper moves, so that the page's nodes stay
// the element's children. A mouse drag swipes as a finger does. Events have the
// phone's detail: change {current, source: 'autoplay' | 'touch' | ''}, transition
// {dx, dy}, animationfinish {current, source}.
import type { Builtin, Emit } from './builtins'
import { bool, draggable, prop, px } from './drag'

type State = {
  emit: Emit
  frame: HTMLElement
  dots: HTMLElement
  slots: HTMLElement[]
  items: HTMLElement[]
  // current is where the swiper rests; pos is where it is shown (current while resting,
  // fractional while dragged).
  current: number
  pos: number
  lastRel: number[]
  timer: ReturnType<typeof setInterval> | undefined
  finish: ReturnType<typeof setTimeout> | undefined
  dragging: boolean
  created: boolean
}

const state = (el: HTMLElement) => (el as any).__swiper as State

const count = (s: State) => s.items.length
const vertical = (el: HTMLElement) => bool(prop(el, 'vertical'))
const multiple = (el: HTMLElement) => Math.max(1, Math.floor(Number(prop(el, 'display-multiple-items') ?? 1)) || 1)
const duration = (el: HTMLElement) => {
  const d = Number(prop(el, 'duration') ?? 500)
  return Number.isFinite(d) && d >= 0 ? d : 500
}

// The phone's easing-function values as CSS timing functions.
const easings: Record<string, string> = {
  default: 'ease',
  linear: 'linear',
  easeInCubic: 'cubic-bezier(0.32, 0, 0.67, 0)',
  easeOutCubic: 'cubic-bezier(0.33, 1, 0.68, 1)',
  easeInOutCubic: 'cubic-bezier(0.65, 0, 0.35, 1)',
}
const easing = (el: HTMLElement) => easings[String(prop(el, 'easing-function') ?? 'default')] || 'ease'

// itemId is the item-id of the swiper-item at index, as change reports it.
const itemId = (s: State, i: number) => s.items[i]?.getAttribute('item-id') ?? ''

// geometry is the swiper's length along its axis, the margins and one item's length.
function geometry(el: HTMLElement) {
  const size = vertical(el) ? el.clientHeight : el.clientWidth
  const before = px(prop(el, 'previous-margin'))
  const after = px(prop(el, 'next-margin'))
  const item = (size - before - after) / multiple(el)
  return { size, before, after, item }
}

// maxIndex is the last index the swiper may rest on.
function maxIndex(el: HTMLElement, s: State) {
  return bool(prop(el, 'circular')) ? count(s) - 1 : Math.max(0, count(s) - multiple(el))
}

// layout places every item for s.pos; animate moves them in the swiper's duration.
function layout(el: HTMLElement, s: State, animate: boolean) {
  const n = count(s)
  const { before, item } = geometry(el)
  const v = vertical(el)
  const circular = bool(prop(el, 'circular')) && n > 1
  const k = multiple(el)
  for (let i = 0; i < n; i++) {
    const slot = s.slots[i]!
    let rel = i - s.pos
    if (circular) {
      // Keep every item on the side it will be seen from: one before the current, the
      // rest after it.
      const low = -Math.max(1, Math.floor((n - k) / 2))
      rel = ((((rel - low) % n) + n) % n) + low
    }
    const jumped = Math.abs(rel - (s.lastRel[i] ?? rel)) > 1.5
    s.lastRel[i] = rel
    const offset = before + rel * item
    slot.style.transition = animate && !jumped ? `transform ${duration(el)}ms ${easing(el)}` : 'none'
    slot.style.transform = v ? `translate3d(0, ${offset}px, 0)` : `translate3d(${offset}px, 0, 0)`
    slot.style.width = v ? '100%' : `${item}px`
    slot.style.height = v ? `${item}px` : '100%'
  }
  paintDots(el, s)
}

function paintDots(el: HTMLElement, s: State) {
  const show = bool(prop(el, 'indicator-dots'))
  s.dots.style.display = show ? 'flex' : 'none'
  if (!show) return
  const v = vertical(el)
  s.dots.style.flexDirection = v ? 'column' : 'row'
  s.dots.className = v ? 'dots vertical' : 'dots'
  const n = count(s)
  while (s.dots.children.length > n) s.dots.lastChild!.remove()
  while (s.dots.children.length < n) s.dots.appendChild(document.createElement('span'))
  const color = String(prop(el, 'indicator-color') || 'rgba(0, 0, 0, .3)')
  const active = String(prop(el, 'indicator-active-color') || '#000000')
  const k = multiple(el)
  for (let i = 0; i < n; i++) {
    const dot = s.dots.children[i] as HTMLElement
    // With several items shown, each of them has its dot lit.
    const lit = (((i - s.current) % n) + n) % n < k
    dot.style.background = lit ? active : color
    dot.className = lit ? 'active' : ''
  }
}

// go moves to index, firing change when it is a new one and animationfinish after the
// animation, as on a phone.
function go(el: HTMLElement, s: State, index: number, source: string) {
  const n = count(s)
  if (n === 0) return
  const circular = bool(prop(el, 'circular'))
  const target = circular ? ((index % n) + n) % n : Math.max(0, Math.min(maxIndex(el, s), index))
  // How far the items travel, in items (the short way round a circular swiper).
  let diff = target - s.pos
  if (circular && Math.abs(diff) > n / 2) diff -= Math.sign(diff) * n
  const changed = target !== s.current
  s.current = s.pos = target
  layout(el, s, true)
  if (changed) s.emit('change', { current: target, currentItemId: itemId(s, target), source }, false)
  const d = duration(el)
  transitionFrames(el, s, diff, d)
  clearTimeout(s.finish)
  s.finish = setTimeout(() => s.emit('animationfinish', { current: s.current, currentItemId: itemId(s, s.current), source }, false), d)
}

// transitionFrames reports the items' movement while they animate (transition {dx, dy},
// positive towards the next item).
function transitionFrames(el: HTMLElement, s: State, diff: number, d: number) {
  if (diff === 0) return
  const start = performance.now()
  const { item } = geometry(el)
  const step = () => {
    const t = d > 0 ? Math.min(1, (performance.now() - start) / d) : 1
    const delta = diff * t * item
    s.emit('transition', vertical(el) ? { dx: 0, dy: delta } : { dx: delta, dy: 0 }, false)
    if (t < 1) requestAnimationFrame(step)
  }
  requestAnimationFrame(step)
}

function autoplay(el: HTMLElement, s: State) {
  clearInterval(s.timer)
  s.timer = undefined
  if (!bool(prop(el, 'autoplay')) || count(s) < 2) return
  const interval = Math.max(Number(prop(el, 'interval') ?? 5000) || 5000, 100)
  s.timer = setInterval(() => {
    if (s.dragging || !el.isConnected) return
    const next = s.current + 1
    const circular = bool(prop(el, 'circular'))
    go(el, s, !circular && next > maxIndex(el, s) ? 0 : next, 'autoplay')
  }, interval)
}

// sync gives each child of the swiper a slot of its own, after the children change.
function sync(el: HTMLElement, s: State) {
  // Every element child is an item: a swiper-item, or a component's host around one.
  const items = [...el.children] as HTMLElement[]
  s.items = items
  while (s.slots.length > items.length) s.slots.pop()!.remove()
  while (s.slots.length < items.length) {
    const slot = document.createElement('div')
    slot.className = 'item'
    const inner = document.createElement('slot')
    inner.name = `item-${s.slots.length}`
    slot.appendChild(inner)
    s.frame.appendChild(slot)
    s.slots.push(slot)
  }
  items.forEach((item, i) => {
    if (item.slot !== `item-${i}`) item.slot = `item-${i}`
  })
  s.lastRel = []
  // current-item-id names the current item by its item-id.
  const byId = prop(el, 'current-item-id')
  if (byId) {
    const i = items.findIndex((it) => it.getAttribute('item-id') === String(byId))
    if (i >= 0) s.current = i
  }
  if (s.current > maxIndex(el, s)) s.current = maxIndex(el, s)
  s.pos = s.current
  layout(el, s, false)
  autoplay(el, s)
}

export const swiper: Builtin = {
  create(el, emit) {
    const root = el.attachShadow({ mode: 'open' })
    root.innerHTML =
      '<style>:host{display:block;height:150px;position:relative;overflow:hidden}' +
      '.frame{position:absolute;inset:0;overflow:hidden}' +
      '.item{position:absolute;left:0;top:0;will-change:transform}' +
      '.dots{position:absolute;left:0;right:0;bottom:10px;justify-content:center;gap:8px;pointer-events:none}' +
      '.dots.vertical{left:auto;right:10px;top:0;bottom:0;align-items:center}' +
      '.dots span{display:block;width:8px;height:8px;border-radius:50%}</style>' +
      '<div class="frame" part="frame"></div><div class="dots" part="dots"></div>'
    const s: State = {
      emit,
      frame: root.querySelector('.frame') as HTMLElement,
      dots: root.querySelector('.dots') as HTMLElement,
      slots: [],
      items: [],
      current: 0,
      pos: 0,
      lastRel: [],
      timer: undefined,
      finish: undefined,
      dragging: false,
      created: false,
    }
    ;(el as any).__swiper = s
    new MutationObserver(() => sync(el, s)).observe(el, { childList: true })
    new ResizeObserver(() => layout(el, s, false)).observe(el)
    queueMicrotask(() => {
      s.created = true
      sync(el, s)
    })

    let start = 0
    draggable(el, {
      accepts(axis) {
        if (bool(prop(el, 'disable-touch')) || count(s) === 0) return false
        if (axis !== (vertical(el) ? 'y' : 'x')) return false
        s.dragging = true
        start = s.current
        clearTimeout(s.finish)
        return true
      },
      move(dx, dy) {
        const d = vertical(el) ? dy : dx
        const { item } = geometry(el)
        if (item <= 0) return
        let pos = start - d / item
        if (!bool(prop(el, 'circular'))) {
          // Past either end the swiper resists, as on a phone.
          const max = maxIndex(el, s)
          if (pos < 0) pos = pos / 3
          if (pos > max) pos = max + (pos - max) / 3
        }
        s.pos = pos
        layout(el, s, false)
        s.emit('transition', vertical(el) ? { dx: 0, dy: -d } : { dx: -d, dy: 0 }, false)
      },
      end(dx, dy, vx, vy) {
        s.dragging = false
        const d = vertical(el) ? dy : dx
        const v = vertical(el) ? vy : vx
        const { item } = geometry(el)
        let target = start
        // Half an item, or a flick, moves to the next one.
        if (d < -item / 2 || (v < -0.3 && d < 0)) target = start + 1
        else if (d > item / 2 || (v > 0.3 && d > 0)) target = start - 1
        go(el, s, target, 'touch')
        autoplay(el, s)
      },
    })
  },
  set(el, name, value) {
    const s = state(el)
    switch (name) {
      case 'current': {
        const n = Math.floor(Number(value) || 0)
        if (!s.created) {
          s.current = s.pos = n
          return false
        }
        if (n !== s.current) go(el, s, n, '')
        return false
      }
      case 'current-item-id': {
        if (!s.created) return false
        const i = s.items.findIndex((it) => it.getAttribute('item-id') === String(value))
        if (i >= 0 && i !== s.current) go(el, s, i, '')
        return false
      }
      case 'autoplay':
      case 'interval':
        if (s.created) autoplay(el, s)
        return false
      case 'indicator-dots':
      case 'indicator-color':
      case 'indicator-active-color':
        paintDots(el, s)
        return false
      case 'vertical':
      case 'circular':
      case 'previous-margin':
      case 'next-margin':
      case 'display-multiple-items':
        if (s.created) {
          s.lastRel = []
          layout(el, s, false)
        }
        return false
    }
    return false
  },
}
