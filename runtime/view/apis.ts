// The page layer's part of some wx APIs (runtime/service/app-apis.ts): the keyboard and
// fonts. The event names are the service layer's PageAPIEvent.
import { Cmd } from '../bridge/protocol'
import { type Socket } from '../bridge/socket'

// installPageAPIs reports the keys pressed in the page (wx.onKeyDown / wx.onKeyUp).
export function installPageAPIs(doc: Document, socket: Socket) {
  for (const [type, eventName] of [['keydown', 'onKeyDown'], ['keyup', 'onKeyUp']] as const) {
    doc.addEventListener(type, (e) => {
      const data = { key: e.key, code: e.code, keyCode: e.keyCode, timeStamp: Math.round(e.timeStamp) }
      socket.send({ command: Cmd.WebviewPublish, data: { eventName, data } })
    })
  }
}

// pageAPI runs the service layer's request eventName; false when it is not one of these.
export function pageAPI(doc: Document, eventName: string, data: any, node: (id: number) => unknown): boolean {
  switch (eventName) {
    case 'operateMedia':
      operateMedia(node(data.id) as HTMLElement | undefined, String(data.type), data.args || [])
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
function operateMedia(el: HTMLElement | undefined, type: string, args: unknown[]) {
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
