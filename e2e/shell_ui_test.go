package e2e

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The phone's UI that wx APIs show, drawn by the shell (testdata/ui): toast, loading,
// modal, action sheet, the tabBar APIs and the navigation bar's loading indicator.
func TestShellUIAPIs(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/ui"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".toast", "toast", wait)
	shell := func(expr string) string {
		v, err := Eval[string](b, expr)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return v
	}
	waitShell := func(expr, want string) {
		t.Helper()
		deadline := time.Now().Add(wait)
		got := ""
		for time.Now().Before(deadline) {
			if got = shell(expr); got == want {
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("%s = %q, want %q", expr, got, want)
	}
	uiText := `[...document.querySelectorAll('#ui-layer *')].filter(e => e.children.length === 0).map(e => e.textContent).join('|')`

	// Toast: success icon and title; a text-only toast replaces it; hideToast closes it.
	b.TapThenText(".toast", ".result", `success {"errMsg":"showToast:ok"}`, wait)
	waitShell(uiText, "✓|Saved")
	b.Tap(".toast-none")
	waitShell(uiText, "Just text")
	// hideLoading does not close a toast; hideToast does.
	b.TapThenText(".hide-loading", ".result", `success {"errMsg":"hideLoading:ok"}`, wait)
	waitShell(uiText, "Just text")
	b.Tap(".hide-toast")
	waitShell(uiText, "")

	// Loading stays until hideLoading.
	b.Tap(".loading")
	waitShell(`document.querySelector('#ui-layer .ui-toast-title')?.textContent || ''`, "Loading")
	b.Tap(".hide-loading")
	waitShell(uiText, "")

	// A modal answers confirm or cancel, whichever is pressed.
	b.Tap(".modal")
	waitShell(uiText, "Delete?|It cannot be undone|取消|Delete")
	b.tapShell(".ui-modal-cancel")
	b.WaitText(".result", `success {"errMsg":"showModal:ok","confirm":false,"cancel":true}`, wait)
	waitShell(uiText, "")
	b.Tap(".modal")
	b.tapShell(".ui-modal-confirm")
	b.WaitText(".result", `success {"errMsg":"showModal:ok","confirm":true,"cancel":false}`, wait)
	// An editable modal returns what was typed.
	b.Tap(".modal-edit")
	waitShell(`document.querySelector('.ui-modal-input')?.placeholder || ''`, "your name")
	b.tapShell(".ui-modal-input")
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	if err := chromedp.Do(ctx, chromedp.KeyEvent("Ann")); err != nil {
		t.Fatal(err)
	}
	cancel()
	b.tapShell(".ui-modal-confirm")
	b.WaitText(".result", `success {"errMsg":"showModal:ok","confirm":true,"cancel":false,"content":"Ann"}`, wait)

	// An action sheet gives the tapped index, or fails with cancel.
	b.Tap(".sheet")
	waitShell(uiText, "Camera|Album|File|取消")
	b.tapShell(".ui-sheet-item:nth-child(2)")
	b.WaitText(".result", `success {"errMsg":"showActionSheet:ok","tapIndex":1}`, wait)
	b.Tap(".sheet")
	b.tapShell(".ui-sheet-cancel")
	b.WaitText(".result", `fail {"errMsg":"showActionSheet:fail cancel"}`, wait)

	// The tabBar shows the selected icon of the tab on top (a file of the mini-program).
	waitShell(`(() => { const img = document.querySelector('#tab-bar .tab-item img');
  return img && img.complete ? new URL(img.src).pathname + ' ' + img.naturalWidth : ''; })()`, "/images/a-on.png 2")

	// The tabBar APIs.
	tabs := `[...document.querySelectorAll('#tab-bar .tab-item')].map(e => e.textContent + (e.querySelector('.tab-dot') ? '•' : '')).join(',')`
	b.TapThenText(".badge", ".result", `success {"errMsg":"setTabBarBadge:ok"}`, wait)
	waitShell(tabs, "A,B3")
	b.TapThenText(".badge-bad", ".result", `fail {"errMsg":"setTabBarBadge:fail tabbar item not found"}`, wait)
	b.TapThenText(".dot", ".result", `success {"errMsg":"showTabBarRedDot:ok"}`, wait)
	b.TapThenText(".item", ".result", `success {"errMsg":"setTabBarItem:ok"}`, wait)
	waitShell(tabs, "Home•,B3")
	b.Tap(".style")
	waitShell(`getComputedStyle(document.querySelector('#tab-bar .tab-item')).color`, "rgb(255, 0, 0)")
	b.Tap(".hide-tab")
	waitShell(`String(document.getElementById('tab-bar').hidden)`, "true")
	b.Tap(".show-tab")
	waitShell(`String(document.getElementById('tab-bar').hidden)`, "false")
	b.Tap(".nav-loading")
	waitShell(`String(document.getElementById('nav-loading').hidden)`, "false")
	// The capsule's menu shares the page through its onShareAppMessage: the share dialog
	// shows what it gives.
	b.tapShell("#capsule-menu")
	b.tapShell(".ui-sheet-item:nth-child(1)")
	waitShell(`[...document.querySelectorAll('[data-dialog=share] .dlg-card-title, [data-dialog=share] .dlg-card-path')].map(e => e.textContent).join('|')`, "A share menu|/pages/a/a?x=1")
	b.tapShell("[data-dialog=share] .dlg-send")
	waitShell(uiText, "")
	b.tapShell("#capsule-menu")
	b.tapShell(".ui-sheet-item:nth-child(3)")
	waitShell(uiText, `onAddToFavorites: {"title":"UI","path":"/pages/a/a"}`)

	// The badge set on A shows on B too, and B can remove it (the Promise form).
	b.TapThenText(".to-detail", ".title", "b", wait)
	b.TapThenText(".badge-b", ".result", "removeTabBarBadge:ok", wait)
	waitShell(tabs, "Home•,B")
}

// tapShell clicks the middle of an element of the shell (not of the page) with the mouse,
// once the element is there.
func (b *Browser) tapShell(selector string) {
	b.t.Helper()
	sel, _ := json.Marshal(selector)
	var pt *[2]float64
	var err error
	for deadline := time.Now().Add(wait); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		pt, err = Eval[*[2]float64](b, `(() => { const el = document.querySelector(`+string(sel)+`);
  if (!el) return null; const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
		if err != nil || pt != nil {
			break
		}
	}
	if err != nil || pt == nil {
		b.t.Fatalf("%s: no such element in the shell (%v)", selector, err)
	}
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(pt[0], pt[1])); err != nil {
		b.t.Fatalf("tap %s: %v", selector, err)
	}
}

// Pull-down refresh: a drag down from the top of a page with enablePullDownRefresh shows
// the window's background and calls onPullDownRefresh; stopPullDownRefresh closes it;
// startPullDownRefresh opens it from code.
func TestPullDownRefresh(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/ui"))
	b := OpenBrowser(t, srv.URL+"?page=pages/b/b")
	b.WaitText(".title", "b", wait)
	pulled := func() float64 {
		v, _ := Eval[float64](b, inPage(`return doc.getElementById('pull-down').getBoundingClientRect().height;`))
		return v
	}
	x, y := b.center(".title")
	b.mouse(chromedp.MousePressed, x, y)
	for i := 1; i <= 10; i++ {
		b.mouse(chromedp.MouseMoved, x, y+float64(i)*15)
	}
	if h := pulled(); h < 50 {
		t.Fatalf("pulled 150px, the refresh area is %vpx high", h)
	}
	if bg := b.Style("#pull-down", "background-color"); bg != "rgb(255, 0, 0)" {
		t.Errorf("refresh area background %s, want the window's backgroundColor", bg)
	}
	b.mouse(chromedp.MouseReleased, x, y+150)
	b.WaitText(".refreshes", "1", wait)
	waitTrue(t, func() bool { return pulled() == 0 }) // stopPullDownRefresh

	// A short pull does not refresh.
	b.Drag(".title", 0, 30, 3)
	time.Sleep(100 * time.Millisecond)
	if got, _ := b.Text(".refreshes"); got != "1" {
		t.Fatalf("a 30px pull refreshed (%s)", got)
	}
	b.TapThenText(".start", ".result", "startPullDownRefresh:ok", wait)
	b.WaitText(".refreshes", "2", wait)
	waitTrue(t, func() bool { return pulled() == 0 })
	b.TapThenText(".text-style", ".result", "setBackgroundTextStyle:ok", wait)
}
