// input and textarea: a real <input> / <textarea> inside the wx- element, with the phone's
// placeholder element (placeholder-class, placeholder-style), keyboard types, maxlength,
// focus, cursor and selection, and the phone's events: input {value, cursor, keyCode},
// focus {value, height}, blur {value, cursor}, confirm {value}, keyboardheightchange
// {height, duration}, linechange {height, heightRpx, lineCount} (textarea) and
// nicknamereview {pass, timeout} (type="nickname"). The keyboard is the simulated phone's
// (apis.ts): KEYBOARD_HEIGHT high while a field has the focus, shown at once, not drawn.
// A bindinput handler's return value comes back from the service layer (setInputValue)
// and replaces the text.
import { KEYBOARD_HEIGHT } from './apis'
import type { Builtin, Emit } from './builtins'
import { bool, prop } from './drag'

type Field = HTMLInputElement | HTMLTextAreaElement

type State = {
  field: Field
  placeholder: HTMLElement
  multiline: boolean
  emit: Emit
  keyCode: number
  // The values sent in input events, whose echo (setData of e.detail.value) may still
  // come back as the value attribute.
  typed: string[]
  lineCount: number
}

const state = (el: HTMLElement) => (el as any).__field as State | undefined

// The phone's default maxlength; -1 means no limit.
const DEFAULT_MAXLENGTH = 140

// The characters each keyboard type can type; a desktop keyboard types anything, so the
// rest is dropped as the phone's keyboard could not have typed it.
const disallowed: Record<string, RegExp> = {
  number: /[^0-9]/g,
  digit: /[^0-9.]/g,
  idcard: /[^0-9Xx]/g,
}

const inputModes: Record<string, string> = { number: 'numeric', digit: 'decimal', idcard: 'text' }

function showPlaceholder(s: State) {
  s.placeholder.style.display = s.field.value === '' ? '' : 'none'
}

// setFieldValue replaces the text (the value attribute, a form's reset, a handler's return).
export function setFieldValue(el: HTMLElement, value: string, cursor?: number) {
  const s = state(el)
  if (!s) return
  if (s.field.value !== value) s.field.value = value
  if (cursor !== undefined && el.ownerDocument.activeElement === s.field) {
    const at = Math.max(0, Math.min(value.length, cursor))
    s.field.setSelectionRange(at, at)
  }
  showPlaceholder(s)
  lineChange(el, s)
}

// fieldText is the field's current text, for a form's submit.
export function fieldText(el: HTMLElement): string {
  return state(el)?.field.value ?? ''
}

// setInputValue applies what a bindinput handler returned for the text an input event
// carried (typed); once more keys were typed, that text is gone and a later event's
// answer applies instead.
export function setInputValue(el: HTMLElement | undefined, reply: { typed: string; value: string; cursor?: number }) {
  const s = el && state(el)
  if (!s || s.field.value !== reply.typed) return
  setFieldValue(el!, reply.value, reply.cursor ?? reply.value.length)
}

function applyType(el: HTMLElement, s: State) {
  if (s.multiline) return
  const f = s.field as HTMLInputElement
  const type = String(prop(el, 'type') ?? 'text')
  f.type = bool(prop(el, 'password')) || type === 'safe-password' ? 'password' : 'text'
  f.inputMode = inputModes[type] || 'text'
}

function applyMaxlength(el: HTMLElement, s: State) {
  const v = prop(el, 'maxlength')
  const n = v === undefined || v === null || v === '' ? DEFAULT_MAXLENGTH : Number(v)
  if (Number.isFinite(n) && n >= 0) s.field.maxLength = n
  else s.field.removeAttribute('maxlength')
}

function applyPlaceholder(el: HTMLElement, s: State) {
  const p = s.placeholder
  p.textContent = String(prop(el, 'placeholder') ?? '')
  const cls = prop(el, 'placeholder-class')
  p.className = cls === undefined || cls === null ? (s.multiline ? 'textarea-placeholder' : 'input-placeholder') : String(cls)
  p.setAttribute('style', String(prop(el, 'placeholder-style') ?? ''))
  showPlaceholder(s)
}

// applySelection puts the caret at cursor, or selects selection-start..end, as the phone
// does when the field gets focus.
function applySelection(el: HTMLElement, s: State) {
  const f = s.field
  if (el.ownerDocument.activeElement !== f) return
  const len = f.value.length
  const start = Number(prop(el, 'selection-start') ?? -1)
  const end = Number(prop(el, 'selection-end') ?? -1)
  if (start >= 0 && end >= 0) {
    f.setSelectionRange(Math.min(start, len), Math.min(end, len))
    return
  }
  const cursor = Number(prop(el, 'cursor') ?? -1)
  if (cursor >= 0) f.setSelectionRange(Math.min(cursor, len), Math.min(cursor, len))
}

function focusField(el: HTMLElement, s: State) {
  // Attributes arrive in the batch that creates the element, and the page stays hidden
  // until its style sheets load (index.ts): focus once the field is in a shown page.
  const deadline = performance.now() + 10_000
  const tryFocus = () => {
    if (s.field.disabled || !bool(prop(el, 'focus')) && !bool(prop(el, 'auto-focus'))) return
    if (!el.isConnected || getComputedStyle(s.field).visibility === 'hidden') {
      if (performance.now() < deadline) requestAnimationFrame(tryFocus)
      return
    }
    s.field.focus()
    applySelection(el, s)
  }
  setTimeout(tryFocus, 0)
}

// lineHeight is the height of one line of the textarea's text.
function lineHeight(f: Field): number {
  const cs = getComputedStyle(f)
  const lh = parseFloat(cs.lineHeight)
  if (Number.isFinite(lh)) return lh
  const probe = f.ownerDocument.createElement('div')
  probe.style.cssText = `position:absolute;visibility:hidden;font:${cs.font};line-height:normal`
  probe.textContent = 'x'
  f.ownerDocument.body.appendChild(probe)
  const h = probe.getBoundingClientRect().height
  probe.remove()
  return h || parseFloat(cs.fontSize) * 1.2
}

// lineChange reports a textarea's line count when it changes (linechange).
function lineChange(el: HTMLElement, s: State) {
  if (!s.multiline || !el.isConnected) return
  const f = s.field
  // The text's own height: the box may be taller than its text.
  const saved = f.style.height
  f.style.height = '0'
  const height = f.scrollHeight
  f.style.height = saved
  const lh = lineHeight(f)
  const lineCount = Math.max(1, Math.round(height / lh))
  if (lineCount === s.lineCount) return
  // The count the field opens with is no change.
  const first = s.lineCount === 0
  s.lineCount = lineCount
  if (first) return
  const h = lineCount * lh
  const width = el.ownerDocument.documentElement.clientWidth || 375
  s.emit('linechange', { height: h, heightRpx: Math.round((h * 750) / width), lineCount }, false)
}

// The field a pressed page keeps focused (hold-keyboard): a tap elsewhere does not close
// the keyboard.
function installHoldKeyboard(doc: Document) {
  if ((doc as any).__mpsimHoldKeyboard) return
  ;(doc as any).__mpsimHoldKeyboard = true
  doc.addEventListener('mousedown', (e) => {
    const active = doc.activeElement as HTMLElement | null
    const host = active?.parentElement
    if (!host || !state(host) || !bool(prop(host, 'hold-keyboard'))) return
    if ((e.target as Element).closest?.('wx-input, wx-textarea')) return
    e.preventDefault()
  })
}

export function field(multiline: boolean): Builtin {
  return {
    create(el, emit) {
      const doc = el.ownerDocument
      const placeholder = doc.createElement('div')
      const f = doc.createElement(multiline ? 'textarea' : 'input')
      el.append(placeholder, f)
      const s: State = { field: f, placeholder, multiline, emit, keyCode: 0, typed: [], lineCount: 0 }
      ;(el as any).__field = s
      applyPlaceholder(el, s)
      applyMaxlength(el, s)
      applyType(el, s)
      installHoldKeyboard(doc)

      f.addEventListener('keydown', (e) => {
        const k = e as KeyboardEvent
        s.keyCode = k.keyCode
        if (k.key !== 'Enter' || k.isComposing) return
        // A textarea's return key types a new line unless confirm-type names another key.
        const confirmType = String(prop(el, 'confirm-type') ?? (multiline ? 'return' : 'done'))
        if (multiline && confirmType === 'return') return
        e.preventDefault()
        emit('confirm', { value: f.value }, false)
        if (!bool(prop(el, 'confirm-hold'))) f.blur()
      })
      f.addEventListener('input', (e) => {
        const bad = multiline ? undefined : disallowed[String(prop(el, 'type') ?? 'text')]
        if (bad) {
          const at = f.selectionStart ?? f.value.length
          const before = f.value.slice(0, at).replace(bad, '')
          const after = f.value.slice(at).replace(bad, '')
          if (before + after !== f.value) {
            f.value = before + after
            f.setSelectionRange(before.length, before.length)
          }
        }
        s.typed.push(f.value)
        if (s.typed.length > 64) s.typed.shift()
        showPlaceholder(s)
        lineChange(el, s)
        if ((e as InputEvent).isComposing) return
        emit('input', { value: f.value, cursor: f.selectionStart ?? f.value.length, keyCode: s.keyCode }, false)
      })
      f.addEventListener('compositionend', () => {
        emit('input', { value: f.value, cursor: f.selectionStart ?? f.value.length, keyCode: s.keyCode }, false)
      })
      f.addEventListener('focus', () => {
        lineChange(el, s)
        emit('focus', { value: f.value, height: KEYBOARD_HEIGHT }, false)
        emit('keyboardheightchange', { height: KEYBOARD_HEIGHT, duration: 0 }, false)
      })
      f.addEventListener('blur', () => {
        emit('blur', { value: f.value, cursor: f.selectionStart ?? 0 }, false)
        emit('keyboardheightchange', { height: 0, duration: 0 }, false)
        // The simulator reviews no nickname: every one passes at once.
        if (prop(el, 'type') === 'nickname') emit('nicknamereview', { pass: true, timeout: false }, false)
      })
    },
    set(el, name, value) {
      const s = state(el)!
      switch (name) {
        case 'value': {
          const v = value == null ? '' : String(value)
          // A value the page echoes back from an input event (setData in bindinput) is
          // older than what the field shows while typing goes on: keeping it would drop
          // the keys typed since. Any other value replaces the text.
          const i = s.typed.indexOf(v)
          if (i >= 0) {
            s.typed.splice(0, i + 1)
            return true
          }
          setFieldValue(el, v)
          return true
        }
        case 'placeholder':
        case 'placeholder-class':
        case 'placeholder-style':
          applyPlaceholder(el, s)
          return true
        case 'disabled':
          s.field.disabled = bool(value)
          return false
        case 'maxlength':
          applyMaxlength(el, s)
          return true
        case 'type':
        case 'password':
          applyType(el, s)
          return true
        case 'confirm-type':
          s.field.enterKeyHint = ['send', 'search', 'next', 'go', 'done'].includes(String(value)) ? String(value) : multiline ? 'enter' : 'done'
          return true
        case 'focus':
        case 'auto-focus':
          if (bool(value)) focusField(el, s)
          else if (name === 'focus' && el.ownerDocument.activeElement === s.field) s.field.blur()
          return true
        case 'cursor':
        case 'selection-start':
        case 'selection-end':
          applySelection(el, s)
          return true
        case 'cursor-color':
          s.field.style.caretColor = value ? String(value) : ''
          return true
        case 'auto-height':
          // page-frame.html sizes a textarea with auto-height by its text.
          setTimeout(() => lineChange(el, s), 0)
          return false
      }
      return false
    },
  }
}
