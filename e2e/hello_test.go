package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var mpsimBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "mpsim-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	mpsimBin, err = Binary(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	closeChromium()
	os.RemoveAll(dir)
	os.Exit(code)
}

const wait = 15 * time.Second

// The walking skeleton: the hello app renders from a service layer in a Web Worker, a
// tap reaches its handler and the new data renders.
func TestHelloCounterTap(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/hello"))
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		t.Fatalf("server at %s, want 127.0.0.1 by default", srv.URL)
	}
	b := OpenBrowser(t, srv.URL)

	b.WaitText(".count", "count: 0", wait)
	// The page's JS ran where a phone runs it: no DOM (typeof document === 'undefined').
	b.WaitText(".layer", "layer: worker", wait)
	// getApp() saw App.onLaunch's options; getSystemInfoSync went through /apihelper/assdk;
	// a missing data path renders empty instead of throwing.
	b.WaitText(".info", "launch pages/index/index width 390 name ada missing ", wait)

	b.Tap(".btn")
	// catchtap stops the tap before the root's bindtap (which would add 100).
	b.WaitText(".count", "count: 1", wait)
	b.TapThenText(".btn", ".count", "count: 2", wait)
	// A tap on the root's own text bubbles nowhere else and calls its bindtap.
	b.TapThenText(".layer", ".count", "count: 102", wait)

	// operateWXData answered by the Go handler by callbackID, through getUserInfo: with no
	// mpsim.mock.json, the anonymous user a tourist gets.
	b.TapThenText(".user", ".user", "user: 微信用户 / getUserInfo:ok", wait)

	if err := b.Screenshot(filepath.Join(artifactDir(t), "hello.png")); err != nil {
		t.Error(err)
	}
}

// With no folder, `mpsim open` serves the embedded demo.
func TestDemoServesWithNoFolder(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".count", "count: 0 (0 taps)", wait)
	b.TapThenText(".inc", ".count", "count: 1 (1 tap)", wait)
	b.WaitText(".device", "device: iPhone 12/13 (Pro), 390×844", wait)
}

// The folder may be given as --project, and project.config.json's miniprogramRoot is
// where app.json is.
func TestProjectFlagAndMiniprogramRoot(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("project.config.json", `{"miniprogramRoot": "miniprogram/"}`)
	write("miniprogram/app.json", `{"pages": ["pages/home/home"]}`)
	write("miniprogram/pages/home/home.js", `Page({ data: { where: 'root' } })`)
	write("miniprogram/pages/home/home.wxml", `<view class="where">from {{where}}</view>`)
	srv := StartServer(t, mpsimBin, "--project", dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".where", "from root", wait)
}

// Custom components: usingComponents at page and app level, properties, lifetimes, a tap
// inside the component, and triggerEvent reaching the page.
func TestCustomComponents(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/components"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".counter", "counter 5", wait)
	b.WaitText(".label", "[global]", wait)
	b.TapThenText(".counter", ".counter", "counter 6", wait)
	b.WaitText(".last", "changed to 6", wait)
	// A hover-class inside a component matches the component's own (scoped) rules.
	b.Tap(".counter")
	b.WaitStyle(".counter", "color", "rgb(9, 9, 9)", wait)
}
