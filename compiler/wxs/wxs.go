// Package wxs compiles WXS, the mini-program's script language for templates: JavaScript
// with CommonJS-like modules (require of .wxs files, module.exports), getRegExp/getDate
// instead of RegExp and Date literals or constructors, and x.constructor giving a type
// name string ("Array", "Object", ...). WXS was ES5; current base libraries take later
// syntax too (Vant ships shorthand properties, TDesign default parameters), so mpsim does.
//
// A module compiles to `function (require, exports, module) {...}`, which the loader
// in Runtime registers with D(filename, fn). The function only sees the globals WXS
// has: every other name it uses is shadowed by a variable of its own, so that it
// cannot reach the service layer (wx, App, setTimeout, self ...) it runs beside.
//
// esbuild parses the module (syntax errors); a tokenizer of our own checks the WXS rules
// (no RegExp literals, no new Date, require of .wxs only) and makes the few rewrites WXS
// needs.
package wxs

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/mpsim/mpsim/compiler/diag"
)

// Ref is a module a WXS module requires: its project path (with .wxs) and where the path
// is written.
type Ref struct {
	Path         string
	Line, Column int
}

// Compile compiles one WXS module (a .wxs file or an inline <wxs> body) into a
// JavaScript function expression `function (require, exports, module) {...}` for
// D(filename, fn). filename is "utils/fmt.wxs" for a file, "pages/a/a.wxml#m" for the
// inline module m of pages/a/a.wxml. line and col (1-based) are where src starts in its
// file: 1, 1 for a .wxs file, where the body starts for an inline module, so that
// diagnostics point into the .wxml (their File is the .wxml path then).
//
// With errors, js is a function that throws the first of them when the module loads,
// so that output assembled from it still parses.
func Compile(filename string, src []byte, line, col int) (js string, errs diag.List) {
	m := newModule(filename, src, line, col)
	a := analyze(m.src)
	errs = m.diagnostics(a)
	if errs.HasErrors() {
		return failing(errs), errs
	}
	return m.generate(a), errs
}

// Requires lists the modules a WXS module requires, resolved to project paths with
// extension, with positions (for the build graph and "missing file" errors). Its
// diagnostics are those about require only (a computed path, a path that is not a
// .wxs or leaves the project); Compile reports them too, so a caller using both should
// report Compile's.
func Requires(filename string, src []byte, line, col int) ([]Ref, diag.List) {
	m := newModule(filename, src, line, col)
	a := analyze(m.src)
	var refs []Ref
	var errs diag.List
	for _, f := range requireFindings(a.findings) {
		errs = append(errs, m.diagnostic(f))
	}
	for _, r := range a.requires {
		resolved, ok := m.resolve(r.path)
		if !ok {
			errs = append(errs, m.diagnostic(outsideProject(r)))
			continue
		}
		l, c := m.position(r.offset)
		refs = append(refs, Ref{Path: resolved, Line: l, Column: c})
	}
	return refs, errs
}

// module is one WXS module being compiled.
type module struct {
	filename string // as registered with D
	file     string // the file diagnostics are in: the .wxs, or the .wxml of an inline module
	src      string
	line     int
	col      int
}

func newModule(filename string, src []byte, line, col int) *module {
	file, _, _ := strings.Cut(filename, "#")
	return &module{filename: filename, file: file, src: string(src), line: max(line, 1), col: max(col, 1)}
}

// position converts an offset in the module's source to a line and column in its file.
func (m *module) position(offset int) (line, col int) {
	line, col = diag.Position([]byte(m.src), offset)
	if line == 1 {
		col += m.col - 1
	}
	return line + m.line - 1, col
}

// frameSource is the module's text placed where it sits in its file, so that a code
// frame cut from it has the file's line numbers and columns. For an inline module the
// rest of the .wxml is blank; the WXML compiler re-cuts the frame from the whole file.
func (m *module) frameSource() []byte {
	return []byte(strings.Repeat("\n", m.line-1) + strings.Repeat(" ", m.col-1) + m.src)
}

func (m *module) diagnostic(f finding) diag.Diagnostic {
	line, col := m.position(f.offset)
	d := diag.Diagnostic{File: m.file, Line: line, Column: col, Message: f.message, Hint: f.hint}
	if f.warning {
		d.Severity = diag.Warning
	}
	return d.WithFrame(m.frameSource())
}

// resolve turns a required path into a project path: relative to the module's folder
// (an inline module's is its .wxml's), or to the project root when it starts with "/".
// ok is false when the path leaves the project.
func (m *module) resolve(p string) (string, bool) {
	var joined string
	if strings.HasPrefix(p, "/") {
		joined = path.Clean(p)[1:]
	} else {
		joined = path.Join(path.Dir(m.file), p)
	}
	if joined == ".." || strings.HasPrefix(joined, "../") || joined == "" || joined == "." {
		return "", false
	}
	return joined, true
}

func outsideProject(r requireCall) finding {
	return finding{offset: r.offset, message: fmt.Sprintf("require(%q): the path leaves the project folder", r.path)}
}

// requireFindings are the findings about require, which Requires reports too.
func requireFindings(fs []finding) []finding {
	var out []finding
	for _, f := range fs {
		if strings.HasPrefix(f.message, "require") {
			out = append(out, f)
		}
	}
	return out
}

// maxDiagnostics is how many diagnostics one module reports at most.
const maxDiagnostics = 100

// diagnostics gathers esbuild's messages and the analysis' findings, in source order.
func (m *module) diagnostics(a *analysis) diag.List {
	findings := slices.Clone(a.findings)
	for _, r := range a.requires {
		if _, ok := m.resolve(r.path); !ok {
			findings = append(findings, outsideProject(r))
		}
	}
	parsed, syntaxErrorAt := esbuildFindings(a.parseable(m.src))
	if syntaxErrorAt >= 0 {
		// Past a syntax error our tokenizer may be out of step: keep what it found
		// before, which is still right.
		findings = slices.DeleteFunc(findings, func(f finding) bool { return f.offset >= syntaxErrorAt })
	}
	findings = append(findings, parsed...)
	slices.SortStableFunc(findings, func(x, y finding) int { return x.offset - y.offset })
	var list diag.List
	for i, f := range findings {
		if i > 0 && f.offset == findings[i-1].offset && f.message == findings[i-1].message {
			continue
		}
		if len(list) == maxDiagnostics {
			// Past this, the rest is noise (and each frame costs a pass over the file).
			list = append(list, diag.Diagnostic{File: m.file, Line: list[len(list)-1].Line, Column: list[len(list)-1].Column,
				Message: "too many errors; fix these and compile again"})
			break
		}
		list = append(list, m.diagnostic(f))
	}
	return list
}

// generate prints the compiled module: the helpers and the shadowing variables, then
// the source with its rewrites, on the lines it had (plus two), in a function of its
// own so that its let/const/class declarations may reuse a shadowed name.
func (m *module) generate(a *analysis) string {
	h := a.helper
	var b strings.Builder
	b.WriteString("function (require, exports, module) {\n")
	// D calls the function with its helpers as this.
	fmt.Fprintf(&b, "var %s = this, getRegExp = %[1]s.getRegExp, getDate = %[1]s.getDate, console = %[1]s.console;", h)
	if names := a.sortedNames(); len(names) > 0 {
		b.WriteString(" var " + strings.Join(names, ", ") + ";")
	}
	b.WriteString(" return (function () {\n")
	last := 0
	rewrites := slices.Clone(a.rewrites)
	slices.SortFunc(rewrites, func(x, y rewrite) int { return x.start - y.start })
	for _, r := range rewrites {
		if r.start < last {
			continue
		}
		b.WriteString(m.src[last:r.start])
		b.WriteString(strings.ReplaceAll(r.text, "\x00", h))
		last = r.end
	}
	b.WriteString(m.src[last:])
	b.WriteString("\n}).call(undefined);\n}")
	return b.String()
}

// failing is the module function of a module that did not compile: it throws the first
// error when the module is loaded.
func failing(errs diag.List) string {
	for _, d := range errs {
		if d.Severity == diag.Error {
			msg := fmt.Sprintf("%s:%d:%d: %s", d.File, d.Line, d.Column, d.Message)
			return fmt.Sprintf("function (require, exports, module) { throw new SyntaxError(%s); }", jsString(msg))
		}
	}
	return "function (require, exports, module) {}"
}

// jsString quotes s as a JavaScript string literal (JSON's quoting, which is valid JS
// once U+2028 and U+2029 are escaped).
func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// esbuildFindings parses src with esbuild and returns its messages as findings,
// and the offset of the first syntax error (-1 when there is none).
func esbuildFindings(src string) ([]finding, int) {
	result := api.Transform(src, api.TransformOptions{
		Loader:   api.LoaderJS,
		Target:   api.ES2020,
		LogLevel: api.LogLevelSilent,
	})
	starts := lineStarts(src)
	offset := func(loc *api.Location) int {
		if loc == nil {
			return 0
		}
		line := min(max(loc.Line, 1), len(starts))
		return min(starts[line-1]+max(loc.Column, 0), len(src))
	}
	var out []finding
	syntaxErrorAt := -1
	for _, msg := range result.Errors {
		f := finding{offset: offset(msg.Location), message: msg.Text}
		if syntaxErrorAt < 0 || f.offset < syntaxErrorAt {
			syntaxErrorAt = f.offset
		}
		out = append(out, f)
	}
	for _, msg := range result.Warnings {
		if strings.Contains(msg.Text, "configured target environment") {
			continue // lowering notes: the constructs are reported as errors by us
		}
		out = append(out, finding{offset: offset(msg.Location), message: msg.Text, warning: true})
	}
	return out, syntaxErrorAt
}

// lineStarts returns the byte offset where each line of src starts, counting line breaks
// as esbuild does: \n, \r\n, a lone \r, U+2028 and U+2029.
func lineStarts(src string) []int {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		switch {
		case src[i] == '\n':
			starts = append(starts, i+1)
		case src[i] == '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		case strings.HasPrefix(src[i:], "\u2028") || strings.HasPrefix(src[i:], "\u2029"):
			i += 2
			starts = append(starts, i+1)
		}
	}
	return starts
}
