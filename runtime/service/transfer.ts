// wx.request, wx.downloadFile and wx.uploadFile: the server moves the bytes
// (api/network.go, api/transfer.go) and streams the task's events back while it runs
// (docs/protocol.md, "Task events"); this side gives the app its RequestTask,
// DownloadTask or UploadTask.
import { fromWire, toWire } from './fs'
import { type Invoker, type Res, type Options } from './wx'

type Listener = (res: any) => void
type TaskEvent = { __task: string; state: string; [k: string]: unknown }

type TransferAPI = 'request' | 'downloadFile' | 'uploadFile'

// The event each API's tasks report on, and the listeners each task has, by state.
const eventNames: Record<TransferAPI, string> = {
  request: 'onRequestTaskStateChange',
  downloadFile: 'onDownloadTaskStateChange',
  uploadFile: 'onUploadTaskStateChange',
}
const taskListeners: Record<TransferAPI, Record<string, [on: string, off: string]>> = {
  request: { headersReceived: ['onHeadersReceived', 'offHeadersReceived'], chunkReceived: ['onChunkReceived', 'offChunkReceived'] },
  downloadFile: { headersReceived: ['onHeadersReceived', 'offHeadersReceived'], progressUpdate: ['onProgressUpdate', 'offProgressUpdate'] },
  uploadFile: { headersReceived: ['onHeadersReceived', 'offHeadersReceived'], progressUpdate: ['onProgressUpdate', 'offProgressUpdate'] },
}

// app.json's networkTimeout ({request, downloadFile, uploadFile, connectSocket} in ms):
// the timeout of a call that gives none.
let networkTimeout: Record<string, unknown> = {}

export function setNetworkTimeout(appJson: Record<string, unknown> | undefined) {
  const t = appJson?.networkTimeout
  networkTimeout = t && typeof t === 'object' ? (t as Record<string, unknown>) : {}
}

export function transferAPIs(inv: Invoker) {
  // The tasks under way by id; each hears its own events.
  const running = new Map<string, (ev: TaskEvent) => void>()
  for (const name of Object.values(eventNames)) {
    inv.onEvent(name, (ev: TaskEvent) => running.get(String(ev?.__task))?.(ev))
  }
  let nextTask = 1

  const start = (api: TransferAPI, opts: Options = {}) => {
    const { success, fail, complete, ...rest } = opts
    const id = String(nextTask++)
    const args: Record<string, unknown> = { ...rest, __task: id }
    if ('data' in rest) args.data = toWire(rest.data)
    if (typeof rest.timeout !== 'number' && typeof networkTimeout[api] === 'number') args.timeout = networkTimeout[api]
    let aborted = false
    let settled = false

    const listeners: Record<string, Set<Listener>> = {}
    const task: Record<string, unknown> = {
      abort() {
        if (aborted || settled) return
        aborted = true
        inv.invoke('abortTask', { __task: id })
      },
    }
    for (const [state, [on, off]] of Object.entries(taskListeners[api])) {
      const set = (listeners[state] = new Set())
      task[on] = (f: Listener) => void (typeof f === 'function' && set.add(f))
      // Without a listener, off removes them all, as on the phone.
      task[off] = (f?: Listener) => void (f ? set.delete(f) : set.clear())
    }
    running.set(id, (ev) => {
      if (aborted || settled) return
      const { __task, state, ...res } = ev
      if (state === 'chunkReceived') res.data = fromWire(res.data)
      for (const f of [...(listeners[state] ?? [])]) {
        try {
          f(res)
        } catch (err) {
          inv.onUserError(err)
        }
      }
    })

    inv.invoke(api, args).then((raw) => {
      settled = true
      running.delete(id)
      let res: Res = aborted ? { errMsg: `${api}:fail abort` } : raw
      if (res.data !== undefined) res = { ...res, data: fromWire(res.data) }
      try {
        if (/:ok\b/.test(res.errMsg)) success?.(res)
        else fail?.(res)
        complete?.(res)
      } catch (err) {
        inv.onUserError(err)
      }
    })
    return task
  }
  return {
    request: (opts?: Options) => start('request', opts),
    downloadFile: (opts?: Options) => start('downloadFile', opts),
    uploadFile: (opts?: Options) => start('uploadFile', opts),
  }
}
