import { component } from 'glass-easel-miniprogram-adapter'

// The most one setData should carry, as the phone's base library counts it (the data as
// JSON); more is slow to cross to the view layer, and the phone warns.
export const SET_DATA_WARN_BYTES = 1024 * 1024

// installSetDataChecks adds to every component's setData the warnings a phone gives: a
// field set to undefined (it does not reach the view layer), and a setData over 1024 KB.
export function installSetDataChecks(warn: (message: string) => void) {
  const proto = component.ComponentCaller.prototype as any
  const setData = proto.setData as (this: any, data: Record<string, unknown>, cb?: () => void) => void
  proto.setData = function (this: any, data: Record<string, unknown>, callback?: () => void) {
    if (data && typeof data === 'object') {
      for (const key of Object.keys(data)) {
        if (data[key] === undefined) warn(`Setting data field "${key}" to undefined is invalid.`)
      }
      const size = jsonSize(data)
      if (size > SET_DATA_WARN_BYTES) {
        warn(`setData of ${Math.round(size / 1024)} KB in ${this.is}: over 1024 KB in one setData is slow on a phone; send only what changed (path keys such as "list[3].name")`)
      }
    }
    return setData.call(this, data, callback)
  }
}

// jsonSize is the length of data as JSON, or 0 when it cannot be written as JSON (a cycle).
function jsonSize(data: unknown): number {
  try {
    return JSON.stringify(data)?.length ?? 0
  } catch {
    return 0
  }
}
