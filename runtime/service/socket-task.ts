import { type Options } from './wx'
// wx.connectSocket and the SocketTask: a real WebSocket, opened by the service layer
// itself (the Worker has one; the app's code does not see it), with the phone's
// callbacks and errMsgs. The first task also feeds the old global API (wx.onSocketOpen,
// wx.sendSocketMessage ...), as the base library's does.

type Listener = (res: any) => void

const settle = (opts: Options | undefined, res: { errMsg: string; [k: string]: unknown }) => {
  const ok = /:ok\b/.test(res.errMsg)
  if (ok) opts?.success?.(res)
  else opts?.fail?.(res)
  opts?.complete?.(res)
}

// The WebSocket constructor of the Worker, taken before the app's modules are run with it
// hidden.
const NativeWebSocket = (globalThis as any).WebSocket as typeof WebSocket

export class SocketTask {
  private ws: WebSocket | null = null
  private listeners: Record<string, Listener[]> = { open: [], message: [], close: [], error: [] }
  readyState = 0

  // check says why url may not be opened ('' when it may): the project's domain lists.
  constructor(opts: Options, ownHost: string, check: (url: string) => string) {
    const url = String(opts.url ?? '')
    let reason = ''
    try {
      const u = new URL(url)
      if (u.protocol !== 'wss:' && u.protocol !== 'ws:') reason = `invalid url "${url}"`
      else if (u.host === ownHost) reason = `url not in domain list: the simulator's own address ${u.host} is not a backend`
      else reason = check(url)
    } catch {
      reason = `invalid url "${url}"`
    }
    if (reason) {
      this.readyState = 3
      queueMicrotask(() => {
        settle(opts, { errMsg: `connectSocket:fail ${reason}` })
        this.emit('error', { errMsg: reason })
      })
      return
    }
    const protocols: string[] = Array.isArray(opts.protocols) ? opts.protocols : []
    const ws = protocols.length ? new NativeWebSocket(url, protocols) : new NativeWebSocket(url)
    ws.binaryType = 'arraybuffer'
    this.ws = ws
    queueMicrotask(() => settle(opts, { errMsg: 'connectSocket:ok' }))
    ws.onopen = () => {
      this.readyState = 1
      this.emit('open', { header: {}, profile: {} })
    }
    ws.onmessage = (e) => this.emit('message', { data: e.data })
    ws.onerror = () => this.emit('error', { errMsg: 'connectSocket:fail' })
    ws.onclose = (e) => {
      this.readyState = 3
      this.emit('close', { code: e.code, reason: e.reason })
    }
  }

  private emit(type: string, res: unknown) {
    for (const f of [...this.listeners[type]!]) f(res)
  }

  send(opts: Options = {}) {
    if (!this.ws || this.ws.readyState !== 1) return settle(opts, { errMsg: 'sendSocketMessage:fail WebSocket is not connected' })
    this.ws.send(opts.data as string | ArrayBuffer)
    settle(opts, { errMsg: 'sendSocketMessage:ok' })
  }

  close(opts: Options = {}) {
    if (!this.ws) return settle(opts, { errMsg: 'closeSocket:fail WebSocket is not connected' })
    this.readyState = 2
    try {
      this.ws.close(opts.code ?? 1000, opts.reason)
    } catch (err) {
      return settle(opts, { errMsg: `closeSocket:fail ${(err as Error).message}` })
    }
    settle(opts, { errMsg: 'closeSocket:ok' })
  }

  onOpen(f: Listener) {
    this.listeners.open!.push(f)
  }
  onMessage(f: Listener) {
    this.listeners.message!.push(f)
  }
  onClose(f: Listener) {
    this.listeners.close!.push(f)
  }
  onError(f: Listener) {
    this.listeners.error!.push(f)
  }
}

// socketAPIs are wx.connectSocket and the global socket API of the first task.
export function socketAPIs(ownHost: string, check: (url: string) => string) {
  let first: SocketTask | null = null
  const global: Record<string, Listener[]> = { open: [], message: [], close: [], error: [] }
  const attach = (task: SocketTask) => {
    task.onOpen((r) => global.open!.forEach((f) => f(r)))
    task.onMessage((r) => global.message!.forEach((f) => f(r)))
    task.onClose((r) => global.close!.forEach((f) => f(r)))
    task.onError((r) => global.error!.forEach((f) => f(r)))
  }
  return {
    connectSocket(opts: Options = {}) {
      const task = new SocketTask(opts, ownHost, check)
      if (!first || first.readyState === 3) {
        first = task
        attach(task)
      }
      return task
    },
    onSocketOpen: (f: Listener) => void global.open!.push(f),
    onSocketMessage: (f: Listener) => void global.message!.push(f),
    onSocketClose: (f: Listener) => void global.close!.push(f),
    onSocketError: (f: Listener) => void global.error!.push(f),
    sendSocketMessage: (opts?: Options) => (first ? first.send(opts) : settle(opts, { errMsg: 'sendSocketMessage:fail WebSocket is not connected' })),
    closeSocket: (opts?: Options) => (first ? first.close(opts) : settle(opts, { errMsg: 'closeSocket:fail WebSocket is not connected' })),
  }
}
