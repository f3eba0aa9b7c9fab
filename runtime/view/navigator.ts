// navigator: a tap routes through the shell, as the phone's does. open-type navigate,
// redirect, switchTab, reLaunch, navigateBack (delta) and, with target="miniProgram",
// navigate (another mini-program: app-id, path, extra-data, version, short-link),
// navigateBack (back to the one that opened this) and exit; the last three answer
// bindsuccess / bindfail / bindcomplete with the API's result.
import type { Builtin } from './builtins'
import { prop } from './drag'

// The API each open-type calls, in this mini-program and towards another.
const inApp: Record<string, string> = { navigate: 'navigateTo', redirect: 'redirectTo', switchTab: 'switchTab', reLaunch: 'reLaunch', navigateBack: 'navigateBack' }
const toMiniProgram: Record<string, string> = { navigate: 'navigateToMiniProgram', navigateBack: 'navigateBackMiniProgram', exit: 'exitMiniProgram' }

function args(el: HTMLElement, api: string): Record<string, unknown> {
  const p = (k: string) => prop(el, k)
  switch (api) {
    case 'navigateBack':
      return { delta: Number(p('delta')) || 1 }
    case 'navigateToMiniProgram':
      return { appId: p('app-id'), path: p('path'), extraData: p('extra-data'), envVersion: p('version') || 'release', shortLink: p('short-link') }
    case 'navigateBackMiniProgram':
      return { extraData: p('extra-data') }
    case 'exitMiniProgram':
      return {}
  }
  return { url: p('url') }
}

export const navigator: Builtin = {
  create(el, emit, invoke) {
    el.style.cursor = 'pointer'
    el.addEventListener('click', () => {
      const openType = String(prop(el, 'open-type') || 'navigate')
      const other = prop(el, 'target') === 'miniProgram'
      const api = (other ? toMiniProgram : inApp)[openType]
      if (!api) {
        console.warn(`[mpsim] navigator open-type="${openType}"${other ? ' target="miniProgram"' : ''} does nothing on a phone`)
        return
      }
      invoke(api, args(el, api), (res) => {
        if (!other) return
        const ok = typeof res.errMsg === 'string' && res.errMsg.endsWith(':ok')
        emit(ok ? 'success' : 'fail', res, false)
        emit('complete', res, false)
      })
    })
  },
  set: () => false,
}
