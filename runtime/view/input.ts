// Input turns the mouse (or a real touch screen) into the phone's touch events on the
// nodes of the page: touchstart/move/end/cancel, tap, longpress and longtap, with the
// phone's thresholds. Only events some node on the path listens for are sent.
import { type Tagged } from './wxs'

export type Touch = { identifier: number; pageX: number; pageY: number; clientX: number; clientY: number; force: number }

// A <canvas>'s touch events carry CanvasTouch points instead: x and y from the canvas's
// top-left corner, what ec-canvas and we-cropper hand to their drawing.
export type CanvasTouch = { identifier: number; x: number; y: number }

export type PageEventData = {
  id: number
  type: string
  detail: { x: number; y: number }
  touches: (Touch | CanvasTouch)[]
  changedTouches: (Touch | CanvasTouch)[]
  // offsets are [node id, offsetLeft, offsetTop] of the nodes on the event's path, for the
  // target and currentTarget objects.
  offsets: [number, number, number][]
}

// pathOf is the nodes of the service layer's tree from t up to the page, target first.
export function pathOf(t: EventTarget | null): Tagged[] {
  const path: Tagged[] = []
  for (let n = t as Tagged | null; n; n = n.parentNode as Tagged | null) {
    if (n.__mpsimId !== undefined) path.push(n)
  }
  return path
}

// RunWxs runs the WXS handlers on the path of an event (runtime/view/wxs.ts); it reports
// whether one of them stopped the event.
type RunWxs = (path: Tagged[], type: string, ev: { detail: unknown; touches: (Touch | CanvasTouch)[]; changedTouches: (Touch | CanvasTouch)[] }) => boolean

// A press that moves further than this is not a tap; one held longer is a long press.
const TAP_MOVE_LIMIT = 10
const LONG_PRESS_MS = 350

type Press = {
  pointerId: number
  targetId: number
  path: Tagged[]
  startX: number
  startY: number
  moved: boolean
  long: boolean
  timer: ReturnType<typeof setTimeout>
  last: Touch
}

export function installInput(
  doc: Document,
  send: (ev: PageEventData) => void,
  listens: (node: Tagged, type: string) => boolean,
  runWxs: RunWxs,
) {
  const presses = new Map<number, Press>()

  const touchOf = (e: PointerEvent): Touch => ({
    // The phone numbers touches from 0; a mouse is always touch 0.
    identifier: e.pointerType === 'mouse' ? 0 : e.pointerId,
    pageX: e.pageX,
    pageY: e.pageY,
    clientX: e.clientX,
    clientY: e.clientY,
    force: e.pressure || 1,
  })

  const fire = (p: Press, type: string, changed: Touch) => {
    if (!p.targetId) return
    const touches = [...presses.values()].map((q) => q.last)
    // A tap's touches hold its own point, as on a phone (its press has already ended):
    // Vant's slider reads event.touches[0] of a tap.
    if (type === 'tap' && !touches.length) touches.push(changed)
    const offsets = p.path.map((n): [number, number, number] => {
      const el = n as unknown as HTMLElement
      return [n.__mpsimId!, el.offsetLeft ?? 0, el.offsetTop ?? 0]
    })
    const target = p.path[0] as unknown as HTMLElement
    const points = target.localName === 'wx-canvas' ? canvasPoints(target) : (t: Touch) => t
    const ev = { id: p.targetId, type, detail: { x: changed.pageX, y: changed.pageY }, touches: touches.map(points), changedTouches: [points(changed)], offsets }
    // WXS handlers run first, here; one that stops the event keeps it from the service layer.
    if (runWxs(p.path, type, ev)) return
    if (p.path.some((n) => listens(n, type))) send(ev)
  }

  doc.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return
    const path = pathOf(e.target)
    const touch = touchOf(e)
    const p: Press = {
      pointerId: e.pointerId,
      targetId: path[0]?.__mpsimId ?? 0,
      path,
      startX: e.pageX,
      startY: e.pageY,
      moved: false,
      long: false,
      last: touch,
      timer: setTimeout(() => {
        p.long = true
        fire(p, 'longpress', p.last)
        fire(p, 'longtap', p.last)
      }, LONG_PRESS_MS),
    }
    presses.set(e.pointerId, p)
    fire(p, 'touchstart', touch)
  })

  doc.addEventListener('pointermove', (e) => {
    const p = presses.get(e.pointerId)
    if (!p) return
    p.last = touchOf(e)
    if (!p.moved && Math.hypot(e.pageX - p.startX, e.pageY - p.startY) > TAP_MOVE_LIMIT) {
      p.moved = true
      clearTimeout(p.timer)
    }
    fire(p, 'touchmove', p.last)
  })

  const end = (e: PointerEvent, type: 'touchend' | 'touchcancel') => {
    const p = presses.get(e.pointerId)
    if (!p) return
    clearTimeout(p.timer)
    presses.delete(e.pointerId)
    const touch = touchOf(e)
    fire(p, type, touch)
    // A long press that someone listened for takes the place of the tap, as on a phone.
    const longHandled = p.long && p.path.some((n) => listens(n, 'longpress'))
    if (type === 'touchend' && !p.moved && !longHandled) fire(p, 'tap', touch)
  }
  doc.addEventListener('pointerup', (e) => end(e, 'touchend'))
  doc.addEventListener('pointercancel', (e) => end(e, 'touchcancel'))
}

// canvasPoints makes touches CanvasTouch points of the canvas el.
function canvasPoints(el: HTMLElement) {
  const box = el.getBoundingClientRect()
  return (t: Touch): CanvasTouch => ({ identifier: t.identifier, x: t.clientX - box.left, y: t.clientY - box.top })
}
