package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A good project to break: a page with a component, a style sheet with an @import.
var goodProject = map[string]string{
	"app.json":                    `{"pages": ["pages/index/index"]}`,
	"app.js":                      "App({})",
	"app.wxss":                    `@import "common/base.wxss";`,
	"common/base.wxss":            ".title { color: rgb(1, 2, 3); }",
	"pages/index/index.json":      `{"usingComponents": {"x-badge": "../../components/badge/badge"}}`,
	"pages/index/index.js":        "Page({ data: { n: 1 } })",
	"pages/index/index.wxml":      `<view class="title">good {{n}}</view><x-badge />`,
	"components/badge/badge.js":   "Component({})",
	"components/badge/badge.json": `{"component": true}`,
	"components/badge/badge.wxml": `<text class="badge">badge</text>`,
}

// Each broken input gets a positioned message and exit 1 from `mpsim build`, and a running
// server reports it in the terminal and keeps serving the last good build.
func TestBrokenInputsKeepTheLastGoodBuild(t *testing.T) {
	t.Parallel()
	breaks := []struct {
		name, file, content, want string
	}{
		{"malformed app.json", "app.json", "{\n  \"pages\": [\"pages/index/index\",]\n}", "app.json:2:33: error: invalid JSON"},
		{"missing page file", "app.json", "{\n  \"pages\": [\"pages/index/index\", \"pages/gone/gone\"]\n}", `app.json:2:34: error: pages[1] "pages/gone/gone": pages/gone/gone.js not found`},
		{"unresolvable usingComponents", "pages/index/index.json", "{\n  \"usingComponents\": {\"x-badge\": \"../../components/nope/nope\"}\n}", `pages/index/index.json:2:34: error: usingComponents "x-badge": "../../components/nope/nope" resolves to no component`},
		{"@import cycle", "common/base.wxss", "@import \"../app.wxss\";\n.title { color: red; }", "@import cycle"},
		{"JS syntax error", "pages/index/index.js", "Page({\n  data: { n: 1 },,\n})", "pages/index/index.js:2:18: error:"},
	}
	dir := writeProject(t, goodProject)
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".title", "good 1", wait)

	for _, br := range breaks {
		t.Run(br.name, func(t *testing.T) {
			path := filepath.Join(dir, filepath.FromSlash(br.file))
			good, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			before := len(srv.Output())
			if err := os.WriteFile(path, []byte(br.content), 0o644); err != nil {
				t.Fatal(err)
			}
			restored := false
			defer func() {
				if !restored {
					os.WriteFile(path, good, 0o644) // let the next case start from a good project
				}
			}()
			// The terminal names the file, line and column, and says the old build serves.
			waitOutput(t, srv, before, br.want)
			waitOutput(t, srv, before, "still serving the last good build")
			// `mpsim build` says the same and exits 1.
			if _, stderr, code := runMpsim(t, "build", dir); code != 1 || !strings.Contains(stderr, br.want) {
				t.Errorf("mpsim build: exit %d, want 1 and %q in:\n%s", code, br.want, stderr)
			}
			// A reload of the simulator still gets the last good build.
			b2 := OpenBrowser(t, srv.URL)
			b2.WaitText(".title", "good 1", wait)
			b2.WaitText(".badge", "badge", wait)

			before = len(srv.Output())
			if err := os.WriteFile(path, good, 0o644); err != nil {
				t.Fatal(err)
			}
			restored = true
			waitOutput(t, srv, before, "changed: rebuilt")
		})
	}

	// A good change after all that is served.
	before := len(srv.Output())
	os.WriteFile(filepath.Join(dir, "pages/index/index.js"), []byte("Page({ data: { n: 2 } })"), 0o644)
	waitOutput(t, srv, before, "changed: rebuilt")
	b3 := OpenBrowser(t, srv.URL)
	b3.WaitText(".title", "good 2", wait)
}

// waitOutput waits until the server's terminal output after offset contains want.
func waitOutput(t *testing.T, srv *Server, offset int, want string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		if out := srv.Output(); len(out) >= offset && strings.Contains(out[offset:], want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the terminal did not show %q; it shows:\n%s", want, srv.Output()[offset:])
}
