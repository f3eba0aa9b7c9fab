import { type Frame } from './protocol'

// Socket is one layer's connection to the hub. It reconnects by itself; frames sent
// while it is down wait in order and go out when it is back, as the hub does for us.
export class Socket {
  private ws: WebSocket | null = null
  private outbox: string[] = []
  private handlers = new Map<string, ((f: Frame) => void)[]>()
  private retryMs = 50
  private openListeners: (() => void)[] = []

  constructor(private url: string) {
    this.connect()
  }

  private connect() {
    const ws = new WebSocket(this.url)
    this.ws = ws
    ws.onopen = () => {
      this.retryMs = 50
      const pending = this.outbox
      this.outbox = []
      for (const s of pending) ws.send(s)
      for (const f of this.openListeners) f()
    }
    ws.onmessage = (e) => {
      let frame: Frame
      try {
        frame = JSON.parse(e.data as string)
      } catch (err) {
        console.error('[mpsim] frame from the hub is not JSON', e.data)
        return
      }
      const hs = this.handlers.get(frame.command)
      if (!hs) {
        if (frame.command === 'HUB_ERROR') console.error('[mpsim] hub:', frame.data?.message, frame.data?.frame)
        return
      }
      for (const h of hs) h(frame)
    }
    ws.onclose = () => {
      this.ws = null
      setTimeout(() => this.connect(), this.retryMs)
      this.retryMs = Math.min(this.retryMs * 2, 2000)
    }
  }

  // onOpen runs f on every (re)connection.
  onOpen(f: () => void) {
    this.openListeners.push(f)
  }

  on(command: string, h: (f: Frame) => void) {
    const hs = this.handlers.get(command) || []
    hs.push(h)
    this.handlers.set(command, hs)
  }

  send(frame: Frame) {
    const s = JSON.stringify(frame)
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(s)
    else this.outbox.push(s)
  }
}

// socketURL is the hub's address for a role, from the page or worker location.
export function socketURL(loc: { protocol: string; host: string }, path: string, session: string) {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${loc.host}/ws/${path}?session=${encodeURIComponent(session)}`
}
