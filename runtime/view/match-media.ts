// match-media: its children show only while the page's window matches every condition
// given (min-width, max-width, width, min-height, max-height, height in px, orientation
// landscape / portrait), as on the phone, and follow the window as it changes.
import type { Builtin } from './builtins'
import { prop } from './drag'

const lengths: [attr: string, feature: string][] = [
  ['min-width', 'min-width'],
  ['max-width', 'max-width'],
  ['width', 'width'],
  ['min-height', 'min-height'],
  ['max-height', 'max-height'],
  ['height', 'height'],
]

// query is the CSS media query the attributes describe ('' when they give none).
function query(el: HTMLElement): string {
  const parts: string[] = []
  for (const [attr, feature] of lengths) {
    const v = prop(el, attr)
    if (v === undefined || v === null || v === '' || !Number.isFinite(Number(v))) continue
    parts.push(`(${feature}: ${Number(v)}px)`)
  }
  const o = prop(el, 'orientation')
  if (o === 'landscape' || o === 'portrait') parts.push(`(orientation: ${o})`)
  return parts.join(' and ')
}

type State = { list: MediaQueryList | null; update: () => void }

function watch(el: HTMLElement, s: State) {
  s.list?.removeEventListener('change', s.update)
  const q = query(el)
  s.list = q ? el.ownerDocument.defaultView!.matchMedia(q) : null
  s.list?.addEventListener('change', s.update)
  s.update()
}

export const matchMedia: Builtin = {
  create(el) {
    const s: State = {
      list: null,
      update: () => el.toggleAttribute('wx-unmatched', !!s.list && !s.list.matches),
    }
    ;(el as any).__matchMedia = s
  },
  set(el, name) {
    const s = (el as any).__matchMedia as State
    if (name === 'orientation' || lengths.some(([attr]) => attr === name)) {
      watch(el, s)
      return true
    }
    return false
  },
}
