package stylelang

import (
	"fmt"
	"strings"
	"testing"
)

// files is a project the sheets import from.
var files = map[string]string{
	"styles/_vars.scss":      "$main: #123456;\n@mixin pad($n) { padding: $n * 2; }\n",
	"styles/base.wxss":       ".base { color: red; }\n",
	"styles/theme.less":      "@main: #654321;\n.pad(@n) { padding: @n * 2; }\n",
	"pages/a/parts/row.scss": ".row { display: flex; }\n",
}

func read(p string) ([]byte, bool) {
	s, ok := files[p]
	return []byte(s), ok
}

// Each case is a sheet and the CSS it must compile to, side by side: imports resolve from
// the sheet's folder or the root, Sass's partials and Less's mixins work, rpx stays.
func TestCompile(t *testing.T) {
	for _, tc := range []struct{ file, src, want string }{
		{"pages/a/a.scss", `@import "../../styles/vars"; @import "parts/row";
.a { color: $main; .b { @include pad(10rpx); } }`,
			".row {\n  display: flex;\n}\n\n.a {\n  color: #123456;\n}\n.a .b {\n  padding: 20rpx;\n}"},
		{"pages/a/a.scss", `@use "sass:math"; @import "/styles/base.wxss"; .w { width: math.div(750rpx, 2); }`,
			".base {\n  color: red;\n}\n\n.w {\n  width: 375rpx;\n}"},
		{"pages/a/a.sass", ".a\n  color: red\n  .b\n    margin: 1rpx\n",
			".a {\n  color: red;\n}\n.a .b {\n  margin: 1rpx;\n}"},
		{"pages/a/a.less", `@import "../../styles/theme"; .a { color: @main; .b { .pad(5rpx); } }`,
			".a {\n  color: #654321;\n}\n.a .b {\n  padding: 10rpx;\n}\n"},
	} {
		got, errs := Compile(tc.file, []byte(tc.src), read)
		if errs != nil {
			t.Errorf("%s: %v", tc.file, errs)
			continue
		}
		if got != tc.want {
			t.Errorf("%s:\n%s\ncompiled to:\n%s\nwant:\n%s", tc.file, tc.src, got, tc.want)
		}
	}
}

// A mistake is reported where it is, in the sheet or in what it imports.
func TestCompileErrors(t *testing.T) {
	for _, tc := range []struct{ file, src, at, message string }{
		{"pages/a/a.scss", ".a {\n  color: $nope;\n}", "pages/a/a.scss:2:10", "Undefined variable"},
		{"pages/a/a.scss", `@import "missing";`, "pages/a/a.scss:1:9", "Can't find stylesheet"},
		{"pages/a/a.less", ".a {\n  color: @nope;\n}", "pages/a/a.less:2:10", "variable @nope is undefined"},
		{"pages/a/a.less", `@import "missing";`, "pages/a/a.less:1:1", "missing"},
	} {
		_, errs := Compile(tc.file, []byte(tc.src), read)
		if len(errs) != 1 {
			t.Errorf("%s %q: want one diagnostic, got %v", tc.file, tc.src, errs)
			continue
		}
		d := errs[0]
		at := fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Column)
		if at != tc.at || !strings.Contains(d.Message, tc.message) {
			t.Errorf("%s %q: got %s %q, want %s containing %q", tc.file, tc.src, at, d.Message, tc.at, tc.message)
		}
	}
}

