// The service layer's part of <form> and <button open-type="share">. The page layer
// gathers the built-in fields of a form (runtime/view/forms.ts) and sends them with the
// submit event; the custom components with the wx://form-field behavior keep their
// `name` and `value` here, so they are added before the event reaches the handlers.
import * as glassEasel from 'glass-easel'
import { type OpenAPI } from './open-api'

// FORM_FIELD marks the glass-easel component of a wx://form-field component (app.ts).
export const FORM_FIELD = '__mpsimFormField'

// addFormFields adds to value the name/value of each form-field component under form
// (its logical children and, for components, their shadow trees).
export function addFormFields(form: glassEasel.Element, value: Record<string, unknown>) {
  const walk = (n: glassEasel.Node) => {
    if (!(n instanceof glassEasel.Element)) return
    if (glassEasel.Component.isComponent(n)) {
      const comp = n as glassEasel.GeneralComponent
      if ((comp as any)[FORM_FIELD]) {
        const data = comp.data as Record<string, unknown>
        if (data.name !== undefined && data.name !== null && data.name !== '') value[String(data.name)] = data.value
      }
      const shadow = comp.getShadowRoot()
      if (shadow) for (const c of shadow.childNodes) walk(c)
    }
    for (const c of n.childNodes) walk(c)
  }
  for (const c of form.childNodes) walk(c)
}

type Caller = Record<string, any>

// builtinEvent handles a page event that is the simulator's, not the app's: a form's
// submit gets its form-field components; a share button calls the page's
// onShareAppMessage({from: 'button', target}) and shows the share dialog, as a phone
// shows its share sheet; an open-type button that needs the account (getPhoneNumber ...)
// is answered by the Go handlers, and its event is dispatched again with that detail.
// It reports whether the event was consumed.
export function builtinEvent(target: glassEasel.Element | undefined, type: string, detail: any, page: Caller | undefined,
  open: OpenAPI | undefined, redispatch: (type: string, detail: unknown) => void): boolean {
  if (!target) return false
  if (open && typeof detail?.__mpsimOpenType === 'string') {
    void open.openTypeDetail(detail.__mpsimOpenType).then((d) => redispatch(type, d))
    return true
  }
  const tag = (target as any).is as string | undefined
  if (type === 'submit' && tag === 'form' && detail && typeof detail.value === 'object') {
    addFormFields(target, detail.value)
    return false
  }
  if (type === 'share' && tag === 'button') {
    const f = page?.onShareAppMessage
    if (typeof f !== 'function') {
      console.info('[mpsim] button open-type="share": the page has no onShareAppMessage, so it cannot be shared')
      return true
    }
    const res = f.call(page, { from: 'button', target: { id: target.id, dataset: (target as any).dataset || {} }, webViewUrl: '' })
    console.info('[mpsim] share from a button:', JSON.stringify(res ?? {}))
    void open?.share(res && typeof res === 'object' ? res : {}, 'button')
    return true
  }
  return false
}
