// this.animate and this.clearAnimation of pages and components (keyframe animations): the
// nodes a selector finds in the instance's own template run the keyframes in the page
// layer, with the browser's Web Animations (runtime/view/animate.ts).
import * as glassEasel from 'glass-easel'
import { type RemoteNode } from './backend'

type Done = (() => void) | undefined

function targets(owner: glassEasel.GeneralComponent, selector: string): RemoteNode[] {
  const root = owner.getShadowRoot()
  if (!root) return []
  return root
    .querySelectorAll(selector)
    .map((el) => (el as any).$$ as RemoteNode | null)
    .filter((n): n is RemoteNode => !!n)
}

// each asks every node selector finds, and calls done once all have answered.
function each(owner: glassEasel.GeneralComponent, selector: string, eventName: string, data: Record<string, unknown>, done: Done) {
  const nodes = targets(owner, String(selector))
  if (nodes.length === 0) console.warn(`[mpsim] ${eventName}: "${selector}" matches nothing in ${owner.is}`)
  let left = nodes.length
  for (const n of nodes) {
    n.request(eventName, data, () => {
      if (--left === 0 && typeof done === 'function') done()
    })
  }
}

export function animate(owner: glassEasel.GeneralComponent, selector: string, keyframes: unknown, duration: unknown, done?: unknown) {
  if (done && typeof done === 'object') {
    console.warn('[mpsim] animate with a ScrollTimeline (scroll-driven) is not supported in the simulator: the keyframes do not run')
    return
  }
  each(owner, selector, 'animate', { keyframes: Array.isArray(keyframes) ? keyframes : [], duration: Number(duration) || 0 }, done as Done)
}

export function clearAnimation(owner: glassEasel.GeneralComponent, selector: string, options?: unknown, done?: unknown) {
  if (typeof options === 'function') [done, options] = [options, undefined]
  each(owner, selector, 'clearAnimation', {}, done as Done)
}
