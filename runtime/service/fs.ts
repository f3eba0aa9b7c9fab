import { base64ToBytes, bytesToBase64 } from '../bridge/base64'
import { type Invoker, type Res, type Options } from './wx'

// ArrayBuffers cross the bridge as base64 in {__mpsimArrayBuffer}, both ways.
export function toWire(data: unknown): unknown {
  let bytes: Uint8Array | null = null
  if (data instanceof ArrayBuffer) bytes = new Uint8Array(data)
  else if (ArrayBuffer.isView(data)) bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  if (!bytes) return data
  return { __mpsimArrayBuffer: bytesToBase64(bytes) }
}

export function fromWire(data: unknown): unknown {
  const b64 = (data as { __mpsimArrayBuffer?: string } | null)?.__mpsimArrayBuffer
  if (typeof b64 !== 'string') return data
  return base64ToBytes(b64).buffer
}


// Stats is res.stats: the fields the Go side sends, and isFile()/isDirectory() read from
// the Unix mode's type bits, as the base library's Stats does.
class Stats {
  mode = 0
  size = 0
  lastAccessedTime = 0
  lastModifiedTime = 0
  constructor(raw: Record<string, number>) {
    Object.assign(this, raw)
  }
  isFile() {
    return (this.mode & 0o170000) === 0o100000
  }
  isDirectory() {
    return (this.mode & 0o170000) === 0o040000
  }
}

function withStats(res: Res): Res {
  const s = res.stats
  if (Array.isArray(s)) {
    return { ...res, stats: s.map((e: { path: string; stats: Record<string, number> }) => ({ path: e.path, stats: new Stats(e.stats) })) }
  }
  if (s && typeof s === 'object') return { ...res, stats: new Stats(s as Record<string, number>) }
  return res
}

function withData(res: Res): Res {
  return 'data' in res ? { ...res, data: fromWire(res.data) } : res
}

const isOK = (res: Res) => typeof res?.errMsg === 'string' && /:ok\b/.test(res.errMsg)

// createFileSystemManager is wx.getFileSystemManager(): each method is answered by the Go
// handler "FileSystemManager.<method>" (api/files.go). Async methods take
// success/fail/complete only — the FileSystemManager has no Promise style; *Sync methods
// throw an Error whose message is the errMsg, as the base library does.
export function createFileSystemManager(inv: Invoker) {
  const call = (method: string, opts: Options = {}, map?: (res: Res) => Res) => {
    const { success, fail, complete, ...args } = opts
    if ('data' in args) args.data = toWire(args.data)
    inv.invoke('FileSystemManager.' + method, args).then((raw) => {
      const res = map && isOK(raw) ? map(raw) : raw
      try {
        if (isOK(res)) success?.(res)
        else fail?.(res)
        complete?.(res)
      } catch (err) {
        inv.onUserError(err)
      }
    })
  }
  const sync = (method: string, args: Record<string, unknown>) => {
    if ('data' in args) args.data = toWire(args.data)
    const res = inv.invokeSync('FileSystemManager.' + method + 'Sync', args)
    if (!isOK(res)) throw new Error(res.errMsg)
    return res
  }
  const async = (method: string, map?: (res: Res) => Res) => (opts?: Options) => call(method, opts, map)
  return {
    access: async('access'),
    accessSync: (path: string) => void sync('access', { path }),
    appendFile: async('appendFile'),
    appendFileSync: (filePath: string, data: unknown, encoding?: string) => void sync('appendFile', { filePath, data, encoding }),
    copyFile: async('copyFile'),
    copyFileSync: (srcPath: string, destPath: string) => void sync('copyFile', { srcPath, destPath }),
    mkdir: async('mkdir'),
    mkdirSync: (dirPath: string, recursive?: boolean) => void sync('mkdir', { dirPath, recursive }),
    readdir: async('readdir'),
    readdirSync: (dirPath: string) => sync('readdir', { dirPath }).files,
    readFile: async('readFile', withData),
    readFileSync: (filePath: string, encoding?: string, position?: number, length?: number) =>
      fromWire(sync('readFile', { filePath, encoding, position, length }).data),
    rename: async('rename'),
    renameSync: (oldPath: string, newPath: string) => void sync('rename', { oldPath, newPath }),
    rmdir: async('rmdir'),
    rmdirSync: (dirPath: string, recursive?: boolean) => void sync('rmdir', { dirPath, recursive }),
    stat: async('stat', withStats),
    statSync: (path: string, recursive?: boolean) => withStats(sync('stat', { path, recursive })).stats,
    unlink: async('unlink'),
    unlinkSync: (filePath: string) => void sync('unlink', { filePath }),
    writeFile: async('writeFile'),
    writeFileSync: (filePath: string, data: unknown, encoding?: string) => void sync('writeFile', { filePath, data, encoding }),
    truncate: async('truncate'),
    truncateSync: (opts: { filePath: string; length?: number }) => void sync('truncate', { ...opts }),
    unzip: async('unzip'),
    saveFile: async('saveFile'),
    saveFileSync: (tempFilePath: string, filePath?: string) => sync('saveFile', { tempFilePath, filePath }).savedFilePath,
    getFileInfo: async('getFileInfo'),
    getSavedFileList: async('getSavedFileList'),
    removeSavedFile: async('removeSavedFile'),
  }
}
