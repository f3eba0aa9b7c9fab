// wx.createWorker: the app's worker script (app.json "workers") runs in a real Web
// Worker beside the service layer, with the phone's `worker` global and CommonJS
// require() among the files of the workers folder, loaded from the server as they are.
const NativeWorker = (globalThis as any).Worker as typeof Worker | undefined

// boot is the worker's own start-up: origin and the script's path come as arguments.
function boot(origin: string, entry: string) {
  const cache: Record<string, { exports: unknown }> = {}
  const listeners: ((msg: unknown) => void)[] = []
  const worker = {
    onMessage: (f: (msg: unknown) => void) => void (typeof f === 'function' && listeners.push(f)),
    postMessage: (msg: unknown) => (self as any).postMessage(msg),
    onProcessKilled: () => {},
    getCameraFrameData: () => undefined,
  }
  const resolve = (from: string, name: string) => {
    const parts = name.startsWith('/') ? [] : from.split('/').slice(0, -1)
    for (const seg of name.split('/')) {
      if (seg === '..') parts.pop()
      else if (seg && seg !== '.') parts.push(seg)
    }
    const p = parts.join('/')
    return p.endsWith('.js') ? p : p + '.js'
  }
  const load = (path: string): unknown => {
    if (cache[path]) return cache[path]!.exports
    const xhr = new XMLHttpRequest()
    xhr.open('GET', `${origin}/${path}`, false)
    xhr.send()
    if (xhr.status !== 200) throw new Error(`module "${path}" is not defined`)
    const module = (cache[path] = { exports: {} })
    new Function('require', 'module', 'exports', 'worker', xhr.responseText + `\n//# sourceURL=${origin}/${path}`)(
      (name: string) => load(resolve(path, name)), module, module.exports, worker)
    return module.exports
  }
  ;(self as any).worker = worker
  self.onmessage = (e: MessageEvent) => {
    for (const f of listeners) f(e.data)
  }
  load(entry)
}

export function workerAPIs(report: (err: unknown) => void) {
  let current: { terminate: () => void } | null = null
  return {
    createWorker: (scriptPath: string) => {
      if (!NativeWorker) throw new Error('createWorker: this browser has no Worker in a Worker')
      // The phone runs one worker at a time.
      if (current) throw new Error('createWorker:fail exceed max concurrent workers limit 1: terminate the last one first')
      const entry = String(scriptPath).replace(/^\/+/, '')
      const src = `(${boot.toString()})(${JSON.stringify(self.location.origin)}, ${JSON.stringify(entry)})`
      const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }))
      const w = new NativeWorker(url)
      const listeners: ((msg: unknown) => void)[] = []
      const killed: ((res: unknown) => void)[] = []
      w.onmessage = (e) => {
        for (const f of listeners) {
          try {
            f(e.data)
          } catch (err) {
            report(err)
          }
        }
      }
      w.onerror = (e) => {
        e.preventDefault()
        report(new Error(`in the worker ${entry}: ${e.message}`))
      }
      const handle = {
        postMessage: (msg: unknown) => w.postMessage(msg),
        onMessage: (f: (msg: unknown) => void) => void (typeof f === 'function' && listeners.push(f)),
        onProcessKilled: (f: (res: unknown) => void) => void (typeof f === 'function' && killed.push(f)),
        terminate: () => {
          w.terminate()
          URL.revokeObjectURL(url)
          if (current === handle) current = null
        },
        getCameraFrameData: () => undefined,
        testOnProcessKilled: () => {
          handle.terminate()
          for (const f of killed) f({})
        },
      }
      current = handle
      return handle
    },
  }
}
