package testlibs

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mpsim/mpsim/compiler/npm"
)

// Library is one component library of the three-library project.
type Library struct {
	Page    string // the page that uses it
	Package string // its npm name, and its folder under miniprogram_npm
	Prefix  string // the alias prefix of its components
	Renders string // WXML that instantiates a few of its components, by alias
	Marker  string // text the rendered page shows
	// Interactive is the page that uses the library's interactive components the way a
	// user writes them; its sources are testdata/libpages/<Name>/index.*.
	Name        string
	Interactive string
}

// Libraries are Vant Weapp, TDesign and WeUI, at the versions pinned in testdata/libs.
var Libraries = []Library{
	{"pages/vant/vant", "@vant/weapp", "van", `<van-button type="primary">vant button</van-button><van-cell title="vant cell" value="v" /><van-tag>tag</van-tag>`, "vant button", "vant", "pages/vant-interactive/index"},
	{"pages/tdesign/tdesign", "tdesign-miniprogram", "t", `<t-button theme="primary">tdesign button</t-button><t-tag>tag</t-tag>`, "tdesign button", "tdesign", "pages/tdesign-interactive/index"},
	{"pages/weui/weui", "weui-miniprogram", "mp", `<mp-cells title="weui cells"><mp-cell value="weui cell"></mp-cell></mp-cells>`, "weui cell", "weui", "pages/weui-interactive/index"},
}

// ThreeLibraryProject lays out, in a new temporary folder, a mini-program that depends on
// the three Libraries, builds its npm packages into miniprogram_npm as `mpsim build-npm`
// does, and gives each library a page whose usingComponents names every component of the
// library, and its Interactive page copied from testdata/libpages. It returns the folder.
func ThreeLibraryProject(t testing.TB) string {
	t.Helper()
	modules := NodeModules(t)
	dir := t.TempDir()
	var packages []string
	for _, lib := range Libraries {
		packages = append(packages, lib.Package)
	}
	deps := Pinned(t, packages...)
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pkg, _ := json.Marshal(map[string]any{"name": "three-libraries", "dependencies": deps})
	write("package.json", pkg)
	if err := os.Symlink(modules, filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
	if _, err := npm.Build(dir, npm.Options{}); err != nil {
		t.Fatalf("build npm: %v", err)
	}

	var pages []string
	for _, lib := range Libraries {
		using := componentsOf(t, filepath.Join(dir, "miniprogram_npm"), lib)
		cfg, _ := json.MarshalIndent(map[string]any{"usingComponents": using}, "", "  ")
		write(lib.Page+".json", cfg)
		write(lib.Page+".js", []byte("Page({})\n"))
		write(lib.Page+".wxml", []byte(`<view class="lib">`+lib.Renders+"</view>\n"))
		write(lib.Page+".wxss", []byte(".lib { padding: 24rpx; }\n"))
		pages = append(pages, lib.Page)
		src := filepath.Join(LibsDir(), "..", "libpages", lib.Name)
		for _, ext := range []string{".json", ".js", ".wxml", ".wxss"} {
			data, err := os.ReadFile(filepath.Join(src, "index"+ext))
			if err != nil {
				t.Fatal(err)
			}
			write(lib.Interactive+ext, data)
		}
		pages = append(pages, lib.Interactive)
	}
	app, _ := json.Marshal(map[string]any{"pages": pages})
	write("app.json", app)
	write("app.js", []byte("App({})\n"))
	write("app.wxss", []byte("page { background: #f7f8fa; }\n"))
	return dir
}

// componentsOf maps an alias to every component of lib (a .json with "component": true).
func componentsOf(t testing.TB, npmDir string, lib Library) map[string]string {
	using := map[string]string{}
	filepath.WalkDir(filepath.Join(npmDir, filepath.FromSlash(lib.Package)), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".json" {
			return err
		}
		var c struct {
			Component bool `json:"component"`
		}
		if data, err := os.ReadFile(p); err != nil || json.Unmarshal(data, &c) != nil || !c.Component {
			return nil
		}
		rel, _ := filepath.Rel(npmDir, strings.TrimSuffix(p, ".json"))
		alias := lib.Prefix + "-" + filepath.Base(filepath.Dir(p))
		if _, dup := using[alias]; dup {
			alias = lib.Prefix + "-" + strings.ReplaceAll(strings.TrimPrefix(filepath.ToSlash(rel), lib.Package+"/"), "/", "-")
		}
		using[alias] = filepath.ToSlash(rel)
		return nil
	})
	if len(using) < 10 {
		t.Fatalf("%s: found %d components; build npm did not copy the library", lib.Package, len(using))
	}
	return using
}

// CompatDir is testdata/compat of this repository: small apps written on third-party
// mini-program stacks (MobX bindings, Lin UI, wux-weapp, Taro's output).
func CompatDir() string {
	return filepath.Join(LibsDir(), "..", "compat")
}

// Pinned returns the exact versions testdata/libs/package.json pins for packages, failing
// the test for a package it does not pin.
func Pinned(t testing.TB, packages ...string) map[string]string {
	t.Helper()
	var libsPkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	data, err := os.ReadFile(filepath.Join(LibsDir(), "package.json"))
	if err == nil {
		err = json.Unmarshal(data, &libsPkg)
	}
	if err != nil {
		t.Fatal(err)
	}
	deps := map[string]string{}
	for _, p := range packages {
		v, ok := libsPkg.Dependencies[p]
		if !ok {
			t.Fatalf("testlibs: %s is not pinned in testdata/libs/package.json", p)
		}
		deps[p] = v
	}
	return deps
}

// CompatProject copies testdata/compat/<name> into a new temporary folder and, when
// packages are given, writes a package.json depending on their pinned versions, links
// the installed node_modules and builds miniprogram_npm as `mpsim build-npm` (the
// official tools' "Build npm") does, so the app requires them as a developer's would.
// It returns the folder.
func CompatProject(t testing.TB, name string, packages ...string) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, filepath.Join(CompatDir(), name), dir)
	if len(packages) == 0 {
		return dir
	}
	modules := NodeModules(t)
	pkg, _ := json.Marshal(map[string]any{"name": name, "private": true, "dependencies": Pinned(t, packages...)})
	if err := os.WriteFile(filepath.Join(dir, "package.json"), pkg, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(modules, filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
	if _, err := npm.Build(dir, npm.Options{}); err != nil {
		t.Fatalf("build npm: %v", err)
	}
	return dir
}

// CopyDist copies the dist/ folder of the pinned npm package pkg into the project dir as
// dest, the way a library without a "miniprogram" field (iView Weapp) is used: its docs
// have the developer copy dist/ into the project and name components by absolute path.
func CopyDist(t testing.TB, dir, pkg, dest string) {
	t.Helper()
	Pinned(t, pkg)
	copyTree(t, filepath.Join(NodeModules(t), filepath.FromSlash(pkg), "dist"), filepath.Join(dir, filepath.FromSlash(dest)))
}

// copyTree copies the folder src into dst, whose files must not exist yet.
func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatalf("copying %s: %v", src, err)
	}
}

// EchartsExample lays out, in a new temporary folder, the ECharts example mini-program
// that echarts-for-weixin publishes under examples/miniprogram (24 pages of charts), with
// its ec-canvas component where the pages look for it, as the upstream repository ships
// it: the package's src files named ec-canvas.*, and echarts' own build as echarts.js.
// The published src wants echarts passed in as a property, and its WxCanvas lacks the
// addEventListener and removeEventListener that ECharts 5 calls (as no-ops: ec-canvas
// forwards the touches itself); two small edits make it the upstream component.
func EchartsExample(t testing.TB) string {
	t.Helper()
	modules := NodeModules(t)
	pkg := filepath.Join(modules, "echarts-for-weixin")
	dir := t.TempDir()
	copyTree(t, filepath.Join(pkg, "examples", "miniprogram"), dir)
	read := func(path string) string {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	src := func(name string) string { return read(filepath.Join(pkg, "src", name)) }
	// edited is text with anchor made replacement; an anchor gone means the package changed.
	edited := func(name, text, anchor, replacement string) string {
		if !strings.Contains(text, anchor) {
			t.Fatalf("echarts-for-weixin src/%s: no %q to edit", name, anchor)
		}
		return strings.ReplaceAll(text, anchor, replacement)
	}
	component := map[string]string{
		"ec-canvas.js":   "import * as echarts from './echarts';\n" + edited("index.js", src("index.js"), "this.data.echarts", "echarts"),
		"ec-canvas.json": src("index.json"),
		"ec-canvas.wxml": src("index.wxml"),
		"ec-canvas.wxss": src("index.wxss"),
		"wx-canvas.js":   edited("wx-canvas.js", src("wx-canvas.js"), "  attachEvent() {", "  addEventListener() {}\n\n  removeEventListener() {}\n\n  attachEvent() {"),
		"echarts.js":     read(filepath.Join(modules, "echarts", "dist", "echarts.min.js")),
	}
	for name, text := range component {
		write(t, filepath.Join(dir, "ec-canvas", name), text)
	}
	// One page (bar) names the component at src/ec-canvas, where the package keeps it.
	copyTree(t, filepath.Join(dir, "ec-canvas"), filepath.Join(dir, "src", "ec-canvas"))
	return dir
}

func write(t testing.TB, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
