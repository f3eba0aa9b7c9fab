// The old canvas API: wx.createCanvasContext(canvasId) draws on a <canvas canvas-id>
// through the same stand-in node as <canvas type="2d"> (canvas.ts): the calls are
// recorded and draw() replays them on the page's canvas, sized to the element. Also
// wx.canvasToTempFilePath (the page layer exports the canvas to a temporary file) and
// wx.createOffscreenCanvas (the Worker's own OffscreenCanvas).
import * as glassEasel from 'glass-easel'
import { type CanvasNode } from './canvas'
import { type RemoteNode } from './backend'
import { measureText } from './measure'

type Call = [string, ...unknown[]]

// canvasElement finds the <canvas canvas-id="id"> in component's template, else in the
// page's.
export function canvasElement(owner: any, id: string): glassEasel.Element | null {
  const root = owner?._$?.getShadowRoot?.()
  if (!root) return null
  let found: glassEasel.Element | null = null
  const walk = (n: glassEasel.Node) => {
    if (found || !(n instanceof glassEasel.Element)) return
    if ((n as any).is === 'canvas' && n.getAttribute('canvas-id') === id) {
      found = n
      return
    }
    for (const c of n.childNodes) walk(c)
  }
  for (const c of root.childNodes) walk(c)
  return found
}

// The old API's setters, as the 2D context's properties they set.
const SETTERS: Record<string, (...a: any[]) => Call[]> = {
  setFillStyle: (c) => [['$prop', 'fillStyle', c]],
  setStrokeStyle: (c) => [['$prop', 'strokeStyle', c]],
  setLineWidth: (w) => [['$prop', 'lineWidth', w]],
  setLineCap: (v) => [['$prop', 'lineCap', v]],
  setLineJoin: (v) => [['$prop', 'lineJoin', v]],
  setMiterLimit: (v) => [['$prop', 'miterLimit', v]],
  setGlobalAlpha: (v) => [['$prop', 'globalAlpha', v]],
  setTextAlign: (v) => [['$prop', 'textAlign', v]],
  setTextBaseline: (v) => [['$prop', 'textBaseline', v]],
  setFontSize: (n) => [['$prop', 'font', `${Number(n) || 10}px sans-serif`]],
  setShadow: (x, y, blur, color) => [['$prop', 'shadowOffsetX', x], ['$prop', 'shadowOffsetY', y], ['$prop', 'shadowBlur', blur], ['$prop', 'shadowColor', color]],
  setLineDash: (pattern, offset) => [['setLineDash', pattern || []], ['$prop', 'lineDashOffset', offset || 0]],
}

const METHODS = ['fillRect', 'strokeRect', 'clearRect', 'fillText', 'strokeText', 'beginPath', 'closePath', 'moveTo', 'lineTo', 'arc', 'arcTo',
  'bezierCurveTo', 'quadraticCurveTo', 'rect', 'fill', 'stroke', 'clip', 'save', 'restore', 'translate', 'rotate', 'scale', 'transform', 'setTransform']
const PROPS = ['fillStyle', 'strokeStyle', 'lineWidth', 'lineCap', 'lineJoin', 'miterLimit', 'globalAlpha', 'font', 'textAlign', 'textBaseline',
  'shadowOffsetX', 'shadowOffsetY', 'shadowBlur', 'shadowColor', 'lineDashOffset', 'globalCompositeOperation']

// imageURL is where the page loads a picture the old API draws by path.
function imageURL(src: string) {
  const wxfile = /^(?:wxfile:\/\/|http:\/\/(?=usr(?:\/|$)))(.*)$/.exec(src)
  return wxfile ? '/wxfile/' + wxfile[1]!.split('/').map(encodeURIComponent).join('/') : src
}

// CanvasContext is the old API's context of one canvas. Drawing calls are recorded until
// draw(); a gradient is recorded as its stops and made on the real context then.
export class CanvasContext {
  [k: string]: unknown
  private calls: Call[] = []
  private font = '10px sans-serif'

  constructor(
    readonly canvasId: string,
    private element: () => glassEasel.Element | null,
  ) {
    for (const [name, f] of Object.entries(SETTERS)) this[name] = (...a: unknown[]) => void this.calls.push(...f(...a))
    for (const name of METHODS) this[name] = (...a: unknown[]) => void this.calls.push([name, ...a])
    for (const name of PROPS) {
      Object.defineProperty(this, name, {
        set: (v: unknown) => {
          if (name === 'font') this.font = String(v)
          this.calls.push(['$prop', name, v])
        },
        get: () => undefined,
      })
    }
  }

  drawImage(src: string, ...rest: number[]) {
    this.calls.push(['$image', String(src), ...rest])
  }
  createLinearGradient(x0: number, y0: number, x1: number, y1: number) {
    return new Gradient('linear', [x0, y0, x1, y1])
  }
  createCircularGradient(x: number, y: number, r: number) {
    return new Gradient('radial', [x, y, 0, x, y, r])
  }
  createRadialGradient(x0: number, y0: number, r0: number, x1: number, y1: number, r1: number) {
    return new Gradient('radial', [x0, y0, r0, x1, y1, r1])
  }
  createPattern() {
    console.warn('[mpsim] CanvasContext.createPattern is not supported in the simulator')
    return null
  }
  measureText(text: string) {
    return { width: measureText(text, this.font).width }
  }

  // draw replays what was recorded on the page's canvas, after clearing it unless
  // reserve; callback runs once it is sent.
  draw(reserve?: boolean, callback?: () => void) {
    const calls = this.calls
    this.calls = []
    const el = this.element()
    const remote = el?.$$ as unknown as RemoteNode | null
    if (!remote) {
      console.warn(`[mpsim] CanvasContext.draw: no <canvas canvas-id="${this.canvasId}"> on the page`)
      return
    }
    remote.getContext((node) => {
      const canvas = node as CanvasNode
      const replay = () => {
        const ctx = canvas.getContext('2d') as any
        if (!reserve) canvas.push(['$size', canvas.width, canvas.height])
        for (const [op, ...a] of calls) {
          if (op === '$prop') ctx[a[0] as string] = a[1] instanceof Gradient ? a[1].make(ctx) : a[1]
          else if (op === '$image') canvas.push(['drawImage', { __image: imageURL(String(a[0])) }, ...a.slice(1)])
          else ctx[op](...a)
        }
        if (typeof callback === 'function') setTimeout(callback)
      }
      // The drawing buffer takes the element's size at the first draw, as the phone's does.
      if ((canvas as any).__sized) return replay()
      remote.getBoundingClientRect((r) => {
        ;(canvas as any).__sized = true
        if (r.width > 0 && r.height > 0) {
          canvas.width = r.width
          canvas.height = r.height
        }
        replay()
      })
    })
  }
}

class Gradient {
  private stops: [number, string][] = []
  constructor(
    private kind: string,
    private args: number[],
  ) {}
  addColorStop(offset: number, color: string) {
    this.stops.push([offset, color])
  }
  make(ctx: any) {
    const g = this.kind === 'radial' ? ctx.createRadialGradient(...this.args) : ctx.createLinearGradient(...this.args)
    for (const [o, c] of this.stops) g.addColorStop(o, c)
    return g
  }
}
