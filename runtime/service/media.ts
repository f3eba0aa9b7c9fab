// The media APIs the service layer has a part in: a network picture for getImageInfo is
// downloaded first, as the phone does; the media contexts drive the page's and the
// shell's players.
import { argsOf, type Invoker } from './wx'

type Options = { success?: (res: any) => void; fail?: (res: any) => void; complete?: (res: any) => void; [k: string]: unknown }
type Res = { errMsg: string; [k: string]: unknown }

const isRemote = (src: string) => /^https?:\/\//.test(src) && !/^http:\/\/usr(\/|$)/.test(src)

export function mediaAPIs(inv: Invoker) {
  return {
    getImageInfo: (opts?: Options) => {
      const args = argsOf(opts)
      const src = String(args.src ?? '')
      if (!isRemote(src)) return inv.call('getImageInfo', opts)
      const done = inv.invoke('downloadFile', { url: src }).then((d: Res): Res | Promise<Res> => {
        if (!/:ok\b/.test(d.errMsg) || (d.statusCode as number) >= 400) return { errMsg: `getImageInfo:fail download ${src} failed: ${d.errMsg} ${d.statusCode ?? ''}`.trim() }
        return inv.invoke('getImageInfo', { src: d.tempFilePath })
      })
      return inv.settle(opts, done)
    },
  }
}
