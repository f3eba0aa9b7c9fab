package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// writeProject lays out a mini-program from name -> content.
func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runMpsim(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := exec.Command(mpsimBin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

func TestBuildReportsEveryErrorWithPosition(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{
		"app.json":                      "{\n  \"pages\": [\n    \"pages/a/a\",\n    \"pages/gone/gone\"\n  ]\n}\n",
		"pages/a/a.js":                  "Page({\n  data: { n: 1, },\n  bad: ,\n})\n",
		"pages/a/a.wxml":                "<view>\n  <text>{{ n + }}</text>\n</view>\n",
		"pages/a/b.wxml":                "<view><text></view>\n",
		"project.config.json":           `{"projectname": "broken"}`,
		"node_modules/x/index.js":       "this is not javascript but it is never compiled",
		"miniprogram_npm/y/index.js":    "module.exports = 1",
		".hidden/also-ignored/index.js": "((((",
	})
	_, stderr, code := runMpsim(t, "build", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	for _, want := range []string{
		`app.json:4:5: error: pages[1] "pages/gone/gone": pages/gone/gone.js not found`,
		"pages/a/a.js:3:8: error:",
		"pages/a/a.wxml:2:16: error: unexpected \"}}\" in expression",
		"pages/a/b.wxml:1:13: error: closing tag </view> does not match <text>",
		"> 2 |   <text>{{ n + }}</text>",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("missing %q in:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "node_modules") || strings.Contains(stderr, ".hidden") {
		t.Errorf("compiled a folder it should skip:\n%s", stderr)
	}
}

func TestBuildGoodProjectWritesAppService(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	stdout, stderr, code := runMpsim(t, "build", RepoPath("testdata/hello"), "-o", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "built 1 page(s)") {
		t.Errorf("stdout %q", stdout)
	}
	js, err := os.ReadFile(filepath.Join(out, "appservice.js"))
	if err != nil || !bytes.Contains(js, []byte(`__mpsim.define("pages/index/index.js"`)) {
		t.Fatalf("appservice.js: %v\n%.300s", err, js)
	}
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{},
		{"fly"},
		{"open", "/no/such/folder"},
		{"open", "a", "b"},
		{"build"},
	} {
		_, stderr, code := runMpsim(t, args...)
		if code != 2 || stderr == "" {
			t.Errorf("mpsim %q: exit %d, stderr %q; want 2 and a message", args, code, stderr)
		}
	}
}

// A project that does not compile is still served, and says why; the server keeps running.
func TestOpenBrokenProjectServesItsErrors(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{
		"app.json":       `{"pages": ["pages/a/a"],}`,
		"pages/a/a.js":   "Page({})",
		"pages/a/a.wxml": "<view/>",
	})
	srv := StartServer(t, mpsimBin, dir)
	// stderr is copied by another goroutine: wait for it.
	waitOutput(t, srv, 0, "app.json:1:25: error: invalid JSON")
	b := OpenBrowser(t, srv.URL)
	got, err := Eval[string](b, `fetch('/app-config.json').then(r => r.json()).then(c => c.errors[0].file + ':' + c.errors[0].line + ':' + c.errors[0].column)`)
	if err != nil || got != "app.json:1:25" {
		t.Fatalf("app-config errors: %q %v", got, err)
	}
}

// `mpsim open` says to build npm when node_modules is there and miniprogram_npm is not.
func TestOpenTellsToBuildNpm(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{
		"app.json":                `{"pages": ["pages/a/a"]}`,
		"pages/a/a.js":            "Page({})",
		"pages/a/a.wxml":          "<view>a</view>",
		"node_modules/x/index.js": "module.exports = 1",
	})
	srv := StartServer(t, mpsimBin, dir)
	waitOutput(t, srv, 0, "run `mpsim build-npm")
}
