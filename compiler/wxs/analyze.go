package wxs

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
)

// finding is a problem found in a module, at a byte offset of its source.
type finding struct {
	offset  int
	message string
	hint    string
	warning bool
}

// requireCall is one require("...") of a module: the offset of the path literal and
// the path as written.
type requireCall struct {
	offset int
	path   string
}

// rewrite replaces src[start:end] with text in the compiled output.
type rewrite struct {
	start, end int
	text       string
}

// analysis is what one pass over a module's tokens finds: the constructs WXS does not
// have, the modules it requires, the edits that give WXS its own semantics, and the
// names the module may use as variables (to be shadowed so that it cannot reach the
// service layer's globals).
type analysis struct {
	findings []finding
	requires []requireCall
	rewrites []rewrite
	names    map[string]bool
	// helper is the name, unused by the module, that the compiled code keeps the
	// runtime's helpers in.
	helper string
	// renamed are the spans of the words JavaScript reserves that the module uses as
	// variables (nameableWords); the compiled code names them otherwise.
	renamed []rewrite
}

// nameableWords are words JavaScript reserves (always, or in strict code, which a module
// may be bundled into) for syntax WXS does not have. WXS reserves only its own keywords,
// and the official compiler renames every variable, so a module may declare one as a
// variable (iView Weapp's steps has `var class`).
var nameableWords = map[string]bool{
	"class": true, "enum": true, "extends": true, "super": true, "implements": true,
	"interface": true, "let": true, "package": true, "private": true, "protected": true,
	"public": true, "static": true, "yield": true, "await": true,
}

// reservedWords are the ES5 keywords, literals and future reserved words (strict mode
// included): they are never variables, and may not be declared as ones.
var reservedWords = map[string]bool{
	"break": true, "case": true, "catch": true, "continue": true, "debugger": true,
	"default": true, "delete": true, "do": true, "else": true, "finally": true, "for": true,
	"function": true, "if": true, "in": true, "instanceof": true, "new": true, "return": true,
	"switch": true, "this": true, "throw": true, "try": true, "typeof": true, "var": true,
	"void": true, "while": true, "with": true, "null": true, "true": true, "false": true,
	"class": true, "const": true, "enum": true, "export": true, "extends": true, "import": true,
	"super": true, "implements": true, "interface": true, "let": true, "package": true,
	"private": true, "protected": true, "public": true, "static": true, "yield": true,
	"await": true, "async": true, "of": true, "get": true, "set": true,
	// Not reserved, but a strict-mode error to declare, and never to be shadowed.
	"arguments": true, "eval": true,
}

// wxsGlobals are the globals WXS has (its "basic libraries"): they keep resolving to the
// real ones. Every other free name a module uses is shadowed by a variable of its own.
var wxsGlobals = map[string]bool{
	"Math": true, "JSON": true, "Number": true, "Date": true,
	"parseInt": true, "parseFloat": true, "isNaN": true, "isFinite": true,
	"decodeURI": true, "decodeURIComponent": true, "encodeURI": true, "encodeURIComponent": true,
	"undefined": true, "NaN": true, "Infinity": true,
	// The module's own parameters and the globals the runtime gives it.
	"require": true, "exports": true, "module": true,
	"getRegExp": true, "getDate": true, "console": true,
}

// unavailable are globals a module may expect but WXS does not have: JavaScript's own
// that are not among WXS's basic libraries, and the service layer's. They read as
// undefined in a module; a use is worth a warning, with what to write instead.
var unavailable = map[string]string{
	"Object":          "WXS has no Object: walk keys with for (var k in o)",
	"Array":           "WXS has no Array: test for an array with x.constructor === 'Array'",
	"String":          "WXS has no String: convert with '' + x",
	"Boolean":         "WXS has no Boolean: convert with !!x",
	"RegExp":          "use getRegExp(pattern, flags)",
	"Function":        "",
	"Error":           "",
	"Promise":         "",
	"Symbol":          "",
	"Map":             "",
	"Set":             "",
	"window":          "WXS runs apart from the page and the app",
	"globalThis":      "WXS runs apart from the page and the app",
	"self":            "WXS runs apart from the page and the app",
	"wx":              "WXS cannot call wx APIs: call them from the page's JS",
	"getApp":          "WXS cannot reach the app: pass what it needs as arguments",
	"getCurrentPages": "WXS cannot reach the pages: pass what it needs as arguments",
	"App":             "", "Page": "", "Component": "", "Behavior": "",
	"setTimeout": "WXS has no timers", "setInterval": "WXS has no timers",
	"clearTimeout": "WXS has no timers", "clearInterval": "WXS has no timers",
}

// analyze tokenizes src and checks it.
func analyze(src string) *analysis {
	toks := tokenize(src)
	a := &analysis{names: map[string]bool{}}
	at := func(i int) token {
		if i < 0 || i >= len(toks) {
			return token{kind: tokEOF, start: len(src), end: len(src)}
		}
		return toks[i]
	}
	isPunct := func(t token, text string) bool { return t.kind == tokPunct && t.text == text }
	report := func(offset int, message, hint string) {
		a.findings = append(a.findings, finding{offset: offset, message: message, hint: hint})
	}
	allNames := map[string]bool{}
	// declared are the names the module declares with var or function somewhere: a use
	// of one of the unavailable globals' names is then probably the module's own.
	declared := map[string]bool{}
	for i, t := range toks {
		if p := at(i - 1); t.kind == tokIdent && p.kind == tokIdent && !p.afterDot && (p.text == "var" || p.text == "function") {
			declared[t.text] = true
		}
	}
	// variables are the nameableWords the module declares or assigns to: each use of
	// one as a name is renamed.
	variables := map[string]bool{}
	for i, t := range toks {
		if nameableWords[t.text] && t.kind == tokIdent && !t.afterDot && (declared[t.text] || isPunct(at(i+1), "=")) {
			variables[t.text] = true
		}
	}
	warned := map[string]bool{}

	for i, t := range toks {
		prev, next := at(i-1), at(i+1)
		switch t.kind {
		case tokRegExp:
			report(t.start, "RegExp literals are not allowed in WXS", "use getRegExp(pattern, flags), e.g. getRegExp('\\\\d+', 'g')")
		case tokString:
			// a["constructor"] reads the WXS type name, as a.constructor does.
			if isPunct(prev, "[") && prev.member && isPunct(next, "]") && stringValue(t.text) == "constructor" {
				a.rewrites = append(a.rewrites, rewrite{t.start, t.end, "\x00.c"})
			}
		case tokIdent:
			allNames[t.text] = true
			if t.afterDot {
				if t.text == "constructor" && isPunct(prev, ".") {
					a.rewrites = append(a.rewrites, rewrite{prev.start, t.end, "[\x00.c]"})
				}
				continue
			}
			a.checkIdent(toks, i, report)
			if t.propertyStart && isPunct(next, ":") {
				continue // an object literal's key
			}
			if variables[t.text] {
				r := rewrite{t.start, t.end, "\x00_" + t.text}
				a.rewrites = append(a.rewrites, r)
				a.renamed = append(a.renamed, r)
				continue
			}
			if !reservedWords[t.text] && !wxsGlobals[t.text] {
				a.names[t.text] = true
			}
			// typeof x is how a module asks whether x exists: no warning there; nor
			// after new RegExp, an error already.
			hint, missing := unavailable[t.text]
			if prev.kind == tokIdent && (prev.text == "typeof" || prev.text == "new" && t.text == "RegExp") {
				missing = false
			}
			if missing && !declared[t.text] && !warned[t.text] {
				warned[t.text] = true
				a.findings = append(a.findings, finding{offset: t.start, warning: true,
					message: t.text + " is not available in WXS: it is undefined here", hint: hint})
			}
		}
	}

	a.helper = "$wxs"
	for n := 1; allNames[a.helper]; n++ {
		a.helper = "$wxs" + strconv.Itoa(n)
	}
	for w := range variables {
		a.names[a.helper+"_"+w] = true // shadowed, as any variable, when only assigned
	}
	return a
}

// parseable is src with each renamed word replaced by an identifier of its length, for
// esbuild to check the syntax at the same offsets.
func (a *analysis) parseable(src string) string {
	if len(a.renamed) == 0 {
		return src
	}
	b := []byte(src)
	for _, r := range a.renamed {
		copy(b[r.start:r.end], strings.Repeat("_", r.end-r.start))
	}
	return string(b)
}

// checkIdent checks the identifier toks[i], used as a name (not a property).
func (a *analysis) checkIdent(toks []token, i int, report func(int, string, string)) {
	t := toks[i]
	at := func(i int) token {
		if i >= len(toks) {
			return token{kind: tokEOF, start: toks[len(toks)-1].end}
		}
		return toks[i]
	}
	next := at(i + 1)
	isPunct := func(t token, text string) bool { return t.kind == tokPunct && t.text == text }
	switch t.text {
	case "this":
		// A plain call's this is the global object in sloppy code: hide it.
		a.rewrites = append(a.rewrites, rewrite{t.start, t.end, "(\x00.t(this))"})
	case "import", "export":
		report(t.start, t.text+" is not allowed in WXS", "use require('./other.wxs') and module.exports")
	case "eval":
		report(t.start, "eval is not available in WXS", "")
	case "new":
		if next.kind == tokIdent && (next.text == "Date" || next.text == "RegExp") {
			if next.text == "Date" {
				report(t.start, "new Date is not allowed in WXS: use getDate(...)", "getDate() is now; getDate(ms), getDate('2020-01-02'), getDate(2020, 0, 2) take what new Date takes")
			} else {
				report(t.start, "new RegExp is not allowed in WXS: use getRegExp(pattern, flags)", "")
			}
		}
	case "require":
		if !isPunct(next, "(") {
			report(t.start, "require can only be called, as require('./other.wxs')", "")
			return
		}
		arg, closing := at(i+2), at(i+3)
		if arg.kind != tokString || !isPunct(closing, ")") {
			report(arg.start, "require needs one string literal: the relative path of a .wxs file", "write require('./other.wxs'); the path cannot be computed")
			return
		}
		p := stringValue(arg.text)
		if path.Ext(p) != ".wxs" {
			report(arg.start, fmt.Sprintf("require(%s): only .wxs modules can be required", arg.text), "write the path with its .wxs extension, e.g. require('./other.wxs')")
			return
		}
		a.requires = append(a.requires, requireCall{offset: arg.start, path: p})
	}
}

// stringValue decodes a JavaScript string literal (quotes included). The escapes that
// matter in paths and property names are decoded; others keep their character.
func stringValue(lit string) string {
	if len(lit) < 2 {
		return ""
	}
	body := lit[1:]
	if body[len(body)-1] == lit[0] {
		body = body[:len(body)-1]
	}
	if !strings.Contains(body, "\\") {
		return body
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			b.WriteByte(c)
			continue
		}
		i++
		switch e := body[i]; e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'x', 'u':
			width := 2
			if e == 'u' {
				width = 4
			}
			if end := i + 1 + width; end <= len(body) {
				if v, err := strconv.ParseUint(body[i+1:end], 16, 32); err == nil {
					b.WriteRune(rune(v))
					i = end - 1
					continue
				}
			}
			b.WriteByte(e)
		case '\n':
			// a line continuation adds nothing
		default:
			b.WriteByte(e)
		}
	}
	return b.String()
}

// sortedNames returns the names to shadow, in order.
func (a *analysis) sortedNames() []string {
	names := make([]string, 0, len(a.names))
	for n := range a.names {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
