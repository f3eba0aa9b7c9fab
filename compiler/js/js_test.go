package js

import (
	"strings"
	"testing"
)

func TestTransformESModuleToCommonJS(t *testing.T) {
	m, errs := Transform("utils/util.js", []byte("export const add = (a, b) => a + b\nimport x from './x'\n"))
	if errs != nil {
		t.Fatal(errs)
	}
	if m.Path != "utils/util.js" || !strings.Contains(m.Code, "require(\"./x\")") || !strings.Contains(m.Code, "module.exports") {
		t.Fatalf("not CommonJS:\n%s", m.Code)
	}
}

func TestTransformTypeScript(t *testing.T) {
	m, errs := Transform("pages/a/a.ts", []byte("const n: number = 1\nexport default n\n"))
	if errs != nil {
		t.Fatal(errs)
	}
	if m.Path != "pages/a/a.js" || strings.Contains(m.Code, ": number") {
		t.Fatalf("TypeScript not compiled: %s\n%s", m.Path, m.Code)
	}
}

func TestSyntaxErrorIsPositioned(t *testing.T) {
	_, errs := Transform("pages/index/index.js", []byte("Page({\n  data: { é: 1, b: },\n})\n"))
	if len(errs) != 1 {
		t.Fatalf("want 1 error, got %v", errs)
	}
	d := errs[0]
	if d.File != "pages/index/index.js" || d.Line != 2 || d.Column != 20 {
		t.Fatalf("error at %s:%d:%d, want pages/index/index.js:2:20\n%s", d.File, d.Line, d.Column, d)
	}
	if !strings.Contains(d.Frame, "> 2 |   data: { é: 1, b: },") {
		t.Fatalf("code frame missing the line:\n%s", d.Frame)
	}
}
