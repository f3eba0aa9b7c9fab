// playAnimation plays an element's `animation` attribute (wx.createAnimation().export(),
// runtime/service/animation.ts): each step's styles and transforms are set with a CSS
// transition of the step's duration, and the next step starts when it has run.

type Step = {
  animates: { type: string; args: unknown[] }[]
  option: { transition: { duration: number; timingFunction: string; delay: number }; transformOrigin: string }
}

const playing = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>()

const unit = (type: string, v: unknown) => {
  if (typeof v !== 'number') return String(v)
  if (/^(rotate|skew)/.test(type)) return `${v}deg`
  return String(v)
}

function transformOf(type: string, args: unknown[]) {
  // rotate3d's angle is its last argument; the others are plain numbers.
  if (type === 'rotate3d') return `rotate3d(${args.slice(0, 3).join(',')},${args[3]}deg)`
  return `${type}(${args.map((a) => unit(type, a)).join(',')})`
}

export function playAnimation(el: HTMLElement, value: unknown) {
  const steps = (value as { actions?: Step[] } | null)?.actions
  if (!Array.isArray(steps) || steps.length === 0) return
  clearTimeout(playing.get(el))
  const run = (i: number) => {
    const step = steps[i]
    if (!step) return
    const { duration, timingFunction, delay } = step.option.transition
    el.style.transition = `all ${duration}ms ${timingFunction} ${delay}ms`
    el.style.transformOrigin = step.option.transformOrigin
    const transforms: string[] = []
    for (const a of step.animates) {
      if (a.type === 'style') el.style.setProperty(String(a.args[0]), String(a.args[1]))
      else transforms.push(transformOf(a.type, a.args))
    }
    if (transforms.length) el.style.transform = transforms.join(' ')
    playing.set(el, setTimeout(() => run(i + 1), duration + delay))
  }
  // The first step starts from the element's current look, computed before it changes.
  void el.offsetHeight
  run(0)
}
