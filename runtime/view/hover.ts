// hover-class: a pressed view, button or navigator gets its hover-class after
// hover-start-time and keeps it hover-stay-time after the press ends; its ancestors that
// have one get theirs too, unless hover-stop-propagation stops it. One listener on the
// document serves the whole page (a list of a thousand views needs no listener each).

type Props = Record<string, unknown>

// The hover-class a tag has when its WXML sets none.
const defaultHoverClass: Record<string, string> = { 'wx-button': 'button-hover', 'wx-navigator': 'navigator-hover' }

// Each tag's hover-start-time and hover-stay-time when its WXML sets none (ms).
const defaultTimes: Record<string, [start: number, stay: number]> = { 'wx-button': [20, 70], 'wx-navigator': [50, 600] }
const viewTimes: [number, number] = [50, 400]

function hoverTime(el: Element, which: 'start' | 'stay'): number {
  const v = (el as unknown as Props)[`__prop_hover-${which}-time`]
  if (v !== undefined && v !== null && v !== '' && Number.isFinite(Number(v))) return Number(v)
  return (defaultTimes[el.localName] ?? viewTimes)[which === 'start' ? 0 : 1]
}

function hoverClassOf(el: Element): string[] {
  const props = el as unknown as Props
  const c = props['__prop_hover-class'] ?? defaultHoverClass[el.localName] ?? 'none'
  if (!c || c === 'none' || props.__prop_disabled) return []
  return String(c).split(/\s+/).filter(Boolean)
}

export function installHover(doc: Document) {
  let pressed: { el: Element; classes: string[]; timer: ReturnType<typeof setTimeout> | undefined }[] = []
  doc.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return
    for (let el = e.target as Element | null; el && el.nodeType === 1; el = el.parentElement) {
      const classes = hoverClassOf(el)
      if (classes.length > 0) {
        const target = el
        const start = hoverTime(el, 'start')
        // A press shorter than hover-start-time shows no hover; with 0 it shows at once.
        const add = () => target.classList.add(...classes)
        if (start <= 0) add()
        pressed.push({ el, classes, timer: start > 0 ? setTimeout(add, start) : undefined })
      }
      if ((el as unknown as Props)['__prop_hover-stop-propagation']) break
    }
  })
  const end = () => {
    for (const p of pressed) {
      clearTimeout(p.timer)
      const stay = hoverTime(p.el, 'stay')
      setTimeout(() => p.el.classList.remove(...p.classes), stay)
    }
    pressed = []
  }
  doc.addEventListener('pointerup', end)
  doc.addEventListener('pointercancel', end)
}
