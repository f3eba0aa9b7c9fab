package wxs

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/mpsim/mpsim/compiler/diag"
)

// errorCases each hold one mistake; the position is given in the module's own source
// (line 1, column 1 at its start).
var errorCases = []struct {
	name      string
	src       string
	line, col int
	message   string // a substring of the message
}{
	{"syntax", "var a = 1;\nvar b = a +;\n", 2, 12, `Unexpected ";"`},
	{"unterminated string", "var s = 'abc\n", 1, 13, "Unterminated string literal"},
	{"regexp literal", "var ok = a / b;\nvar r = /a+/g;", 2, 9, "RegExp literals are not allowed in WXS"},
	{"new Date", "var d = new Date();", 1, 9, "new Date is not allowed in WXS: use getDate(...)"},
	{"new RegExp", "var r = new RegExp('a');", 1, 9, "new RegExp is not allowed in WXS: use getRegExp(pattern, flags)"},
	{"import", "import a from './a.wxs';", 1, 1, "import is not allowed in WXS"},
	{"export", "export var a = 1;", 1, 1, "export is not allowed in WXS"},
	{"eval", "eval('1');", 1, 1, "eval is not available in WXS"},
	{"require computed", "var name = 'a';\nvar m = require('./' + name);", 2, 17, "require needs one string literal"},
	{"require not wxs", "var m = require('./util.js');", 1, 17, `require('./util.js'): only .wxs modules can be required`},
	{"require without extension", "var m = require(\"./util\");", 1, 17, "only .wxs modules can be required"},
	{"require as value", "var r = require;", 1, 9, "require can only be called"},
	{"require outside project", "var m = require('../../../x.wxs');", 1, 17, "leaves the project folder"},
	{"after CJK", "var 名字 = '值'; var r = /x/;", 1, 23, "RegExp literals are not allowed in WXS"},
}

// TestErrorPositions checks each error case as a .wxs file and as an inline module
// whose body starts at line 5, column 18 of a .wxml: the first line of the body shifts
// by the column too, the others by the lines only.
func TestErrorPositions(t *testing.T) {
	for _, c := range errorCases {
		t.Run(c.name, func(t *testing.T) {
			for _, inline := range []bool{false, true} {
				filename, file, startLine, startCol := "utils/x.wxs", "utils/x.wxs", 1, 1
				if inline {
					filename, file, startLine, startCol = "pages/p/p.wxml#m", "pages/p/p.wxml", 5, 18
				}
				js, errs := Compile(filename, []byte(c.src), startLine, startCol)
				wantLine, wantCol := c.line+startLine-1, c.col
				if c.line == 1 {
					wantCol += startCol - 1
				}
				if !errs.HasErrors() {
					t.Fatalf("no error; compiled to\n%s", js)
				}
				d := firstError(errs)
				got := fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Column)
				want := fmt.Sprintf("%s:%d:%d", file, wantLine, wantCol)
				if got != want || !strings.Contains(d.Message, c.message) {
					t.Errorf("inline=%v: got %s %q, want %s %q\n%v", inline, got, d.Message, want, c.message, errs)
				}
				if !strings.Contains(d.Frame, "^") {
					t.Errorf("no code frame:\n%s", d.Error())
				}
				if !strings.HasPrefix(js, "function (require, exports, module) { throw new SyntaxError(") {
					t.Errorf("failing module = %s", js)
				}
			}
		})
	}
}

func firstError(errs diag.List) diag.Diagnostic {
	for _, d := range errs {
		if d.Severity == diag.Error {
			return d
		}
	}
	return diag.Diagnostic{}
}

// TestCodeFrame shows a whole diagnostic, frame and hint, for an inline module.
func TestCodeFrame(t *testing.T) {
	_, errs := Compile("pages/a/a.wxml#fmt", []byte("\n  var f = function (a) { return a; };\n  var g = new Date();\n"), 3, 20)
	want := `pages/a/a.wxml:5:11: error: new Date is not allowed in WXS: use getDate(...)
  4 |   var f = function (a) { return a; };
> 5 |   var g = new Date();
    |           ^
  6 | 
  hint: getDate() is now; getDate(ms), getDate('2020-01-02'), getDate(2020, 0, 2) take what new Date takes`
	if len(errs) != 1 || errs[0].Error() != want {
		t.Errorf("got\n%v\nwant\n%s", errs, want)
	}
}

// TestAllErrorsReported: one module with several mistakes reports each, in order.
func TestAllErrorsReported(t *testing.T) {
	src := "var d = new Date();\nvar s = `x`;\nimport x from './x.wxs';\nvar r = /x/;\nvar m = require('./m.js');\n"
	_, errs := Compile("m.wxs", []byte(src), 1, 1)
	var got []string
	for _, d := range errs {
		got = append(got, fmt.Sprintf("%d:%d", d.Line, d.Column))
	}
	want := []string{"1:9", "3:1", "4:9", "5:17"}
	if !slices.Equal(got, want) {
		t.Errorf("positions %v, want %v\n%v", got, want, errs)
	}
}

func TestValidES5HasNoDiagnostics(t *testing.T) {
	src := `var a = 1, b = a / 2 / 3, c = (a) / 2;
function f(x) { return x / 2; }
var g = function () {} ;
var o = { get: 1, set: 2, 'q': 3, 4: 5, f: function () { return this; } };
if (a) { b = 1 } else { b = 2 }
switch (a) { case 1: b = {x: 1}; break; default: b = a ? {y: 1} : {z: 2}; }
outer: for (var i = 0; i < 3; i++) { for (var j in o) { if (j) continue outer; } }
try { f(1); } catch (e) { b = e; } finally { c = 0; }
do { a--; } while (a > 0);
var t = typeof a === 'number' && !(a instanceof Date) && 'x' in o;
var hex = 0xFF, exp = 1e-3, dot = .5, oct = 010;
var str = "a\"b" + 'c\'d' + "line\
continued";
var ternary = a ? .5 : 1;
module.exports = { f: f, g: g, arr: [o['constructor'], o.constructor] };
`
	js, errs := Compile("ok.wxs", []byte(src), 1, 1)
	if len(errs) > 0 {
		t.Fatalf("unexpected diagnostics:\n%v", errs)
	}
	if strings.Contains(js, "throw new SyntaxError") {
		t.Fatalf("failing module for valid source:\n%s", js)
	}
}

func TestRequires(t *testing.T) {
	src := "var a = require('./a.wxs');\nvar b = require(\"../lib/b.wxs\"), c = require('/c.wxs');\nvar d = require('./d.js');"
	for _, c := range []struct {
		filename, file string
		line, col      int
		want           []Ref
	}{
		{"pages/p/p.wxs", "pages/p/p.wxs", 1, 1, []Ref{{"pages/p/a.wxs", 1, 17}, {"pages/lib/b.wxs", 2, 17}, {"c.wxs", 2, 46}}},
		{"pages/p/p.wxml#m", "pages/p/p.wxml", 4, 10, []Ref{{"pages/p/a.wxs", 4, 26}, {"pages/lib/b.wxs", 5, 17}, {"c.wxs", 5, 46}}},
	} {
		refs, errs := Requires(c.filename, []byte(src), c.line, c.col)
		if !slices.Equal(refs, c.want) {
			t.Errorf("%s: refs %v, want %v", c.filename, refs, c.want)
		}
		if len(errs) != 1 || errs[0].File != c.file || errs[0].Line != c.line+2 || !strings.Contains(errs[0].Message, "only .wxs modules") {
			t.Errorf("%s: diagnostics %v", c.filename, errs)
		}
	}
}

func TestUnavailableGlobalWarnings(t *testing.T) {
	src := "var k = Object.keys(o);\nvar k2 = Object.keys(p);\nif (typeof wx !== 'undefined') wx.request();\nvar Array = [];\nsetTimeout(f);"
	js, errs := Compile("w.wxs", []byte(src), 1, 1)
	var got []string
	for _, d := range errs {
		got = append(got, fmt.Sprintf("%d:%d %s %s", d.Line, d.Column, d.Severity, d.Message))
	}
	want := []string{
		"1:9 warning Object is not available in WXS: it is undefined here",
		"3:32 warning wx is not available in WXS: it is undefined here",
		"5:1 warning setTimeout is not available in WXS: it is undefined here",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if strings.Contains(js, "throw") {
		t.Errorf("warnings must not fail the module:\n%s", js)
	}
}

func TestTooManyErrors(t *testing.T) {
	_, errs := Compile("many.wxs", []byte(strings.Repeat("var r = /x/;\n", 300)), 1, 1)
	if len(errs) != maxDiagnostics+1 || !strings.HasPrefix(errs[maxDiagnostics].Message, "too many errors") {
		t.Errorf("%d diagnostics, last %q", len(errs), errs[len(errs)-1].Message)
	}
}
