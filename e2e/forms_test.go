package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// input and textarea: typing raises input with the value and cursor, focus and confirm
// come through, model:value writes back to the page's data and follows it.
func TestInputs(t *testing.T) {
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
