package wxml

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/mpsim/mpsim/compiler/diag"
)

// LinkInput is one compiled file, with its source for code frames.
type LinkInput struct {
	File   string // project path, e.g. "pages/index/index.wxml"
	Source []byte
	Out    Output
}

// Link checks what one file cannot check alone. files holds every compiled .wxml by
// project path without extension ("pages/index/index"); wxsExists tells whether a .wxs
// file (project path with extension) exists. It reports an <import>, <include> or <wxs>
// src that resolves to no file, and a static <template is> whose name is defined
// neither in its file nor in a file that file imports directly: as in the official
// tools, import is not transitive.
func Link(files map[string]LinkInput, wxsExists func(path string) bool) diag.List {
	keys := make([]string, 0, len(files))
	for k := range files {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out diag.List
	for _, k := range keys {
		in := files[k]
		body := bytes.TrimPrefix(in.Source, utf8BOM)
		report := func(r Ref, msg, hint string) {
			d := diag.Diagnostic{Severity: diag.Error, File: in.File, Line: r.Line, Column: r.Column, Message: msg, Hint: hint}
			out = append(out, d.WithFrame(body))
		}
		for _, r := range in.Out.Imports {
			if _, ok := files[r.Path]; !ok {
				report(r, fmt.Sprintf("missing src file: the imported %s.wxml does not exist", r.Path), "")
			}
		}
		for _, r := range in.Out.Includes {
			if _, ok := files[r.Path]; !ok {
				report(r, fmt.Sprintf("missing src file: the included %s.wxml does not exist", r.Path), "")
			}
		}
		for _, r := range in.Out.WxsSrcs {
			if wxsExists == nil || !wxsExists(r.Path) {
				report(r, fmt.Sprintf("missing src file: the wxs module %s does not exist", r.Path), "")
			}
		}
		known := map[string]bool{}
		for _, t := range in.Out.Templates {
			known[t] = true
		}
		for _, r := range in.Out.Imports {
			for _, t := range files[r.Path].Out.Templates {
				known[t] = true
			}
		}
		for _, r := range in.Out.TemplateRefs {
			if !known[r.Path] {
				report(r, fmt.Sprintf("unknown template %q: it is defined neither in this file nor in a file it imports", r.Path),
					"import is not transitive: <import> the file that defines it here")
			}
		}
	}
	slices.SortStableFunc(out, func(a, b diag.Diagnostic) int {
		if a.File != b.File {
			if a.File < b.File {
				return -1
			}
			return 1
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
	return out
}
