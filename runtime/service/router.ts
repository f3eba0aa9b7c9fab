// Router is a page's or component's `this.router` / `this.pageRouter`: the route APIs,
// with a relative url starting from the folder of the file the router belongs to (a
// component's own path for `router`, its page's for `pageRouter`), where wx.navigateTo
// starts from the page on top.

import { folderOf, joinPath } from './paths'

export type RouteCall = (api: string, opts: Record<string, unknown>) => unknown

export function makeRouter(base: string, call: RouteCall) {
  const withUrl = (api: string) => (opts: Record<string, unknown> = {}) =>
    call(api, { ...opts, url: absoluteUrl(base, String(opts.url ?? '')) })
  return {
    navigateTo: withUrl('navigateTo'),
    redirectTo: withUrl('redirectTo'),
    reLaunch: withUrl('reLaunch'),
    switchTab: withUrl('switchTab'),
    navigateBack: (opts: Record<string, unknown> = {}) => call('navigateBack', opts),
  }
}

// absoluteUrl resolves url ("../logs/logs?id=1") against the folder of base ("pages/index/index").
export function absoluteUrl(base: string, url: string) {
  if (url.startsWith('/')) return url
  const q = url.indexOf('?')
  const path = q < 0 ? url : url.slice(0, q)
  return '/' + joinPath(folderOf(base), path, true) + (q < 0 ? '' : url.slice(q))
}
