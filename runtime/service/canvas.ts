// The canvas node of <canvas type="2d"> in the service layer. The real canvas lives in
// the page layer, so the node here is a stand-in: its 2D context records drawing calls
// and property writes, and the calls of one task go to the page layer as one batch
// (CanvasDraw {id, cmds}), which replays them on the real canvas in order
// (runtime/view/canvas.ts). What cannot work without waiting for the page layer —
// getImageData, toDataURL, isPointInPath — is missing; measureText measures in the Worker.
import * as adapter from 'glass-easel-miniprogram-adapter'
import { measureText } from './measure'

export type CanvasCmd = (string | number | boolean | null | Record<string, unknown>)[]

// The context's methods that draw or change state, replayed by name.
const methods = [
  'fillRect', 'strokeRect', 'clearRect', 'fillText', 'strokeText', 'beginPath', 'closePath', 'moveTo', 'lineTo',
  'arc', 'arcTo', 'bezierCurveTo', 'quadraticCurveTo', 'rect', 'roundRect', 'ellipse', 'fill', 'stroke', 'clip',
  'save', 'restore', 'translate', 'rotate', 'scale', 'transform', 'setTransform', 'resetTransform', 'setLineDash',
  'drawImage', 'reset',
]

// The context's properties, with a browser's defaults.
const properties: Record<string, unknown> = {
  fillStyle: '#000000', strokeStyle: '#000000', lineWidth: 1, lineCap: 'butt', lineJoin: 'miter', miterLimit: 10,
  font: '10px sans-serif', textAlign: 'start', textBaseline: 'alphabetic', direction: 'inherit', globalAlpha: 1,
  globalCompositeOperation: 'source-over', shadowBlur: 0, shadowColor: 'rgba(0, 0, 0, 0)', shadowOffsetX: 0,
  shadowOffsetY: 0, lineDashOffset: 0, imageSmoothingEnabled: true, filter: 'none', letterSpacing: '0px',
}

// wire turns an argument into what crosses the socket: gradients and images by handle.
function wire(v: unknown): CanvasCmd[number] {
  if (v instanceof CanvasGradientProxy) return { __gradient: v.id }
  if (v instanceof CanvasImageProxy) return { __image: v.src }
  if (v instanceof CanvasNode) return { __canvas: v.id }
  if (v === undefined) return null
  return v as CanvasCmd[number]
}

class CanvasGradientProxy {
  constructor(
    readonly id: number,
    private node: CanvasNode,
  ) {}
  addColorStop(offset: number, color: string) {
    this.node.push(['$stop', this.id, offset, color])
  }
}

// CanvasImageProxy is canvas.createImage(): the page layer loads src and draws it once
// loaded. onload fires when the page layer reports the picture's size.
export class CanvasImageProxy {
  private _src = ''
  width = 0
  height = 0
  onload: ((e?: unknown) => void) | null = null
  onerror: ((e?: unknown) => void) | null = null
  constructor(private node: CanvasNode) {}
  get src() {
    return this._src
  }
  set src(v: string) {
    this._src = String(v)
    this.node.loadImage(this)
  }
  // loaded is the page layer's answer about this image.
  loaded(res: { width: number; height: number } | null) {
    if (!res) {
      this.onerror?.({ errMsg: `load ${this._src} failed` })
      return
    }
    this.width = res.width
    this.height = res.height
    this.onload?.()
  }
}

class Context2D {
  [k: string]: unknown
  constructor(readonly canvas: CanvasNode) {
    const state: Record<string, unknown> = { ...properties }
    const stack: Record<string, unknown>[] = []
    for (const name of Object.keys(properties)) {
      Object.defineProperty(this, name, {
        get: () => state[name],
        set: (v: unknown) => {
          state[name] = v
          canvas.push(['$set', name, wire(v)])
        },
        enumerable: true,
      })
    }
    for (const name of methods) {
      this[name] = (...args: unknown[]) => {
        // save/restore keep the recorded state in step with the real one.
        if (name === 'save') stack.push({ ...state })
        if (name === 'restore' && stack.length) Object.assign(state, stack.pop())
        canvas.push([name, ...args.map(wire)])
      }
    }
    this.getLineDash = () => []
  }
  createLinearGradient(x0: number, y0: number, x1: number, y1: number) {
    return this.canvas.gradient('linear', [x0, y0, x1, y1])
  }
  createRadialGradient(x0: number, y0: number, r0: number, x1: number, y1: number, r1: number) {
    return this.canvas.gradient('radial', [x0, y0, r0, x1, y1, r1])
  }
  measureText(text: string) {
    return measureText(text, String(this.font))
  }
  getImageData() {
    console.warn('[mpsim] canvas: getImageData is not supported in the simulator')
    return null
  }
  putImageData() {
    console.warn('[mpsim] canvas: putImageData is not supported in the simulator')
  }
  createPattern() {
    console.warn('[mpsim] canvas: createPattern is not supported in the simulator')
    return null
  }
  isPointInPath() {
    return false
  }
}

// CanvasPage is how a canvas node reaches the page layer (the page's backend).
export type CanvasPage = {
  // draw sends a batch of commands for this node (CanvasDraw).
  draw(cmds: CanvasCmd[]): void
  // expect makes a request id whose answer (NodeQueryResult) goes to cb.
  expect(cb: (result: any) => void): number
  request(eventName: string, data: Record<string, unknown>, cb: (result: any) => void): void
}

// CanvasNode is what SelectorQuery's fields({node: true}) gives for a <canvas type="2d">.
export class CanvasNode {
  private _width = 300
  private _height = 150
  private ctx: Context2D | null = null
  private cmds: CanvasCmd[] = []
  private queued = false
  private nextGradient = 1

  constructor(
    readonly id: number,
    private page: CanvasPage,
  ) {}

  get width() {
    return this._width
  }
  set width(v: number) {
    this._width = Math.max(0, Math.floor(Number(v) || 0))
    // Resizing a canvas clears it and resets its context, as in a browser.
    this.push(['$size', this._width, this._height])
  }
  get height() {
    return this._height
  }
  set height(v: number) {
    this._height = Math.max(0, Math.floor(Number(v) || 0))
    this.push(['$size', this._width, this._height])
  }

  getContext(type: string) {
    if (type !== '2d') {
      console.warn(`[mpsim] canvas: getContext("${type}") is not supported in the simulator; only "2d" is`)
      return null
    }
    return (this.ctx ||= new Context2D(this))
  }
  createImage() {
    return new CanvasImageProxy(this)
  }
  requestAnimationFrame(cb: (t: number) => void) {
    return setTimeout(() => cb(Date.now()), 16) as unknown as number
  }
  cancelAnimationFrame(id: number) {
    clearTimeout(id)
  }
  toDataURL() {
    console.warn('[mpsim] canvas: toDataURL is not supported in the simulator')
    return ''
  }

  gradient(kind: string, args: number[]) {
    const g = new CanvasGradientProxy(this.nextGradient++, this)
    this.push(['$gradient', g.id, kind, ...args])
    return g
  }

  // loadImage has the page layer load the image in its turn among the drawing calls; it
  // answers with the picture's size, or null.
  loadImage(img: CanvasImageProxy) {
    this.push(['$load', this.page.expect((size) => img.loaded(size)), img.src])
  }

  // request asks the page layer about this canvas for an API (wx.canvasToTempFilePath).
  // What was drawn before it goes first: on a phone the drawing is done at once.
  request(eventName: string, data: Record<string, unknown>, cb: (result: any) => void) {
    this.flush()
    this.page.request(eventName, { ...data, id: this.id }, cb)
  }

  push(cmd: CanvasCmd) {
    this.cmds.push(cmd)
    if (this.queued) return
    this.queued = true
    queueMicrotask(() => this.flush())
  }

  // flush sends the calls made since the last batch.
  private flush() {
    this.queued = false
    if (!this.cmds.length) return
    const cmds = this.cmds
    this.cmds = []
    this.page.draw(cmds)
  }
}

// installNodeField teaches the adapter's SelectorQuery fields({node: true}) and node(),
// which it does not know: the node comes from the backend's getContext, as context
// does, and is given as res.node.
export function installNodeField() {
  const caller = (adapter as any).component?.ComponentCaller
  if (!caller) return
  const nodesRef = Object.getPrototypeOf(caller.prototype.createSelectorQuery.call({}).select('#_'))
  if (nodesRef.__mpsimNode) return
  nodesRef.__mpsimNode = true
  const fields = nodesRef.fields
  nodesRef.fields = function (this: unknown, f: Record<string, unknown>, cb?: (res: unknown) => void) {
    if (!f || !f.node) return fields.call(this, f, cb)
    const wantsContext = !!f.context
    const rename = (r: any) => {
      if (!r || typeof r !== 'object') return
      r.node = r.context ?? null
      if (!wantsContext) delete r.context
    }
    return fields.call(this, { ...f, context: true }, (res: unknown) => {
      if (Array.isArray(res)) res.forEach(rename)
      else rename(res)
      cb?.(res)
    })
  }
  nodesRef.node = function (this: { fields: typeof fields }, cb?: (res: unknown) => void) {
    return this.fields({ node: true }, cb)
  }
}
