// Built-in components with behaviour of their own in the page layer. Each gets its DOM
// element when created and its attributes as they change, and emits the phone's events
// for its node (input, focus, blur, confirm ...).
import { playAnimation } from './animation'
import { audio, coverImage, coverView, placeholder, video, webView } from './media'
import { button, checkbox, checkboxGroup, form, label, radio, radioGroup, slider, switchField } from './forms'
import { canvas } from './canvas'
import { field } from './field'
import { image } from './image'
import { matchMedia } from './match-media'
import { navigator } from './navigator'
import { pageContainer } from './page-container'
import { icon, progress, richText, text } from './text'
import { movableView } from './movable'
import { picker, pickerView, pickerViewColumn } from './picker'
import { scrollView } from './scroll'
import { swiper } from './swiper'

export type Emit = (type: string, detail: Record<string, unknown>, bubbles?: boolean) => void

// Invoke calls a wx API from the page layer (WEBVIEW_INVOKE), as the navigator does;
// done gets the answer.
export type Invoke = (api: string, args: Record<string, unknown>, done?: (res: Record<string, unknown>) => void) => void

export type Builtin = {
  create(el: HTMLElement, emit: Emit, invoke: Invoke): void
  // set applies an attribute; it returns false to leave it to the plain DOM attribute.
  set(el: HTMLElement, name: string, value: unknown): boolean
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
  'wx-ad-custom': placeholder('ad-custom', 'a custom advertisement'),
  'wx-channel-live': placeholder('channel-live', 'a Channels live stream'),
  'wx-channel-video': placeholder('channel-video', 'a Channels video'),
  'wx-official-account': placeholder('official-account', "an official account's follow bar"),
  'wx-match-media': matchMedia,
  'wx-page-container': pageContainer,
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

// setAttribute gives an element an attribute as its template does, keeping the last value
// as __prop_<name>: a built-in component handles its own, the rest are plain DOM
// attributes. Render ops and automation's callFunction helpers both set through it.
export function setAttribute(e: HTMLElement, name: string, value: unknown) {
  ;(e as any)[`__prop_${name}`] = value
  // Any built-in element plays wx.createAnimation's steps given as its animation attribute.
  if (name === 'animation') return playAnimation(e, value)
  if (builtins[e.localName]?.set(e, name, value)) return
  if (value === false || value === null || value === undefined) e.removeAttribute(name)
  else if (value === true) e.setAttribute(name, '')
  else if (typeof value === 'object') e.setAttribute(name, JSON.stringify(value))
  else e.setAttribute(name, String(value))
}
