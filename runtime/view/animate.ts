// Keyframe animations of this.animate (service/animate.ts), on the browser's Web
// Animations: the phone's keyframe fields become CSS ones (transform functions joined
// into one transform, `ease` the easing), and the end state stays until clearAnimation.
import { inlineRpx } from './rpx'

const TRANSFORMS = new Set([
  'matrix', 'matrix3d', 'rotate', 'rotate3d', 'rotateX', 'rotateY', 'rotateZ', 'scale', 'scale3d', 'scaleX', 'scaleY', 'scaleZ',
  'skew', 'skewX', 'skewY', 'translate', 'translate3d', 'translateX', 'translateY', 'translateZ',
])
const LENGTHS = new Set(['width', 'height', 'top', 'left', 'bottom', 'right'])

// transformArg writes a number in the unit the function takes: deg for rotations and
// skews (rotate3d's axis is unitless), px for translations.
function transformArg(fn: string, v: unknown, i: number): string {
  if (typeof v !== 'number') return inlineRpx(String(v))
  if ((fn.startsWith('rotate') && !(fn === 'rotate3d' && i < 3)) || fn.startsWith('skew')) return `${v}deg`
  if (fn.startsWith('translate')) return `${v}px`
  return String(v)
}

function cssKeyframe(k: Record<string, unknown>): Keyframe {
  const out: Keyframe = {}
  const transforms: string[] = []
  for (const [key, v] of Object.entries(k || {})) {
    if (key === 'offset') out.offset = Number(v)
    else if (key === 'ease') out.easing = String(v)
    else if (TRANSFORMS.has(key)) {
      const args = Array.isArray(v) ? v : [v]
      transforms.push(`${key}(${args.map((a, i) => transformArg(key, a, i)).join(', ')})`)
    } else out[key] = typeof v === 'number' && LENGTHS.has(key) ? `${v}px` : typeof v === 'string' ? inlineRpx(v) : (v as string | number)
  }
  if (transforms.length) out.transform = transforms.join(' ')
  return out
}

const running = new WeakMap<Element, Animation[]>()

// runKeyframes plays keyframes on el and resolves when they end (or are cleared).
export function runKeyframes(el: Element | undefined, keyframes: Record<string, unknown>[], duration: number): Promise<void> {
  if (!el || !el.animate) return Promise.resolve()
  let anim: Animation
  try {
    anim = el.animate(keyframes.map(cssKeyframe), { duration, fill: 'forwards' })
  } catch (err) {
    console.warn(`[mpsim] animate: ${err}`)
    return Promise.resolve()
  }
  running.set(el, [...(running.get(el) || []), anim])
  return anim.finished.then(() => undefined, () => undefined)
}

// clearKeyframes takes el's animations off, and with them the state they left.
export function clearKeyframes(el: Element | undefined) {
  if (!el) return
  for (const anim of running.get(el) || []) anim.cancel()
  running.delete(el)
}
