package wxml

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// runtimeHelpers are defined once per compiled file. They are the ones glass-easel's
// own compiler uses, with the same names, so the two outputs read alike.
var runtimeHelpers = []string{
	// X makes a data path safe: a.b.c is X(X(D.a).b).c, undefined when a is missing.
	"const X = (a) => (a == null ? Object.create(null) : a);",
	// Y is how a value prints in text: null and undefined print nothing.
	`const Y = (a) => (a == null ? "" : String(a));`,
	// Z walks an update tree: true means everything below changed.
	"const Z = (a, b) => (a === true ? true : a ? a[b] : undefined);",
	// P makes calling a missing function yield undefined instead of throwing.
	"const P = (a) => (typeof a === \"function\" ? a : () => {});",
	// Q.a and Q.b are the update trees of array and object literals: undefined when no
	// element changed.
	"const Q = { a: (a) => (a.some((x) => x) ? a : undefined), b: (b) => (Object.values(b).some((x) => x) ? b : undefined) };",
	// V binds an event to a handler given by {{ }}, M sets a data- attribute, O registers a
	// change:prop observer. A WXS function (compiler/wxs tags it with __wxs) runs in the page
	// layer, so the backend node takes it; the node also mirrors the dataset there, where
	// WXS reads it. With any other backend, glass-easel alone does the work.
	"const V = (R, N, n, h, f, m, c) => { const b = N.$$, r = (typeof h === \"function\" && h.__wxs) || null; const w = !!(b && b.wxsListener && b.wxsListener(n, r, f, c)); R.v(N, n, w ? \"\" : h, f, m, c, true); };",
	"const M = (R, N, k, v) => { R.d(N, k, v); const b = N.$$; if (b && b.setDataset) b.setDataset(k, v); };",
	// L sets a component's property from a binding that gives a value that may change,
	// as the official tools' view layer does: a primitive equal to the one this binding
	// passed last is not passed again (glass-easel's R.r would, firing the component's
	// data observers: Lin UI's counter answers its own linchange, which a page's setData
	// passes back, without end). Objects are always passed, as glass-easel does.
	"const L = (R, N, n, v) => { if (typeof N.hasBehavior === \"function\") { const l = LW.get(N) || LW.set(N, Object.create(null)).get(N); if ((v === null || (typeof v !== \"object\" && typeof v !== \"function\")) && n in l && Object.is(l[n], v)) return; l[n] = v; } R.r(N, n, v); };",
	"const LW = new WeakMap();",
	"const O = (R, N, n, h) => { const b = N.$$; if (typeof h !== \"function\") return; R.p(N, n, h.__wxs && b && b.wxsObserver ? (v, o) => b.wxsObserver(h.__wxs, v, o) : h); };",
}

// binding is what a name in an expression stands for.
type binding struct {
	value string // JavaScript for its value
	tree  string // JavaScript for its update tree (what changed in it); "" if it never changes
	// lvalue is where it lives in the component's data, for model: bindings and list
	// paths: a JavaScript array expression with the leading 0 glass-easel expects, or
	// "" when it is not a data path.
	lvalue lvalue
}

// lvalue is a data path: base (a variable holding a path, possibly null) followed by
// segs (JavaScript expressions). With base "", it is [0, segs...].
type lvalue struct {
	ok   bool
	base string
	segs []string
}

func (l lvalue) add(seg string) lvalue {
	if !l.ok {
		return l
	}
	return lvalue{ok: true, base: l.base, segs: append(append([]string(nil), l.segs...), seg)}
}

// js prints the path with its 0 prefix, or null.
func (l lvalue) js() string {
	if !l.ok {
		return "null"
	}
	if l.base == "" {
		return "[" + strings.Join(append([]string{"0"}, l.segs...), ", ") + "]"
	}
	if len(l.segs) == 0 {
		return l.base
	}
	return l.base + " && [..." + l.base + ", " + strings.Join(l.segs, ", ") + "]"
}

// modelJS prints the path as model: bindings take it, without the 0 prefix, or null.
func (l lvalue) modelJS() string {
	if !l.ok {
		return "null"
	}
	if l.base == "" {
		return "[" + strings.Join(l.segs, ", ") + "]"
	}
	return l.base + " && [..." + l.base + ", " + strings.Join(l.segs, ", ") + "].slice(1)"
}

// scope resolves names used in expressions: loop variables (innermost first), then the
// file's WXS modules, then the template's data D.
type scope struct {
	parent *scope
	vars   map[string]binding
	// dataLvalue is false inside <template name>, whose data is not the component's.
	dataLvalue bool
}

func (s *scope) child(vars map[string]binding) *scope {
	return &scope{parent: s, vars: vars, dataLvalue: s.dataLvalue}
}

func (s *scope) lookup(name string) binding {
	for sc := s; sc != nil; sc = sc.parent {
		if b, ok := sc.vars[name]; ok {
			return b
		}
	}
	return binding{value: "D" + propertyAccess(name), tree: "U" + propertyAccess(name), lvalue: lvalue{ok: s.dataLvalue, segs: []string{jsString(name)}}}
}

// isData reports whether name refers to a field of the data, not a loop variable or a
// WXS module.
func (s *scope) isData(name string) bool {
	for sc := s; sc != nil; sc = sc.parent {
		if _, ok := sc.vars[name]; ok {
			return false
		}
	}
	return true
}

// Precedence of the printed JavaScript, higher binds tighter, as in the ECMAScript
// grammar. Binary operators take theirs from binaryPrecedence, shifted above precCond.
const (
	precLowest  = 0
	precCond    = 1  // a ? b : c
	precBinary  = 1  // added to binaryPrecedence
	precUnary   = 20 // !a, typeof a
	precPostfix = 21 // a.b, a[b], f(x)
	precPrimary = 22
)

// exprJS prints e as JavaScript, parenthesized if it binds looser than minPrec.
func exprJS(e Expr, sc *scope, minPrec int) string {
	js, prec := exprJSPrec(e, sc)
	if prec < minPrec {
		return "(" + js + ")"
	}
	return js
}

func exprJSPrec(e Expr, sc *scope) (string, int) {
	switch e := e.(type) {
	case *Ident:
		return sc.lookup(e.Name).value, precPostfix
	case *Number:
		return numberJS(e.Value), precPrimary
	case *String:
		return jsString(e.Value), precPrimary
	case *Keyword:
		return e.Name, precPrimary
	case *Array:
		elems := make([]string, len(e.Elems))
		for i, el := range e.Elems {
			elems[i] = exprJS(el, sc, precCond)
		}
		return "[" + strings.Join(elems, ", ") + "]", precPrimary
	case *Object:
		return objectJS(e, func(x Expr) string { return exprJS(x, sc, precCond) }), precPostfix
	case *Member:
		return "X(" + exprJS(e.Object, sc, precLowest) + ")" + propertyAccess(e.Name), precPostfix
	case *Index:
		return "X(" + exprJS(e.Object, sc, precLowest) + ")[" + exprJS(e.Index, sc, precLowest) + "]", precPostfix
	case *Call:
		// As in glass-easel, the function is called without `this`.
		args := make([]string, len(e.Args))
		for i, a := range e.Args {
			args[i] = exprJS(a, sc, precCond)
		}
		return "P(" + exprJS(e.Callee, sc, precLowest) + ")(" + strings.Join(args, ", ") + ")", precPostfix
	case *Unary:
		x := exprJS(e.X, sc, precUnary)
		if e.Op == "typeof" {
			return "typeof " + x, precUnary
		}
		if strings.HasPrefix(x, "-") || strings.HasPrefix(x, "+") {
			x = " " + x // - -a, not --a
		}
		return e.Op + x, precUnary
	case *Binary:
		prec := binaryPrecedence[e.Op] + precBinary
		l, r := exprJS(e.L, sc, prec), exprJS(e.R, sc, prec+1)
		if e.Op == "??" {
			// JavaScript rejects ?? mixed with || or && without parentheses.
			l, r = parenLogical(e.L, l), parenLogical(e.R, r)
		}
		return l + " " + e.Op + " " + r, prec
	case *Cond:
		test := exprJS(e.Test, sc, precCond+1)
		return test + " ? " + exprJS(e.Then, sc, precCond) + " : " + exprJS(e.Else, sc, precCond), precCond
	}
	panic(fmt.Sprintf("wxml: unknown expression %T", e))
}

// objectJS prints an object literal with print for each value. Spreads go through
// Object.assign, as in the reference: {a: 1, ...b} is Object.assign({a: 1}, X(b)).
func objectJS(o *Object, print func(Expr) string) string {
	var groups []string
	var props []string
	flush := func() {
		groups = append(groups, "{"+strings.Join(props, ", ")+"}")
		props = nil
	}
	spread := false
	for _, p := range o.Props {
		if p.Spread {
			spread = true
			if len(props) > 0 || len(groups) == 0 {
				flush()
			}
			groups = append(groups, "X("+print(p.Value)+")")
			continue
		}
		props = append(props, objectKey(p.Key)+": "+print(p.Value))
	}
	if !spread {
		return "{" + strings.Join(props, ", ") + "}"
	}
	if len(props) > 0 {
		flush()
	}
	return "Object.assign(" + strings.Join(groups, ", ") + ")"
}

func objectKey(k string) string {
	if isIdentifier(k) {
		return k
	}
	return jsString(k)
}

// treeJS prints the update tree of e's value: undefined when nothing it depends on
// changed, true when all of it may have, or an object (an array for splices) saying
// which parts changed. "" means e never changes. glass-easel hands these trees to
// wx:for (to update only changed items) and to templates (as their U).
func treeJS(e Expr, sc *scope) string {
	switch e := e.(type) {
	case *Ident:
		return sc.lookup(e.Name).tree
	case *Member:
		if t := treeJS(e.Object, sc); t != "" {
			return "Z(" + t + ", " + jsString(e.Name) + ")"
		}
		return ""
	case *Index:
		t := treeJS(e.Object, sc)
		switch e.Index.(type) {
		case *String, *Number:
			if t == "" {
				return ""
			}
			return "Z(" + t + ", " + exprJS(e.Index, sc, precCond) + ")"
		}
		idx := changedJS(e.Index, sc)
		switch {
		case t == "" && idx == "":
			return ""
		case t == "":
			return "(" + idx + " ? true : undefined)"
		case idx == "":
			return "Z(" + t + ", " + exprJS(e.Index, sc, precCond) + ")"
		}
		return "(" + idx + " ? true : Z(" + t + ", " + exprJS(e.Index, sc, precCond) + "))"
	case *Array:
		elems := make([]string, len(e.Elems))
		any := false
		for i, el := range e.Elems {
			elems[i] = treeJS(el, sc)
			if elems[i] == "" {
				elems[i] = "undefined"
			} else {
				any = true
			}
		}
		if !any {
			return ""
		}
		return "Q.a([" + strings.Join(elems, ", ") + "])"
	case *Object:
		whole, parts := objectTree(e, sc)
		if parts == "" {
			return ""
		}
		return whole + "Q.b(" + parts + ")"
	case *Cond:
		test := changedJS(e.Test, sc)
		then, els := or(treeJS(e.Then, sc), "undefined"), or(treeJS(e.Else, sc), "undefined")
		branch := ""
		if then != "undefined" || els != "undefined" {
			branch = "(" + exprJS(e.Test, sc, precCond+1) + " ? " + then + " : " + els + ")"
		}
		switch {
		case test == "" && branch == "":
			return ""
		case test == "":
			return branch
		case branch == "":
			return "(" + test + " ? true : undefined)"
		}
		return "(" + test + " ? true : " + branch + ")"
	}
	if c := changedJS(e, sc); c != "" {
		return "(" + c + " ? true : undefined)"
	}
	return ""
}

// objectTree is the update tree of an object literal: whole is a prefix that makes it
// true when a spread object was replaced entirely ("(t) === true || "), parts the
// Object.assign of the changed keys; parts is "" when nothing in it can change.
func objectTree(o *Object, sc *scope) (whole, parts string) {
	var groups, props, wholes []string
	any := false
	for _, p := range o.Props {
		t := treeJS(p.Value, sc)
		if t != "" {
			any = true
		}
		if p.Spread {
			if len(props) > 0 || len(groups) == 0 {
				groups = append(groups, "{"+strings.Join(props, ", ")+"}")
				props = nil
			}
			if t != "" {
				wholes = append(wholes, "("+t+") === true || ")
				groups = append(groups, "X("+t+")")
			}
			continue
		}
		if t != "" {
			props = append(props, objectKey(p.Key)+": "+t)
		}
	}
	if !any {
		return "", ""
	}
	if len(groups) == 0 {
		return "", "{" + strings.Join(props, ", ") + "}"
	}
	if len(props) > 0 {
		groups = append(groups, "{"+strings.Join(props, ", ")+"}")
	}
	return strings.Join(wholes, ""), "Object.assign(" + strings.Join(groups, ", ") + ")"
}

// changedJS prints a condition that is truthy when e's value may have changed, for
// guarding a setter; "" means e never changes.
func changedJS(e Expr, sc *scope) string {
	switch e := e.(type) {
	case *Ident, *Member, *Index:
		return treeJS(e, sc)
	case *Number, *String, *Keyword:
		return ""
	case *Array:
		return anyChanged(sc, e.Elems...)
	case *Object:
		var xs []Expr
		for _, p := range e.Props {
			xs = append(xs, p.Value)
		}
		return anyChanged(sc, xs...)
	case *Call:
		return anyChanged(sc, append([]Expr{e.Callee}, e.Args...)...)
	case *Unary:
		return changedJS(e.X, sc)
	case *Binary:
		return anyChanged(sc, e.L, e.R)
	case *Cond:
		test := changedJS(e.Test, sc)
		then, els := changedJS(e.Then, sc), changedJS(e.Else, sc)
		if then != "" || els != "" {
			branch := "(" + exprJS(e.Test, sc, precCond+1) + " ? " + or(then, "undefined") + " : " + or(els, "undefined") + ")"
			if test == "" {
				return branch
			}
			return test + " || " + branch
		}
		return test
	}
	panic(fmt.Sprintf("wxml: unknown expression %T", e))
}

func anyChanged(sc *scope, xs ...Expr) string {
	var parts []string
	for _, x := range xs {
		if c := changedJS(x, sc); c != "" {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, " || ")
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// lvalueOf is the data path of e, for model: bindings and list paths.
func lvalueOf(e Expr, sc *scope) lvalue {
	switch e := e.(type) {
	case *Ident:
		return sc.lookup(e.Name).lvalue
	case *Member:
		return lvalueOf(e.Object, sc).add(jsString(e.Name))
	case *Index:
		return lvalueOf(e.Object, sc).add(exprJS(e.Index, sc, precCond))
	}
	return lvalue{}
}

// dataRoots lists the data fields e reads, for the binding map.
func dataRoots(e Expr, sc *scope, into map[string]bool) {
	switch e := e.(type) {
	case *Ident:
		if sc.isData(e.Name) {
			into[e.Name] = true
		}
	case *Array:
		for _, x := range e.Elems {
			dataRoots(x, sc, into)
		}
	case *Object:
		for _, p := range e.Props {
			dataRoots(p.Value, sc, into)
		}
	case *Member:
		dataRoots(e.Object, sc, into)
	case *Index:
		dataRoots(e.Object, sc, into)
		dataRoots(e.Index, sc, into)
	case *Call:
		dataRoots(e.Callee, sc, into)
		for _, a := range e.Args {
			dataRoots(a, sc, into)
		}
	case *Unary:
		dataRoots(e.X, sc, into)
	case *Binary:
		dataRoots(e.L, sc, into)
		dataRoots(e.R, sc, into)
	case *Cond:
		dataRoots(e.Test, sc, into)
		dataRoots(e.Then, sc, into)
		dataRoots(e.Else, sc, into)
	}
}

func parenLogical(e Expr, js string) string {
	if b, ok := e.(*Binary); ok && (b.Op == "||" || b.Op == "&&") {
		return "(" + js + ")"
	}
	return js
}

// propertyAccess is ".name", or ["name"] when name is not a plain identifier.
func propertyAccess(name string) string {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(isASCIILetter(c) || c == '_' || c == '$' || i > 0 && isDigit(c)) {
			return "[" + jsString(name) + "]"
		}
	}
	if name == "" {
		return `[""]`
	}
	return "." + name
}

// numberJS prints a number literal; any valid JavaScript spelling of the value will do.
func numberJS(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "Infinity"
	case v == math.Trunc(v) && math.Abs(v) < 1e21:
		return strconv.FormatFloat(v, 'f', -1, 64)
	default:
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
}

// jsString quotes s as a JavaScript string literal, readable: only what must be escaped
// is. "</" is written "<\/" so the output can sit inside an HTML <script>.
func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '/' && i > 0 && s[i-1] == '<':
			b.WriteString(`\/`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r == 0x2028 || r == 0x2029 || r == 0xfeff:
			fmt.Fprintf(&b, `\u%04x`, r)
		case r == utf8.RuneError:
			b.WriteString(`\ufffd`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
