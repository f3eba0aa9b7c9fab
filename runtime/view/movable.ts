// movable-area and movable-view: the view moves inside its area when dragged (along its
// direction), and to its x / y attributes (animated unless animation={{false}}). change
// has the phone's detail {x, y, source}: 'touch' while dragged inside the area,
// 'touch-out-of-bounds' past it (out-of-bounds), 'out-of-bounds' on the way back, and ''
// when x or y is set; htouchmove / vtouchmove for the first move's direction. There is
// no inertia and no scale yet.
import type { Builtin, Emit } from './builtins'
import { bool, draggable, prop, px } from './drag'

type State = { emit: Emit; x: number; y: number; ready: boolean }

const state = (el: HTMLElement) => (el as any).__movable as State

// bounds is the range of x and y: the area's size less the view's (negative when the
// view is the larger).
function bounds(el: HTMLElement) {
  const area = el.parentElement
  const aw = area ? area.clientWidth : 0
  const ah = area ? area.clientHeight : 0
  const w = el.offsetWidth
  const h = el.offsetHeight
  return { minX: Math.min(0, aw - w), maxX: Math.max(0, aw - w), minY: Math.min(0, ah - h), maxY: Math.max(0, ah - h) }
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v))
const round = (v: number) => Math.round(v * 100) / 100

function place(el: HTMLElement, s: State, animate: boolean) {
  el.style.transition = animate && prop(el, 'animation') !== false ? 'transform 0.3s ease-out' : 'none'
  el.style.transform = `translateX(${s.x}px) translateY(${s.y}px) translateZ(0)`
}

// moveTo goes to the x / y the attributes give, clamped to the area, once laid out.
function moveTo(el: HTMLElement, s: State) {
  requestAnimationFrame(() => {
    const b = bounds(el)
    const x = clamp(px(prop(el, 'x'), s.x), b.minX, b.maxX)
    const y = clamp(px(prop(el, 'y'), s.y), b.minY, b.maxY)
    const changed = x !== s.x || y !== s.y
    s.x = x
    s.y = y
    place(el, s, s.ready)
    if (changed && s.ready) s.emit('change', { x: round(x), y: round(y), source: '' }, false)
    s.ready = true
  })
}

export const movableView: Builtin = {
  create(el, emit) {
    const s: State = { emit, x: 0, y: 0, ready: false }
    ;(el as any).__movable = s
    moveTo(el, s)
    // The template's style replaces the element's style attribute: keep the position.
    new MutationObserver(() => {
      if (!el.style.transform) place(el, s, false)
    }).observe(el, { attributes: true, attributeFilter: ['style'] })
    let x0 = 0
    let y0 = 0
    const direction = () => String(prop(el, 'direction') ?? 'none')
    draggable(el, {
      accepts(axis) {
        if (bool(prop(el, 'disabled'))) return false
        const d = direction()
        if (d === 'all') {
          // fall through
        } else if (d === 'horizontal') {
          if (axis !== 'x') return false
        } else if (d === 'vertical') {
          if (axis !== 'y') return false
        } else return false
        x0 = s.x
        y0 = s.y
        // The first move's direction, as the phone reports it.
        s.emit(axis === 'x' ? 'htouchmove' : 'vtouchmove', {}, false)
        return true
      },
      move(dx, dy) {
        const d = direction()
        const b = bounds(el)
        const out = bool(prop(el, 'out-of-bounds'))
        let x = d === 'vertical' ? x0 : x0 + dx
        let y = d === 'horizontal' ? y0 : y0 + dy
        let outside = false
        if (out) {
          // Past the edge the view follows the pointer at a third of its speed.
          const fx = clamp(x, b.minX, b.maxX)
          const fy = clamp(y, b.minY, b.maxY)
          outside = fx !== x || fy !== y
          x = fx + (x - fx) / 3
          y = fy + (y - fy) / 3
        } else {
          x = clamp(x, b.minX, b.maxX)
          y = clamp(y, b.minY, b.maxY)
        }
        if (x === s.x && y === s.y) return
        s.x = x
        s.y = y
        place(el, s, false)
        s.emit('change', { x: round(x), y: round(y), source: outside ? 'touch-out-of-bounds' : 'touch' }, false)
      },
      end() {
        const b = bounds(el)
        const x = clamp(s.x, b.minX, b.maxX)
        const y = clamp(s.y, b.minY, b.maxY)
        if (x === s.x && y === s.y) return
        s.x = x
        s.y = y
        place(el, s, true)
        s.emit('change', { x: round(x), y: round(y), source: 'out-of-bounds' }, false)
      },
    })
  },
  set(el, name) {
    if (name === 'x' || name === 'y') moveTo(el, state(el))
    return false
  },
}
