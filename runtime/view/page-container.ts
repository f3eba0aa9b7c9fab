// page-container: the phone's "fake page", a panel over the page from the bottom (top,
// right, center) with a mask, shown while `show` is true. Entering raises beforeenter,
// enter, afterenter; leaving beforeleave, leave, afterleave. A tap on the mask
// (clickoverlay), a drag down with close-on-slide-down, and a back (the navigation bar's,
// wx.navigateBack: the shell asks closeTopContainer first) make it leave, and the page
// keeps its place; the page sets show to false in its handler, as on a phone.
import type { Builtin, Emit } from './builtins'
import { bool, draggable, prop } from './drag'

type State = {
  emit: Emit
  overlay: HTMLElement
  panel: HTMLElement
  shown: boolean
  timer: ReturnType<typeof setTimeout> | undefined
}

const state = (el: HTMLElement) => (el as any).__pageContainer as State

// Where the panel waits, off screen, before it enters and after it leaves.
const away: Record<string, string> = {
  bottom: 'translateY(100%)',
  top: 'translateY(-100%)',
  right: 'translateX(100%)',
  center: 'translate(-50%, -50%) scale(0.9)',
}
const placed: Record<string, string> = { bottom: 'none', top: 'none', right: 'none', center: 'translate(-50%, -50%)' }

const position = (el: HTMLElement) => {
  const p = String(prop(el, 'position') ?? 'bottom')
  return away[p] ? p : 'bottom'
}
const duration = (el: HTMLElement) => {
  const d = Number(prop(el, 'duration') ?? 300)
  return Number.isFinite(d) && d >= 0 ? d : 300
}

function layout(el: HTMLElement, s: State) {
  const p = position(el)
  const radius = bool(prop(el, 'round')) ? '16px' : '0'
  const corners: Record<string, string> = {
    bottom: `${radius} ${radius} 0 0`,
    top: `0 0 ${radius} ${radius}`,
    right: `${radius} 0 0 ${radius}`,
    center: radius,
  }
  const edges: Record<string, string> = {
    bottom: 'left:0;right:0;bottom:0;max-height:100%',
    top: 'left:0;right:0;top:0;max-height:100%',
    right: 'top:0;bottom:0;right:0;max-width:100%',
    center: 'left:50%;top:50%;max-width:100%;max-height:100%',
  }
  s.panel.setAttribute('style', `${edges[p]};border-radius:${corners[p]};${String(prop(el, 'custom-style') ?? '')}`)
  s.overlay.setAttribute('style', String(prop(el, 'overlay-style') ?? ''))
  const overlay = prop(el, 'overlay') // shown unless given a false value
  s.overlay.hidden = overlay !== undefined && overlay !== null && !bool(overlay)
  el.style.setProperty('--wx-page-container-z', String(Number(prop(el, 'z-index') ?? 100) || 100))
}

// move runs the enter or leave animation and raises its events.
function move(el: HTMLElement, s: State, show: boolean) {
  if (show === s.shown) return
  s.shown = show
  clearTimeout(s.timer)
  const d = duration(el)
  const p = position(el)
  const [before, during, after] = show ? ['beforeenter', 'enter', 'afterenter'] : ['beforeleave', 'leave', 'afterleave']
  s.emit(before, {}, false)
  if (show) el.setAttribute('wx-shown', '')
  const { panel, overlay } = s
  // Sliding panels keep their opacity; the centred one fades and grows.
  const fade = p === 'center'
  panel.style.transition = overlay.style.transition = 'none'
  panel.style.transform = show ? away[p]! : placed[p]!
  panel.style.opacity = fade && show ? '0' : '1'
  overlay.style.opacity = show ? '0' : '1'
  void panel.offsetWidth // the start of the transition is laid out
  panel.style.transition = `transform ${d}ms ease, opacity ${d}ms ease`
  overlay.style.transition = `opacity ${d}ms ease`
  panel.style.transform = show ? placed[p]! : away[p]!
  panel.style.opacity = fade && !show ? '0' : '1'
  overlay.style.opacity = show ? '1' : '0'
  s.emit(during, {}, false)
  s.timer = setTimeout(() => {
    if (!show) el.removeAttribute('wx-shown')
    s.emit(after, {}, false)
  }, d)
}

// closeTopContainer makes a shown page-container of the page leave, as a back does on a
// phone; it reports whether there was one (then the page stays).
export function closeTopContainer(doc: Document): boolean {
  const shown = [...doc.querySelectorAll('wx-page-container')].filter((c) => state(c as HTMLElement)?.shown)
  const top = shown[shown.length - 1] as HTMLElement | undefined
  if (!top) return false
  move(top, state(top), false)
  return true
}

export const pageContainer: Builtin = {
  create(el, emit) {
    const root = el.attachShadow({ mode: 'open' })
    root.innerHTML =
      '<style>:host{position:fixed;inset:0;z-index:var(--wx-page-container-z,100);display:none}' +
      ':host([wx-shown]){display:block}' +
      '.overlay{position:absolute;inset:0;background:rgba(0,0,0,.7)}' +
      '.panel{position:absolute;overflow:auto;background:#fff;box-sizing:border-box}</style>' +
      '<div class="overlay" part="overlay"></div><div class="panel" part="panel"><slot></slot></div>'
    const s: State = {
      emit,
      overlay: root.querySelector('.overlay') as HTMLElement,
      panel: root.querySelector('.panel') as HTMLElement,
      shown: false,
      timer: undefined,
    }
    ;(el as any).__pageContainer = s
    layout(el, s)
    s.overlay.addEventListener('click', () => {
      emit('clickoverlay', {}, false)
      move(el, s, false)
    })
    // close-on-slide-down: the panel follows a drag down and leaves past a quarter of
    // its height.
    let dragging = false
    draggable(el, {
      accepts(axis, _dx, dy) {
        dragging = s.shown && axis === 'y' && dy > 0 && bool(prop(el, 'close-on-slide-down'))
        return dragging
      },
      move(_dx, dy) {
        if (!dragging) return
        const base = placed[position(el)]!
        s.panel.style.transition = 'none'
        s.panel.style.transform = `${base === 'none' ? '' : base} translateY(${Math.max(0, dy)}px)`
      },
      end(_dx, dy) {
        if (!dragging) return
        dragging = false
        if (dy > s.panel.offsetHeight / 4) return move(el, s, false)
        s.panel.style.transition = `transform ${duration(el)}ms ease`
        s.panel.style.transform = placed[position(el)]!
      },
    })
  },
  set(el, name, value) {
    const s = state(el)
    if (name === 'show') {
      // The batch that sets show may also make the content: enter once it is in.
      queueMicrotask(() => move(el, s, bool(value)))
      return true
    }
    if (['position', 'round', 'custom-style', 'overlay-style', 'overlay', 'z-index'].includes(name)) {
      layout(el, s)
      return true
    }
    return false
  },
}
