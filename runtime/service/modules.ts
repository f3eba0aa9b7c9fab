// The module system of the service layer: appservice.js defines every script of the app
// by its path; require runs a module once, on first use, as the base library does.

import { folderOf, joinPath } from './paths'

type Require = ((p: string, callback?: unknown, onError?: unknown) => unknown) & { async: (p: string) => Promise<unknown> }

type ModuleFn = (require: Require, module: { exports: unknown }, exports: unknown) => void

type Alias = { from: string; to: string }

type Module = { fn: ModuleFn; exports: unknown; state: 'defined' | 'loading' | 'loaded' }

export class Modules {
  private modules = new Map<string, Module>()
  // app.json's resolveAlias as the build checked it (compiler/js.Aliases): longest prefix
  // first, without the "*" ends.
  private aliases: Alias[] = []

  setAliases(aliases: Alias[] | undefined) {
    this.aliases = aliases || []
  }

  define(path: string, fn: ModuleFn) {
    this.modules.set(path, { fn, exports: {}, state: 'defined' })
  }

  has(path: string) {
    return this.modules.has(path)
  }

  // require loads path, resolved against the requiring module's folder `from`.
  require(path: string, from = ''): unknown {
    const resolved = this.resolve(path, from)
    const m = resolved ? this.modules.get(resolved) : undefined
    if (!m || !resolved) {
      const where = from ? ` (required from ${from})` : ''
      throw new Error(`module "${path}" is not defined${where}: check the path; mini-program require takes a relative or /-absolute path`)
    }
    // A cycle gets the exports as they are so far, as in Node and on the phone.
    if (m.state !== 'defined') return m.exports
    m.state = 'loading'
    const module = { exports: m.exports }
    m.fn.call(module.exports, this.requireFrom(resolved), module, module.exports)
    m.exports = module.exports
    m.state = 'loaded'
    return m.exports
  }

  // requireFrom is the require the module at path gets. Beside require(p) it has the
  // forms the phone loads another subpackage's code with, require.async(p) (a Promise)
  // and require(p, callback, onError); every package is loaded here already, so they
  // answer a microtask later.
  private requireFrom(path: string): Require {
    const req = ((p: string, callback?: unknown, onError?: unknown) => {
      if (typeof callback !== 'function') return this.require(p, path)
      req.async(p).then(callback as (exports: unknown) => void, (err) => {
        if (typeof onError === 'function') onError(err)
        else console.error(err)
      })
    }) as Require
    req.async = (p: string) => new Promise((resolve) => resolve(this.require(p, path)))
    return req
  }

  // resolve finds a module as the build does (compiler/js.Resolve): through resolveAlias
  // first; /-absolute from the root; ./ and ../ from the requiring file's folder; a bare
  // name first as a relative path, then as a package in miniprogram_npm, in the nearest
  // folder up to the root.
  private resolve(path: string, from: string): string | null {
    const alias = this.aliases.find((a) => path.startsWith(a.from))
    if (alias) path = '/' + alias.to + path.slice(alias.from.length)
    const dir = folderOf(from)
    let candidates: string[][]
    if (path.startsWith('/')) candidates = [[]]
    else if (path.startsWith('./') || path.startsWith('../')) candidates = [dir]
    else {
      candidates = [dir]
      for (let i = dir.length; i >= 0; i--) candidates.push([...dir.slice(0, i), 'miniprogram_npm'])
    }
    for (const base of candidates) {
      const p = joinPath(base, path)
      if (p === null) continue
      for (const cand of [p, p + '.js', p + '/index.js']) {
        if (this.modules.has(cand)) return cand
      }
    }
    return null
  }
}

