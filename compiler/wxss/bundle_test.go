package wxss

import (
	"io/fs"

	"github.com/mpsim/mpsim/compiler/diag"
)

// bundle compiles the sheet whose first file is entry, reading it and every file it
// imports from fsys (project paths, as fs.FS names them), and links it in scope. It is
// Compile and Link for the tests and benchmarks, which have no build graph.
func bundle(fsys fs.FS, entry string, opts Options, scope string) (string, diag.List) {
	files := map[string]*Output{}
	var diags diag.List
	queue := []string{entry}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if _, done := files[p]; done {
			continue
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			if p == entry {
				return "", diag.List{{File: p, Line: 1, Column: 1, Message: err.Error()}}
			}
			continue // Link reports the @import of a missing file where it is written
		}
		out, d := Compile(p, src, opts)
		diags = append(diags, d...)
		files[p] = &out
		for _, ref := range out.Imports {
			queue = append(queue, ref.Path)
		}
	}
	if diags.HasErrors() {
		return "", diags
	}
	css, d := Link(entry, files, scope)
	return css, append(diags, d...)
}
