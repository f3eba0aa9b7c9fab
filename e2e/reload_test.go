package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Saving a file updates the simulator: a style sheet in place and a template by
// re-rendering (the page keeps its data), anything else by relaunching the app; a
// compile error shows over the simulator, with the file and line, until it is fixed.
func TestSavesUpdateTheSimulator(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{
		"app.json":                 `{"pages": ["pages/index/index"]}`,
		"pages/index/index.js":     "Page({ data: { n: 0 }, inc() { this.setData({ n: this.data.n + 1 }) } })",
		"pages/index/index.wxml":   `<view class="n" bindtap="inc">n {{n}}</view>`,
		"pages/index/index.wxss":   ".n { color: rgb(1, 1, 1); }",
		"pages/detail/detail.js":   "Page({ data: { q: '' }, onLoad(q) { this.setData({ q: JSON.stringify(q) + ' v1' }) } })",
		"pages/detail/detail.wxml": `<view class="q">{{q}}</view>`,
		"utils/fmt.wxs":            "module.exports.show = function (n) { return 'n is ' + n }",
	})
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".n", "n 0", wait)
	b.Tap(".n")
	b.Tap(".n")
	b.TapThenText(".n", ".n", "n 3", wait)

	write("pages/index/index.wxss", ".n { color: rgb(200, 0, 0); }")
	b.WaitStyle(".n", "color", "rgb(200, 0, 0)", wait)
	b.WaitText(".n", "n 3", wait) // swapped in place: the page kept its data

	write("pages/index/index.wxml", `<view class="n" bindtap="inc">count {{n}}<view>`)
	overlay := func() string {
		text, _ := Eval[string](b, `document.getElementById('error-overlay').hidden ? '' : document.getElementById('error-text').textContent`)
		return text
	}
	waitTrue(t, func() bool { return strings.Contains(overlay(), "pages/index/index.wxml:1:") })
	b.WaitText(".n", "n 3", wait) // the last good build keeps running under the overlay

	write("pages/index/index.wxml", `<view class="n" bindtap="inc">count {{n}}</view>`)
	waitTrue(t, func() bool { return overlay() == "" })
	b.WaitText(".n", "count 3", wait) // re-rendered with the page's data
	b.Tap(".n")
	b.WaitText(".n", "count 4", wait) // and it still works

	// A .wxs module: the templates that use it take the new code, the data stays.
	write("pages/index/index.wxml", `<wxs src="../../utils/fmt.wxs" module="fmt"/><view class="n" bindtap="inc">{{fmt.show(n)}}</view>`)
	b.WaitText(".n", "n is 4", wait)
	write("utils/fmt.wxs", "module.exports.show = function (n) { return 'now ' + n }")
	b.WaitText(".n", "now 4", wait)
	write("pages/index/index.wxml", `<view class="n" bindtap="inc">count {{n}}</view>`)
	b.WaitText(".n", "count 4", wait)

	// app.json cannot be swapped into the running app: it relaunches at the same pages.
	write("app.json", `{"pages": ["pages/index/index", "pages/detail/detail"]}`)
	waitTrue(t, func() bool {
		n, _ := Eval[int](b, `window.__mpsim ? window.__mpsim.stack().length : 0`)
		return n == 1
	})
	b.WaitText(".n", "count 0", wait)
	b.TapThenText(".n", ".n", "count 1", wait)

	// A page's .js is swapped into the running app: that page is made again where it is,
	// with its query, and the page below keeps its state.
	if _, err := Eval[bool](b, `(window.__mpsim.navigate('/pages/detail/detail?id=4'), true)`); err != nil {
		t.Fatal(err)
	}
	b.WaitText(".q", `{"id":"4"} v1`, wait)
	write("pages/detail/detail.js", "Page({ data: { q: '' }, onLoad(q) { this.setData({ q: JSON.stringify(q) + ' v2' }) } })")
	b.WaitText(".q", `{"id":"4"} v2`, wait)
	stack, _ := Eval[string](b, `window.__mpsim.stack().map(p => p.path).join(',')`)
	if stack != "pages/index/index,pages/detail/detail" {
		t.Fatalf("after the script's update the stack is %q", stack)
	}
	b.tapShell("#nav-back")
	b.WaitText(".n", "count 1", wait)
}

// ext.json is read once per launch, and a save of it relaunches the app, which reads the
// new one: wx.getExtConfigSync never answers from an old file.
func TestExtConfigFollowsSaves(t *testing.T) {
	t.Parallel()
	ext := func(name string) string { return `{"extEnable": true, "ext": {"name": "` + name + `"}}` }
	dir := writeProject(t, map[string]string{
		"app.json":               `{"pages": ["pages/index/index"]}`,
		"ext.json":               ext("first"),
		"pages/index/index.js":   "Page({ data: { ext: '' }, onLoad() { wx.getExtConfigSync(); this.setData({ ext: wx.getExtConfigSync().name }) } })",
		"pages/index/index.wxml": `<view class="ext">ext {{ext}}</view>`,
	})
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".ext", "ext first", wait)
	if err := os.WriteFile(filepath.Join(dir, "ext.json"), []byte(ext("second")), 0o644); err != nil {
		t.Fatal(err)
	}
	b.WaitText(".ext", "ext second", wait)
}
