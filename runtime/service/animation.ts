// wx.createAnimation: the base library's Animation object. Its chained calls collect
// style and transform changes into steps; export() hands them to an element's
// `animation` attribute, which the page layer plays as CSS transitions
// (runtime/view/animation.ts). Vant's and TDesign's collapse panels open this way.

export type AnimationOptions = { duration?: number; timingFunction?: string; delay?: number; transformOrigin?: string }
type Animate = { type: string; args: unknown[] }
export type AnimationAction = {
  animates: Animate[]
  option: { transition: { duration: number; timingFunction: string; delay: number }; transformOrigin: string }
}

// Lengths given as numbers are px, as on a phone.
const px = (v: unknown) => (typeof v === 'number' ? `${v}px` : String(v))

export class Animation {
  private actions: AnimationAction[] = []
  private current: Animate[] = []

  constructor(private defaults: AnimationOptions = {}) {}

  private style(name: string, value: unknown) {
    this.current.push({ type: 'style', args: [name, value] })
    return this
  }
  private transform(type: string, ...args: unknown[]) {
    this.current.push({ type, args })
    return this
  }

  opacity(v: number) { return this.style('opacity', v) }
  backgroundColor(v: string) { return this.style('background-color', v) }
  width(v: number | string) { return this.style('width', px(v)) }
  height(v: number | string) { return this.style('height', px(v)) }
  top(v: number | string) { return this.style('top', px(v)) }
  left(v: number | string) { return this.style('left', px(v)) }
  bottom(v: number | string) { return this.style('bottom', px(v)) }
  right(v: number | string) { return this.style('right', px(v)) }
  rotate(a: number) { return this.transform('rotate', a) }
  rotateX(a: number) { return this.transform('rotateX', a) }
  rotateY(a: number) { return this.transform('rotateY', a) }
  rotateZ(a: number) { return this.transform('rotateZ', a) }
  rotate3d(x: number, y: number, z: number, a: number) { return this.transform('rotate3d', x, y, z, a) }
  scale(sx: number, sy?: number) { return this.transform('scale', sx, sy ?? sx) }
  scaleX(s: number) { return this.transform('scaleX', s) }
  scaleY(s: number) { return this.transform('scaleY', s) }
  scaleZ(s: number) { return this.transform('scaleZ', s) }
  scale3d(x: number, y: number, z: number) { return this.transform('scale3d', x, y, z) }
  translate(tx: number | string, ty?: number | string) { return this.transform('translate', px(tx), px(ty ?? 0)) }
  translateX(t: number | string) { return this.transform('translateX', px(t)) }
  translateY(t: number | string) { return this.transform('translateY', px(t)) }
  translateZ(t: number | string) { return this.transform('translateZ', px(t)) }
  translate3d(x: number | string, y: number | string, z: number | string) { return this.transform('translate3d', px(x), px(y), px(z)) }
  skew(ax: number, ay?: number) { return this.transform('skew', ax, ay ?? 0) }
  skewX(a: number) { return this.transform('skewX', a) }
  skewY(a: number) { return this.transform('skewY', a) }
  matrix(...m: number[]) { return this.transform('matrix', ...m) }
  matrix3d(...m: number[]) { return this.transform('matrix3d', ...m) }

  // step ends a group of changes that animate together.
  step(opts: AnimationOptions = {}) {
    const o = { ...this.defaults, ...opts }
    this.actions.push({
      animates: this.current,
      option: {
        transition: { duration: o.duration ?? 400, timingFunction: o.timingFunction ?? 'linear', delay: o.delay ?? 0 },
        transformOrigin: o.transformOrigin ?? '50% 50% 0',
      },
    })
    this.current = []
    return this
  }

  // export gives the steps so far for an `animation` attribute, and clears them.
  export() {
    const actions = this.actions
    this.actions = []
    return { actions }
  }
}
