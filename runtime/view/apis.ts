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
export function pageAPI(doc: Document, eventName: string, data: any): boolean {
  switch (eventName) {
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
