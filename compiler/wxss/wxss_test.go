package wxss

import (
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
)

func TestResolve(t *testing.T) {
	tests := []struct{ from, spec, want, err string }{
		{"pages/a/a.wxss", "./b.wxss", "pages/a/b.wxss", ""},
		{"pages/a/a.wxss", "b", "pages/a/b.wxss", ""},
		{"pages/a/a.wxss", "../../common/x.wxss", "common/x.wxss", ""},
		{"pages/a/a.wxss", "/common/x", "common/x.wxss", ""},
		{"pages/a/a.wxss", "/common/x.css", "common/x.css", ""},
		{"a.wxss", "../x.wxss", "", "leaves the project"},
		{"a.wxss", "", "", "empty"},
	}
	for _, tt := range tests {
		got, err := Resolve(tt.from, tt.spec)
		if got != tt.want || (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("Resolve(%q, %q) = %q, %v; want %q, %q", tt.from, tt.spec, got, err, tt.want, tt.err)
		}
	}
}

func TestScopeName(t *testing.T) {
	tests := map[string]string{
		"components/van-button/index":      "components__van-button__index",
		"/components/card/index.wxss":      "components__card__index",
		"miniprogram_npm/@vant/weapp/cell": "miniprogram_5fnpm___40vant__weapp__cell",
		"a_b/c":                            "a_5fb__c",
		"a/_b/c":                           "a___5fb__c",
	}
	seen := map[string]string{}
	for in, want := range tests {
		got := ScopeName(in)
		if got != want {
			t.Errorf("ScopeName(%q) = %q, want %q", in, got, want)
		}
		if other, dup := seen[got]; dup {
			t.Errorf("ScopeName(%q) = ScopeName(%q)", in, other)
		}
		seen[got] = in
	}
}

func TestStyleScope(t *testing.T) {
	const p = "components/card/index"
	tests := []struct {
		component      bool
		isolation      string
		addGlobalClass bool
		want           string
	}{
		{false, "", false, ""},
		{true, "", false, "components__card__index"},
		{true, "", true, "components__card__index"},
		{true, "shared", false, ""},
		{false, "page-shared", false, ""},
		{true, "apply-shared", false, "components__card__index"},
		{false, "page-isolated", false, "components__card__index"},
		{false, "page-apply-shared", false, "components__card__index"},
	}
	for _, tt := range tests {
		if got := StyleScope(p, tt.component, tt.isolation, tt.addGlobalClass); got != tt.want {
			t.Errorf("StyleScope(component %v, %q, addGlobalClass %v) = %q, want %q", tt.component, tt.isolation, tt.addGlobalClass, got, tt.want)
		}
	}
}

// Any scope name links to valid selectors: the prefix is escaped as an identifier.
func TestScopeEscaping(t *testing.T) {
	out, diags := Compile("a.wxss", []byte(".x, :host { color: red }"), Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	files := map[string]*Output{"a.wxss": &out}
	for scope, want := range map[string]string{
		"":         `.x, [wx-host=""] { color: red }`,
		"card":     `.card--x, [wx-host="card"] { color: red }`,
		"1st":      `.\31 st--x, [wx-host="1st"] { color: red }`,
		`we"ird.s`: `.we\"ird\.s--x, [wx-host="we\"ird.s"] { color: red }`,
	} {
		got, _ := Link("a.wxss", files, scope)
		if got != want {
			t.Errorf("scope %q: got %s, want %s", scope, got, want)
		}
	}
}

// Imports are dependencies the build graph can read without linking.
func TestImportsAreReported(t *testing.T) {
	out, _ := Compile("pages/index/index.wxss", []byte("@import \"../../common/a.wxss\";\n\n  @import '/b';"), Options{})
	want := []Ref{
		{Path: "common/a.wxss", Spec: "../../common/a.wxss", Line: 1, Column: 1},
		{Path: "b.wxss", Spec: "/b", Line: 3, Column: 3},
	}
	if len(out.Imports) != len(want) {
		t.Fatalf("imports %+v, want %+v", out.Imports, want)
	}
	for i := range want {
		if got := out.Imports[i]; got != want[i] {
			t.Errorf("import %d: %+v, want %+v", i, out.Imports[i], want[i])
		}
	}
}

// Compile never writes to the caller's bytes (the lexer writes a NUL past the end when
// there is room).
func TestCompileLeavesSourceAlone(t *testing.T) {
	buf := make([]byte, 0, 64)
	buf = append(buf, ".a { width: 1rpx }"...)
	full := buf[:cap(buf)]
	full[len(buf)] = 'Z'
	Compile("a.wxss", buf, Options{})
	if full[len(buf)] != 'Z' {
		t.Fatal("Compile changed the byte after the source")
	}
}

func FuzzCompile(f *testing.F) {
	for _, seed := range []string{
		".a { width: 10rpx; margin: -0.5rpx 1.rpx }",
		"@import \"b.wxss\";\npage view, .a:not(.b) { color: red }",
		":host(.x) .y { --v: { a: b }; } @media (x) { .z { } }",
		"@keyframes k { from { width: 1rpx } } .a { .b { c: d } }",
		".a { content: \"x", "/* x", "}", "{", ".a[x", "url(", "@import url(x",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, diags := Compile("a.wxss", []byte(src), Options{Component: true})
		for _, d := range diags {
			if d.Line < 1 || d.Column < 1 {
				t.Fatalf("bad position %d:%d in %q", d.Line, d.Column, src)
			}
		}
		for _, m := range out.marks {
			if m.pos > m.end || m.end > len(out.CSS) {
				t.Fatalf("mark %+v outside the CSS (%d bytes)", m, len(out.CSS))
			}
		}
		files := map[string]*Output{"a.wxss": &out}
		css1, _ := Link("a.wxss", files, "s")
		if diags.HasErrors() {
			return
		}
		// What compiled without error has balanced blocks, so that a sheet linked after it
		// is not swallowed.
		if depth := braceDepth(css1); depth != 0 {
			t.Fatalf("output of %q has unbalanced braces (%d):\n%s", src, depth, css1)
		}
		if len(out.Imports) > 0 {
			return // bundle would look for the imported files
		}
		if _, diags := bundle(fstest.MapFS{"a.wxss": {Data: []byte(src)}}, "a.wxss", Options{}, ""); diags.HasErrors() {
			t.Fatalf("bundle fails where Compile did not: %v", diags)
		}
	})
}

func braceDepth(s string) int {
	lex := css.NewLexer(parse.NewInputString(s))
	depth := 0
	for {
		tt, _ := lex.Next()
		switch tt {
		case css.ErrorToken:
			return depth
		case css.LeftBraceToken:
			depth++
		case css.RightBraceToken:
			depth--
		}
	}
}

// Pathological input stays linear: long runs of errors, deep nesting, long selectors.
// The limit is on the process's CPU time, which does not grow when other processes take
// the machine's cores, as wall time does (a quadratic case takes minutes either way).
func TestPathologicalInputIsFast(t *testing.T) {
	for name, src := range map[string]string{
		"braces":   strings.Repeat("}", 200000),
		"opens":    strings.Repeat("{", 200000),
		"parens":   ".a{width:" + strings.Repeat("calc(", 100000),
		"nesting":  strings.Repeat(".a{", 100000),
		"not":      strings.Repeat(":not(", 100000) + "{}",
		"strings":  strings.Repeat("'\n", 100000),
		"imports":  strings.Repeat("@import 'a';\n", 20000),
		"rpx":      ".a{margin:" + strings.Repeat("1rpx ", 100000) + "}",
		"comments": strings.Repeat("/**/", 100000),
	} {
		start := cpuTime(t)
		Compile("a.wxss", []byte(src), Options{Component: true})
		if d := cpuTime(t) - start; d > 2*time.Second {
			t.Errorf("%s: %v", name, d)
		}
	}
}

// cpuTime is the CPU time this process has used so far, user and system.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
