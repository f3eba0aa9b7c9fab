package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mpsim/mpsim/web"
)

// shellProject is a mini-program whose page shows the device it runs on, its query and
// the app's lifecycle log.
var shellProject = map[string]string{
	"app.json": `{"pages": ["pages/index/index", "pages/detail/detail"]}`,
	"app.js": `App({
  log: [],
  onLaunch(o) { this.log.push('launch:' + o.scene) },
  onShow(o) { this.log.push('app.show:' + o.scene) },
  onHide() { this.log.push('app.hide') },
})`,
	"pages/index/index.wxml": `<view class="device">{{device}}</view>
<view class="log">{{log}}</view>
<view class="refresh" bindtap="refresh">refresh</view>
<view class="to-detail" bindtap="toDetail">detail</view>`,
	"pages/index/index.js": `Page({
  data: { device: '', log: '' },
  onLoad() {
    const s = wx.getSystemInfoSync()
    this.setData({ device: [s.model, s.screenWidth, s.screenHeight, s.pixelRatio, s.windowWidth].join('|') })
  },
  onShow() { getApp().log.push('page.show') },
  onHide() { getApp().log.push('page.hide') },
  refresh() { this.setData({ log: getApp().log.join(' ') }) },
  toDetail() { wx.navigateTo({ url: '/pages/detail/detail?id=5' }) },
})`,
	"pages/detail/detail.wxml": `<view class="query">{{query}}</view>`,
	"pages/detail/detail.js":   `Page({ data: { query: '' }, onLoad(q) { this.setData({ query: JSON.stringify(q) + ' ' + getApp().log[0] }) } })`,
}

// The hub forwards web.ShellAPIs to the shell: the shell's scripts must answer each of
// them, and the hub must forward each API they answer.
func TestShellAnswersTheAPIsTheHubForwards(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, writeProject(t, shellProject))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".device", "iPhone 12/13 (Pro)|390|844|3|390", wait)
	answered, err := Eval[[]string](b, `window.__mpsim.apis()`)
	if err != nil {
		t.Fatal(err)
	}
	for name := range web.ShellAPIs {
		if !slices.Contains(answered, name) {
			t.Errorf("web.ShellAPIs has %s, which no script of web/static answers", name)
		}
	}
	for _, name := range answered {
		if !web.ShellAPIs[name] {
			t.Errorf("web/static answers %s, which web.ShellAPIs lacks: the hub never forwards it", name)
		}
	}
}

// The toolbar: the device picker (getSystemInfo reports the chosen device), background
// and foreground, and compile modes read from and saved to project.private.config.json.
func TestShellToolbar(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, shellProject)
	os.WriteFile(filepath.Join(dir, "project.private.config.json"), []byte(`{"condition": {"miniprogram": {"list": [
  {"name": "detail 9", "pathName": "pages/detail/detail", "query": "id=9", "scene": 1011}]}}}`), 0o644)
	srv := StartServer(t, mpsimBin, dir)

	// The default device, then each one the picker offers.
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".device", "iPhone 12/13 (Pro)|390|844|3|390", wait)
	models, err := Eval[string](b, `[...document.querySelectorAll('#device-picker option')].map(o => o.value).join(',')`)
	if err != nil || models != "iPhone SE,iPhone 12/13 (Pro),iPhone 15 Pro Max,Pixel 5,iPad" {
		t.Fatalf("device picker offers %q (%v)", models, err)
	}
	if _, err := Eval[bool](b, `(() => { const p = document.getElementById('device-picker'); p.value = 'iPhone SE'; p.onchange(); return true })()`); err != nil {
		t.Fatal(err)
	}
	b.WaitText(".device", "iPhone SE|375|667|2|375", wait)
	if w, _ := Eval[float64](b, `document.getElementById('device').getBoundingClientRect().width`); w != 375 {
		t.Fatalf("the device frame is %v wide, want 375", w)
	}
	b2 := OpenBrowser(t, srv.URL+"?device=Pixel%205")
	b2.WaitText(".device", "Pixel 5|393|851|2.75|393", wait)

	// Background and foreground: onHide of the page then the app, and back.
	b2.tapShell("#background")
	b2.tapShell("#background")
	b2.TapThenText(".refresh", ".log", "launch:1001 app.show:1001 page.show page.hide app.hide app.show:1001 page.show", wait)

	// A compile mode from project.private.config.json launches at its page and query.
	if _, err := Eval[bool](b2, `(() => { const s = document.getElementById('compile-mode'); s.value = '0'; s.onchange(); return true })()`); err != nil {
		t.Fatal(err)
	}
	b2.WaitText(".query", `{"id":"9"} launch:1011`, wait)
	if v, _ := Eval[string](b2, `document.getElementById('compile-mode').value`); v != "0" {
		t.Fatalf("the compile mode shown is %q, want the one launched (0)", v)
	}
	// Saving the page on top as a compile mode writes it to project.private.config.json.
	if _, err := Eval[bool](b2, `(() => { const s = document.getElementById('compile-mode'); s.value = 'save'; s.onchange(); return true })()`); err != nil {
		t.Fatal(err)
	}
	waitTrue(t, func() bool {
		data, _ := os.ReadFile(filepath.Join(dir, "project.private.config.json"))
		return strings.Contains(string(data), `"name": "pages/detail/detail?id=9"`)
	})
}

// Tab pages keep their state across switches; back from a page above unloads it and shows
// the page below where it was scrolled to.
func TestShellKeepsPageState(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{
		"app.json": `{"pages": ["pages/a/a", "pages/b/b", "pages/detail/detail"],
  "tabBar": {"list": [{"pagePath": "pages/a/a", "text": "A"}, {"pagePath": "pages/b/b", "text": "B"}]}}`,
		"app.js": `App({ log: [] })`,
		"pages/a/a.wxml": `<view class="n" bindtap="inc">n {{n}}</view>
<view style="height: 1500px">tall</view>
<view class="log">{{log}}</view>`,
		"pages/a/a.js": `Page({
  data: { n: 0, log: '' },
  inc() { this.setData({ n: this.data.n + 1 }) },
  onShow() { this.setData({ log: getApp().log.join(' ') }) },
})`,
		"pages/b/b.wxml":           `<view class="b">b</view>`,
		"pages/b/b.js":             `Page({})`,
		"pages/detail/detail.wxml": `<view class="detail">detail</view>`,
		"pages/detail/detail.js":   `Page({ onUnload() { getApp().log.push('detail.onUnload') } })`,
		"pages/detail/detail.json": `{"navigationStyle": "custom"}`,
	})
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".n", "n 0", wait)
	b.Tap(".n")
	b.TapThenText(".n", ".n", "n 2", wait)
	tab := func(path string) {
		t.Helper()
		b.tapShell(`#tab-bar .tab-item[data-path="` + path + `"]`)
	}
	tab("pages/b/b")
	b.WaitText(".b", "b", wait)
	tab("pages/a/a")
	b.WaitText(".n", "n 2", wait) // the tab page kept its data

	// Scrolled down, open a page above and come back with the navigation bar's back.
	if _, err := Eval[bool](b, inPage(`doc.defaultView.scrollTo(0, 600); return true;`)); err != nil {
		t.Fatal(err)
	}
	if _, err := Eval[bool](b, `(window.__mpsim.navigate('/pages/detail/detail'), true)`); err != nil {
		t.Fatal(err)
	}
	b.WaitText(".detail", "detail", wait)
	// Its navigationStyle is custom: the page starts at the top of the screen.
	pageTop := func() float64 {
		v, _ := Eval[float64](b, `(() => { const fs = [...document.querySelectorAll('#pages iframe')].filter((f) => f.style.visibility !== 'hidden');
  return fs[fs.length - 1].getBoundingClientRect().top - document.getElementById('device').getBoundingClientRect().top; })()`)
		return v
	}
	if top := pageTop(); top != 0 {
		t.Fatalf("a page with a custom navigation bar starts %vpx below the top of the screen", top)
	}
	if _, err := Eval[bool](b, `(window.__mpsim.back(), true)`); err != nil {
		t.Fatal(err)
	}
	b.WaitText(".log", "detail.onUnload", wait)
	if top := pageTop(); top != 47+44 {
		t.Fatalf("a page with the default navigation bar starts %vpx below the top, want 91", top)
	}
	if y, _ := Eval[float64](b, inPage(`return doc.defaultView.scrollY;`)); y != 600 {
		t.Fatalf("back on the page below, it is scrolled to %v, want where it was (600)", y)
	}
}

// A custom tabBar (custom-tab-bar/index) is drawn by the app on each tab page, which
// reaches its own instance with getTabBar(), as the official docs' pattern does.
func TestCustomTabBar(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{
		"app.json": `{"pages": ["pages/a/a", "pages/b/b"],
  "tabBar": {"custom": true, "list": [{"pagePath": "pages/a/a", "text": "A"}, {"pagePath": "pages/b/b", "text": "B"}]}}`,
		"custom-tab-bar/index.json": `{"component": true}`,
		"custom-tab-bar/index.js": `Component({
  data: { selected: 0, list: [{ path: '/pages/a/a', text: 'A' }, { path: '/pages/b/b', text: 'B' }] },
  methods: { go(e) { wx.switchTab({ url: e.currentTarget.dataset.path }) } },
})`,
		"custom-tab-bar/index.wxml": `<view class="my-tabs"><view wx:for="{{list}}" wx:key="path" class="my-tab my-tab-{{index}}" data-path="{{item.path}}" bindtap="go">{{item.text}}{{selected === index ? '*' : ''}}</view></view>`,
		"custom-tab-bar/index.wxss": `.my-tabs { display: flex; height: 40px; } .my-tab { flex: 1; }`,
		"pages/a/a.wxml":            `<view class="title">a</view>`,
		"pages/a/a.js":              `Page({ onShow() { this.getTabBar().setData({ selected: 0 }) } })`,
		"pages/b/b.wxml":            `<view class="title">b</view>`,
		"pages/b/b.js":              `Page({ onShow() { this.getTabBar().setData({ selected: 1 }) } })`,
	})
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".title", "a", wait)
	b.WaitText(".my-tabs", "A*B", wait)
	if hidden, _ := Eval[bool](b, `document.getElementById('tab-bar').hidden`); !hidden {
		t.Fatal("the shell draws its own tabBar over a custom one")
	}
	if pos := b.Style("custom-tab-bar", "position"); pos != "fixed" {
		t.Fatalf("the custom tabBar is %s, want fixed at the bottom", pos)
	}
	b.TapThenText(".my-tab-1", ".title", "b", wait)
	b.WaitText(".my-tabs", "AB*", wait)
}
