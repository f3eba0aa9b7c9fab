package js

import (
	"fmt"
	"os"
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

func TestTransformDecoratorsAndAsync(t *testing.T) {
	src := "function d(t: any, k: string) {}\nclass C {\n  @d\n  async m(): Promise<void> { await 1 }\n}\nexport { C }\n"
	m, errs := Transform("a.ts", []byte(src))
	if errs != nil {
		t.Fatal(errs)
	}
	// experimentalDecorators: esbuild's legacy __decorateClass helper, not the standard
	// decorators' __decoratorStart.
	if !strings.Contains(m.Code, "__decorateClass([") || !strings.Contains(m.Code, "async m()") {
		t.Fatalf("legacy decorators or async lost:\n%s", m.Code)
	}
}

func TestRequiresArePositionedAndRuntimeOnly(t *testing.T) {
	src := "import type { T } from './types'\n" +
		"import { onlyAType } from './types2'\n" +
		"import a from './a'\n" +
		"let x: onlyAType = a\n" +
		"const é = require('./b'); const c = require(`c`)\n" +
		"if (x) require('./d.json')\n" +
		"export * from './e'\n" +
		"const s = \"require('./not-code')\"\n" +
		"import('./f')\n"
	m, errs := Transform("pages/p/p.ts", []byte(src))
	if errs != nil {
		t.Fatal(errs)
	}
	want := []Ref{
		{Spec: "./a", Kind: ImportStatement, Line: 3, Column: 15},
		{Spec: "./b", Kind: RequireCall, Line: 5, Column: 19},
		{Spec: "c", Kind: RequireCall, Line: 5, Column: 45},
		{Spec: "./d.json", Kind: RequireCall, Line: 6, Column: 16},
		{Spec: "./e", Kind: ImportStatement, Line: 7, Column: 15},
		{Spec: "./f", Kind: DynamicImport, Line: 9, Column: 8},
	}
	if !strings.Contains(m.Code, `require("./f")`) {
		t.Errorf("import() is not a require:\n%s", m.Code)
	}
	if fmt.Sprint(m.Requires) != fmt.Sprint(want) {
		t.Fatalf("requires:\n got %v\nwant %v", m.Requires, want)
	}
}

func TestSourceMapMapsBackToTypeScriptLine(t *testing.T) {
	src, err := os.ReadFile("../../testdata/js/stack/pages/index/index.ts")
	if err != nil {
		t.Fatal(err)
	}
	m, errs := Transform("pages/index/index.ts", src)
	if errs != nil {
		t.Fatal(errs)
	}
	sm, err := ParseSourceMap(m.Map)
	if err != nil {
		t.Fatal(err)
	}
	genLine, genCol := find(t, m.Code, "(0, import_fail.fail)(")
	pos, ok := sm.Lookup(genLine, genCol)
	wantLine, wantCol := find(t, string(src), "fail('boom")
	if !ok || pos.Source != "pages/index/index.ts" || pos.Line != wantLine || pos.Column+1 != wantCol {
		t.Fatalf("generated %d:%d maps to %+v, want pages/index/index.ts:%d:%d", genLine, genCol, pos, wantLine, wantCol)
	}
	if genLine == wantLine {
		t.Fatalf("generated line equals the source line %d: the test proves nothing", genLine)
	}
}

// find returns the 1-based line and column of the first occurrence of s in text.
func find(t *testing.T, text, s string) (line, column int) {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in\n%s", s, text)
	}
	return strings.Count(text[:i], "\n") + 1, i - strings.LastIndex(text[:i], "\n")
}
