// The style sheet languages the official tools compile with setting.useCompilerPlugins
// (Sass and Less), with their own compilers, for compiler/stylelang: it runs this bundle
// in a JavaScript engine inside the Go build. Paths are project paths ("pages/a/a.scss");
// the Go side reads files through __mpsimRead (the text, or null when there is none).
import './url'
import * as sass from 'sass'
// @ts-ignore: less ships no types for its environment-free core
import createLess from 'less/lib/less/index.js'
// @ts-ignore
import AbstractFileManager from 'less/lib/less/environment/abstract-file-manager.js'
// @ts-ignore
import AbstractPluginLoader from 'less/lib/less/environment/abstract-plugin-loader.js'

declare const __mpsimRead: (path: string) => string | null

type Failure = { message: string; file: string; line: number; column: number }
type Result = { css: string; imports: string[] } | { error: Failure }

// join resolves rel against the folder dir (both project paths); "/x" is from the root.
function join(dir: string, rel: string): string {
  const parts = rel.startsWith('/') ? [] : dir.split('/').filter(Boolean)
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return parts.join('/')
}

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '')

// ---- Sass: an importer over the project's files, with Sass's own lookup (partials,
// index files, .scss/.sass/.css); a .wxss imports as plain CSS.
const exists = (p: string) => __mpsimRead(p) !== null
function sassCandidates(p: string): string[] {
  if (/\.(scss|sass|css|wxss)$/.test(p)) return [p]
  const dir = dirOf(p), base = p.slice(dir.length ? dir.length + 1 : 0)
  const under = (name: string) => (dir ? dir + '/' + name : name)
  return [
    ...['.scss', '.sass', '.css'].flatMap((ext) => [under(base + ext), under('_' + base + ext)]),
    ...['.scss', '.sass', '.css'].flatMap((ext) => [p + '/index' + ext, p + '/_index' + ext]),
  ]
}
const projectImporter = {
  canonicalize(url: string, context: { containingUrl: URL | null }) {
    // Sass hands the entry's importer a relative url already resolved ("mp:/styles/vars").
    const from = context.containingUrl ? decodeURIComponent(context.containingUrl.pathname).replace(/^\//, '') : ''
    const wanted = url.startsWith('mp:') ? decodeURIComponent(new URL(url).pathname) : join(dirOf(from), url)
    const found = sassCandidates(join('', wanted)).find(exists)
    return found === undefined ? null : new URL('mp:/' + found)
  },
  load(canonicalUrl: URL) {
    const p = decodeURIComponent(canonicalUrl.pathname).replace(/^\//, '')
    const contents = __mpsimRead(p)
    if (contents === null) return null
    const syntax = p.endsWith('.sass') ? 'indented' : /\.(css|wxss)$/.test(p) ? 'css' : 'scss'
    return { contents, syntax: syntax as 'scss' | 'indented' | 'css' }
  },
}
const silent = { warn() {}, debug() {} }

export function compileSass(src: string, file: string): Result {
  try {
    const out = sass.compileString(src, {
      url: new URL('mp:/' + file),
      syntax: file.endsWith('.sass') ? 'indented' : 'scss',
      importer: projectImporter,
      importers: [projectImporter],
      style: 'expanded',
      logger: silent,
    })
    const imports = out.loadedUrls.filter((u) => u.protocol === 'mp:').map((u) => decodeURIComponent(u.pathname).replace(/^\//, '')).filter((p) => p !== file)
    return { css: out.css, imports }
  } catch (e: any) {
    const span = e && e.span
    const at = span && span.url ? decodeURIComponent(span.url.pathname).replace(/^\//, '') : file
    return { error: { message: String((e && e.sassMessage) || e), file: at, line: span ? span.start.line + 1 : 1, column: span ? span.start.column + 1 : 1 } }
  }
}

// ---- Less: a file manager over the project's files; imports load synchronously.
class ProjectFiles extends AbstractFileManager {
  supports() { return true }
  supportsSync() { return true }
  loadFileSync(filename: string, currentDirectory: string) {
    let p = join(currentDirectory, filename)
    if (!/\.[a-z]+$/i.test(p)) p += '.less'
    const contents = __mpsimRead(p)
    if (contents === null) return { error: { type: 'File', message: `'${filename}' wasn't found: looked for ${p}` } }
    return { contents, filename: p }
  }
  loadFile(filename: string, currentDirectory: string, _o: unknown, _e: unknown, cb?: (err: unknown, f?: unknown) => void) {
    const r = this.loadFileSync(filename, currentDirectory) as any
    if (cb) r.error ? cb(r.error) : cb(null, r)
    return r.error ? Promise.reject(r.error) : Promise.resolve(r)
  }
}
const less = createLess(
  { encodeBase64: (s: string) => s, mimeLookup: () => 'application/octet-stream', charsetLookup: () => 'UTF-8', getSourceMapGenerator: () => null },
  [new ProjectFiles()],
)
// Less plugins (@plugin) are JavaScript the sheet loads; mpsim runs none.
less.PluginLoader = class extends AbstractPluginLoader {
  loadPluginSync(filename: string) {
    return { error: { type: 'Plugin', message: `@plugin "${filename}": mpsim runs no Less plugins` } }
  }
  loadPlugin(filename: string) {
    return Promise.resolve(this.loadPluginSync(filename))
  }
}

export function compileLess(src: string, file: string): Result {
  let result: Result = { error: { message: 'less gave no result', file, line: 1, column: 1 } }
  less.render(src, { filename: file, syncImport: true, javascriptEnabled: false }, (err: any, out: any) => {
    result = err
      ? { error: { message: String(err.message || err), file: err.filename || file, line: err.line || 1, column: (err.column ?? 0) + 1 } }
      : { css: out.css, imports: (out.imports || []).filter((p: string) => p !== file) }
  })
  return result
}
