// goja has no URL, which the Sass compiler's API speaks in (the sheet's url, importers').
// This is the part it uses: absolute URLs of any scheme ("mp:/pages/a.scss",
// "sass:math"), and a relative one against a base.
const g = globalThis as any
if (typeof g.URL === 'undefined') {
  const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/
  g.URL = class URL {
    href: string
    protocol: string
    pathname: string
    constructor(url: string | URL, base?: string | URL) {
      let href = String(url)
      if (!SCHEME.test(href)) {
        if (base === undefined) throw new TypeError(`Invalid URL: ${href}`)
        const b = new URL(base)
        const dir = b.pathname.slice(0, b.pathname.lastIndexOf('/') + 1)
        const parts: string[] = []
        for (const seg of (href.startsWith('/') ? href : dir + href).split('/')) {
          if (seg === '..') parts.pop()
          else if (seg !== '.') parts.push(seg)
        }
        href = b.protocol + parts.join('/')
      }
      this.href = href
      this.protocol = SCHEME.exec(href)![0]
      this.pathname = href.slice(this.protocol.length).replace(/^\/\/[^/]*/, '')
    }
    toString() { return this.href }
    toJSON() { return this.href }
  }
}
// Dart's Uri.base, which Sass resolves and prints paths against, reads self.location.
if (typeof g.location === 'undefined') g.location = { href: 'mp:/' }
export {}
