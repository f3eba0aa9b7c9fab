// Drag gestures for the built-in components that a finger moves (scroll-view, swiper,
// movable-view). A mouse drag is taken as a finger's: the components under the pointer
// are candidates, innermost first, and once the pointer has moved far enough to tell its
// axis, the first candidate that accepts that axis gets the whole gesture, as on a phone
// (a horizontal swiper inside a vertical scroll-view each get their own direction).

export type Axis = 'x' | 'y'

export type DragHandler = {
  // accepts tells whether this component takes a drag that started along axis.
  accepts(axis: Axis, dx: number, dy: number): boolean
  // move reports the pointer's offset from where it was pressed.
  move(dx: number, dy: number): void
  // end reports the last offset and the speed (px/ms) over the last moments.
  end(dx: number, dy: number, vx: number, vy: number): void
}

// How far the pointer moves before the gesture's axis is decided.
const SLOP = 6

type Gesture = {
  event: PointerEvent
  pointerId: number
  x0: number
  y0: number
  candidates: DragHandler[]
  active: DragHandler | null
  decided: boolean
  samples: { t: number; x: number; y: number }[]
}

let gesture: Gesture | null = null
let installed = false

function install(doc: Document) {
  if (installed) return
  installed = true
  doc.addEventListener('pointermove', (e) => {
    const g = gesture
    if (!g || g.pointerId !== e.pointerId) return
    const dx = e.clientX - g.x0
    const dy = e.clientY - g.y0
    g.samples.push({ t: e.timeStamp, x: e.clientX, y: e.clientY })
    if (g.samples.length > 8) g.samples.shift()
    if (!g.decided) {
      if (Math.hypot(dx, dy) < SLOP) return
      g.decided = true
      const axis: Axis = Math.abs(dx) >= Math.abs(dy) ? 'x' : 'y'
      g.active = g.candidates.find((c) => c.accepts(axis, dx, dy)) || null
      // No text selection while a component follows the pointer.
      if (g.active) doc.documentElement.style.userSelect = 'none'
    }
    if (!g.active) return
    // A drag is no text selection.
    doc.getSelection()?.removeAllRanges()
    g.active.move(dx, dy)
  })
  const end = (e: PointerEvent) => {
    const g = gesture
    if (!g || g.pointerId !== e.pointerId) return
    gesture = null
    if (!g.active) return
    doc.documentElement.style.userSelect = ''
    // The speed over the last 100 ms, for flicks.
    const recent = g.samples.filter((s) => e.timeStamp - s.t < 100)
    let vx = 0
    let vy = 0
    if (recent.length > 0) {
      const first = recent[0]!
      const dt = Math.max(e.timeStamp - first.t, 1)
      vx = (e.clientX - first.x) / dt
      vy = (e.clientY - first.y) / dt
    }
    g.active.end(e.clientX - g.x0, e.clientY - g.y0, vx, vy)
  }
  doc.addEventListener('pointerup', end)
  doc.addEventListener('pointercancel', end)
}

// draggable makes el a candidate for the drags that start on it or inside it.
export function draggable(el: HTMLElement, h: DragHandler) {
  install(el.ownerDocument)
  el.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return
    if (!gesture || gesture.event !== e) {
      gesture = { event: e, pointerId: e.pointerId, x0: e.clientX, y0: e.clientY, candidates: [], active: null, decided: false, samples: [] }
    }
    gesture.candidates.push(h)
  })
}

// px reads a length attribute of the phone's components: a number is px, "10rpx" is
// rpx (750 to the window's width), "10px" is px.
export function px(value: unknown, fallback = 0): number {
  if (value === null || value === undefined || value === '') return fallback
  if (typeof value === 'number') return value
  const m = /^\s*(-?[\d.]+)\s*(rpx|px)?\s*$/.exec(String(value))
  if (!m) return fallback
  const n = Number(m[1])
  return m[2] === 'rpx' ? (n * window.innerWidth) / 750 : n
}

// bool reads a boolean attribute as the phone does: the WXML `attr` alone is true, and
// any non-empty string (even "false") is true; only {{false}} and "" are false.
export function bool(value: unknown): boolean {
  if (typeof value === 'string') return value !== ''
  return !!value
}

// prop reads the last value an attribute was given (setAttribute, in builtins.ts, keeps
// it as __prop_<name>).
export function prop(el: HTMLElement, name: string): unknown {
  return (el as any)[`__prop_${name}`]
}
