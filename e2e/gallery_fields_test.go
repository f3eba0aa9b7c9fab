package e2e

import (
	"context"
	"strconv"
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
	t.Parallel()
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

	// Typing: focus {value, height}, keyboardheightchange {height, duration} (the
	// simulated keyboard, 336px, up at once), input {value, cursor, keyCode}; Enter
	// confirms and, without confirm-hold, closes the keyboard: blur.
	b.Type(".plain", "ab\r")
	b.WaitText(".log", "autofocus | focus [] 336 | keyboard 336 0 | input [a] 1 65 | input [ab] 2 66 | confirm [ab] | blur [ab] | keyboard 0 0", wait)
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
	b.TapThenText(".elsewhere", ".review", "review true false", wait)

	// maxlength stops typing at its length; -1 has no limit.
	b.Type(".max3", "abcdef")
	waitEval(t, b, `return [`+fieldJS("wx-input.max3")+`.value, `+fieldJS("wx-input.nomax")+`.hasAttribute('maxlength')];`, `["abc",false]`)

	// focus set by the page puts the caret at cursor, or selects selection-start..end.
	b.Tap(".focus-cursor")
	waitEval(t, b, `const f = `+fieldJS("wx-input.cursor")+`; return [doc.activeElement === f, f.selectionStart, f.selectionEnd, doc.defaultView.getComputedStyle(f).caretColor];`, `[true,2,2,"rgb(255, 0, 0)"]`)
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

func TestGalleryTextarea(t *testing.T) {
	t.Parallel()
	b := openGallery(t, "textarea")
	waitEval(t, b, `const p = doc.querySelector('wx-textarea.ta > div'); return [p.textContent, p.className, `+fieldJS("wx-textarea.ta")+`.maxLength];`, `["notes","textarea-placeholder",140]`)

	// Enter types a new line (confirm-type "return"); linechange {height, heightRpx,
	// lineCount} as the count changes; blur {value}.
	b.Type(".ta", "a\rb\rc")
	b.WaitText(".lines", "3 true true", wait)
	b.TapThenText(".lines", ".log", `focus 336 | input [a] 1 | input [a\n] 2 | input [a\nb] 3 | input [a\nb\n] 4 | input [a\nb\nc] 5 | blur [a\nb\nc]`, wait)

	// auto-height: the box follows its lines (20px each), whatever style.height says.
	height := `return [` + fieldJS("wx-textarea.grow") + `.clientHeight, doc.querySelector('wx-textarea.grow').getBoundingClientRect().height];`
	waitEval(t, b, height, `[20,22]`)
	b.Type(".grow", "x\ry\rz")
	waitEval(t, b, height, `[60,62]`)

	// confirm-type send: Enter confirms instead of a new line; what bindinput returns
	// replaces the text.
	b.Type(".send", "a b")
	waitEval(t, b, `return `+fieldJS("wx-textarea.send")+`.value;`, `"a_b"`)
	keys(t, b, "\r")
	b.WaitText(".confirmed", "confirm [a_b]", wait)
	waitEval(t, b, `return `+fieldJS("wx-textarea.send")+`.value;`, `"a_b"`)

	// focus from the page puts the caret at cursor; maxlength.
	b.Tap(".focus")
	waitEval(t, b, `const f = `+fieldJS("wx-textarea.cursor")+`; return [doc.activeElement === f, f.selectionStart, f.maxLength];`, `[true,5,20]`)
}

func TestGalleryImage(t *testing.T) {
	t.Parallel()
	b := openGallery(t, "image")
	// load {width, height} of each picture (webp too); error with the phone's errMsg.
	b.WaitText(".loads", "png 200x100, webp 60x90", wait) // sorted by name
	b.WaitText(".error", "GET /static/missing.png 404 (Not Found)", wait)

	// The 13 modes: how the picture is drawn in its box.
	waitEval(t, b, `return [...doc.querySelectorAll('wx-image.m')].map((m) => {
    const p = m.shadowRoot.querySelector('.picture'), s = doc.defaultView.getComputedStyle(p);
    return m.getAttribute('mode') + ': ' + s.backgroundSize + ' / ' + s.backgroundPosition;
  });`, `["scaleToFill: 100% 100% / 0% 0%","aspectFit: contain / 50% 50%","aspectFill: cover / 50% 50%","widthFix: 100% 100% / 0% 0%","heightFix: 100% 100% / 0% 0%","top: auto / 50% 0%","bottom: auto / 50% 100%","center: auto / 50% 50%","left: auto / 0% 50%","right: auto / 100% 50%","top left: auto / 0% 0%","top right: auto / 100% 0%","bottom left: auto / 0% 100%","bottom right: auto / 100% 100%"]`)
	// widthFix keeps the width and takes the picture's height (150 wide: 75 high);
	// heightFix keeps the height (40 high: 80 wide), whatever the style said.
	waitEval(t, b, `return ['wfix', 'hfix'].map((c) => { const r = doc.querySelector('wx-image.' + c).getBoundingClientRect(); return [r.width, r.height]; });`, `[[150,75],[80,40]]`)
	// The default box is 320×240.
	waitEval(t, b, `const r = doc.querySelector('wx-image.png').getBoundingClientRect(); return [r.width, r.height];`, `[320,240]`)

	// A new src loads and reports again.
	b.WaitText(".swap-log", "200x100", wait)
	b.TapThenText(".swap", ".swap-log", "200x100 60x90", wait)

	// lazy-load: far below the screen, only the eager image loads, until the lazy one is
	// within three screens of the viewport (not yet on it).
	b.WaitText(".lazy-log", "eager", wait)
	lazyBelow := func(y int) float64 {
		return pageEval[float64](t, b, `doc.defaultView.scrollTo(0, `+strconv.Itoa(y)+`);
  return doc.querySelector('wx-image.lazy').getBoundingClientRect().top / doc.defaultView.innerHeight;`)
	}
	if screens := lazyBelow(3000); screens < 4 {
		t.Fatalf("the lazy image is %.1f screens below, want more than 4", screens)
	}
	time.Sleep(300 * time.Millisecond)
	b.WaitText(".lazy-log", "eager", wait)
	if screens := lazyBelow(5200); screens < 1.5 || screens > 3.5 {
		t.Fatalf("the lazy image is %.1f screens below, want 1.5 to 3.5", screens)
	}
	b.WaitText(".lazy-log", "eager lazy", wait)
	pageEval[bool](t, b, `doc.defaultView.scrollTo(0, 0); return true;`) // for the screenshot
}

func TestGalleryNavigator(t *testing.T) {
	t.Parallel()
	b := openGallery(t, "navigator")
	b.WaitText(".where", "stack 1", wait)

	// navigator-hover shows from 50ms into a press and stays after it (600ms).
	x, y := b.center(".other")
	b.mouse(chromedp.MousePressed, x, y)
	time.Sleep(150 * time.Millisecond)
	if !hasClass(t, b, "wx-navigator.other", "navigator-hover") {
		t.Fatal("a pressed navigator does not show navigator-hover")
	}
	b.mouse(chromedp.MouseReleased, x, y)
	time.Sleep(250 * time.Millisecond)
	if !hasClass(t, b, "wx-navigator.other", "navigator-hover") {
		t.Fatal("navigator-hover went within 250ms of the release")
	}
	waitTrue(t, func() bool { return !hasClass(t, b, "wx-navigator.other", "navigator-hover") })
	// target="miniProgram": the API's answer as fail (or success) and complete.
	b.WaitText(".result", "fail navigateToMiniProgram:fail not supported in simulator | complete", wait)
	// exit leaves the mini-program: it goes to the background, and comes back.
	b.TapThenText(".exit", ".result", "success exitMiniProgram:ok | complete", wait)
	waitTrue(t, func() bool {
		s, _ := Eval[string](b, `document.getElementById('background').textContent`)
		return s == "Foreground"
	})
	b.tapShell("#background")
	b.WaitText(".app-log", "app.show app.hide app.show", wait)

	// navigate, with its own hover-class while pressed.
	x, y = b.center(".to-next")
	b.mouse(chromedp.MousePressed, x, y)
	time.Sleep(150 * time.Millisecond)
	b.WaitStyle(".to-next", "color", "rgb(0, 128, 0)", wait)
	b.mouse(chromedp.MouseReleased, x, y)
	b.WaitText(".next", "next from navigate (stack 2)", wait)
	b.TapThenText(".deeper", ".next", "next from deeper (stack 3)", wait)
	// navigateBack with delta 2 unloads both.
	b.TapThenText(".back2", ".where", "stack 1", wait)
	b.WaitContains(".app-log", "unload deeper unload navigate", wait)

	// reLaunch closes every page and opens its url.
	b.TapThenText(".to-next", ".next", "next from navigate (stack 2)", wait)
	b.TapThenText(".deeper", ".next", "next from deeper (stack 3)", wait)
	b.TapThenText(".relaunch", ".where", "stack 1", wait)
	b.WaitContains(".app-log", "unload deeper unload navigate unload deeper unload navigate", wait)

	// redirect replaces the page; navigateBack at the first page stays.
	b.TapThenText(".redirect", ".next", "next from redirect (stack 1)", wait)
	b.Tap(".back")
	time.Sleep(200 * time.Millisecond)
	b.WaitText(".next", "next from redirect (stack 1)", wait)
	// switchTab: the tab pages, with the tabBar.
	b.TapThenText(".to-tab", ".tab", "tab a (stack 1)", wait)
	b.Tap(".to-b")
	b.WaitContains(".tab", "tab b", wait)
	b.WaitVisible(".to-a", true, wait)
}

// match-media shows its children while the window matches, and follows the device.
func TestGalleryMatchMedia(t *testing.T) {
	t.Parallel()
	b := openGallery(t, "match-media")
	shown := `return ['wide', 'narrow', 'portrait', 'landscape', 'both'].filter((c) => doc.querySelector('wx-match-media.' + c).getClientRects().length > 0);`
	b.WaitText(".title", "the window is 390px wide", wait)
	waitEval(t, b, shown, `["wide","portrait","both"]`)
	if _, err := Eval[bool](b, `(() => { const p = document.getElementById('device-picker'); p.value = 'iPhone SE'; p.onchange(); return true })()`); err != nil {
		t.Fatal(err)
	}
	b.WaitText(".title", "the window is 375px wide", wait)
	waitEval(t, b, shown, `["narrow","portrait","both"]`)
}

// page-container: a panel over the page with a mask; the mask, a back and a drag down
// make it leave, with the phone's events, and the page stays.
func TestGalleryPageContainer(t *testing.T) {
	t.Parallel()
	b := openGallery(t, "page-container")
	enter := "beforeenter enter afterenter"
	leave := "beforeleave leave afterleave"
	open := func() {
		t.Helper()
		b.TapThenText(".open", ".log", enter, wait)
		b.WaitVisible(".content", true, wait)
	}
	open()
	// round corners towards the page, the page's overlay-style, custom-style's height.
	waitEval(t, b, `const pc = doc.querySelector('wx-page-container'), s = doc.defaultView.getComputedStyle;
  const panel = pc.shadowRoot.querySelector('.panel'), overlay = pc.shadowRoot.querySelector('.overlay');
  return [s(panel).borderTopLeftRadius, s(panel).borderBottomLeftRadius, s(panel).height, s(overlay).backgroundColor];`,
		`["16px","0px","240px","rgba(0, 0, 255, 0.5)"]`)
	// The mask: clickoverlay, then it leaves.
	x, y := pointAt(t, b, `doc.querySelector('.open')`, 0.5, 0.5)
	tapAt(t, b, x, y)
	b.WaitText(".log", enter+" clickoverlay "+leave, wait)
	b.WaitVisible(".content", false, wait)

	// A back closes the container, not the page.
	open()
	if _, err := Eval[bool](b, `(window.__mpsim.back(), true)`); err != nil {
		t.Fatal(err)
	}
	b.WaitText(".log", enter+" "+leave, wait)
	if n, _ := Eval[int](b, `window.__mpsim.stack().length`); n != 1 {
		t.Fatalf("a back with the container shown left %d pages, want the page kept (1)", n)
	}

	// close-on-slide-down: a drag down past a quarter of the panel.
	open()
	b.Drag(".content", 0, 120, 6)
	b.WaitText(".log", enter+" "+leave, wait)

	// The page closes it by setting show to false.
	open()
	b.TapThenText(".close", ".log", enter+" "+leave, wait)
	b.WaitVisible(".content", false, wait)
}
