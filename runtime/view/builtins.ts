// Built-in components with behaviour of their own in the page layer. Each gets its DOM
// element when created and its attributes as they change, and emits the phone's events
// for its node (input, focus, blur, confirm ...).

export type Emit = (type: string, detail: Record<string, unknown>, bubbles?: boolean) => void

type Builtin = {
  create(el: HTMLElement, emit: Emit): void
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

export const builtins: Record<string, Builtin> = {
  'wx-input': field(false),
  'wx-textarea': field(true),
}
