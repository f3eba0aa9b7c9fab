// Built-in components with behaviour of their own in the page layer. Each gets its DOM
// element when created and its attributes as they change, and emits the phone's events
// for its node (input, focus, blur, confirm ...).
import { audio, coverImage, coverView, placeholder, video, webView } from './media'
import { button, checkbox, checkboxGroup, form, label, radio, radioGroup, slider, switchField } from './forms'
import { canvas } from './canvas'
import { icon, progress, richText, text } from './text'
import { movableView } from './movable'
import { picker, pickerView, pickerViewColumn } from './picker'
import { scrollView } from './scroll'
import { swiper } from './swiper'

export type Emit = (type: string, detail: Record<string, unknown>, bubbles?: boolean) => void

// Invoke calls a wx API from the page layer (WEBVIEW_INVOKE), as the navigator does.
export type Invoke = (api: string, args: Record<string, unknown>) => void

export type Builtin = {
  create(el: HTMLElement, emit: Emit, invoke: Invoke): void
  // set applies an attribute; it returns false to leave it to the plain DOM attribute.
  set(el: HTMLElement, name: string, value: unknown): boolean
}

// field is input and textarea: a real <input>/<textarea> inside the wx- element, whose
// typing becomes the phone's input event (detail value, cursor, keyCode), and whose
// value follows the attribute unless the user is typing the same text.
function field(multiline: boolean): Builtin {
  const inner = (el: HTMLElement) => el.firstElementChild as HTMLInputElement | HTMLTextAreaElement
  return {
    create(el, emit) {
      const f = document.createElement(multiline ? 'textarea' : 'input')
      f.style.cssText = 'all: unset; display: block; width: 100%; min-height: 1.4em; white-space: pre-wrap;'
      el.appendChild(f)
      let keyCode = 0
      f.addEventListener('keydown', (e) => {
        keyCode = (e as KeyboardEvent).keyCode
        if ((e as KeyboardEvent).key === 'Enter' && !multiline) emit('confirm', { value: f.value }, false)
      })
      f.addEventListener('input', () => {
        const sent: string[] = ((el as any).__typed ||= [])
        sent.push(f.value)
        if (sent.length > 64) sent.shift()
        emit('input', { value: f.value, cursor: f.selectionStart ?? f.value.length, keyCode }, false)
      })
      f.addEventListener('focus', () => emit('focus', { value: f.value, height: 0 }, false))
      f.addEventListener('blur', () => emit('blur', { value: f.value, cursor: f.selectionStart ?? 0 }, false))
    },
    set(el, name, value) {
      const f = inner(el)
      switch (name) {
        case 'value': {
          const v = value == null ? '' : String(value)
          // A value the page echoes back from an input event (setData in bindinput or
          // change) is older than what the field shows while typing goes on: keeping it
          // would drop the keys typed since. Any other value replaces the text.
          const typed: string[] = (el as any).__typed || []
          const i = typed.indexOf(v)
          if (i >= 0) {
            typed.splice(0, i + 1)
            return true
          }
          if (f.value !== v) f.value = v
          return true
        }
        case 'placeholder':
          f.placeholder = value == null ? '' : String(value)
          return true
        case 'disabled':
          f.disabled = !!value
          return false
        case 'maxlength': {
          const n = Number(value)
          // The phone's default is 140; -1 means no limit.
          if (n >= 0) f.setAttribute('maxlength', String(n))
          else f.removeAttribute('maxlength')
          return true
        }
        case 'password':
          if (!multiline) (f as HTMLInputElement).type = value ? 'password' : 'text'
          return true
        case 'type':
          if (!multiline) (f as HTMLInputElement).inputMode = value === 'number' || value === 'digit' ? 'decimal' : 'text'
          return false
        case 'focus':
          if (value) setTimeout(() => f.focus(), 0)
          return true
      }
      return false
    },
  }
}

// image shows its src in the phone's modes; its box defaults to 320×240 as on a phone.
const imageModes: Record<string, string> = {
  scaleToFill: 'background-size: 100% 100%;',
  aspectFit: 'background-size: contain; background-position: center;',
  aspectFill: 'background-size: cover; background-position: center;',
  top: 'background-position: top center;',
  bottom: 'background-position: bottom center;',
  center: 'background-position: center;',
  left: 'background-position: center left;',
  right: 'background-position: center right;',
}
const image: Builtin = {
  create(el, emit) {
    // Its default box is in the page's default style sheet (page-frame.html), where a
    // component's class can size it, as on a phone.
    const probe = new Image()
    probe.onload = () => {
      emit('load', { width: probe.naturalWidth, height: probe.naturalHeight }, false)
      // widthFix and heightFix keep the picture's ratio along one side.
      const mode = (el as any).__prop_mode
      if (mode === 'widthFix') el.style.height = `${(el.clientWidth * probe.naturalHeight) / probe.naturalWidth}px`
      if (mode === 'heightFix') el.style.width = `${(el.clientHeight * probe.naturalWidth) / probe.naturalHeight}px`
    }
    probe.onerror = () => emit('error', { errMsg: `GET ${probe.src} failed` }, false)
    ;(el as any).__probe = probe
  },
  set(el, name, value) {
    if (name === 'src') {
      const src = value == null ? '' : String(value)
      el.style.backgroundImage = src ? `url(${JSON.stringify(src)})` : ''
      if (src) (el as any).__probe.src = src
      return false
    }
    if (name === 'mode') {
      el.style.cssText += imageModes[String(value)] || ''
      return false
    }
    return false
  },
}

// navigator routes when tapped, through the shell, as the phone's does.
const navigator: Builtin = {
  create(el, _emit, invoke) {
    el.style.cursor = 'pointer'
    el.addEventListener('click', () => {
      const p = (k: string) => (el as any)[`__prop_${k}`]
      const openType = p('open-type') || 'navigate'
      const api = ({ navigate: 'navigateTo', redirect: 'redirectTo', switchTab: 'switchTab', reLaunch: 'reLaunch', navigateBack: 'navigateBack' } as Record<string, string>)[openType]
      if (api) invoke(api, { url: p('url'), delta: Number(p('delta')) || 1 })
    })
  },
  set: () => false,
}

export const builtins: Record<string, Builtin> = {
  'wx-input': field(false),
  'wx-textarea': field(true),
  'wx-image': image,
  'wx-navigator': navigator,
  'wx-scroll-view': scrollView,
  'wx-swiper': swiper,
  'wx-movable-view': movableView,
  'wx-cover-view': coverView,
  'wx-cover-image': coverImage,
  'wx-text': text,
  'wx-rich-text': richText,
  'wx-icon': icon,
  'wx-progress': progress,
  'wx-video': video,
  'wx-audio': audio,
  'wx-canvas': canvas,
  'wx-web-view': webView,
  'wx-map': placeholder('map', 'a map'),
  'wx-camera': placeholder('camera', 'the camera'),
  'wx-live-player': placeholder('live-player', 'a live stream player'),
  'wx-live-pusher': placeholder('live-pusher', 'a live stream pusher'),
  'wx-ad': placeholder('ad', 'an advertisement'),
  'wx-voip-room': placeholder('voip-room', 'a video call room'),
  'wx-button': button(),
  'wx-checkbox': checkbox,
  'wx-checkbox-group': checkboxGroup,
  'wx-radio': radio,
  'wx-radio-group': radioGroup,
  'wx-switch': switchField,
  'wx-slider': slider,
  'wx-label': label,
  'wx-form': form,
  'wx-picker': picker,
  'wx-picker-view': pickerView,
  'wx-picker-view-column': pickerViewColumn,
}
