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
	// P makes calling a missing function yield undefined instead of throwing.
	"const P = (a) => (typeof a === \"function\" ? a : () => {});",
}

// scope resolves names used in expressions. The root scope is the template's data D;
// loops and templates (later slices) add their own variables in child scopes.
type scope struct {
	parent *scope
	vars   map[string]string // name in WXML -> JavaScript expression
}

var dataScope = &scope{}

func (s *scope) lookup(name string) string {
	for ; s != nil; s = s.parent {
		if js, ok := s.vars[name]; ok {
			return js
		}
	}
	return "D" + propertyAccess(name)
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
		return sc.lookup(e.Name), precPostfix
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
