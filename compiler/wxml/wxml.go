// Package wxml compiles WXML templates to the template format that glass-easel 0.12.1
// runs (a "ProcGenGroup", the value glass-easel-template-compiler produces per file).
//
// It works in stages, each a pure function: the parser (parser.go, with exprparse.go for
// the JavaScript subset inside {{ }}) builds a Document that keeps every position; the
// generator (gen.go, with genexpr.go for expressions) prints JavaScript from it. Every
// stage reports all the problems it finds as positioned diagnostics and keeps going.
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

// Compile parses and generates. js is a JavaScript *expression* that evaluates to a
// glass-easel 0.12.1 "ProcGenGroup" for this file: a function (name) => ProcGen, where
// name "" is the file's main template, with a `_` property holding the map, exactly like
// the value glass-easel-template-compiler puts in G["path"]. It is self-contained (its
// helpers are defined inside an IIFE). Every error in the file is reported, positioned
// and with a code frame; when there is any error js is "".
func Compile(file string, src []byte) (js string, errs diag.List) {
	doc, errs := Parse(file, src)
	rep := newReporter(file, src)
	js = generate(doc, rep)
	errs = append(errs, rep.list()...)
	slices.SortStableFunc(errs, func(a, b diag.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	if errs.HasErrors() {
		return "", errs
	}
	return js, errs
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
