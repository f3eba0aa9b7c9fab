// wx.cloud, cloud development: functions, containers, storage and the database. Each
// call goes to its Go handler (api/cloud.go), which answers from the project's
// mpsim.mock.json ("cloud") or fails as a project without a cloud environment; a database
// call sends the query this side builds (collection, where, orderBy, ...), with commands
// as {$op, $v} and Dates as {$date}.
import { type Invoker, type Res, type Options } from './wx'

// A launch of the app: the database starts again from the mock file at each.
const LAUNCH = Math.random().toString(36).slice(2) + Date.now().toString(36)

// The base library's error before wx.cloud.init.
const NOT_INITED = "Cloud API isn't enabled, please call wx.cloud.init first\n请先调用 wx.cloud.init() 完成初始化后再调用其他云 API。"

type CloudError = Error & { errCode: number; errMsg: string }

// cloudError is the Error the base library rejects a cloud call with: errCode and errMsg,
// and a message that reads "errCode: <code> <description> | errMsg: ..." for the SDK's
// own errors.
function cloudError(errCode: number, errMsg: string, message = errMsg): CloudError {
  const err = new Error(message) as CloudError
  err.errCode = errCode
  err.errMsg = errMsg
  return err
}

const isOK = (res: Res) => typeof res?.errMsg === 'string' && /:ok$/.test(res.errMsg)

// answerOf is a handler's answer as the app sees it: the fields without the simulator's
// own, Dates made Dates again; a failure is the Error.
function answerOf(res: Res): Res {
  if (!isOK(res)) {
    throw cloudError(typeof res.errCode === 'number' ? res.errCode : -1, String(res.errMsg), String(res.__message ?? res.errMsg))
  }
  const out: Res = { errMsg: res.errMsg }
  for (const [k, v] of Object.entries(res)) if (!k.startsWith('__')) out[k] = decode(v)
  return out
}

// settle answers as the cloud APIs do: the callbacks when given (fail hears the Error),
// else a Promise.
function settle(inv: Invoker, opts: Options | undefined, done: Promise<Res>): Promise<Res> | undefined {
  const { success, fail, complete } = opts || {}
  if (!success && !fail && !complete) return done
  done.then(
    (res) => {
      try {
        success?.(res)
        complete?.(res)
      } catch (err) {
        inv.onUserError(err)
      }
    },
    (err) => {
      try {
        fail?.(err)
        complete?.(err)
      } catch (e) {
        inv.onUserError(e)
      }
    },
  )
  return undefined
}

// A db.command: a condition or an update on a field; and/or chain them.
class Command {
  constructor(
    readonly op: string,
    readonly value: unknown,
  ) {}
  and(...conds: unknown[]) {
    return new Command('and', [this, ...flat(conds)])
  }
  or(...conds: unknown[]) {
    return new Command('or', [this, ...flat(conds)])
  }
}

const flat = (args: unknown[]) => (args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args)

function makeCommand() {
  const cmd: Record<string, unknown> = {}
  for (const op of ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'exists', 'size', 'all', 'elemMatch', 'not',
    'set', 'inc', 'mul', 'max', 'min', 'push', 'unshift', 'addToSet', 'pull', 'pullAll']) {
    cmd[op] = (v: unknown) => new Command(op, v)
  }
  for (const op of ['and', 'or', 'nor']) cmd[op] = (...conds: unknown[]) => new Command(op, flat(conds))
  for (const op of ['remove', 'pop', 'shift']) cmd[op] = () => new Command(op, null)
  return cmd
}

class DbRegExp {
  constructor(readonly regexp: string, readonly options = '') {}
}

// encode makes a value JSON for the handler: commands, Dates and regular expressions
// marked; undefined fields left out, as JSON does.
function encode(v: unknown): unknown {
  if (v instanceof Command) return { $op: v.op, $v: encode(v.value) }
  if (v instanceof Date) return { $date: v.getTime() }
  if (v instanceof RegExp) return { $op: 'regex', $v: { regexp: v.source, options: v.flags } }
  if (v instanceof DbRegExp) return { $op: 'regex', $v: { regexp: v.regexp, options: v.options } }
  if (Array.isArray(v)) return v.map(encode)
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, e] of Object.entries(v)) if (e !== undefined) out[k] = encode(e)
    return out
  }
  return v
}

function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode)
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    const keys = Object.keys(o)
    if (keys.length === 1 && keys[0] === '$date' && typeof o.$date === 'number') return new Date(o.$date)
    const out: Record<string, unknown> = {}
    for (const [k, e] of Object.entries(o)) out[k] = decode(e)
    return out
  }
  return v
}

type Env = string | { database?: string; functions?: string; storage?: string } | undefined

// envFor is the environment a family of calls uses: config.env of the call over init's.
function envFor(env: Env, family: 'database' | 'functions' | 'storage'): string {
  if (typeof env === 'string') return env
  if (env && typeof env === 'object') return env[family] ?? ''
  return ''
}

// A query of a collection: each method returns a new query, as the SDK's do.
type QueryState = { where?: unknown; orderBy: { field: string; order: string }[]; limit?: number; skip?: number; field?: unknown }

class Cloud {
  private inited = false
  private env: Env
  readonly DYNAMIC_CURRENT_ENV = Symbol.for('DYNAMIC_CURRENT_ENV')

  constructor(
    private inv: Invoker,
    private options: Record<string, unknown> = {},
    private instance = false,
  ) {}

  // init: wx.cloud.init(options) returns nothing; a new Cloud's init() a Promise.
  init(options: Record<string, unknown> = {}) {
    this.options = { ...this.options, ...(options || {}) }
    this.env = (this.options.env ?? this.options.resourceEnv) as Env
    this.inited = true
    return this.instance ? Promise.resolve() : undefined
  }

  // call sends one call of the family to its handler; before init it fails at once.
  private call(api: string, family: 'database' | 'functions' | 'storage', args: Record<string, unknown>, config?: unknown): Promise<Res> {
    if (!this.inited) return Promise.reject(cloudError(-1, NOT_INITED, 'errCode: -1  | errMsg: ' + NOT_INITED))
    const env = (config as { env?: Env } | undefined)?.env ?? this.env
    return this.inv.invoke(api, { ...args, env: envFor(env, family), launch: LAUNCH }).then(answerOf)
  }

  private api(api: string, family: 'functions' | 'storage', opts: Options | undefined, pick: (o: Options) => Record<string, unknown>) {
    const o = opts || {}
    return settle(this.inv, o, this.call(api, family, pick(o), o.config))
  }

  callFunction(opts?: Options) {
    return this.api('cloud.callFunction', 'functions', opts, (o) => ({ name: o.name, data: encode(o.data) }))
  }

  callContainer(opts?: Options) {
    return this.api('cloud.callContainer', 'functions', opts, (o) => ({ path: o.path, method: o.method ?? 'GET', header: o.header, data: encode(o.data) }))
  }

  uploadFile(opts?: Options) {
    const p = this.api('cloud.uploadFile', 'storage', opts, (o) => ({ cloudPath: o.cloudPath, filePath: o.filePath }))
    // With callbacks the phone gives an UploadTask; this one has no progress to report.
    return p ?? { onProgressUpdate() {}, offProgressUpdate() {}, onHeadersReceived() {}, offHeadersReceived() {}, abort() {} }
  }

  downloadFile(opts?: Options) {
    const p = this.api('cloud.downloadFile', 'storage', opts, (o) => ({ fileID: o.fileID }))
    return p ?? { onProgressUpdate() {}, offProgressUpdate() {}, onHeadersReceived() {}, offHeadersReceived() {}, abort() {} }
  }

  getTempFileURL(opts?: Options) {
    return this.api('cloud.getTempFileURL', 'storage', opts, (o) => ({ fileList: o.fileList }))
  }

  deleteFile(opts?: Options) {
    return this.api('cloud.deleteFile', 'storage', opts, (o) => ({ fileList: o.fileList }))
  }

  // CloudID stands for open data the phone would resolve in a cloud function.
  CloudID(cloudID: string) {
    return { cloudID }
  }

  database(options: { env?: string } = {}) {
    const cloud = this
    const env = options?.env
    const run = (action: string, collection: string, fields: Record<string, unknown>, opts?: Options) =>
      settle(this.inv, opts, this.call('cloud.database', 'database', { action, collection, ...fields }, env ? { env } : undefined))

    const queryOf = (collection: string, s: QueryState): Record<string, unknown> => {
      const q = {
        // A second where replaces the first, as the SDK's does.
        where: (cond: unknown) => queryOf(collection, { ...s, where: encode(cond) }),
        orderBy: (field: string, order = 'asc') => queryOf(collection, { ...s, orderBy: [...s.orderBy, { field, order }] }),
        limit: (n: number) => queryOf(collection, { ...s, limit: n }),
        skip: (n: number) => queryOf(collection, { ...s, skip: n }),
        field: (f: unknown) => queryOf(collection, { ...s, field: encode(f) }),
        get: (opts?: Options) => run('collection.get', collection, s, opts),
        count: (opts?: Options) => run('collection.count', collection, { where: s.where }, opts),
        update: (opts?: Options) => run('collection.update', collection, { where: s.where, data: encode(opts?.data) }, opts),
        remove: (opts?: Options) => run('collection.remove', collection, { where: s.where }, opts),
        watch: (opts?: { onError?: (err: unknown) => void }) => {
          setTimeout(() => opts?.onError?.(cloudError(-1, 'watch:fail not supported in simulator')))
          return { close: () => Promise.resolve() }
        },
      }
      return q
    }
    const docOf = (collection: string, id: unknown, field?: unknown): Record<string, unknown> => ({
      _id: id,
      field: (f: unknown) => docOf(collection, id, encode(f)),
      get: (opts?: Options) => run('document.get', collection, { doc: id, field }, opts),
      update: (opts?: Options) => run('document.update', collection, { doc: id, data: encode(opts?.data) }, opts),
      set: (opts?: Options) => run('document.set', collection, { doc: id, data: encode(opts?.data) }, opts),
      remove: (opts?: Options) => run('document.remove', collection, { doc: id }, opts),
      watch: (opts?: { onError?: (err: unknown) => void }) => queryOf(collection, { orderBy: [] }).watch(opts),
    })
    return {
      config: { env: env ?? envFor(cloud.env, 'database') },
      command: makeCommand(),
      serverDate: (opts: { offset?: number } = {}) => new Command('serverDate', { offset: opts?.offset ?? 0 }),
      RegExp: (opts: { regexp: string; options?: string }) => new DbRegExp(opts.regexp, opts.options),
      collection: (name: string) => ({
        collectionName: name,
        ...queryOf(name, { orderBy: [] }),
        doc: (id: unknown) => docOf(name, id),
        add: (opts?: Options) => run('collection.add', name, { data: encode(opts?.data) }, opts),
        aggregate: () => {
          throw cloudError(-1, 'collection.aggregate:fail not supported in simulator')
        },
      }),
    }
  }
}

// createCloud is wx.cloud: a Cloud, with the class for other environments and accounts.
export function createCloud(inv: Invoker) {
  const cloud = new Cloud(inv)
  const out: Record<string, unknown> = {}
  for (const name of ['init', 'callFunction', 'callContainer', 'uploadFile', 'downloadFile', 'getTempFileURL', 'deleteFile', 'database', 'CloudID']) {
    out[name] = (cloud as any)[name].bind(cloud)
  }
  out.DYNAMIC_CURRENT_ENV = cloud.DYNAMIC_CURRENT_ENV
  out.Cloud = class extends Cloud {
    constructor(options: Record<string, unknown> = {}) {
      super(inv, options, true)
    }
  }
  return out
}
