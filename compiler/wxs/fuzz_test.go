package wxs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzCompile: any input compiles or reports errors, without panicking; positions stay
// within the file; and a module without errors keeps every byte of its source except
// where it was rewritten.
func FuzzCompile(f *testing.F) {
	seeds := []string{
		"module.exports = { a: 1 };",
		"var f = (a) => `x${a}`; let b = {c, d: /re/g};",
		"var x = require('./a.wxs'); x.constructor; this['constructor'];",
		"if (a) /x/.test(b); else { c = {} / 2 }",
		"var s = '\\u2028'; /* comment */ // line",
		"var 名字 = '值';\r\nvar b = a?.b ?? 0b1 ** 1n;",
	}
	for _, name := range []string{"*.wxs", "*/*.wxs"} {
		files, _ := filepath.Glob(filepath.Join(goldenDir, name))
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				seeds = append(seeds, string(src))
			}
		}
	}
	for _, s := range seeds {
		f.Add(s, 1, 1)
		f.Add(s, 3, 7)
	}
	f.Fuzz(func(t *testing.T, src string, line, col int) {
		line, col = 1+abs(line)%1000, 1+abs(col)%1000
		js, errs := Compile("pages/a/a.wxml#m", []byte(src), line, col)
		lines := strings.Count(src, "\n") + strings.Count(src, "\r") + strings.Count(src, "\u2028") + strings.Count(src, "\u2029")
		for _, d := range errs {
			if d.File != "pages/a/a.wxml" || d.Line < line || d.Line > line+lines || d.Column < 1 {
				t.Fatalf("bad position %s:%d:%d for a body at %d:%d", d.File, d.Line, d.Column, line, col)
			}
		}
		if !strings.HasPrefix(js, "function (require, exports, module) {") || !strings.HasSuffix(js, "}") {
			t.Fatalf("not a module function: %q", js)
		}
		refs, _ := Requires("a/b.wxs", []byte(src), 1, 1)
		for _, r := range refs {
			if !strings.HasSuffix(r.Path, ".wxs") || strings.HasPrefix(r.Path, "../") || strings.HasPrefix(r.Path, "/") {
				t.Fatalf("bad require path %q", r.Path)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if -n < 0 {
			return 0
		}
		return -n
	}
	return n
}
