// wx's storage functions, answered by the Go handlers (api/storage.go) from the project's
// data folder, per simulated account; the Sync forms go through /apihelper/assdk.
import { type Invoker, type Res, type Options } from './wx'


// Values cross as JSON with their type, so that a Date comes back a Date.
function encodeValue(data: unknown) {
  if (data instanceof Date) return { data: data.toISOString(), type: 'Date' }
  return { data: data === undefined ? null : data, type: typeof data === 'object' ? 'Object' : typeof data }
}

function decodeValue(v: { data?: unknown; type?: unknown } | null) {
  // A key that is not there reads as '', as getStorageSync's does.
  if (!v) return ''
  return v.type === 'Date' ? new Date(v.data as string) : v.data
}

const isOK = (res: Res) => /:ok\b/.test(res.errMsg)

export function storageAPIs(inv: Invoker) {
  // A Sync call that fails throws its errMsg, as on the phone.
  const syncCall = (api: string, args: Record<string, unknown>) => {
    const res = inv.invokeSync(api, args)
    if (!isOK(res)) throw new Error(res.errMsg)
    return res
  }
  const kvList = (list: unknown) =>
    Array.isArray(list) ? list.map((kv: any) => ({ key: kv?.key, ...encodeValue(kv?.value) })) : list
  const dataList = (res: Res) => ((res.dataList as any[]) || []).map(decodeValue)
  return {
    setStorageSync: (key: string, data: unknown) => void syncCall('setStorageSync', { key, ...encodeValue(data) }),
    getStorageSync: (key: string) => {
      const res = inv.invokeSync('getStorageSync', { key })
      if (/data not found/.test(res.errMsg)) return ''
      if (!isOK(res)) throw new Error(res.errMsg)
      return decodeValue(res)
    },
    removeStorageSync: (key: string) => void syncCall('removeStorageSync', { key }),
    clearStorageSync: () => void syncCall('clearStorageSync', {}),
    getStorageInfoSync: () => {
      const { errMsg, ...info } = syncCall('getStorageInfoSync', {})
      return info
    },
    batchSetStorageSync: (list: unknown) => void syncCall('batchSetStorageSync', { kvList: kvList(list) }),
    batchGetStorageSync: (keyList: unknown) => dataList(syncCall('batchGetStorageSync', { keyList })),
    setStorage: (opts: Options = {}) => inv.call('setStorage', { ...opts, ...encodeValue(opts.data) }),
    getStorage: (opts?: Options) => inv.call('getStorage', opts, (res) => (isOK(res) ? { errMsg: res.errMsg, data: decodeValue(res) } : res)),
    removeStorage: (opts?: Options) => inv.call('removeStorage', opts),
    clearStorage: (opts?: Options) => inv.call('clearStorage', opts),
    getStorageInfo: (opts?: Options) => inv.call('getStorageInfo', opts),
    batchSetStorage: (opts: Options = {}) => inv.call('batchSetStorage', { ...opts, kvList: kvList(opts.kvList) }),
    batchGetStorage: (opts?: Options) => inv.call('batchGetStorage', opts, (res) => (isOK(res) ? { errMsg: res.errMsg, dataList: dataList(res) } : res)),
  }
}
