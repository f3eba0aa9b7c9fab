// Stack traces of the app's code point into appservice.js; V8 never applies source maps
// to Error.stack (only the DevTools UI does). This maps them back to the user's files
// with appservice.js.map, so that the console and App.onError name the .ts/.js line.

type Segment = [genCol: number, source: number, line: number, col: number]

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export class StackMapper {
  private lines: Segment[][] | null = null
  private sources: string[] = []
  private failed = false

  constructor(private mapURL: string) {}

  // map rewrites every "appservice.js:LINE:COL" in a stack to "file:line:col".
  map(stack: string): string {
    if (!this.load()) return stack
    return stack.replace(/(?:https?:\/\/[^\s)]*\/)?appservice\.js(?:\?[^:\s)]*)?:(\d+):(\d+)/g, (whole, l, c) => {
      const pos = this.lookup(Number(l) - 1, Number(c) - 1)
      return pos ? `${pos.source}:${pos.line + 1}:${pos.col + 1}` : whole
    })
  }

  private lookup(line: number, col: number) {
    const segs = this.lines?.[line]
    if (!segs || segs.length === 0) return null
    let best: Segment | null = null
    for (const s of segs) {
      if (s[0] <= col) best = s
      else break
    }
    best = best || segs[0]!
    return { source: this.sources[best[1]] || '?', line: best[2], col: best[3] }
  }

  private load(): boolean {
    if (this.lines) return true
    if (this.failed) return false
    try {
      const xhr = new XMLHttpRequest()
      xhr.open('GET', this.mapURL, false)
      xhr.send()
      const map = JSON.parse(xhr.responseText)
      this.sources = map.sources || []
      this.lines = decode(map.mappings || '')
      return true
    } catch {
      this.failed = true
      return false
    }
  }
}

// decode reads the "mappings" field of a version 3 source map.
function decode(mappings: string): Segment[][] {
  const lines: Segment[][] = []
  let source = 0
  let line = 0
  let col = 0
  for (const group of mappings.split(';')) {
    const segs: Segment[] = []
    let genCol = 0
    for (const seg of group.split(',')) {
      if (!seg) continue
      const v = vlq(seg)
      genCol += v[0]!
      if (v.length >= 4) {
        source += v[1]!
        line += v[2]!
        col += v[3]!
        segs.push([genCol, source, line, col])
      }
    }
    lines.push(segs)
  }
  return lines
}

function vlq(s: string): number[] {
  const out: number[] = []
  let value = 0
  let shift = 0
  for (const ch of s) {
    const digit = B64.indexOf(ch)
    value += (digit & 31) << shift
    if (digit & 32) shift += 5
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return out
}
