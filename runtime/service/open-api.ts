// The open capabilities (login, user info, authorization, payment, location, sharing):
// answered by the Go handlers from the project's mpsim.mock.json (api/openapi.go,
// docs/mocks.md). Where a phone asks the person, a handler answers with a dialog to show
// (res.__dialog); this layer shows it in the shell (web/static/dialogs.js) and calls the
// handler again with the person's answer (args.__answer).
import { argsOf, type Invoker, type Res, type Options } from './wx'

type Listener = (res: any) => void

const isOK = (res: Res) => /:ok\b/.test(res.errMsg)

// renameErrMsg makes a result of `from` read as a result of `to` ("getUserInfo:ok").
const renameErrMsg = (res: Res, to: string): Res => ({ ...res, errMsg: res.errMsg.replace(/^[^:]*:/, to + ':') })

// How often onLocationChange hears the position while updates run, as a phone's GPS.
const LOCATION_INTERVAL_MS = 1000

// How long the phone waits for onShareAppMessage's promise before it shares the defaults.
const SHARE_PROMISE_MS = 3000

export type OpenAPI = ReturnType<typeof createOpenAPI>

export function createOpenAPI(inv: Invoker) {
  const noted = new Set<string>()
  // clean takes the simulator's fields off a result: __note (what the official tools print
  // for a tourist) goes to the console once per API.
  const clean = (res: Res): Res => {
    const out: Res = { errMsg: res.errMsg }
    for (const [k, v] of Object.entries(res)) {
      if (!k.startsWith('__')) out[k] = v
      else if (k === '__note' && !noted.has(res.errMsg.split(':')[0]!)) {
        noted.add(res.errMsg.split(':')[0]!)
        console.warn(String(v))
      }
    }
    return out
  }
  // answer calls api; when the handler waits for the person, it shows the dialog and
  // calls again with the answer.
  const answer = async (api: string, args: Record<string, unknown>, shownAs = api): Promise<Res> => {
    let res = await inv.invoke(api, args)
    const dialog = res.__dialog as Record<string, unknown> | undefined
    if (dialog) {
      const shown = await inv.invoke('mpsimDialog', { ...dialog, api: shownAs })
      res = await inv.invoke(api, { ...args, __answer: shown.answer ?? false })
    }
    return clean(res)
  }
  // open is an async wx API answered by its Go handler, callbacks or Promise as usual.
  const open = (api: string, then?: (res: Res, args: Record<string, unknown>) => void) => (opts?: Options) => {
    const args = argsOf(opts)
    return inv.settle(opts, answer(api, args).then((res) => (then?.(res, args), res)))
  }
  // openData reaches the WeChat web API behind getUserInfo and its kin through
  // operateWXData, as the base library does.
  const openData = (api: string, apiName: string, opts?: Options) => {
    const args = { data: { api_name: apiName, data: { lang: opts?.lang ?? 'en', desc: opts?.desc } } }
    return answer('operateWXData', args, api).then((res) => {
      const { data, ...rest } = res
      return renameErrMsg({ ...rest, ...(data as object) } as Res, api)
    })
  }
  const viaOpenData = (api: string, apiName: string) => (opts?: Options) => inv.settle(opts, openData(api, apiName, opts))

  // Location updates: while started, onLocationChange hears the position every second.
  const locationListeners = { change: new Set<Listener>(), error: new Set<Listener>() }
  let locationTimer: ReturnType<typeof setInterval> | undefined
  const readLocation = async () => {
    const res = await inv.invoke('locationChange', {})
    const { errMsg, ...reading } = res
    const to = isOK(res) ? locationListeners.change : locationListeners.error
    for (const f of [...to]) f(isOK(res) ? reading : { errMsg: errMsg.replace(/^[^:]*:/, 'onLocationChange:') })
  }
  const startUpdates = () => {
    if (locationTimer === undefined) locationTimer = setInterval(readLocation, LOCATION_INTERVAL_MS)
    void readLocation()
  }
  const listen = (set: Set<Listener>) => [
    (f: Listener) => void (typeof f === 'function' && set.add(f)),
    (f?: Listener) => void (f ? set.delete(f) : set.clear()),
  ]
  const [onLocationChange, offLocationChange] = listen(locationListeners.change)
  const [onLocationChangeError, offLocationChangeError] = listen(locationListeners.error)

  const apis: Record<string, unknown> = {
    getUserInfo: viaOpenData('getUserInfo', 'webapi_getuserinfo'),
    getUserProfile: viaOpenData('getUserProfile', 'webapi_getuserprofile'),
    getWeRunData: viaOpenData('getWeRunData', 'webapi_getwerundata'),
    openLocation: open('openLocation', (res, args) => {
      // The phone opens a map page: the shell shows the place until the person closes it.
      if (isOK(res)) void inv.invoke('mpsimDialog', { ...args, kind: 'location', api: 'openLocation' })
    }),
    startLocationUpdate: open('startLocationUpdate', (res) => isOK(res) && startUpdates()),
    startLocationUpdateBackground: open('startLocationUpdateBackground', (res) => isOK(res) && startUpdates()),
    stopLocationUpdate: open('stopLocationUpdate', (res) => {
      if (isOK(res) && locationTimer !== undefined) {
        clearInterval(locationTimer)
        locationTimer = undefined
      }
    }),
    onLocationChange,
    offLocationChange,
    onLocationChangeError,
    offLocationChangeError,
  }
  for (const api of [
    'login', 'checkSession', 'authorize', 'getSetting', 'openSetting', 'requestSubscribeMessage', 'requestSubscribeDeviceMessage',
    'requestPayment', 'requestOrderPayment', 'requestVirtualPayment', 'requestMerchantTransfer',
    'chooseAddress', 'chooseInvoiceTitle', 'getPrivacySetting', 'requirePrivacyAuthorize', 'openPrivacyContract',
    'checkIsAddedToMyMiniProgram', 'getShareInfo', 'authPrivateMessage', 'showShareImageMenu', 'shareFileMessage', 'shareVideoMessage',
    'getLocation', 'getFuzzyLocation', 'chooseLocation', 'choosePoi', 'scanCode',
  ]) {
    apis[api] = open(api)
  }

  return {
    apis,

    // share shows what the page shares (onShareAppMessage's answer over the page's
    // defaults, which the shell knows) in the share dialog, as a phone shows the chats to
    // send it to. A promise in the answer gives the content if it settles within 3 s.
    async share(content: Record<string, unknown> | undefined, from: 'button' | 'menu', api = 'shareAppMessage') {
      let shared = { ...(content || {}) }
      const promise = shared.promise as Promise<unknown> | undefined
      delete shared.promise
      if (promise && typeof promise.then === 'function') {
        const late = await Promise.race([promise.catch(() => undefined), new Promise((r) => setTimeout(r, SHARE_PROMISE_MS))])
        if (late && typeof late === 'object') shared = { ...shared, ...(late as object) }
      }
      await inv.invoke('mpsimDialog', { ...shared, kind: 'share', api, from })
    },

    // openTypeDetail is the detail of a button's open-type event (getPhoneNumber, ...), as
    // the phone's answer to the account behind it.
    openTypeDetail(openType: string): Promise<Res> {
      switch (openType) {
        case 'getUserInfo':
          return openData('getUserInfo', 'webapi_getuserinfo')
        case 'openSetting':
          return answer('openSetting', {})
        default:
          return answer(openType, {})
      }
    },
  }
}

// domainProblem is why a WebSocket to url may not open (setting.urlCheck and the mock
// file's socket domains), '' when it may.
export function domainProblem(inv: Invoker, url: string): string {
  const res = inv.invokeSync('checkDomain', { api: 'connectSocket', url })
  return isOK(res) ? '' : res.errMsg.replace(/^[^:]*:fail /, '')
}
