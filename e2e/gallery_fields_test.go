package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// input, textarea, image and navigator of testdata/gallery: the events' detail as on a
// phone and the DOM state the attributes give, driven by real taps and key presses.

// keys types text into whatever has the focus, with real key events ("\r" is Enter).
func keys(t *testing.T, b *Browser, text string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(text)); err != nil {
		t.Fatalf("type %q: %v", text, err)
	}
}

// fieldJS is an expression for the inner <input> / <textarea> of the first element
// matching selector.
func fieldJS(selector string) string {
	return `doc.querySelector(` + jsQuote(selector) + `).querySelector('input, textarea')`
}

func jsQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// focused reports whether the inner field of selector has the focus in its page.
func focusedJS(selector string) string {
	return `return doc.activeElement === ` + fieldJS(selector) + `;`
}

func TestGalleryInput(t *testing.T) {
	b := openGallery(t, "input")
	// auto-focus gives the field the focus as the page opens.
	b.WaitText(".log", "autofocus", wait)
	waitEval(t, b, focusedJS("wx-input.auto"), `true`)

	// The placeholder is an element of its own, with placeholder-class (the page's rule,
	// in its style scope) and placeholder-style; it goes once there is text.
	placeholder := `const p = doc.querySelector('wx-input.plain > div'), s = doc.defaultView.getComputedStyle(p);
  return [p.textContent, s.color, s.fontWeight, s.display];`
	waitEval(t, b, placeholder, `["type here","rgb(255, 0, 0)","700","block"]`)
	if got := pageEval[float64](t, b, `return `+fieldJS("wx-input.plain")+`.maxLength;`); got != 140 {
		t.Fatalf("default maxlength %v, want the phone's 140", got)
	}

	// Typing: focus {value, height}, keyboardheightchange {height, duration} (no
	// keyboard on screen: 0), input {value, cursor, keyCode}; Enter confirms and, without
	// confirm-hold, closes the keyboard: blur.
	b.Type(".plain", "ab\r")
	b.WaitText(".log", "autofocus | focus [] 0 | keyboard 0 0 | input [a] 1 65 | input [ab] 2 66 | confirm [ab] | blur [ab] | keyboard 0 0", wait)
	waitEval(t, b, placeholder, `["type here","rgb(255, 0, 0)","700","none"]`)

	// What bindinput returns replaces the text: a string, or {value, cursor}.
	b.Type(".upper", "abc")
	waitEval(t, b, `return `+fieldJS("wx-input.upper")+`.value;`, `"ABC"`)
	b.Tap("wx-input.nodigits input")
	pageEval[bool](t, b, `const f = `+fieldJS("wx-input.nodigits")+`; f.setSelectionRange(2, 2); return true;`)
	keys(t, b, "1")
	waitEval(t, b, `const f = `+fieldJS("wx-input.nodigits")+`; return [f.value, f.selectionStart];`, `["ab",1]`)
	keys(t, b, "c")
	waitEval(t, b, `const f = `+fieldJS("wx-input.nodigits")+`; return [f.value, f.selectionStart];`, `["acb",1]`)

	// Each type's keyboard types only its characters.
	b.Type(".number", "a1b2.3")
	b.Type(".digit", "a1b2.3")
	b.Type(".idcard", "a1b2X")
	waitEval(t, b, `return ['number', 'digit', 'idcard'].map((c) => `+"doc.querySelector(`wx-input.${c} input`)"+`.value);`, `["123","12.3","12X"]`)
	waitEval(t, b, `return ['password', 'safe', 'nickname', 'number'].map((c) => `+"doc.querySelector(`wx-input.${c} input`)"+`.type);`, `["password","password","text","text"]`)
	waitEval(t, b, `return `+fieldJS("wx-input.number")+`.inputMode;`, `"numeric"`)
	// A nickname is reviewed when the field closes (every one passes here).
	b.Tap("wx-input.nickname input")
	b.Tap(".elsewhere")
	b.WaitText(".review", "review true false", wait)

	// maxlength stops typing at its length; -1 has no limit.
	b.Type(".max3", "abcdef")
	waitEval(t, b, `return [`+fieldJS("wx-input.max3")+`.value, `+fieldJS("wx-input.nomax")+`.hasAttribute('maxlength')];`, `["abc",false]`)

	// focus set by the page puts the caret at cursor, or selects selection-start..end.
	b.Tap(".focus-cursor")
	waitEval(t, b, `const f = `+fieldJS("wx-input.cursor")+`; return [doc.activeElement === f, f.selectionStart, f.selectionEnd];`, `[true,2,2]`)
	b.Tap(".focus-select")
	waitEval(t, b, `const f = `+fieldJS("wx-input.select")+`; return [doc.activeElement === f, f.selectionStart, f.selectionEnd];`, `[true,1,4]`)

	// confirm-type names the keyboard's key; Enter confirms and closes.
	waitEval(t, b, `return [`+fieldJS("wx-input.search")+`.enterKeyHint, `+fieldJS("wx-input.hold")+`.enterKeyHint];`, `["search","send"]`)
	b.Type(".search", "q\r")
	b.WaitContains(".log", "confirm [q] | blur [q]", wait)
	waitEval(t, b, focusedJS("wx-input.search"), `false`)
	// confirm-hold keeps the keyboard after Enter; hold-keyboard after a tap on the page.
	b.Type(".hold", "z\r")
	b.WaitContains(".log", "confirm [z]", wait)
	waitEval(t, b, focusedJS("wx-input.hold"), `true`)
	b.Tap(".elsewhere")
	time.Sleep(100 * time.Millisecond)
	waitEval(t, b, focusedJS("wx-input.hold"), `true`)

	// A disabled field takes no text.
	b.Type(".disabled", "x")
	waitEval(t, b, `const f = `+fieldJS("wx-input.disabled")+`; return [f.disabled, f.value];`, `[true,"off"]`)
}
