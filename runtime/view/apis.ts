// The page layer's part of some wx APIs (runtime/service/app-apis.ts): the keyboard and
// fonts. The event names are the service layer's PageAPIEvent.
import { base64ToBytes, bytesToBase64 } from '../bridge/base64'
import { Cmd } from '../bridge/protocol'
import { type Socket } from '../bridge/socket'
import { clearKeyframes, runKeyframes } from './animate'

// The height of the simulated phone's keyboard, which a browser does not show.
export const KEYBOARD_HEIGHT = 336

// installPageAPIs reports the keys pressed in the page (wx.onKeyDown / wx.onKeyUp), and
// the keyboard a phone would show while a text field has the focus
// (wx.onKeyboardHeightChange).
export function installPageAPIs(doc: Document, socket: Socket) {
  const typing = (e: Event) => {
    const el = e.composedPath()[0] as HTMLElement | undefined
    return !!el && (el.localName === 'input' || el.localName === 'textarea')
  }
  for (const [type, height] of [['focusin', KEYBOARD_HEIGHT], ['focusout', 0]] as const) {
    doc.addEventListener(type, (e) => {
      if (typing(e)) socket.send({ command: Cmd.WebviewPublish, data: { eventName: 'onKeyboardHeightChange', data: { height } } })
    })
  }
  for (const [type, eventName] of [['keydown', 'onKeyDown'], ['keyup', 'onKeyUp']] as const) {
    doc.addEventListener(type, (e) => {
      const data = { key: e.key, code: e.code, keyCode: e.keyCode, timeStamp: Math.round(e.timeStamp) }
      socket.send({ command: Cmd.WebviewPublish, data: { eventName, data } })
    })
  }
}

// pageAPI runs the service layer's request eventName; false when it is not one of these.
// PageAPIContext is what the page layer gives these APIs: its nodes by id, and the way to
// answer a request (a NodeQueryResult).
export type PageAPIContext = { node: (id: number) => unknown; answer: (reqId: number, result: unknown) => void }

export function pageAPI(doc: Document, eventName: string, data: any, page: PageAPIContext): boolean {
  const node = page.node
  switch (eventName) {
    case 'canvasToTempFilePath':
      answerAsync(page, data.reqId, exportCanvas(node(data.id) as HTMLElement | undefined, data).then((tempFilePath) => ({ tempFilePath })))
      return true
    case 'canvasGetImageData':
      answerAsync(page, data.reqId, readPixels(node(data.id) as HTMLElement | undefined, data))
      return true
    case 'canvasPutImageData':
      answerAsync(page, data.reqId, writePixels(node(data.id) as HTMLElement | undefined, data))
      return true
    case 'operateMedia':
      operateMedia(node(data.id) as HTMLElement | undefined, String(data.type), data.args || [])
      return true
    case 'animate':
      runKeyframes(node(data.id) as Element | undefined, data.keyframes || [], Number(data.duration) || 0).then(() => page.answer(data.reqId, {}))
      return true
    case 'clearAnimation':
      clearKeyframes(node(data.id) as Element | undefined)
      page.answer(data.reqId, {})
      return true
    case 'hideKeyboard':
      ;(doc.activeElement as HTMLElement | null)?.blur?.()
      for (const root of deepActive(doc)) root.blur?.()
      return true
    case 'loadFontFace': {
      const face = new FontFace(String(data.family), String(data.source), data.desc || {})
      doc.fonts.add(face)
      face.load().catch((err) => console.warn(`[mpsim] loadFontFace ${data.family}: ${err}`))
      return true
    }
  }
  return false
}

// deepActive is the chain of focused elements inside shadow roots (an <input> lives in
// its component's shadow root).
function deepActive(doc: Document): HTMLElement[] {
  const out: HTMLElement[] = []
  let el = doc.activeElement as HTMLElement | null
  while (el?.shadowRoot?.activeElement) {
    el = el.shadowRoot.activeElement as HTMLElement
    out.push(el)
  }
  return out
}

// operateMedia runs a VideoContext's or AudioContext's method on the element's player
// (runtime/view/media.ts keeps it as __media).
export function operateMedia(el: HTMLElement | undefined, type: string, args: unknown[]) {
  const m = (el as any)?.__media as HTMLMediaElement | undefined
  if (!m) return
  const n = Number(args[0])
  switch (type) {
    case 'play':
      m.play().catch((err) => console.warn(`[mpsim] ${el!.localName}.play: ${err}`))
      break
    case 'pause':
      m.pause()
      break
    case 'stop':
      m.pause()
      m.currentTime = 0
      break
    case 'seek':
      if (Number.isFinite(n)) m.currentTime = n
      break
    case 'playbackRate':
      if (n > 0) m.playbackRate = n
      break
    case 'setSrc': {
      // A sandbox file is served under /wxfile/, as the backend gives a src attribute.
      const src = String(args[0] ?? '')
      const wxfile = /^(?:wxfile:\/\/|http:\/\/(?=usr(?:\/|$)))(.*)$/.exec(src)
      m.src = wxfile ? '/wxfile/' + wxfile[1]!.split('/').map(encodeURIComponent).join('/') : src
      break
    }
    case 'requestFullScreen':
      m.requestFullscreen?.().catch((err) => console.warn(`[mpsim] requestFullScreen: ${err}`))
      break
    case 'exitFullScreen':
      if (m.ownerDocument.fullscreenElement) m.ownerDocument.exitFullscreen().catch(() => {})
      break
    default:
      // Status bar, danmu, picture-in-picture and background playback have nothing to
      // drive in a browser's <video>.
      console.warn(`[mpsim] ${el!.localName} context: ${type} does nothing in the simulator`)
  }
}

// exportCanvas writes a canvas's picture (or the part x, y, width, height of it, scaled to
// destWidth × destHeight) as a temporary file, once its drawing so far is done.
// answerAsync answers a request with what result gives, or with its error.
function answerAsync(page: PageAPIContext, reqId: number, result: Promise<unknown>) {
  result.then(
    (r) => page.answer(reqId, r),
    (err) => page.answer(reqId, { error: String(err?.message || err) }),
  )
}

type CanvasState = { canvas: HTMLCanvasElement; chain: Promise<void> }

// canvasOf is the canvas of a wx-canvas, once what was drawn before has been.
async function canvasOf(el: HTMLElement | undefined): Promise<HTMLCanvasElement> {
  const state = (el as any)?.__canvasState as CanvasState | undefined
  if (!state) throw new Error('canvas not found')
  await state.chain
  return state.canvas
}

// area is the integer rectangle x, y, width, height of a request; a missing or empty size
// is a parameter error, as on a phone.
function area(a: Record<string, any>) {
  const [x, y, w, h] = [a.x, a.y, a.width, a.height].map((v) => Math.round(Number(v) || 0))
  if (w <= 0 || h <= 0) throw new Error('parameter error: width and height should be positive')
  return { x, y, w, h }
}

async function readPixels(el: HTMLElement | undefined, a: Record<string, any>) {
  const { x, y, w, h } = area(a)
  const img = (await canvasOf(el)).getContext('2d')!.getImageData(x, y, w, h)
  return { width: w, height: h, data: bytesToBase64(new Uint8Array(img.data.buffer)) }
}

async function writePixels(el: HTMLElement | undefined, a: Record<string, any>) {
  const { x, y, w, h } = area(a)
  const bytes = new Uint8ClampedArray(base64ToBytes(String(a.data)).buffer)
  if (bytes.length !== w * h * 4) throw new Error(`parameter error: data holds ${bytes.length / 4} pixels, not width × height = ${w * h}`)
  ;(await canvasOf(el)).getContext('2d')!.putImageData(new ImageData(bytes, w, h), x, y)
  return {}
}

async function exportCanvas(el: HTMLElement | undefined, a: Record<string, any>): Promise<string> {
  const src = await canvasOf(el)
  // The area is in the canvas's own CSS pixels, whatever its backing size (a <canvas
  // type="2d"> is often width × pixelRatio); the picture is that area × the device's
  // pixelRatio unless destWidth / destHeight say otherwise.
  const box = el!.getBoundingClientRect()
  const sx = box.width ? src.width / box.width : 1
  const sy = box.height ? src.height / box.height : 1
  const x = Number(a.x) || 0
  const y = Number(a.y) || 0
  const w = Number(a.width) || (box.width || src.width) - x
  const h = Number(a.height) || (box.height || src.height) - y
  const ratio = Number(a.pixelRatio) || 1
  const out = document.createElement('canvas')
  out.width = Math.round(Number(a.destWidth) || w * ratio)
  out.height = Math.round(Number(a.destHeight) || h * ratio)
  out.getContext('2d')!.drawImage(src, x * sx, y * sy, w * sx, h * sy, 0, 0, out.width, out.height)
  const jpg = a.fileType === 'jpg'
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, jpg ? 'image/jpeg' : 'image/png', Number(a.quality) || 1))
  if (!blob) throw new Error('the canvas is empty')
  const res = await fetch(`/apihelper/tempfile?name=canvas.${jpg ? 'jpg' : 'png'}`, { method: 'POST', body: blob })
  const body = await res.json()
  if (!res.ok) throw new Error(body.error || res.statusText)
  return body.tempFilePath
}
