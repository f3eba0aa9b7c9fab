import type * as glassEasel from 'glass-easel'
import { component } from 'glass-easel-miniprogram-adapter'

type Margins = { left?: number; top?: number; right?: number; bottom?: number }
type Options = { thresholds?: number[]; initialRatio?: number; observeAll?: boolean }
type Status = glassEasel.backend.IntersectionStatus & { id: string; dataset: Record<string, unknown> }
type Caller = { _$: glassEasel.GeneralComponent }

// IntersectionObserver is this.createIntersectionObserver() / wx.createIntersectionObserver,
// on the backend's createIntersectionObserver (answered by the page layer). The adapter's
// own version drops the first report when it crosses a threshold, which is exactly when a
// phone reports it ("fires once if the ratio found differs from initialRatio and reaches a
// threshold"), so a node on screen from the start would never be seen.
export class IntersectionObserver {
  private relative: string | null = null
  private margins: Margins | null = null
  private observers: glassEasel.backend.Observer[] = []
  private thresholds: number[]
  private initialRatio: number
  private observeAll: boolean

  constructor(private owner: Caller, options: Options = {}) {
    this.thresholds = options.thresholds?.length ? options.thresholds : [0]
    this.initialRatio = options.initialRatio || 0
    this.observeAll = !!options.observeAll
  }

  relativeTo(selector: string, margins?: Margins) {
    this.relative = selector
    this.margins = margins || {}
    return this
  }

  relativeToViewport(margins?: Margins) {
    this.relative = null
    this.margins = margins || {}
    return this
  }

  observe(selector: string, listener: (res: Status) => void) {
    if (!this.margins) throw new Error('IntersectionObserver: call relativeTo or relativeToViewport before observe')
    const root = this.owner._$.getShadowRoot()
    if (!root) return
    const targets = this.observeAll ? root.querySelectorAll(selector) : [root.querySelector(selector)].filter((e) => e !== null)
    if (targets.length === 0) console.warn(`[mpsim] IntersectionObserver: no node matches "${selector}"`)
    let relative: glassEasel.Element | null = null
    if (this.relative !== null) {
      relative = root.querySelector(this.relative)
      if (!relative) {
        console.warn(`[mpsim] IntersectionObserver: no node matches relativeTo("${this.relative}")`)
        return
      }
    }
    const { left = 0, top = 0, right = 0, bottom = 0 } = this.margins
    for (const target of targets) {
      let first = true
      const observer = target.createIntersectionObserver(relative, `${top}px ${right}px ${bottom}px ${left}px`, this.thresholds, (status) => {
        if (first) {
          first = false
          const ratio = status.intersectionRatio
          const crossed = this.thresholds.some((t) => (this.initialRatio - t) * (ratio - t) <= 0)
          if (ratio === this.initialRatio || !crossed) return
        }
        listener({ ...status, id: target.id, dataset: { ...target.dataset } })
      })
      if (observer) this.observers.push(observer)
    }
  }

  disconnect() {
    for (const o of this.observers.splice(0)) o.disconnect()
  }
}

// installIntersectionObserver makes every component's createIntersectionObserver ours.
export function installIntersectionObserver() {
  ;(component.ComponentCaller.prototype as any).createIntersectionObserver = function (this: Caller, options?: Options) {
    return new IntersectionObserver(this, options)
  }
}
