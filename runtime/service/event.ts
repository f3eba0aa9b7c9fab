// The event object a handler gets, shaped as a phone's: its fields are its own, and
// target and currentTarget are plain {id, offsetLeft, offsetTop, dataset} rather than
// glass-easel's nodes, so a handler may keep the event in data, store it or print it as
// JSON (mp-select-text's on-document-tap takes a page's tap event through setData).

type Target = { id?: unknown; offsetLeft?: unknown; offsetTop?: unknown; dataset?: unknown }

function plainTarget(n: Target | null | undefined) {
  if (!n || typeof n !== 'object') return n
  return { id: n.id, offsetLeft: n.offsetLeft, offsetTop: n.offsetTop, dataset: n.dataset }
}

// phoneEvent keeps glass-easel's event as the prototype: its methods still answer.
export function phoneEvent(event: any): any {
  const e = Object.create(event)
  e.type = event.type
  e.timeStamp = event.timeStamp
  e.target = plainTarget(event.target)
  e.currentTarget = plainTarget(event.currentTarget)
  e.mark = event.mark
  e.detail = event.detail
  if (event.extraFields) Object.assign(e, event.extraFields)
  return e
}
