package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Saving a file updates the simulator: a style sheet in place (the page keeps its state),
// anything else by relaunching the app; a compile error shows over the simulator, with
// the file and line, until it is fixed.
func TestSavesUpdateTheSimulator(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"app.json":               `{"pages": ["pages/index/index"]}`,
		"pages/index/index.js":   "Page({ data: { n: 0 }, inc() { this.setData({ n: this.data.n + 1 }) } })",
		"pages/index/index.wxml": `<view class="n" bindtap="inc">n {{n}}</view>`,
		"pages/index/index.wxss": ".n { color: rgb(1, 1, 1); }",
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
	b.WaitText(".n", "n 2", wait)

	write("pages/index/index.wxss", ".n { color: rgb(200, 0, 0); }")
	b.WaitStyle(".n", "color", "rgb(200, 0, 0)", wait)
	b.WaitText(".n", "n 2", wait) // swapped in place: the page kept its data

	write("pages/index/index.wxml", `<view class="n" bindtap="inc">count {{n}}<view>`)
	overlay := func() string {
		text, _ := Eval[string](b, `document.getElementById('error-overlay').hidden ? '' : document.getElementById('error-text').textContent`)
		return text
	}
	waitTrue(t, func() bool { return strings.Contains(overlay(), "pages/index/index.wxml:1:") })
	b.WaitText(".n", "n 2", wait) // the last good build keeps running under the overlay

	write("pages/index/index.wxml", `<view class="n" bindtap="inc">count {{n}}</view>`)
	waitTrue(t, func() bool { return overlay() == "" })
	b.WaitText(".n", "count 0", wait) // relaunched with the new template
}
