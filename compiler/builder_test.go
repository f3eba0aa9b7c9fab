package compiler

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mpsim/mpsim/compiler/project"
)

func load(t *testing.T, fsys fstest.MapFS) *project.Project {
	t.Helper()
	p, errs := project.Load(fsys)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	return p
}

func TestRebuildCompilesOnlyWhatChanged(t *testing.T) {
	fsys := fstest.MapFS{
		"app.json":          {Data: []byte(`{"pages": ["pages/a/a", "pages/b/b"]}`)},
		"app.js":            {Data: []byte(`App({})`)},
		"pages/a/a.js":      {Data: []byte(`Page({})`)},
		"pages/a/a.wxml":    {Data: []byte(`<view>a</view>`)},
		"pages/b/b.js":      {Data: []byte(`Page({})`)},
		"pages/b/b.wxml":    {Data: []byte(`<view>b</view>`)},
		"node_modules/x.js": {Data: []byte(`not compiled (`)},
	}
	b := NewBuilder()
	out, errs := b.Build(load(t, fsys), nil)
	if out == nil {
		t.Fatal(errs)
	}
	if s := b.Stats(); s.Files != 5 || s.Compiled != 5 || s.Reused != 0 {
		t.Fatalf("cold build: %+v", s)
	}

	// Nothing changed: nothing compiles, and the output is the same.
	again, _ := b.Build(load(t, fsys), nil)
	if s := b.Stats(); s.Compiled != 0 || s.Reused != 5 {
		t.Fatalf("unchanged rebuild: %+v", s)
	}
	if again.AppService() != out.AppService() {
		t.Fatal("an unchanged rebuild gave different output")
	}

	// One template changed: one file compiles, and the output has the change.
	fsys["pages/b/b.wxml"] = &fstest.MapFile{Data: []byte(`<view>b2</view>`)}
	out, _ = b.Build(load(t, fsys), nil)
	if s := b.Stats(); s.Compiled != 1 || s.Reused != 4 {
		t.Fatalf("one change: %+v", s)
	}
	if !strings.Contains(out.AppService(), `"b2"`) {
		t.Fatal("the changed template is not in the output")
	}

	// A file removed is gone from the output; a broken file fails the build and a fix
	// recovers it.
	delete(fsys, "app.js")
	fsys["pages/a/a.js"] = &fstest.MapFile{Data: []byte(`Page({ data: { x: } })`)}
	if out, errs := b.Build(load(t, fsys), nil); out != nil || !errs.HasErrors() || errs[0].File != "pages/a/a.js" {
		t.Fatalf("broken file: out %v, errs %v", out != nil, errs)
	}
	fsys["pages/a/a.js"] = &fstest.MapFile{Data: []byte(`Page({ data: { x: 1 } })`)}
	out, errs = b.Build(load(t, fsys), nil)
	if out == nil || strings.Contains(out.AppService(), `"app.js"`) {
		t.Fatalf("after fix: %v", errs)
	}
	if s := b.Stats(); s.Compiled != 1 {
		t.Fatalf("fix: %+v", s)
	}
}

func TestBuildWithTheChangedFilesOnly(t *testing.T) {
	fsys := fstest.MapFS{
		"app.json":       {Data: []byte(`{"pages": ["pages/a/a"]}`)},
		"pages/a/a.js":   {Data: []byte(`Page({})`)},
		"pages/a/a.wxml": {Data: []byte(`<view>a</view>`)},
	}
	b := NewBuilder()
	if out, errs := b.Build(load(t, fsys), []string{"pages/a/a.js"}); out == nil || b.Stats().Compiled != 2 {
		t.Fatalf("a first build looks at every file: %v %+v", errs, b.Stats())
	}
	// Only what the caller names is looked at: a change it does not name is not seen.
	fsys["pages/a/a.wxml"] = &fstest.MapFile{Data: []byte(`<view>unseen</view>`)}
	fsys["pages/a/a.js"] = &fstest.MapFile{Data: []byte(`Page({ data: { v: 2 } })`)}
	out, _ := b.Build(load(t, fsys), []string{"pages/a/a.js"})
	if st := b.Stats(); st.Compiled != 1 || !strings.Contains(out.AppService(), "v: 2") || strings.Contains(out.AppService(), "unseen") {
		t.Fatalf("rebuild of one file: %+v", st)
	}
	// A new file and a changed .json are picked up.
	fsys["components/c/c.js"] = &fstest.MapFile{Data: []byte(`Component({})`)}
	fsys["components/c/c.wxml"] = &fstest.MapFile{Data: []byte(`<text>c</text>`)}
	fsys["pages/a/a.json"] = &fstest.MapFile{Data: []byte(`{"usingComponents": {"c": "/components/c/c"}}`)}
	out, errs := b.Build(load(t, fsys), []string{"components/c/c.js", "components/c/c.wxml", "pages/a/a.json"})
	if out == nil || !strings.Contains(out.AppService(), `"c":"/components/c/c"`) {
		t.Fatalf("new component not linked: %v", errs)
	}
	// A deleted file goes.
	delete(fsys, "components/c/c.wxml")
	out, _ = b.Build(load(t, fsys), []string{"components/c/c.wxml"})
	if strings.Contains(out.AppService(), `G["components/c/c"]`) {
		t.Fatal("a deleted template is still in the output")
	}
}

// A .wxs module that requires a file the project lacks fails the build at the require,
// as the official compiler does, rather than at run time in the page; adding the file
// fixes it.
func TestWXSRequireOfAMissingModule(t *testing.T) {
	fsys := fstest.MapFS{
		"app.json":       {Data: []byte(`{"pages": ["pages/a/a"]}`)},
		"pages/a/a.js":   {Data: []byte(`Page({})`)},
		"pages/a/a.wxml": {Data: []byte(`<wxs src="./m.wxs" module="m"/><view>{{m.x}}</view>`)},
		"pages/a/m.wxs":  {Data: []byte("var n = require('./n.wxs')\nmodule.exports = { x: n.x }\n")},
	}
	b := NewBuilder()
	out, errs := b.Build(load(t, fsys), nil)
	if out != nil || len(errs) != 1 {
		t.Fatalf("out %v, errs %v; want one error", out != nil, errs)
	}
	if e := errs[0]; e.File != "pages/a/m.wxs" || e.Line != 1 || e.Column != 17 || !strings.Contains(e.Message, `"pages/a/n.wxs"`) {
		t.Fatalf("error %+v", e)
	}
	fsys["pages/a/n.wxs"] = &fstest.MapFile{Data: []byte("module.exports = { x: 1 }\n")}
	if out, errs := b.Build(load(t, fsys), nil); out == nil {
		t.Fatalf("with the module: %v", errs)
	}
}

// A Sass or Less sheet in place of the app's, a page's or a component's .wxss is not
// compiled: the build says so at the file, and still succeeds. A partial is left alone.
func TestUncompiledStyleLanguagesAreReported(t *testing.T) {
	fsys := fstest.MapFS{
		"app.json":          {Data: []byte(`{"pages": ["pages/a/a", "pages/b/b"]}`)},
		"app.js":            {Data: []byte(`App({})`)},
		"app.less":          {Data: []byte(`@c: red; page { color: @c; }`)},
		"pages/a/a.js":      {Data: []byte(`Page({})`)},
		"pages/a/a.wxml":    {Data: []byte(`<view/>`)},
		"pages/a/a.scss":    {Data: []byte(`@import "../../styles/vars"; view { color: $c; }`)},
		"pages/b/b.js":      {Data: []byte(`Page({})`)},
		"pages/b/b.wxml":    {Data: []byte(`<view/>`)},
		"pages/b/b.scss":    {Data: []byte(`view { color: red; }`)},
		"pages/b/b.wxss":    {Data: []byte(`view { color: red; }`)}, // compiled by the developer
		"styles/_vars.scss": {Data: []byte(`$c: red;`)},
	}
	out, errs := NewBuilder().Build(load(t, fsys), nil)
	if out == nil || errs.HasErrors() {
		t.Fatalf("the build failed: %v", errs)
	}
	var got []string
	for _, d := range errs {
		got = append(got, d.File+": "+d.Message)
	}
	want := []string{"app.less: Less is not compiled by mpsim: app renders without these styles",
		"pages/a/a.scss: Sass is not compiled by mpsim: pages/a/a renders without these styles"}
	if !slices.Equal(got, want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
