// picker (the bottom sheet) and picker-view / picker-view-column (the embedded wheel) of
// the page layer. Both are made of Columns: a list of items, one of which sits in the
// indicator band; a drag or the wheel scrolls it and it snaps to an item when let go.
import type { Builtin, Emit } from './builtins'
import { bool, prop } from './drag'

type El = HTMLElement & Record<string, any>

// Column scrolls its items by the top margin of a spacer it puts first in its element:
// item i is centred in the band when the margin is (viewH - itemH) / 2 - i * itemH.
export class Column {
  index = 0
  private offset = 0
  private spacer: HTMLElement
  private wheelTimer: ReturnType<typeof setTimeout> | undefined
  private moving = false

  constructor(
    readonly el: HTMLElement,
    private geom: () => { itemH: number; viewH: number },
    private onSettle: (index: number) => void,
    private onStart: () => void = () => {},
  ) {
    this.spacer = document.createElement('div')
    this.spacer.className = 'wx-picker-spacer'
    el.insertBefore(this.spacer, el.firstChild)
    let drag: { id: number; y: number; offset: number } | null = null
    el.addEventListener('pointerdown', (ev) => {
      if (ev.pointerType === 'mouse' && ev.button !== 0) return
      drag = { id: ev.pointerId, y: ev.clientY, offset: this.offset }
      el.setPointerCapture?.(ev.pointerId)
      this.start()
    })
    el.addEventListener('pointermove', (ev) => {
      if (!drag || ev.pointerId !== drag.id) return
      this.scrollTo(drag.offset - (ev.clientY - drag.y))
    })
    const end = (ev: PointerEvent) => {
      if (!drag || ev.pointerId !== drag.id) return
      drag = null
      this.snap()
    }
    el.addEventListener('pointerup', end)
    el.addEventListener('pointercancel', end)
    el.addEventListener(
      'wheel',
      (ev) => {
        ev.preventDefault()
        this.start()
        this.scrollTo(this.offset + ev.deltaY)
        clearTimeout(this.wheelTimer)
        this.wheelTimer = setTimeout(() => this.snap(), 120)
      },
      { passive: false },
    )
  }

  count() {
    return this.el.children.length - 1
  }

  private start() {
    if (this.moving) return
    this.moving = true
    this.spacer.style.transition = ''
    this.onStart()
  }

  // scrollTo follows the finger, a little past either end.
  private scrollTo(offset: number) {
    const { itemH } = this.geom()
    const max = Math.max(0, this.count() - 1) * itemH
    this.offset = Math.min(max + itemH / 2, Math.max(-itemH / 2, offset))
    this.place()
  }

  private snap() {
    this.moving = false
    const { itemH } = this.geom()
    const i = this.clamp(Math.round(this.offset / itemH))
    this.spacer.style.transition = 'margin-top .15s ease-out'
    const changed = i !== this.index
    this.setIndex(i)
    if (changed) this.onSettle(i)
  }

  private clamp(i: number) {
    return Math.max(0, Math.min(this.count() - 1, Number.isFinite(i) ? Math.round(i) : 0))
  }

  // setIndex shows item i in the band (no event).
  setIndex(i: number) {
    this.index = Math.max(0, this.clamp(i))
    this.offset = this.index * this.geom().itemH
    this.place()
  }

  layout() {
    if (!this.moving) this.setIndex(this.index)
  }

  private place() {
    const { itemH, viewH } = this.geom()
    this.spacer.style.marginTop = `${(viewH - itemH) / 2 - this.offset}px`
  }
}

// ---- picker-view -----------------------------------------------------------------------

let nextViewId = 1

function indicatorHeight(el: HTMLElement): number {
  const m = /(?:^|;)\s*height\s*:\s*([\d.]+)\s*(px|rpx)?/i.exec(String(prop(el, 'indicator-style') ?? ''))
  if (!m) return 34
  const n = Number(m[1])
  return m[2] === 'rpx' ? (n * (window.innerWidth || 375)) / 750 : n
}

function columnsOf(view: HTMLElement): El[] {
  return [...view.querySelectorAll('wx-picker-view-column')].filter((c) => c.closest('wx-picker-view') === view) as El[]
}

function layoutView(view: El) {
  const itemH = indicatorHeight(view)
  const viewH = view.clientHeight
  view.__geom = { itemH, viewH }
  const pad = Math.max(0, (viewH - itemH) / 2)
  const p = view.__parts as Record<string, HTMLElement>
  p.indicator.style.top = `${pad}px`
  p.indicator.style.height = `${itemH}px`
  p.mask.style.backgroundSize = `100% ${pad}px`
  p.sheet.textContent = `wx-picker-view[wx-picker-view="${view.__viewId}"] > wx-picker-view-column > :not(.wx-picker-spacer) { height: ${itemH}px; overflow: hidden; box-sizing: border-box; }`
  const indices: number[] = view.__indices || []
  columnsOf(view).forEach((c, i) => {
    const col = c.__column as Column | undefined
    if (!col) return
    if (!c.__touched) col.index = indices[i] ?? 0
    col.layout()
  })
}

function scheduleLayout(view: El) {
  if (view.__layoutQueued) return
  view.__layoutQueued = true
  queueMicrotask(() => {
    view.__layoutQueued = false
    layoutView(view)
  })
}

function viewValue(view: HTMLElement): number[] {
  return columnsOf(view).map((c) => (c.__column as Column | undefined)?.index ?? 0)
}

export const pickerView: Builtin = {
  create(el, emit) {
    const e = el as El
    e.__emit = emit
    e.__viewId = nextViewId++
    el.setAttribute('wx-picker-view', String(e.__viewId))
    const overlay = document.createElement('div')
    overlay.className = 'wx-picker-view-overlay'
    const mask = document.createElement('div')
    mask.className = 'wx-picker-view-mask'
    const indicator = document.createElement('div')
    indicator.className = 'wx-picker-view-indicator'
    overlay.append(mask, indicator)
    el.insertBefore(overlay, el.firstChild)
    const sheet = document.createElement('style')
    document.head.appendChild(sheet)
    e.__parts = { overlay, mask, indicator, sheet }
    new MutationObserver(() => scheduleLayout(e)).observe(el, { childList: true, subtree: true })
    new ResizeObserver(() => scheduleLayout(e)).observe(el)
    scheduleLayout(e)
  },
  set(el, name, value) {
    const e = el as El
    const p = e.__parts as Record<string, HTMLElement>
    switch (name) {
      case 'value':
        e.__indices = Array.isArray(value) ? value.map((v) => Number(v) || 0) : []
        for (const c of columnsOf(el)) c.__touched = false
        scheduleLayout(e)
        return true
      case 'indicator-style':
        p.indicator.setAttribute('style', String(value ?? ''))
        scheduleLayout(e)
        return true
      case 'indicator-class':
        p.indicator.className = `wx-picker-view-indicator ${value ?? ''}`
        return true
      case 'mask-style':
        p.mask.setAttribute('style', String(value ?? ''))
        scheduleLayout(e)
        return true
      case 'mask-class':
        p.mask.className = `wx-picker-view-mask ${value ?? ''}`
        return true
    }
    return false
  },
}

export const pickerViewColumn: Builtin = {
  create(el) {
    const e = el as El
    const view = () => el.closest('wx-picker-view') as El | null
    e.__column = new Column(
      el,
      () => view()?.__geom || { itemH: 34, viewH: 0 },
      () => {
        e.__touched = true
        const v = view()
        if (!v) return
        const value = viewValue(v)
        v.__indices = value
        v.__emit?.('pickend', {}, false)
        v.__emit?.('change', { value }, false)
      },
      () => view()?.__emit?.('pickstart', {}, false),
    )
  },
  set: () => false,
}

// ---- picker (the bottom sheet) ---------------------------------------------------------

// A sample of the phone's region data (province, city, district with codes and postcodes):
// the simulator carries a few places, not the whole country.
type Place = [name: string, code: string, postcode?: string, children?: Place[]]
const regions: Place[] = [
  ['北京市', '110000', '', [['北京市', '110100', '', [['东城区', '110101', '100010'], ['西城区', '110102', '100032'], ['朝阳区', '110105', '100020'], ['海淀区', '110108', '100080']]]]],
  ['上海市', '310000', '', [['上海市', '310100', '', [['黄浦区', '310101', '200001'], ['徐汇区', '310104', '200030'], ['浦东新区', '310115', '200120']]]]],
  ['广东省', '440000', '', [
    ['广州市', '440100', '', [['越秀区', '440104', '510030'], ['海珠区', '440105', '510220'], ['天河区', '440106', '510630']]],
    ['深圳市', '440300', '', [['福田区', '440304', '518033'], ['南山区', '440305', '518051'], ['宝安区', '440306', '518101']]],
  ]],
  ['浙江省', '330000', '', [
    ['杭州市', '330100', '', [['上城区', '330102', '310002'], ['西湖区', '330106', '310013']]],
    ['宁波市', '330200', '', [['海曙区', '330203', '315000'], ['鄞州区', '330212', '315100']]],
  ]],
]

// A Model is one mode of the picker: its columns for a selection, and the value it gives.
type Model = {
  columns(sel: number[]): string[][]
  initial(): number[]
  value(sel: number[]): unknown
  detail(sel: number[]): Record<string, unknown>
}

const pad2 = (n: number) => String(n).padStart(2, '0')
const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i)

function label(item: unknown, key: unknown): string {
  if (key && item && typeof item === 'object') return String((item as Record<string, unknown>)[String(key)] ?? '')
  return item === undefined || item === null ? '' : String(item)
}

function modelOf(el: El): Model {
  const mode = String(prop(el, 'mode') || 'selector')
  const key = prop(el, 'range-key')
  const cur = el.__value
  switch (mode) {
    case 'multiSelector': {
      const cols = (Array.isArray(prop(el, 'range')) ? prop(el, 'range') : []) as unknown[]
      return {
        columns: () => cols.map((c) => (Array.isArray(c) ? c.map((x) => label(x, key)) : [])),
        initial: () => cols.map((_, i) => (Array.isArray(cur) ? Number(cur[i]) || 0 : 0)),
        value: (sel) => sel.slice(),
        detail: (sel) => ({ value: sel.slice() }),
      }
    }
    case 'time': {
      const parse = (s: unknown, d: [number, number]): [number, number] => {
        const m = /^(\d{1,2}):(\d{1,2})$/.exec(String(s ?? ''))
        return m ? [Number(m[1]), Number(m[2])] : d
      }
      const [sh, sm] = parse(prop(el, 'start'), [0, 0])
      const [eh, em] = parse(prop(el, 'end'), [23, 59])
      const hours = range(sh, eh)
      const minutes = (h: number) => range(h === sh ? sm : 0, h === eh ? em : 59)
      const value = (sel: number[]) => {
        const h = hours[sel[0]] ?? sh
        const ms = minutes(h)
        return `${pad2(h)}:${pad2(ms[Math.min(sel[1], ms.length - 1)] ?? 0)}`
      }
      return {
        columns: (sel) => [hours.map(pad2), minutes(hours[sel[0]] ?? sh).map(pad2)],
        initial: () => {
          const [h, m] = parse(cur, [sh, sm])
          const hi = Math.max(0, hours.indexOf(h))
          return [hi, Math.max(0, minutes(hours[hi]).indexOf(m))]
        },
        value,
        detail: (sel) => ({ value: value(sel) }),
      }
    }
    case 'date': {
      const parse = (s: unknown): number[] | null => {
        const m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(String(s ?? ''))
        return m ? [Number(m[1]), Number(m[2] || 1), Number(m[3] || 1)] : null
      }
      const [sy, smo, sd] = parse(prop(el, 'start')) || [1900, 1, 1]
      const [ey, emo, ed] = parse(prop(el, 'end')) || [2100, 12, 31]
      const fields = String(prop(el, 'fields') || 'day')
      const n = fields === 'year' ? 1 : fields === 'month' ? 2 : 3
      const years = range(sy, ey)
      const months = (y: number) => range(y === sy ? smo : 1, y === ey ? emo : 12)
      const days = (y: number, mo: number) => range(y === sy && mo === smo ? sd : 1, y === ey && mo === emo ? ed : new Date(y, mo, 0).getDate())
      const pick = (sel: number[]) => {
        const y = years[sel[0]] ?? sy
        const ms = months(y)
        const mo = ms[Math.min(sel[1] ?? 0, ms.length - 1)]
        const ds = days(y, mo)
        return { y, mo, d: ds[Math.min(sel[2] ?? 0, ds.length - 1)], ms, ds }
      }
      const value = (sel: number[]) => {
        const { y, mo, d } = pick(sel)
        return [String(y), pad2(mo), pad2(d)].slice(0, n).join('-')
      }
      return {
        columns: (sel) => {
          const { y, mo, ms, ds } = pick(sel)
          return [years.map((v) => `${v}年`), ms.map((v) => `${v}月`), days(y, mo).length ? ds.map((v) => `${v}日`) : []].slice(0, n)
        },
        initial: () => {
          const now = new Date()
          const [y, mo, d] = parse(cur) || [now.getFullYear(), now.getMonth() + 1, now.getDate()]
          const yi = Math.max(0, years.indexOf(Math.min(ey, Math.max(sy, y))))
          const mi = Math.max(0, months(years[yi]).indexOf(mo))
          const di = Math.max(0, days(years[yi], months(years[yi])[mi]).indexOf(d))
          return [yi, mi, di].slice(0, n)
        },
        value,
        detail: (sel) => ({ value: value(sel) }),
      }
    }
    case 'region': {
      const custom = prop(el, 'custom-item')
      const customPlace: Place | null = custom ? [String(custom), '', ''] : null
      const list = (places: Place[] | undefined): Place[] => (customPlace ? [customPlace, ...(places || [])] : places || [])
      const pick = (sel: number[]): Place[] => {
        const out: Place[] = []
        let level = list(regions)
        for (let i = 0; i < 3; i++) {
          const p = level[Math.min(sel[i] ?? 0, level.length - 1)]
          if (!p) break
          out.push(p)
          level = p === customPlace ? [customPlace] : list(p[3])
        }
        return out
      }
      const levels = (sel: number[]): Place[][] => {
        const picked = pick(sel)
        return [list(regions), picked[0] === customPlace ? [customPlace!] : list(picked[0]?.[3]), picked[1] === customPlace ? [customPlace!] : list(picked[1]?.[3])]
      }
      return {
        columns: (sel) => levels(sel).map((l) => l.map((p) => p[0])),
        initial: () => {
          const names = Array.isArray(cur) ? cur.map(String) : []
          const sel: number[] = []
          for (let i = 0; i < 3; i++) {
            const l = levels(sel.concat([0, 0, 0]).slice(0, 3))[i]
            sel.push(Math.max(0, l.findIndex((p) => p[0] === names[i])))
          }
          return sel
        },
        value: (sel) => pick(sel).map((p) => p[0]),
        detail: (sel) => {
          const p = pick(sel)
          return { value: p.map((x) => x[0]), code: p.map((x) => x[1]), postcode: p[2]?.[2] ?? '' }
        },
      }
    }
    default: {
      const items = (Array.isArray(prop(el, 'range')) ? prop(el, 'range') : []) as unknown[]
      return {
        columns: () => [items.map((x) => label(x, key))],
        initial: () => [Number(cur) || 0],
        value: (sel) => sel[0] ?? 0,
        detail: (sel) => ({ value: sel[0] ?? 0 }),
      }
    }
  }
}

const ITEM_H = 34
const VIEW_H = 238

type Sheet = { root: HTMLElement; columns: Column[]; sel: number[]; refresh(): void }

function openSheet(el: El, emit: Emit) {
  if (el.__sheet) return
  const doc = el.ownerDocument
  const root = doc.createElement('div')
  root.className = 'wx-picker-container'
  root.innerHTML =
    '<div class="wx-picker-mask"></div><div class="wx-picker"><div class="wx-picker-hd">' +
    '<div class="wx-picker-action wx-picker-cancel">取消</div><div class="wx-picker-title"></div>' +
    '<div class="wx-picker-action wx-picker-confirm">确定</div></div>' +
    `<div class="wx-picker-bd" style="height: ${VIEW_H}px"><div class="wx-picker-view-overlay">` +
    `<div class="wx-picker-view-mask" style="background-size: 100% ${(VIEW_H - ITEM_H) / 2}px"></div>` +
    `<div class="wx-picker-view-indicator" style="top: ${(VIEW_H - ITEM_H) / 2}px; height: ${ITEM_H}px"></div></div></div></div>`
  ;(root.querySelector('.wx-picker-title') as HTMLElement).textContent = String(prop(el, 'header-text') ?? '')
  const body = root.querySelector('.wx-picker-bd') as HTMLElement
  const geom = () => ({ itemH: ITEM_H, viewH: VIEW_H })
  const sheet: Sheet = { root, columns: [], sel: [], refresh }
  let model = modelOf(el)
  sheet.sel = model.initial()

  // refresh makes the columns match the model for the current selection: a date's days
  // follow its month, a region's cities its province, a multiSelector's range the page.
  function refresh() {
    model = modelOf(el)
    const cols = model.columns(sheet.sel)
    while (sheet.columns.length > cols.length) sheet.columns.pop()!.el.remove()
    cols.forEach((items, i) => {
      let col = sheet.columns[i]
      if (!col) {
        const c = doc.createElement('div')
        c.className = 'wx-picker-column'
        body.appendChild(c)
        col = new Column(c, geom, (index) => settle(i, index))
        sheet.columns.push(col)
      }
      const texts = [...col.el.children].slice(1).map((n) => n.textContent)
      if (texts.length !== items.length || texts.some((t, k) => t !== items[k])) {
        while (col.el.children.length > 1) col.el.lastChild!.remove()
        for (const t of items) {
          const item = doc.createElement('div')
          item.className = 'wx-picker-item'
          item.textContent = t
          col.el.appendChild(item)
        }
      }
      col.setIndex(sheet.sel[i] ?? 0)
      sheet.sel[i] = col.index
    })
  }

  function settle(column: number, index: number) {
    sheet.sel[column] = index
    if (String(prop(el, 'mode')) === 'multiSelector') emit('columnchange', { column, value: index }, false)
    refresh()
  }

  const close = () => {
    root.remove()
    el.__sheet = null
  }
  root.querySelector('.wx-picker-mask')!.addEventListener('click', () => {
    close()
    emit('cancel', {}, false)
  })
  root.querySelector('.wx-picker-cancel')!.addEventListener('click', () => {
    close()
    emit('cancel', {}, false)
  })
  root.querySelector('.wx-picker-confirm')!.addEventListener('click', () => {
    close()
    el.__value = model.value(sheet.sel)
    emit('change', model.detail(sheet.sel), false)
  })
  el.__sheet = sheet
  doc.body.appendChild(root)
  refresh()
}

export const picker: Builtin = {
  create(el, emit) {
    const e = el as El
    e.__emit = emit
    el.addEventListener('click', (ev) => {
      // Taps inside the open sheet are not taps on the picker (the sheet is not inside it).
      if (bool(prop(el, 'disabled')) || (ev.target as Element).closest?.('.wx-picker-container')) return
      openSheet(e, emit)
    })
  },
  set(el, name, value) {
    const e = el as El
    if (name === 'value') e.__value = Array.isArray(value) ? value.slice() : value
    // A multiSelector's page changes its range in columnchange: the open sheet follows.
    if (name === 'range' || name === 'value') e.__sheet?.refresh()
    return false
  },
}

// pickerFormValue is the picker's value in a form's submit, as its change gave it.
export function pickerFormValue(el: HTMLElement): unknown {
  const e = el as El
  const mode = String(prop(el, 'mode') || 'selector')
  if (mode === 'selector') return Number(e.__value) || 0
  if (e.__value !== undefined && e.__value !== null && e.__value !== '') return e.__value
  if (mode === 'multiSelector' || mode === 'region') return []
  return ''
}

export function pickerReset(el: HTMLElement) {
  ;(el as El).__value = undefined
}
