// Slash paths of the mini-program's files, as require, routes and a template's src resolve
// them: from a folder, with "." and ".." segments.

// folderOf is the folder parts of a file's path ("pages/index/index" → ["pages", "index"]).
export function folderOf(file: string): string[] {
  const parts = file.split('/').filter(Boolean)
  parts.pop()
  return parts
}

// joinPath appends path to the folder parts base. A ".." above the root gives null, or
// with clampAtRoot stays at the root, as a browser resolves a URL.
export function joinPath(base: string[], path: string, clampAtRoot = false): string | null {
  const parts = [...base]
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg !== '..') parts.push(seg)
    else if (parts.length > 0) parts.pop()
    else if (!clampAtRoot) return null
  }
  return parts.join('/')
}
