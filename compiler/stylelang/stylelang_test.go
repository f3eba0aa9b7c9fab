package stylelang

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mpsim/mpsim/compiler/wxss"
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
		got, _, errs := Compile(tc.file, []byte(tc.src), read)
		if errs != nil {
			t.Errorf("%s: %v", tc.file, errs)
			continue
		}
		if got != tc.want {
			t.Errorf("%s:\n%s\ncompiled to:\n%s\nwant:\n%s", tc.file, tc.src, got, tc.want)
		}
	}
}

// The files a sheet imported are listed, so that a save of one compiles the sheet again.
func TestCompileListsImports(t *testing.T) {
	_, imports, errs := Compile("pages/a/a.scss", []byte(`@use "sass:math"; @import "../../styles/vars", "parts/row";`), read)
	if errs != nil || strings.Join(imports, " ") != "styles/_vars.scss pages/a/parts/row.scss" {
		t.Errorf("Sass imports: %v %v", imports, errs)
	}
	_, imports, errs = Compile("pages/a/a.less", []byte(`@import "../../styles/theme";`), read)
	if errs != nil || strings.Join(imports, " ") != "styles/theme.less" {
		t.Errorf("Less imports: %v %v", imports, errs)
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
		_, _, errs := Compile(tc.file, []byte(tc.src), read)
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

// BenchmarkSheetVsWXSS compiles a page's Sass sheet (with an import) and, as the baseline
// in the same run, the WXSS compiler on the CSS it gives, which every sheet goes through
// after. The compilers' one-time load (goja reading the 6.8 MB bundle) is before the timer.
func BenchmarkSheetVsWXSS(b *testing.B) {
	src := []byte(`@import "../../styles/vars";
.list { .row { display: flex; padding: 20rpx; color: $main; &:active { opacity: .6; } } }
@for $i from 1 through 20 { .m-#{$i} { margin: #{$i * 4}rpx; } }`)
	css, _, errs := Compile("pages/a/a.scss", src, read)
	if errs != nil {
		b.Fatal(errs)
	}
	b.Run("sass", func(b *testing.B) {
		for range b.N {
			Compile("pages/a/a.scss", src, read)
		}
	})
	b.Run("wxss", func(b *testing.B) {
		for range b.N {
			wxss.Compile("pages/a/a.wxss", []byte(css), wxss.Options{})
		}
	})
}

// TestLoadTime reports what the first Sass or Less sheet of a process costs.
func TestLoadTime(t *testing.T) {
	if engine.vm != nil {
		t.Skip("the compilers are loaded already")
	}
	start := time.Now()
	if _, _, errs := Compile("a.less", []byte(".a { b: c }"), read); errs != nil {
		t.Fatal(errs)
	}
	t.Logf("loading the compilers and a first sheet: %v", time.Since(start))
}
