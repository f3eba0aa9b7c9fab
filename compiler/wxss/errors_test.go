package wxss

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mpsim/mpsim/compiler/diag"
)

// Every error names its file, line and column (in runes) exactly.
func TestCompileErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // "line:col: severity: message" of each diagnostic, in order
	}{
		{"unclosed block", ".a {\n  color: red;\n", []string{`1:4: error: unclosed block: this "{" has no matching "}"`}},
		{"unclosed nested block", "@media screen {\n  .a { color: red; }\n", []string{`1:15: error: unclosed block: this "{" has no matching "}"`}},
		{"unclosed string", ".a { content: \"abc; }\n.b {}", []string{`1:15: error: unclosed string: a string cannot span lines`}},
		{"unclosed string at end", ".a { content: 'abc", []string{`1:15: error: unclosed string`}},
		{"stray brace", ".a {}\n}\n.b {}", []string{`2:1: error: unexpected "}": there is no block to close here`}},
		{"stray semicolon", ".a {};\n", []string{`1:6: error: unexpected ";" between rules`}},
		{"import without path", "@import foo;\n", []string{`1:9: error: @import needs a path in quotes: @import "other.wxss";`}},
		{"import with media", "@import \"x.wxss\" screen;\n", []string{`1:18: error: expected ";" after @import "x.wxss", found "screen"`}},
		{"import in a block", "@media screen {\n  @import \"x.wxss\";\n}\n", []string{`2:3: error: @import is allowed only at the top level of a file, outside any block`}},
		{"import outside the project", "\n@import \"../../../x.wxss\";", []string{`2:9: error: @import path "../../../x.wxss" leaves the project folder`}},
		{"unclosed parenthesis", ".a { width: calc(1px + 2px; }\n", []string{`1:13: error: unclosed "(": it has no matching ")"`}},
		{"unclosed bracket", ".a[x { }\n", []string{`1:3: error: unclosed "[": it has no matching "]"`}},
		{"selector without block", ".a { }\n.b", []string{`2:3: error: expected "{" after the selector ".b", found the end of the file`}},
		{"selector before semicolon", ".a;\n.b {}", []string{`1:3: error: expected "{" after the selector ".a", found ";"`}},
		{"empty selector", "{ color: red }", []string{`1:1: error: expected a selector before "{"`}},
		{"bad url", ".a { background: url(a b.png); }", []string{`1:18: error: bad url(): quote the address, or escape its spaces, quotes and parentheses`}},
		{"unclosed comment", ".a { }\n/* note", []string{`2:1: warning: unclosed comment: it hides everything up to the end of the file`}},
		{"columns count runes", "/* 中文 */ .a {", []string{`1:13: error: unclosed block: this "{" has no matching "}"`}},
		{"tabs", "\t.a {", []string{`1:5: error: unclosed block: this "{" has no matching "}"`}},
		{"bom", "\xEF\xBB\xBF.a {", []string{`1:4: error: unclosed block: this "{" has no matching "}"`}},
		{"component tag selector", "view .a {}\n.b #c {}", []string{
			`1:1: warning: a tag selector in a component's style sheet applies to the whole page, not only to the component`,
			`2:4: warning: an ID selector in a component's style sheet applies to the whole page, not only to the component`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Compile("pages/a/a.wxss", []byte(tt.src), Options{Component: strings.HasPrefix(tt.name, "component")})
			got := positions(diags, "pages/a/a.wxss")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			for _, d := range diags {
				if d.Frame == "" {
					t.Errorf("%s has no code frame", d.Error())
				}
			}
		})
	}
}

func positions(diags diag.List, file string) []string {
	var got []string
	for _, d := range diags {
		prefix := ""
		if d.File != file {
			prefix = d.File + ":"
		}
		got = append(got, fmt.Sprintf("%s%d:%d: %s: %s", prefix, d.Line, d.Column, d.Severity, d.Message))
	}
	return got
}

func TestLinkErrors(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{"missing file", fstest.MapFS{
			"pages/a.wxss": {Data: []byte(".a {}\n  @import \"./b\";\n")},
		}, []string{`2:3: error: @import "./b": file pages/b.wxss not found`}},
		{"self import", fstest.MapFS{
			"pages/a.wxss": {Data: []byte("@import \"a.wxss\";")},
		}, []string{`1:1: error: @import cycle: pages/a.wxss -> pages/a.wxss`}},
		{"cycle through two files", fstest.MapFS{
			"pages/a.wxss":  {Data: []byte("@import \"/common/b.wxss\";\n.a {}")},
			"common/b.wxss": {Data: []byte(".b {}\n\n@import \"../pages/a.wxss\";")},
		}, []string{`common/b.wxss:3:1: error: @import cycle: pages/a.wxss -> common/b.wxss -> pages/a.wxss`}},
		{"cycle below the entry", fstest.MapFS{
			"pages/a.wxss": {Data: []byte("@import \"b.wxss\";")},
			"pages/b.wxss": {Data: []byte("@import \"c.wxss\";")},
			"pages/c.wxss": {Data: []byte(".c{}\n@import \"b.wxss\";")},
		}, []string{`pages/c.wxss:2:1: error: @import cycle: pages/b.wxss -> pages/c.wxss -> pages/b.wxss`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := bundle(tt.files, "pages/a.wxss", Options{}, "")
			got := positions(diags, "pages/a.wxss")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			for _, d := range diags {
				if d.Frame == "" || d.Hint == "" {
					t.Errorf("%s: want a code frame and a hint", d.Error())
				}
			}
		})
	}
}
