package compiler

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mpsim/mpsim/compiler/diag"
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

// A Sass or Less sheet in place of the app's, a page's or a component's .wxss compiles to
// its styles; a .wxss beside it wins; a partial is compiled only as what others import,
// and a change to it compiles its importers again.
func TestSassAndLessSheets(t *testing.T) {
	fsys := fstest.MapFS{
		"project.config.json": {Data: []byte(`{"setting": {"useCompilerPlugins": ["typescript", "sass", "less"]}}`)},
		"app.json":            {Data: []byte(`{"pages": ["pages/a/a", "pages/b/b"]}`)},
		"app.js":              {Data: []byte(`App({})`)},
		"app.less":            {Data: []byte(`@c: red; page { color: @c; }`)},
		"pages/a/a.js":        {Data: []byte(`Page({})`)},
		"pages/a/a.wxml":      {Data: []byte(`<view/>`)},
		"pages/a/a.scss":      {Data: []byte(`@import "../../styles/vars"; .x { .y { color: $c; width: 10rpx; } }`)},
		"pages/b/b.js":        {Data: []byte(`Page({})`)},
		"pages/b/b.wxml":      {Data: []byte(`<view/>`)},
		"pages/b/b.scss":      {Data: []byte(`.z { color: blue; }`)},
		"pages/b/b.wxss":      {Data: []byte(`.z { color: green; }`)},
		"styles/_vars.scss":   {Data: []byte(`$c: #010203;`)},
	}
	b := NewBuilder()
	out, errs := b.Build(load(t, fsys), nil)
	if out == nil || errs != nil {
		t.Fatalf("the build: %v", errs)
	}
	for key, want := range map[string]string{"app": "page{color:red;}", "pages/a/a": ".x.y{color:#010203;width:max(1px,", "pages/b/b": ".z{color:green;}"} {
		if css := strings.Join(strings.Fields(string(out.Styles[key])), ""); !strings.Contains(css, want) {
			t.Errorf("%s compiled to %q, want it to contain %q", key, out.Styles[key], want)
		}
	}
	fsys["styles/_vars.scss"] = &fstest.MapFile{Data: []byte(`$c: #040506;`)}
	out, errs = b.Build(load(t, fsys), []string{"styles/_vars.scss"})
	if out == nil || errs != nil || !strings.Contains(string(out.Styles["pages/a/a"]), "#040506") {
		t.Errorf("after the partial changed: %q %v", out.Styles["pages/a/a"], errs)
	}
	if n := b.Stats().Compiled; n != 1 {
		t.Errorf("the partial's save compiled %d files, want 1: its importer", n)
	}
	// An import that is missing fails; creating it is enough to build again.
	fsys["app.less"] = &fstest.MapFile{Data: []byte(`@import "styles/more"; page { color: @c; }`)}
	if out, errs := b.Build(load(t, fsys), []string{"app.less"}); out != nil || len(errs) == 0 || errs[0].File != "app.less" {
		t.Fatalf("a missing Less import: %v", errs)
	}
	fsys["styles/more.less"] = &fstest.MapFile{Data: []byte(`@c: blue;`)}
	if out, errs := b.Build(load(t, fsys), []string{"styles/more.less"}); out == nil || !strings.Contains(string(out.Styles["app"]), "blue") {
		t.Errorf("after the missing import came: %v", errs)
	}
	fsys["pages/a/a.scss"] = &fstest.MapFile{Data: []byte(".x {\n  color: $nope;\n}")}
	if out, errs := b.Build(load(t, fsys), []string{"pages/a/a.scss"}); out != nil || len(errs) != 1 ||
		errs[0].File != "pages/a/a.scss" || errs[0].Line != 2 {
		t.Errorf("a Sass error: %v", errs)
	}
}

// Without the language in setting.useCompilerPlugins, the official tools do not compile
// the sheet: each entry is a warning, and the page has no styles from it.
func TestSassWithoutThePluginIsAWarning(t *testing.T) {
	fsys := fstest.MapFS{
		"project.config.json": {Data: []byte(`{"setting": {"useCompilerPlugins": ["less"]}}`)},
		"app.json":            {Data: []byte(`{"pages": ["pages/a/a"]}`)},
		"app.js":              {Data: []byte(`App({})`)},
		"pages/a/a.js":        {Data: []byte(`Page({})`)},
		"pages/a/a.wxml":      {Data: []byte(`<view/>`)},
		"pages/a/a.scss":      {Data: []byte(`.x { .y { color: red; } }`)},
		"styles/_vars.scss":   {Data: []byte(`$c: red;`)},
	}
	out, errs := NewBuilder().Build(load(t, fsys), nil)
	if out == nil || len(errs) != 1 || errs[0].File != "pages/a/a.scss" || errs[0].Severity != diag.Warning ||
		!strings.Contains(errs[0].Hint, `add "sass" to setting.useCompilerPlugins`) {
		t.Fatalf("want one warning at pages/a/a.scss: %v", errs)
	}
	if len(out.Styles["pages/a/a"]) != 0 {
		t.Errorf("the sheet compiled without the plugin: %q", out.Styles["pages/a/a"])
	}
}
