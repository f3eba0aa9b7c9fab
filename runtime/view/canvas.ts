// canvas: a real <canvas> inside the wx-canvas element (300×150 by default, as on a
// phone). A <canvas type="2d">'s drawing is done in the service layer on a stand-in node
// (runtime/service/canvas.ts), whose calls arrive here as batches (CanvasDraw) and are
// replayed in order. Images load before the calls after them run.
import type { Builtin } from './builtins'

type Cmd = unknown[]

type State = {
  canvas: HTMLCanvasElement
  gradients: Map<number, CanvasGradient>
  images: Map<string, Promise<HTMLImageElement | null>>
  loaded: Map<string, HTMLImageElement | null>
  // Batches wait for the images of earlier ones.
  chain: Promise<void>
}

const state = (el: HTMLElement) => (el as any).__canvasState as State | undefined

export const canvas: Builtin = {
  create(el) {
    const c = el.ownerDocument.createElement('canvas')
    c.width = 300
    c.height = 150
    c.style.cssText = 'display:block;width:100%;height:100%'
    el.appendChild(c)
    ;(el as any).__canvasState = { canvas: c, gradients: new Map(), images: new Map(), loaded: new Map(), chain: Promise.resolve() } satisfies State
  },
  set: () => false,
}

function loadImage(s: State, src: string) {
  let p = s.images.get(src)
  if (!p) {
    p = new Promise((resolve) => {
      const img = new Image()
      img.onload = () => {
        s.loaded.set(src, img)
        resolve(img)
      }
      img.onerror = () => {
        s.loaded.set(src, null)
        resolve(null)
      }
      img.src = src
    })
    s.images.set(src, p)
  }
  return p
}

// Answer answers the service layer's request reqId (NodeQueryResult).
type Answer = (reqId: number, result: unknown) => void

// drawCanvas replays a batch of the service layer's drawing calls on node el's canvas.
export function drawCanvas(el: HTMLElement | undefined, cmds: Cmd[], answer: Answer) {
  const s = el && state(el)
  if (!s) return
  // Images used in this batch load first, so that drawImage draws them.
  const loads: Promise<unknown>[] = []
  for (const cmd of cmds) {
    for (const a of cmd) if (a && typeof a === 'object' && '__image' in (a as any)) loads.push(loadImage(s, String((a as any).__image)))
  }
  s.chain = s.chain.then(async () => {
    if (loads.length) await Promise.all(loads)
    for (const cmd of cmds) run(s, cmd, answer)
  })
}

function value(s: State, a: unknown): unknown {
  if (a && typeof a === 'object') {
    const o = a as Record<string, unknown>
    if ('__gradient' in o) return s.gradients.get(Number(o.__gradient)) ?? '#000'
    if ('__image' in o) return s.loaded.get(String(o.__image)) ?? null
  }
  return a
}

function run(s: State, cmd: Cmd, answer: Answer) {
  const ctx = s.canvas.getContext('2d')
  if (!ctx) return
  const [op, ...args] = cmd as [string, ...unknown[]]
  try {
    switch (op) {
      case '$size':
        s.canvas.width = Number(args[0])
        s.canvas.height = Number(args[1])
        return
      case '$set':
        ;(ctx as any)[String(args[0])] = value(s, args[1])
        return
      case '$gradient': {
        const [id, kind, ...n] = args as [number, string, ...number[]]
        const g = kind === 'radial' ? ctx.createRadialGradient(n[0]!, n[1]!, n[2]!, n[3]!, n[4]!, n[5]!) : ctx.createLinearGradient(n[0]!, n[1]!, n[2]!, n[3]!)
        s.gradients.set(id, g)
        return
      }
      case '$stop':
        s.gradients.get(Number(args[0]))?.addColorStop(Number(args[1]), String(args[2]))
        return
      case '$load':
        loadImage(s, String(args[1])).then((img) => answer(Number(args[0]), img ? { width: img.naturalWidth, height: img.naturalHeight } : null))
        return
    }
    const f = (ctx as any)[op]
    if (typeof f !== 'function') return
    const vals: unknown[] = []
    for (const a of args) vals.push(value(s, a))
    if (op === 'drawImage' && !vals[0]) return
    f.apply(ctx, vals)
  } catch (err) {
    console.warn(`[mpsim] canvas ${el.id ? '#' + el.id : ''}: ${op} failed:`, err)
  }
}
