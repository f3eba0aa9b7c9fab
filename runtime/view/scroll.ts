// scroll-view: a scrolling box in the element's shadow root (the refresher area over the
// content), so that the page's own nodes stay the element's children. The mouse drags
// it as a finger does; the wheel scrolls it too. Events have the phone's detail:
// scroll {scrollLeft, scrollTop, scrollHeight, scrollWidth, deltaX, deltaY},
// scrolltoupper / scrolltolower {direction}, refresherpulling {dy}, refresherrefresh,
// refresherrestore, refresherabort; with enhanced, dragstart / dragging {scrollLeft,
// scrollTop} and dragend {scrollLeft, scrollTop, velocity}, and paging-enabled snaps a
// drag to a page. bounces and fast-deceleration are taken (the drag has no inertia).
import type { Builtin } from './builtins'
import { bool, draggable, prop, px } from './drag'

// scroller is the box that scrolls for a node: a scroll-view's inner box, else the node.
// SelectorQuery's scrollOffset, ScrollViewContext and the automation port use it.
export function scroller<T extends HTMLElement | undefined>(n: T): T {
  return (n as any)?.__scroller ?? n
}

type State = {
  scroller: HTMLElement
  refresher: HTMLElement
  content: HTMLElement
  lastLeft: number
  lastTop: number
  nearUpper: boolean
  nearLower: boolean
  // The refresher's state: how far it is pulled open, and whether it is refreshing.
  pull: number
  refreshing: boolean
}

const state = (el: HTMLElement) => (el as any).__scroll as State

const REFRESHER_DEFAULT_THRESHOLD = 45

function threshold(el: HTMLElement) {
  return px(prop(el, 'refresher-threshold'), REFRESHER_DEFAULT_THRESHOLD)
}

function setPull(el: HTMLElement, s: State, d: number, animate: boolean) {
  s.pull = Math.max(0, d)
  s.refresher.style.transition = animate ? 'height 0.3s' : 'none'
  s.refresher.style.height = `${s.pull}px`
}

function paintRefresher(el: HTMLElement, s: State) {
  const style = String(prop(el, 'refresher-default-style') ?? 'black')
  s.refresher.style.background = String(prop(el, 'refresher-background') ?? '#FFF')
  const dots = s.refresher.querySelector('.dots') as HTMLElement
  dots.style.display = style === 'none' ? 'none' : 'flex'
  for (const d of dots.children) (d as HTMLElement).style.background = style === 'white' ? '#fff' : '#000'
}

// restore closes a refresh, as refresher-triggered={{false}} does.
function restore(el: HTMLElement, s: State, emit: (t: string, d: Record<string, unknown>, b?: boolean) => void) {
  if (!s.refreshing) return
  s.refreshing = false
  setPull(el, s, 0, true)
  emit('refresherrestore', {}, false)
}

function onScroll(el: HTMLElement, s: State, emit: (t: string, d: Record<string, unknown>, b?: boolean) => void) {
  const sc = s.scroller
  const left = sc.scrollLeft
  const top = sc.scrollTop
  // deltaY is positive when the content moves down (scrolling towards the top), as on a phone.
  emit('scroll', { scrollLeft: left, scrollTop: top, scrollHeight: sc.scrollHeight, scrollWidth: sc.scrollWidth, deltaX: s.lastLeft - left, deltaY: s.lastTop - top }, false)
  const horizontal = bool(prop(el, 'scroll-x')) && !bool(prop(el, 'scroll-y'))
  const upper = px(prop(el, 'upper-threshold'), 50)
  const lower = px(prop(el, 'lower-threshold'), 50)
  const pos = horizontal ? left : top
  const end = horizontal ? sc.scrollWidth - sc.clientWidth : sc.scrollHeight - sc.clientHeight
  const moved = horizontal ? left - s.lastLeft : top - s.lastTop
  const nearUpper = pos <= upper
  const nearLower = end - pos <= lower
  // Each event fires once on the way into its zone, moving towards that edge.
  if (nearUpper && !s.nearUpper && moved < 0) emit('scrolltoupper', { direction: horizontal ? 'left' : 'top' }, false)
  if (nearLower && !s.nearLower && moved > 0) emit('scrolltolower', { direction: horizontal ? 'right' : 'bottom' }, false)
  s.nearUpper = nearUpper
  s.nearLower = nearLower
  s.lastLeft = left
  s.lastTop = top
}

// page ends a drag of an enhanced paging-enabled scroll-view on a whole page (its own
// size): the nearest, or the next one in the direction of a flick.
function page(el: HTMLElement, s: State, vx: number, vy: number) {
  const sc = s.scroller
  const snap = (pos: number, size: number, v: number) => {
    if (size <= 0) return pos
    const at = pos / size
    return (Math.abs(v) > 0.3 ? (v > 0 ? Math.ceil(at) : Math.floor(at)) : Math.round(at)) * size
  }
  const opts: ScrollToOptions = { behavior: 'smooth' }
  if (bool(prop(el, 'scroll-x'))) opts.left = snap(sc.scrollLeft, sc.clientWidth, vx)
  if (bool(prop(el, 'scroll-y'))) opts.top = snap(sc.scrollTop, sc.clientHeight, vy)
  sc.scrollTo(opts)
}

function scrollTo(el: HTMLElement, left: number | null, top: number | null) {
  const s = state(el)
  const behavior = bool(prop(el, 'scroll-with-animation')) ? 'smooth' : 'auto'
  // Attributes may arrive in the batch that makes the content: scroll once it is laid out.
  requestAnimationFrame(() => {
    const opts: ScrollToOptions = { behavior }
    if (left !== null) opts.left = left
    if (top !== null) opts.top = top
    s.scroller.scrollTo(opts)
  })
}

function scrollIntoView(el: HTMLElement, id: string) {
  if (!id) return
  requestAnimationFrame(() => {
    const s = state(el)
    let target: Element | null = null
    try {
      target = el.querySelector(`#${CSS.escape(id)}`)
    } catch {
      return
    }
    if (!target) return
    const r = target.getBoundingClientRect()
    const box = s.scroller.getBoundingClientRect()
    const opts: ScrollToOptions = { behavior: bool(prop(el, 'scroll-with-animation')) ? 'smooth' : 'auto' }
    if (bool(prop(el, 'scroll-y'))) opts.top = s.scroller.scrollTop + r.top - box.top
    if (bool(prop(el, 'scroll-x'))) opts.left = s.scroller.scrollLeft + r.left - box.left
    s.scroller.scrollTo(opts)
  })
}

function overflow(el: HTMLElement) {
  const s = state(el)
  s.scroller.style.overflowX = bool(prop(el, 'scroll-x')) ? 'auto' : 'hidden'
  s.scroller.style.overflowY = bool(prop(el, 'scroll-y')) ? 'auto' : 'hidden'
  if (prop(el, 'show-scrollbar') === false) s.scroller.style.scrollbarWidth = 'none'
}

export const scrollView: Builtin = {
  create(el, emit) {
    const root = el.attachShadow({ mode: 'open' })
    root.innerHTML =
      '<style>:host{display:block;overflow:hidden;position:relative}' +
      '.scroller{width:100%;height:100%;max-height:inherit;overflow:hidden;position:relative;-webkit-overflow-scrolling:touch;box-sizing:border-box}' +
      '.refresher{height:0;overflow:hidden;display:flex;align-items:flex-end;justify-content:center}' +
      '.dots{height:45px;align-items:center;gap:6px}.dots span{width:6px;height:6px;border-radius:50%;opacity:.6}' +
      '.content{min-width:100%;min-height:100%}' +
      // enable-flex: the element's flex settings reach the box that holds the content.
      ':host([enable-flex]) .scroller{flex-direction:inherit;flex-wrap:inherit;align-items:inherit;justify-content:inherit;align-content:inherit;gap:inherit}' +
      ':host([enable-flex]) .content{display:flex;flex-direction:inherit;flex-wrap:inherit;align-items:inherit;justify-content:inherit;align-content:inherit;gap:inherit}</style>' +
      '<div class="scroller" part="scroller"><div class="refresher" part="refresher"><div class="dots"><span></span><span></span><span></span></div></div>' +
      '<div class="content" part="content"><slot></slot></div></div>'
    const s: State = {
      scroller: root.querySelector('.scroller') as HTMLElement,
      refresher: root.querySelector('.refresher') as HTMLElement,
      content: root.querySelector('.content') as HTMLElement,
      lastLeft: 0,
      lastTop: 0,
      nearUpper: true,
      nearLower: false,
      pull: 0,
      refreshing: false,
    }
    ;(el as any).__scroll = s
    // SelectorQuery's scrollOffset and ScrollViewContext measure and move this box.
    ;(el as any).__scroller = s.scroller
    let queued = false
    s.scroller.addEventListener('scroll', () => {
      if (queued) return
      queued = true
      requestAnimationFrame(() => {
        queued = false
        onScroll(el, s, emit)
      })
    })
    paintRefresher(el, s)
    overflow(el)

    // The drag: the content follows the pointer; past the top, with refresher-enabled,
    // the refresher opens, and let go past its threshold it refreshes.
    let startLeft = 0
    let startTop = 0
    let started = false
    // enhanced: the drag reports dragstart, dragging and dragend.
    let dragged = false
    const enhanced = () => bool(prop(el, 'enhanced'))
    draggable(el, {
      accepts(axis, _dx, dy) {
        const x = bool(prop(el, 'scroll-x'))
        const y = bool(prop(el, 'scroll-y'))
        if (axis === 'x' && !x) return false
        if (axis === 'y' && !y) return false
        // A drag along y that the content cannot follow is left to an outer scroller,
        // unless it opens the refresher.
        const sc = s.scroller
        if (axis === 'y' && sc.scrollHeight <= sc.clientHeight && !(bool(prop(el, 'refresher-enabled')) && dy > 0)) return false
        startLeft = sc.scrollLeft
        startTop = sc.scrollTop
        started = true
        return true
      },
      move(dx, dy) {
        if (!started) return
        const sc = s.scroller
        if (enhanced()) emit(dragged ? 'dragging' : 'dragstart', { scrollLeft: sc.scrollLeft, scrollTop: sc.scrollTop }, false)
        dragged = true
        if (bool(prop(el, 'scroll-x'))) sc.scrollLeft = startLeft - dx
        if (bool(prop(el, 'scroll-y'))) {
          const top = startTop - dy
          sc.scrollTop = top
          if (bool(prop(el, 'refresher-enabled')) && !s.refreshing && top < 0) {
            setPull(el, s, -top, false)
            emit('refresherpulling', { dy: -top }, false)
          }
        }
      },
      end(_dx, _dy, vx, vy) {
        if (!started) return
        started = false
        const sc = s.scroller
        if (enhanced() && dragged) {
          // velocity {x, y} in px/ms, positive as the content moves towards its end.
          emit('dragend', { scrollLeft: sc.scrollLeft, scrollTop: sc.scrollTop, velocity: { x: -vx, y: -vy } }, false)
          if (bool(prop(el, 'paging-enabled'))) page(el, s, -vx, -vy)
        }
        dragged = false
        if (s.refreshing || s.pull === 0) return
        const t = threshold(el)
        if (s.pull >= t) {
          s.refreshing = true
          setPull(el, s, t, true)
          emit('refresherrefresh', {}, false)
        } else {
          setPull(el, s, 0, true)
          emit('refresherabort', {}, false)
        }
      },
    })
    ;(el as any).__emit = emit
  },
  set(el, name, value) {
    const s = state(el)
    switch (name) {
      case 'scroll-x':
      case 'scroll-y':
      case 'show-scrollbar':
        overflow(el)
        return false
      case 'scroll-top':
        scrollTo(el, null, px(value))
        return true
      case 'scroll-left':
        scrollTo(el, px(value), null)
        return true
      case 'scroll-into-view':
        scrollIntoView(el, value == null ? '' : String(value))
        return true
      case 'refresher-default-style':
      case 'refresher-background':
        paintRefresher(el, s)
        return true
      case 'refresher-triggered':
        if (bool(value)) {
          if (!s.refreshing && bool(prop(el, 'refresher-enabled'))) {
            s.refreshing = true
            setPull(el, s, threshold(el), true)
          }
        } else {
          restore(el, s, (el as any).__emit)
        }
        return true
      case 'enable-flex':
        if (bool(value)) el.setAttribute('enable-flex', '')
        else el.removeAttribute('enable-flex')
        return true
    }
    return false
  },
}
