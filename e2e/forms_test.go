package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// input and textarea: typing raises input with the value and cursor, focus and confirm
// come through, model:value writes back to the page's data and follows it.
func TestInputs(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/forms"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".twoway-echo", "twoway: preset", wait)

	b.Type(".name", "ada")
	b.WaitText(".echo", "name: ada|3", wait)
	b.WaitText(".focused", "focused", wait)

	// model:value shows the page's value, and what is typed goes back into it.
	if v, _ := Eval[string](b, inPage(`return doc.querySelector('.twoway input').value;`)); v != "preset" {
		t.Fatalf("model:value input shows %q, want preset", v)
	}
	b.Type(".twoway", "!")
	b.WaitText(".twoway-echo", "twoway: preset!", wait)
	b.TapThenText(".reset", ".twoway-echo", "twoway: reset by page", wait)
	if v, _ := Eval[string](b, inPage(`return doc.querySelector('.twoway input').value;`)); v != "reset by page" {
		t.Fatalf("model:value input shows %q after setData, want the page's value", v)
	}

	b.Type(".confirm", "go\r")
	b.WaitText(".confirmed", "confirmed go", wait)

	if v, _ := Eval[string](b, inPage(`return doc.querySelector('.notes textarea').value;`)); v != "line one" {
		t.Fatalf("textarea shows %q", v)
	}
}

// image loads its src and reports its size; button shows its hover class while pressed;
// navigator routes when tapped.
func TestImageButtonNavigator(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/forms"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".image", "loaded 2x1", wait)
	// The project's own images: relative to the page, and from the root.
	b.WaitText(".local-out", "load 2 load 2", wait)
	if w := b.Style(".pic", "width"); w != "320px" {
		t.Errorf("image default width %s, want 320px", w)
	}
	x, y := b.center(".btn")
	b.mouse(chromedp.MousePressed, x, y)
	waitTrue(t, func() bool {
		has, _ := Eval[bool](b, inPage(`return doc.querySelector('wx-button').classList.contains('pressed');`))
		return has
	})
	b.mouse(chromedp.MouseReleased, x, y)
	waitTrue(t, func() bool {
		has, _ := Eval[bool](b, inPage(`return doc.querySelector('wx-button').classList.contains('pressed');`))
		return !has
	})
	b.TapThenText(".nav", ".arrived", "next page", wait)
}

// A boolean attribute written as the string "false" is true, as the phone's WXML docs warn
// ("do not write checked=\"false\""); only {{false}} and "" are false. Every built-in
// component reads it so.
func TestBooleanAttributeFalseString(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{
		"app.json": `{"pages": ["pages/index/index"]}`,
		"app.js":   `App({})`,
		"pages/index/index.wxml": `<switch checked="false" disabled="false"/>
<checkbox checked="false"/>
<switch class="off" checked="{{false}}"/>
<view class="ready">ready</view>`,
		"pages/index/index.js": `Page({})`,
	})
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".ready", "ready", wait)
	got, err := Eval[string](b, inPage(`const sw = doc.querySelectorAll('wx-switch');
  const on = (el, cls) => !!el.querySelector('.' + cls);
  return [on(sw[0], 'wx-switch-input-checked'), on(sw[0], 'wx-switch-input-disabled'),
    on(doc.querySelector('wx-checkbox'), 'wx-checkbox-input-checked'), on(sw[1], 'wx-switch-input-checked')].join(',');`))
	if err != nil || got != "true,true,true,false" {
		t.Fatalf(`switch checked/disabled="false", checkbox checked="false", switch checked="{{false}}": %q (%v), want true,true,true,false`, got, err)
	}
}
