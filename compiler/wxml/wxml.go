// Package wxml compiles WXML templates to the template format that glass-easel 0.12.1
// runs (a "ProcGenGroup", the value glass-easel-template-compiler produces per file).
//
// It works in stages, each a pure function: the parser (parser.go, with exprparse.go for
// the JavaScript subset inside {{ }}) builds a Document that keeps every position;
// lowering (lower.go) gives directives and special tags their meaning (if-chains,
// loops, templates, imports, slots, wxs); the generator (gen.go, with genexpr.go for
// expressions and their update trees, bindmap.go for the binding map) prints
// JavaScript. Every stage reports all the problems it finds as positioned diagnostics
// and keeps going. Link (link.go) checks what needs several files: src targets and
// template names across imports.
package wxml

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"

	"github.com/mpsim/mpsim/compiler/diag"
)

var utf8BOM = []byte("\xEF\xBB\xBF")

// Parse parses one WXML file into a tree whose every node and attribute keeps its position.
func Parse(file string, src []byte) (*Document, diag.List) {
	rep := newReporter(file, src)
	p := &parser{rep: rep, src: src}
	if bytes.HasPrefix(src, utf8BOM) {
		p.pos = len(utf8BOM)
	}
	doc := &Document{File: file, Source: src, Children: p.parseDocument()}
	return doc, rep.list()
}

// Output is what compiling one .wxml file gives.
type Output struct {
	// JS is a JavaScript expression evaluating to this file's ProcGenGroup: a function
	// (name) => ProcGen, name "" being the file's main template, with a `_` property
	// holding the map of all its templates, like the values glass-easel-template-compiler
	// puts in its group list. It is "" when the file has errors. It may use three free
	// variables the build defines once for the whole app: G (project path without
	// extension -> ProcGenGroup of every compiled .wxml, for import and include), W (.wxs
	// path with extension -> loader of that module's exports) and D (the WXS define
	// function: D(filename, fn) registers a module and returns its loader).
	JS string
	// Imports and Includes are the src of <import> and <include>, as project paths
	// without extension, positioned at the src value.
	Imports  []Ref
	Includes []Ref
	// WxsSrcs are the src of <wxs>, as project paths with the .wxs extension.
	WxsSrcs []Ref
	// Templates are the names of the <template name> defined in this file.
	Templates []string
	// TemplateRefs are the static <template is="name"> uses (Path is the name).
	TemplateRefs []Ref
	// Slots are the names of the file's <slot>s ("" for the default one): a component with
	// several, one of them the default, takes children by name (see the runtime).
	Slots []string
	// InlineWXS are the compiled bodies of the file's inline <wxs module>s by their module
	// filename ("pages/index/index.wxml#name"): the page layer loads them too, to run WXS
	// event handlers and change:prop observers where the page is.
	InlineWXS map[string]string
}

// Ref is a path or name a file refers to, with the position where it is written.
type Ref struct {
	Path         string
	Line, Column int
}

// Compile compiles one WXML file. file is its project path ("pages/index/index.wxml"),
// which relative src paths are resolved against. Every problem in the file is reported,
// positioned and with a code frame; what the file refers to is filled in even when it
// has errors, so that a build can still track its dependencies.
func Compile(file string, src []byte) (Output, diag.List) {
	doc, errs := Parse(file, src)
	rep := newReporter(file, src)
	low := lower(doc, rep)
	js, inline := generate(file, low, rep)
	errs = append(errs, rep.list()...)
	slices.SortStableFunc(errs, func(a, b diag.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	out := Output{
		Imports:      low.imports,
		Includes:     low.includes,
		WxsSrcs:      low.wxsSrcs,
		TemplateRefs: low.calls,
		Slots:        low.slots,
	}
	for _, t := range low.templates {
		out.Templates = append(out.Templates, t.name)
	}
	if !errs.HasErrors() {
		out.JS, out.InlineWXS = js, inline
	}
	return out, errs
}

// reporter collects diagnostics for one file, turning byte offsets into lines and
// columns. A leading BOM is not a column: editors do not show it.
type reporter struct {
	file  string
	body  []byte // the source without its BOM
	shift int    // bytes cut from the front
	diags diag.List
}

func newReporter(file string, src []byte) *reporter {
	r := &reporter{file: file, body: src}
	if bytes.HasPrefix(src, utf8BOM) {
		r.body, r.shift = src[len(utf8BOM):], len(utf8BOM)
	}
	return r
}

func (r *reporter) position(offset int) (line, column int) {
	return diag.Position(r.body, max(offset-r.shift, 0))
}

// report adds d at the byte offset at, filling in the file, position and code frame.
func (r *reporter) report(d diag.Diagnostic, at int) {
	d.File = r.file
	d.Line, d.Column = r.position(at)
	r.diags = append(r.diags, d.WithFrame(r.body))
}

func (r *reporter) errorf(at int, format string, args ...any) {
	r.report(diag.Diagnostic{Severity: diag.Error, Message: fmt.Sprintf(format, args...)}, at)
}

func (r *reporter) warnf(at int, format string, args ...any) {
	r.report(diag.Diagnostic{Severity: diag.Warning, Message: fmt.Sprintf(format, args...)}, at)
}

func (r *reporter) list() diag.List { return r.diags }
