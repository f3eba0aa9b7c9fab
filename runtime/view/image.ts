// image: the picture in a box of its own (320×240 unless styled, page-frame.html), drawn
// in the phone's 13 modes; load {width, height} and error {errMsg} as on the phone;
// lazy-load waits until the image comes within three screens of the viewport. webp
// needs nothing (the browser decodes it); show-menu-by-longpress and fade-in are taken.
import type { Builtin, Emit } from './builtins'
import { bool, prop } from './drag'

// How each mode draws the picture in the box: background size and position. widthFix
// and heightFix also size the box itself (page-frame.html, and the picture's ratio).
const modes: Record<string, [size: string, position: string]> = {
  scaleToFill: ['100% 100%', 'left top'],
  aspectFit: ['contain', 'center center'],
  aspectFill: ['cover', 'center center'],
  widthFix: ['100% 100%', 'left top'],
  heightFix: ['100% 100%', 'left top'],
  top: ['auto', 'center top'],
  bottom: ['auto', 'center bottom'],
  center: ['auto', 'center center'],
  left: ['auto', 'left center'],
  right: ['auto', 'right center'],
  'top left': ['auto', 'left top'],
  'top right': ['auto', 'right top'],
  'bottom left': ['auto', 'left bottom'],
  'bottom right': ['auto', 'right bottom'],
}

type State = {
  picture: HTMLElement
  emit: Emit
  // The src whose load is under way or done, and the probe that loads it.
  src: string
  probe: HTMLImageElement | null
  ratio: number
  lazy: IntersectionObserver | null
}

const state = (el: HTMLElement) => (el as any).__image as State

function mode(el: HTMLElement) {
  const m = String(prop(el, 'mode') ?? 'scaleToFill')
  return modes[m] ? m : 'scaleToFill'
}

function paint(el: HTMLElement, s: State) {
  const m = mode(el)
  const [size, position] = modes[m]!
  const p = s.picture.style
  p.backgroundSize = size
  p.backgroundPosition = position
  // widthFix and heightFix: the picture is laid out at the image's ratio and the box
  // follows it along one side.
  p.position = m === 'widthFix' || m === 'heightFix' ? 'static' : 'absolute'
  p.width = m === 'heightFix' ? 'auto' : '100%'
  p.height = m === 'widthFix' ? 'auto' : '100%'
  p.aspectRatio = (m === 'widthFix' || m === 'heightFix') && s.ratio > 0 ? String(s.ratio) : ''
}

function load(el: HTMLElement, s: State) {
  const src = String(prop(el, 'src') ?? '')
  if (src === s.src) return
  s.src = src
  s.probe = null
  s.ratio = 0
  s.picture.style.backgroundImage = ''
  paint(el, s)
  if (!src) return
  const probe = new Image()
  s.probe = probe
  probe.onload = () => {
    if (s.probe !== probe) return
    s.ratio = probe.naturalWidth / probe.naturalHeight
    s.picture.style.backgroundImage = `url(${JSON.stringify(probe.src)})`
    paint(el, s)
    s.emit('load', { width: probe.naturalWidth, height: probe.naturalHeight }, false)
  }
  probe.onerror = () => {
    if (s.probe !== probe) return
    // A browser's image tells no status: every failure is reported as a missing file.
    s.emit('error', { errMsg: `GET ${src} 404 (Not Found)` }, false)
  }
  probe.src = src
}

// update loads the src now, or with lazy-load once the box comes within three screens.
function update(el: HTMLElement, s: State) {
  s.lazy?.disconnect()
  s.lazy = null
  if (!bool(prop(el, 'lazy-load')) || String(prop(el, 'src') ?? '') === s.src) return load(el, s)
  s.lazy = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return
      s.lazy?.disconnect()
      s.lazy = null
      load(el, s)
    },
    // The page's own viewport: the frame's edges would cut the margin off the top one's.
    { root: el.ownerDocument, rootMargin: '300% 0px' },
  )
  // Attributes arrive in the batch that creates the element: observe once it is placed.
  setTimeout(() => s.lazy?.observe(el), 0)
}

export const image: Builtin = {
  create(el, emit) {
    const root = el.attachShadow({ mode: 'open' })
    root.innerHTML =
      '<style>:host{position:relative}' +
      '.picture{left:0;top:0;background-repeat:no-repeat;display:block}</style>' +
      '<div class="picture" part="picture"></div>'
    const s: State = { picture: root.querySelector('.picture') as HTMLElement, emit, src: '', probe: null, ratio: 0, lazy: null }
    ;(el as any).__image = s
    paint(el, s)
  },
  set(el, name) {
    const s = state(el)
    if (name === 'src' || name === 'lazy-load') {
      // The src is read when the batch is in the page (lazy-load may come after src).
      queueMicrotask(() => update(el, s))
      return false
    }
    if (name === 'mode') paint(el, s)
    return false
  },
}
