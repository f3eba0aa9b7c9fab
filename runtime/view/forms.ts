// The form components of the page layer: button, checkbox(-group), radio(-group), switch,
// slider, label and form. Each keeps its state in the DOM element and emits the phone's
// events (detail as on a phone) for its node. Inner parts are plain elements prepended
// to the wx- element (render ops only ever append or insert relative to the nodes they
// made, so a first child of ours is safe), with the phone's class names
// (.wx-checkbox-input, .wx-switch-input ...) that apps restyle.
import type { Builtin, Emit } from './builtins'
import { bool, prop } from './drag'
import { fieldText, setFieldValue } from './field'
import { pickerFormValue, pickerReset } from './picker'

type El = HTMLElement & Record<string, any>

export const emitOf = (el: HTMLElement): Emit | undefined => (el as El).__emit

function inner(el: HTMLElement, cls: string): HTMLElement {
  const d = document.createElement('div')
  d.className = cls
  el.insertBefore(d, el.firstChild)
  return d
}

// ---- button ------------------------------------------------------------------------

// The avatar chooseAvatar picks: the simulator has no photos.
const mockAvatar =
  'data:image/svg+xml,' +
  encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="132" height="132"><rect width="132" height="132" fill="#ccc"/><circle cx="66" cy="52" r="26" fill="#fff"/><ellipse cx="66" cy="124" rx="46" ry="38" fill="#fff"/></svg>')

// openTypes maps a button's open-type to the event it raises and its detail. share is
// answered by the service layer (the page's onShareAppMessage); so are the open-types
// that need the account (their detail names the open-type to ask the Go handlers for,
// runtime/service/form.ts).
const byAccount = (openType: string) => () => ({ __mpsimOpenType: openType })
const openTypes: Record<string, [string, () => Record<string, unknown>] | null> = {
  getUserInfo: ['getuserinfo', byAccount('getUserInfo')],
  getPhoneNumber: ['getphonenumber', byAccount('getPhoneNumber')],
  getRealtimePhoneNumber: ['getrealtimephonenumber', byAccount('getRealtimePhoneNumber')],
  chooseAvatar: ['chooseavatar', () => ({ avatarUrl: mockAvatar })],
  contact: ['contact', () => ({ errMsg: 'enterContact:ok', path: '', query: {} })],
  openSetting: ['opensetting', byAccount('openSetting')],
  launchApp: ['error', () => ({ errMsg: 'launchApp:fail not supported in simulator' })],
  agreePrivacyAuthorization: ['agreeprivacyauthorization', () => ({})],
  share: ['share', () => ({})],
  feedback: null,
  openGroupProfile: null,
  openGuildProfile: null,
  liveActivity: null,
}

export function button(): Builtin {
  return {
    create(el, emit, invoke) {
      // A disabled button shows no hover-class: the class hover reads is "none" then.
      let hoverClass: unknown
      Object.defineProperty(el, '__prop_hover-class', {
        get: () => (bool(prop(el, 'disabled')) ? 'none' : hoverClass),
        set: (v) => (hoverClass = v),
      })
      ;(el as El).__emit = emit
      el.addEventListener('click', () => {
        if (bool(prop(el, 'disabled'))) return
        const formType = prop(el, 'form-type')
        if (formType === 'submit' || formType === 'reset') {
          const form = el.closest('wx-form') as HTMLElement | null
          if (form) formType === 'submit' ? submitForm(form) : resetForm(form)
        }
        const openType = prop(el, 'open-type')
        if (!openType) return
        const answer = openTypes[openType]
        if (answer === undefined) {
          console.warn(`[mpsim] button open-type="${openType}" is not known to the simulator`)
          return
        }
        if (answer === null) {
          console.info(`[mpsim] button open-type="${openType}": nothing to open in the simulator`)
          return
        }
        emit(answer[0], answer[1](), false)
      })
    },
    set: () => false,
  }
}

// ---- checkbox, radio, switch ----------------------------------------------------------

function applyCheck(el: HTMLElement, kind: 'checkbox' | 'radio') {
  const box = (el as El).__box as HTMLElement
  const checked = !!(el as El).__checked
  box.classList.toggle(`wx-${kind}-input-checked`, checked)
  box.classList.toggle(`wx-${kind}-input-disabled`, bool(prop(el, 'disabled')))
  const color = prop(el, 'color')
  box.style.setProperty('--wx-color', color ? String(color) : kind === 'checkbox' ? '#09bb07' : '#09bb07')
}

// groupOf is the group a checkbox or radio belongs to: the nearest one around it that its
// own template wrote (the service layer marks both with their template's owner, OWNER).
// A group does not reach into a component's template, nor a component's group into the
// page's nodes it shows in a slot, as on the phone.
const OWNER = 'wx:owner'
function groupOf(item: HTMLElement, kind: 'checkbox' | 'radio'): HTMLElement | null {
  const tag = `wx-${kind}-group`
  for (let g = item.parentElement?.closest(tag); g; g = g.parentElement?.closest(tag)) {
    if (prop(g as HTMLElement, OWNER) === prop(item, OWNER)) return g as HTMLElement
  }
  return null
}

function groupItems(group: HTMLElement): El[] {
  const kind = group.localName === 'wx-checkbox-group' ? 'checkbox' : 'radio'
  return ([...group.querySelectorAll(`wx-${kind}`)] as El[]).filter((c) => groupOf(c, kind) === group)
}

function groupValue(group: HTMLElement): unknown {
  const checked = groupItems(group).filter((c) => c.__checked).map((c) => String(prop(c, 'value') ?? ''))
  return group.localName === 'wx-checkbox-group' ? checked : checked[0] ?? ''
}

function checkable(kind: 'checkbox' | 'radio'): Builtin {
  return {
    create(el) {
      ;(el as El).__box = inner(el, `wx-${kind}-input`)
      applyCheck(el, kind)
      el.addEventListener('click', () => {
        if (bool(prop(el, 'disabled'))) return
        const group = groupOf(el, kind)
        if (kind === 'radio') {
          if ((el as El).__checked) return
          if (group) {
            for (const r of groupItems(group)) {
              if (r !== el) {
                r.__checked = false
                applyCheck(r, 'radio')
              }
            }
          }
          ;(el as El).__checked = true
        } else {
          ;(el as El).__checked = !(el as El).__checked
        }
        applyCheck(el, kind)
        if (group) emitOf(group)?.('change', { value: groupValue(group) }, false)
      })
    },
    set(el, name, value) {
      if (name === OWNER) return true
      if (name === 'checked') {
        ;(el as El).__checked = bool(value)
        applyCheck(el, kind)
        return false
      }
      if (name === 'disabled' || name === 'color') applyCheck(el, kind)
      return false
    },
  }
}

const group: Builtin = {
  create(el, emit) {
    ;(el as El).__emit = emit
  },
  set: (_el, name) => name === OWNER,
}

function applySwitch(el: HTMLElement) {
  const e = el as El
  const checked = !!e.__checked
  const asCheckbox = prop(el, 'type') === 'checkbox'
  const box = e.__box as HTMLElement
  box.className = asCheckbox ? 'wx-checkbox-input' : 'wx-switch-input'
  box.classList.toggle(asCheckbox ? 'wx-checkbox-input-checked' : 'wx-switch-input-checked', checked)
  box.classList.toggle(asCheckbox ? 'wx-checkbox-input-disabled' : 'wx-switch-input-disabled', bool(prop(el, 'disabled')))
  const color = prop(el, 'color')
  box.style.setProperty('--wx-color', color ? String(color) : asCheckbox ? '#09bb07' : '#04be02')
}

const switchBuiltin: Builtin = {
  create(el, emit) {
    const e = el as El
    e.__emit = emit
    e.__box = inner(el, 'wx-switch-input')
    applySwitch(el)
    el.addEventListener('click', () => {
      if (bool(prop(el, 'disabled'))) return
      e.__checked = !e.__checked
      applySwitch(el)
      emit('change', { value: e.__checked }, false)
    })
  },
  set(el, name, value) {
    if (name === 'checked') (el as El).__checked = bool(value)
    if (name === 'checked' || name === 'type' || name === 'color' || name === 'disabled') applySwitch(el)
    return false
  },
}

// ---- slider --------------------------------------------------------------------------

function sliderRange(el: HTMLElement) {
  const num = (n: string, d: number) => {
    const v = Number(prop(el, n))
    return prop(el, n) === undefined || prop(el, n) === null || prop(el, n) === '' || Number.isNaN(v) ? d : v
  }
  const min = num('min', 0)
  const max = Math.max(min, num('max', 100))
  const step = num('step', 1) > 0 ? num('step', 1) : 1
  return { min, max, step }
}

function clampSlider(el: HTMLElement, v: number) {
  const { min, max, step } = sliderRange(el)
  if (Number.isNaN(v)) v = min
  v = Math.min(max, Math.max(min, v))
  v = min + Math.round((v - min) / step) * step
  // Decimal steps: keep the digits of the step, not the float's noise.
  const digits = (String(step).split('.')[1] || '').length
  return Math.min(max, Number(v.toFixed(digits)))
}

function applySlider(el: HTMLElement) {
  const e = el as El
  const { min, max } = sliderRange(el)
  const v = clampSlider(el, e.__value ?? min)
  e.__value = v
  const pct = max > min ? ((v - min) / (max - min)) * 100 : 0
  const size = Math.min(28, Math.max(12, Number(prop(el, 'block-size')) || 28))
  const p = e.__parts as Record<string, HTMLElement>
  p.bar.style.background = String(prop(el, 'backgroundColor') ?? prop(el, 'background-color') ?? prop(el, 'color') ?? '#e9e9e9')
  p.track.style.background = String(prop(el, 'activeColor') ?? prop(el, 'active-color') ?? prop(el, 'selected-color') ?? '#1aad19')
  p.track.style.width = `${pct}%`
  p.handle.style.left = `${pct}%`
  p.handle.style.width = p.handle.style.height = `${size}px`
  p.handle.style.marginTop = `${-size / 2}px`
  p.handle.style.marginLeft = `${-size / 2}px`
  p.handle.style.background = String(prop(el, 'block-color') ?? '#ffffff')
  p.area.style.margin = `0 ${size / 2}px`
  p.value.textContent = String(v)
  p.value.style.display = bool(prop(el, 'show-value')) ? '' : 'none'
  p.wrapper.classList.toggle('wx-slider-disabled', bool(prop(el, 'disabled')))
}

const slider: Builtin = {
  create(el, emit) {
    const e = el as El
    const wrapper = inner(el, 'wx-slider-wrapper')
    const mk = (parent: HTMLElement, cls: string) => {
      const d = document.createElement('div')
      d.className = cls
      parent.appendChild(d)
      return d
    }
    const area = mk(wrapper, 'wx-slider-tap-area')
    const bar = mk(area, 'wx-slider-handle-wrapper')
    const track = mk(bar, 'wx-slider-track')
    const handle = mk(bar, 'wx-slider-handle')
    const value = mk(wrapper, 'wx-slider-value')
    e.__parts = { wrapper, area, bar, track, handle, value }
    e.__value = 0
    applySlider(el)
    const at = (clientX: number) => {
      const r = bar.getBoundingClientRect()
      const { min, max } = sliderRange(el)
      const f = r.width > 0 ? Math.min(1, Math.max(0, (clientX - r.left) / r.width)) : 0
      return clampSlider(el, min + f * (max - min))
    }
    let drag: { id: number; moved: boolean } | null = null
    area.addEventListener('pointerdown', (ev) => {
      if (bool(prop(el, 'disabled')) || (ev.pointerType === 'mouse' && ev.button !== 0)) return
      drag = { id: ev.pointerId, moved: false }
      area.setPointerCapture?.(ev.pointerId)
      // A press on the track (not the handle) jumps there, as a tap does on a phone.
      if (ev.target !== handle) {
        e.__value = at(ev.clientX)
        applySlider(el)
      }
    })
    area.addEventListener('pointermove', (ev) => {
      if (!drag || ev.pointerId !== drag.id) return
      const v = at(ev.clientX)
      drag.moved = true
      if (v === e.__value) return
      e.__value = v
      applySlider(el)
      emit('changing', { value: v }, false)
    })
    const end = (ev: PointerEvent) => {
      if (!drag || ev.pointerId !== drag.id) return
      drag = null
      emit('change', { value: e.__value }, false)
    }
    area.addEventListener('pointerup', end)
    area.addEventListener('pointercancel', end)
  },
  set(el, name, value) {
    if (name === 'value') (el as El).__value = Number(value)
    applySlider(el)
    return false
  },
}

// ---- label ---------------------------------------------------------------------------

const controls = 'wx-checkbox, wx-radio, wx-switch, wx-input, wx-textarea, wx-button'

const label: Builtin = {
  create(el) {
    el.addEventListener('click', (ev) => {
      const target = ev.target as Element
      if (target.closest?.(controls)) return
      const id = prop(el, 'for')
      const control = (id ? el.ownerDocument.getElementById(String(id)) : el.querySelector(controls)) as HTMLElement | null
      if (!control || !control.matches(controls)) return
      if (control.localName === 'wx-input' || control.localName === 'wx-textarea') {
        ;(control.querySelector('input, textarea') as HTMLElement | null)?.focus()
        return
      }
      control.click()
    })
  },
  set: () => false,
}

// ---- form ----------------------------------------------------------------------------

// The built-in fields a form reads, by tag. Custom components with the wx://form-field
// behavior live in the service layer, which adds them to the submit (runtime/service/form.ts).
const fieldTags = 'wx-input, wx-textarea, wx-switch, wx-slider, wx-checkbox-group, wx-radio-group, wx-picker'

function fieldValue(f: El): unknown {
  switch (f.localName) {
    case 'wx-input':
    case 'wx-textarea':
      return fieldText(f)
    case 'wx-switch':
      return !!f.__checked
    case 'wx-slider':
      return f.__value ?? 0
    case 'wx-checkbox-group':
    case 'wx-radio-group':
      return groupValue(f)
    case 'wx-picker':
      return pickerFormValue(f)
  }
  return undefined
}

export function formValues(form: HTMLElement): Record<string, unknown> {
  const value: Record<string, unknown> = {}
  for (const f of form.querySelectorAll(fieldTags)) {
    const name = prop(f as HTMLElement, 'name')
    if (name === undefined || name === null || name === '') continue
    value[String(name)] = fieldValue(f as El)
  }
  return value
}

function submitForm(form: HTMLElement) {
  const detail: Record<string, unknown> = { value: formValues(form) }
  if (bool(prop(form, 'report-submit'))) detail.formId = 'the formId is a mock one'
  emitOf(form)?.('submit', detail, false)
}

// resetForm puts every built-in field back to its empty state, then raises reset.
function resetForm(form: HTMLElement) {
  for (const f of form.querySelectorAll(fieldTags + ', wx-checkbox, wx-radio')) {
    const e = f as El
    switch (e.localName) {
      case 'wx-input':
      case 'wx-textarea':
        setFieldValue(e, '')
        break
      case 'wx-switch':
        e.__checked = false
        applySwitch(e)
        break
      case 'wx-slider':
        e.__value = sliderRange(e).min
        applySlider(e)
        break
      case 'wx-checkbox':
      case 'wx-radio':
        e.__checked = false
        applyCheck(e, e.localName === 'wx-checkbox' ? 'checkbox' : 'radio')
        break
      case 'wx-picker':
        pickerReset(e)
        break
    }
  }
  emitOf(form)?.('reset', {}, false)
}

const form: Builtin = {
  create(el, emit) {
    ;(el as El).__emit = emit
  },
  set: () => false,
}

export const checkbox = checkable('checkbox')
export const radio = checkable('radio')
export { group as checkboxGroup, group as radioGroup, switchBuiltin as switchField, slider, label, form }
