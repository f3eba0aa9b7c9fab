package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// The form components of testdata/gallery, one page each: the events carry the phone's
// detail, attributes change the DOM state, driven by real mouse taps, drags and typing.

// openGallery opens one page of the gallery app.
func openGallery(t *testing.T, page string) *Browser {
	t.Helper()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/gallery"))
	b := OpenBrowser(t, srv.URL+"?page=pages/"+page+"/"+page)
	screenshotAtEnd(t, b, "gallery-"+page)
	// Positions are measured on the styled page: wait until its style sheets have loaded.
	waitTrue(t, func() bool {
		shown, _ := Eval[bool](b, inPage(`const r = doc.getElementById('page-root'); return r.childElementCount > 0 && r.style.visibility !== 'hidden';`))
		return shown
	})
	return b
}

// artifactDir is where the tests leave what a person looks at afterwards (screenshots):
// $MPSIM_SCREENSHOTS, else e2e/artifacts, which git ignores.
func artifactDir(t testing.TB) string {
	dir := os.Getenv("MPSIM_SCREENSHOTS")
	if dir == "" {
		dir = RepoPath("e2e/artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// screenshotAtEnd keeps a screenshot of the simulator as the test leaves it, passed or
// failed, as <name>.png in the artifact folder.
func screenshotAtEnd(t testing.TB, b *Browser, name string) {
	t.Cleanup(func() {
		if err := b.Screenshot(filepath.Join(artifactDir(t), name+".png")); err != nil {
			t.Errorf("screenshot %s: %v", name, err)
		}
	})
}

// pageEval runs a body in the top page (see inPage) and returns its value.
func pageEval[T any](t *testing.T, b *Browser, body string) T {
	t.Helper()
	v, err := Eval[T](b, inPage(body))
	if err != nil {
		t.Fatalf("eval in page: %v\n%s", err, body)
	}
	return v
}

// pointAt is the middle of the element that the JavaScript expression (with doc) yields,
// in the shell's coordinates; fx, fy move it within the element (0.5, 0.5: the middle).
func pointAt(t *testing.T, b *Browser, expr string, fx, fy float64) (float64, float64) {
	t.Helper()
	var pt *[2]float64
	deadline := time.Now().Add(wait)
	for {
		pt = pageEval[*[2]float64](t, b, `const el = `+expr+`;
  if (!el) return null;
  const r = el.getBoundingClientRect(), f = frame.getBoundingClientRect();
  return [f.left + r.left + r.width * `+ftoa(fx)+`, f.top + r.top + r.height * `+ftoa(fy)+`];`)
		if pt != nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if pt == nil {
		t.Fatalf("no element for %s", expr)
	}
	return pt[0], pt[1]
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// dragFrom presses at (x, y), moves by (dx, dy) in steps and releases, as a finger does.
func dragFrom(b *Browser, x, y, dx, dy float64, steps int) {
	b.mouse(chromedp.MousePressed, x, y)
	for i := 1; i <= steps; i++ {
		b.mouse(chromedp.MouseMoved, x+dx*float64(i)/float64(steps), y+dy*float64(i)/float64(steps))
	}
	b.mouse(chromedp.MouseReleased, x+dx, y+dy)
}

// tapAt clicks at a point of the shell.
func tapAt(t *testing.T, b *Browser, x, y float64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(x, y)); err != nil {
		t.Fatalf("tap at %v,%v: %v", x, y, err)
	}
}

// wheelAt turns the mouse wheel by dy pixels at a point.
func wheelAt(t *testing.T, b *Browser, x, y, dy float64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	// cdproto leaves out a zero deltaX, which Chromium requires for a wheel event.
	wheel := cdp.Command[map[string]any, cdp.Empty]{Method: input.CommandDispatchMouseEvent}
	params := map[string]any{"type": "mouseWheel", "x": x, "y": y, "deltaX": 0, "deltaY": dy}
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, wheel, params)
		return err
	})); err != nil {
		t.Fatalf("wheel: %v", err)
	}
}

// hasClass reports whether the first element matching the CSS selector has the class.
func hasClass(t *testing.T, b *Browser, selector, class string) bool {
	t.Helper()
	return pageEval[bool](t, b, `const el = doc.querySelector(`+strconv.Quote(selector)+`); return !!el && el.classList.contains(`+strconv.Quote(class)+`);`)
}

func TestGalleryButton(t *testing.T) {
	t.Parallel()
	b := openGallery(t, "button")
	b.WaitText(".b-warn", "warn", wait)
	b.WaitStyle(".b-warn", "background-color", "rgb(230, 67, 64)", wait)
	b.WaitStyle(".b-primary", "background-color", "rgb(7, 193, 96)", wait)
	b.WaitStyle(".b-mini", "display", "inline-block", wait)
	b.WaitStyle(".b-mini", "font-size", "13px", wait)
	b.WaitStyle(".b-default", "display", "block", wait)
	// The old look: 46px tall, no vertical padding, a hairline border drawn by ::after,
	// which a page's button::after { border: none } removes.
	b.WaitStyle(".b-default", "height", "46px", wait)
	after := func(sel string) string {
		return pageEval[string](t, b, `return doc.defaultView.getComputedStyle(doc.querySelector('`+sel+`'), '::after').borderTopWidth;`)
	}
	if d, f := after(".b-default"), after(".b-flat"); d != "1px" || f != "0px" {
		t.Errorf("::after border: default %s, flat %s; want 1px and 0px", d, f)
	}
	b.WaitStyle(".b-plain", "background-color", "rgba(0, 0, 0, 0)", wait)
	b.WaitStyle(".b-plain", "color", "rgb(7, 193, 96)", wait)

	// loading shows the spinner before the text; the page turns it on and off.
	spinner := func() string {
		return pageEval[string](t, b, `return doc.defaultView.getComputedStyle(doc.querySelector('.b-loading'), '::before').animationName;`)
	}
	if s := spinner(); s != "none" {
		t.Fatalf("loading=false button shows a spinner (%q)", s)
	}
	b.Tap(".b-loading")
	waitTrue(t, func() bool { return spinner() == "wx-spin" })

	// A pressed button shows button-hover, a disabled one does not.
	pressed := func(sel string) bool {
		x, y := b.center(sel)
		b.mouse(chromedp.MousePressed, x, y)
		time.Sleep(150 * time.Millisecond)
		has := hasClass(t, b, "wx-button"+sel, "button-hover")
		b.mouse(chromedp.MouseReleased, x, y)
		return has
	}
	if !pressed(".b-default") {
		t.Fatal("a pressed button does not show button-hover")
	}
	if pressed(".b-disabled") {
		t.Fatal("a pressed disabled button shows button-hover")
	}

	// open-type buttons answer as for a tourist (the gallery has no mpsim.mock.json).
	b.TapThenText(".b-user", ".out", "getuserinfo getUserInfo:ok 微信用户", wait)
	b.TapThenText(".b-phone", ".out", "getphonenumber getPhoneNumber:ok the code is a mock one", wait)
	b.TapThenText(".b-avatar", ".out", "chooseavatar data:image/svg+xml", wait)
	b.TapThenText(".b-contact", ".out", "contact enterContact:ok", wait)
	// share calls the page's onShareAppMessage with the button as target, then shows the
	// share dialog over the page.
	b.TapThenText(".b-share", ".out", "share button gallery", wait)
	waitTrue(t, func() bool { v, _ := Eval[bool](b, `window.mpsimNative.shareCancel()`); return v })
	// A disabled button opens nothing.
	b.Tap(".b-disabled")
	b.TapThenText(".b-contact", ".out", "contact enterContact:ok", wait)
	b.Tap(".b-disabled")
	time.Sleep(300 * time.Millisecond)
	if got, _ := b.Text(".out"); got != "contact enterContact:ok" {
		t.Fatalf("a disabled getUserInfo button answered: %q", got)
	}
}

func TestGalleryCheckbox(t *testing.T) {
	t.Parallel()
	b := openGallery(t, "checkbox")
	b.WaitText(".cb-a", "A", wait)
	if !hasClass(t, b, "wx-checkbox.cb-b .wx-checkbox-input", "wx-checkbox-input-checked") {
		t.Fatal("checked checkbox B is not shown checked")
	}
	b.TapThenText(".cb-a", ".out", `change ["a","b"]`, wait)
	b.TapThenText(".cb-b", ".out", `change ["a"]`, wait)
	// A disabled checkbox does not toggle.
	b.Tap(".cb-c")
	b.TapThenText(".cb-d", ".out", `change ["a","d"]`, wait)
	if c := pageEval[string](t, b, `return doc.querySelector('wx-checkbox.cb-d .wx-checkbox-input').style.getPropertyValue('--wx-color');`); c != "#ff0000" {
		t.Fatalf("checkbox color %q, want #ff0000", c)
	}
	b.TapThenText(".cb-d", ".out", `change ["a"]`, wait)
	// checked from the page's data.
	b.Tap(".check-d")
	waitTrue(t, func() bool { return hasClass(t, b, "wx-checkbox.cb-d .wx-checkbox-input", "wx-checkbox-input-checked") })
	b.TapThenText(".cb-b", ".out", `change ["a","b","d"]`, wait)
}

func TestGalleryRadio(t *testing.T) {
	t.Parallel()
	b := openGallery(t, "radio")
	b.WaitText(".r-y", "Y", wait)
	b.TapThenText(".r-y", ".out", `change "y"`, wait)
	if hasClass(t, b, "wx-radio.r-x .wx-radio-input", "wx-radio-input-checked") {
		t.Fatal("X stays checked after Y was chosen")
	}
	b.Tap(".r-z") // disabled
	b.TapThenText(".r-w", ".out", `change "w"`, wait)
	b.TapThenText(".r-x", ".out", `change "x"`, wait)
	b.WaitStyle("wx-radio.r-w .wx-radio-input", "border-color", "rgb(209, 209, 209)", wait)
	b.Tap(".r-w")
	b.WaitStyle("wx-radio.r-w .wx-radio-input", "background-color", "rgb(0, 0, 255)", wait)
}

func TestGallerySwitch(t *testing.T) {
	t.Parallel()
	b := openGallery(t, "switch")
	b.WaitText(".turn-on", "turn on", wait)
	b.TapThenText(".sw", ".out", "sw=true ", wait)
	b.TapThenText(".sw-cb", ".out", "sw=true cb=false ", wait)
	if !pageEval[bool](t, b, `return !!doc.querySelector('wx-switch.sw-cb .wx-checkbox-input');`) {
		t.Fatal(`type="checkbox" switch is not drawn as a checkbox`)
	}
	b.Tap(".sw-off")
	b.TapThenText(".sw", ".out", "sw=true cb=false sw=false ", wait)
	b.Tap(".turn-on")
	b.WaitStyle("wx-switch.sw-color .wx-switch-input", "background-color", "rgb(255, 0, 0)", wait)
	b.TapThenText(".sw-color", ".out", "sw=true cb=false sw=false color=false ", wait)
	b.Tap(".turn-on")
	b.WaitStyle("wx-switch.sw-color .wx-switch-input", "background-color", "rgb(255, 0, 0)", wait)
	b.Tap(".turn-off")
	b.WaitStyle("wx-switch.sw-color .wx-switch-input", "background-color", "rgb(223, 223, 223)", wait)
}

func TestGallerySlider(t *testing.T) {
	t.Parallel()
	b := openGallery(t, "slider")
	b.WaitText(".s1 .wx-slider-value", "100", wait)
	// The handle sits in the middle of the track (100 of 0..200); drag it to a quarter.
	hx, hy := pointAt(t, b, `doc.querySelector('wx-slider.s1 .wx-slider-handle')`, 0.5, 0.5)
	qx, _ := pointAt(t, b, `doc.querySelector('wx-slider.s1 .wx-slider-handle-wrapper')`, 0.25, 0.5)
	dragFrom(b, hx, hy, qx-hx, 0, 8)
	b.WaitText(".out", "change 50", wait)
	b.WaitText(".s1 .wx-slider-value", "50", wait)
	changing, _ := b.Text(".changing")
	if changing == "" || changing[len(changing)-3:] != "50 " {
		t.Fatalf("changing events %q, want them to end at 50", changing)
	}
	// A tap on the track jumps there: 90% of 0..200 in steps of 10.
	x, y := pointAt(t, b, `doc.querySelector('wx-slider.s1 .wx-slider-handle-wrapper')`, 0.9, 0.5)
	tapAt(t, b, x, y)
	b.WaitText(".out", "change 180", wait)
	// Disabled: nothing moves.
	x, y = pointAt(t, b, `doc.querySelector('wx-slider.s2 .wx-slider-handle-wrapper')`, 0.9, 0.5)
	tapAt(t, b, x, y)
	time.Sleep(300 * time.Millisecond)
	b.WaitText(".out", "change 180", wait)
	b.WaitStyle("wx-slider.s3 .wx-slider-handle", "width", "20px", wait)
	b.WaitStyle("wx-slider.s3 .wx-slider-handle", "background-color", "rgb(255, 0, 0)", wait)
	b.WaitStyle("wx-slider.s3 .wx-slider-track", "background-color", "rgb(0, 0, 255)", wait)
	b.WaitStyle("wx-slider.s3 .wx-slider-handle-wrapper", "background-color", "rgb(0, 255, 0)", wait)
	if v := pageEval[string](t, b, `return doc.querySelector('wx-slider.s3 .wx-slider-value').style.display;`); v != "none" {
		t.Fatalf("slider without show-value shows its value (display %q)", v)
	}
}

func TestGalleryLabel(t *testing.T) {
	t.Parallel()
	b := openGallery(t, "label")
	b.WaitText(".l1-text", "tea", wait)
	b.TapThenText(".l1-text", ".out", `group=["tea"] `, wait)
	b.TapThenText(".l2", ".out", `group=["tea"] switch=true `, wait)
	b.TapThenText(".l4", ".out", `group=["tea"] switch=true radio=two `, wait)
	b.TapThenText(".l1-text", ".out", `group=["tea"] switch=true radio=two group=[] `, wait)
}

func TestGalleryForm(t *testing.T) {
	t.Parallel()
	b := openGallery(t, "form")
	b.WaitText(".city", "city", wait)
	b.Tap(".submit")
	const initial = `submit {"agree":false,"city":1,"custom":"c1","fruits":["pear"],"level":30,"note":"hello","size":"","user":""} the formId is a mock one`
	b.WaitText(".out", initial, wait)

	b.Type(".in", "ada")
	b.Tap(".sw")
	b.Tap(".apple")
	b.Tap(".m")
	b.Tap(".custom")
	b.WaitContains(".custom", "custom=c1+", wait)
	b.TapThenText(".submit", ".out", `submit {"agree":true,"city":1,"custom":"c1+","fruits":["apple","pear"],"level":30,"note":"hello","size":"m","user":"ada"} the formId is a mock one`, wait)

	b.TapThenText(".reset", ".out", "reset {}", wait)
	b.TapThenText(".submit", ".out", `submit {"agree":false,"city":0,"custom":"c1+","fruits":[],"level":0,"note":"","size":"","user":""} the formId is a mock one`, wait)
}

// sheetItem is the text of the item in the indicator band of column i of the open
// picker sheet.
func sheetItem(t *testing.T, b *Browser, i int) string {
	t.Helper()
	return pageEval[string](t, b, `const ind = doc.querySelector('.wx-picker-container .wx-picker-view-indicator');
  const col = doc.querySelectorAll('.wx-picker-container .wx-picker-column')[`+strconv.Itoa(i)+`];
  if (!ind || !col) return '';
  const r = ind.getBoundingClientRect(), c = col.getBoundingClientRect();
  const el = doc.elementFromPoint(c.left + c.width / 2, r.top + r.height / 2);
  return el && el.classList.contains('wx-picker-item') ? el.textContent : '';`)
}

func waitSheetItem(t *testing.T, b *Browser, i int, want string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	got := ""
	for time.Now().Before(deadline) {
		if got = sheetItem(t, b, i); got == want {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("picker column %d shows %q, want %q", i, got, want)
}

// dragSheetColumn drags column i of the open sheet by dy pixels (an item is 34px).
func dragSheetColumn(t *testing.T, b *Browser, i int, dy float64) {
	t.Helper()
	waitSheetStill(t, b)
	x, y := pointAt(t, b, `doc.querySelectorAll('.wx-picker-container .wx-picker-column')[`+strconv.Itoa(i)+`]`, 0.5, 0.5)
	dragFrom(b, x, y, 0, dy, 8)
}

// tapSheet taps a part of the open sheet once it has slid up.
func tapSheet(t *testing.T, b *Browser, selector string) {
	t.Helper()
	waitSheetStill(t, b)
	b.Tap(selector)
}

// waitSheetStill waits until the sheet has slid up.
func waitSheetStill(t *testing.T, b *Browser) {
	t.Helper()
	waitTrue(t, func() bool {
		return pageEval[bool](t, b, `const s = doc.querySelector('.wx-picker'); return !!s && s.getAnimations().length === 0;`)
	})
}

func sheetOpen(t *testing.T, b *Browser) bool {
	return pageEval[bool](t, b, `return !!doc.querySelector('.wx-picker-container');`)
}

func TestGalleryPicker(t *testing.T) {
	t.Parallel()
	b := openGallery(t, "picker")
	b.WaitContains(".p-sel", "fruit apple", wait)

	// disabled: no sheet.
	b.Tap(".p-off")
	time.Sleep(200 * time.Millisecond)
	if sheetOpen(t, b) {
		t.Fatal("a disabled picker opened its sheet")
	}

	// selector: drag two items up, confirm.
	b.Tap(".p-sel")
	waitSheetItem(t, b, 0, "apple")
	if title, _ := b.Text(".wx-picker-title"); title != "Fruit" {
		t.Fatalf("header-text shows %q", title)
	}
	dragSheetColumn(t, b, 0, -68)
	waitSheetItem(t, b, 0, "cherry")
	tapSheet(t, b, ".wx-picker-confirm")
	b.WaitText(".out", "change 2", wait)
	b.WaitContains(".p-sel", "fruit cherry", wait)
	if sheetOpen(t, b) {
		t.Fatal("the sheet stays open after confirm")
	}
	// It opens again at its value; cancel changes nothing.
	b.Tap(".p-sel")
	waitSheetItem(t, b, 0, "cherry")
	dragSheetColumn(t, b, 0, 34)
	waitSheetItem(t, b, 0, "banana")
	tapSheet(t, b, ".wx-picker-cancel")
	b.WaitText(".out", "cancel", wait)
	b.WaitContains(".p-sel", "fruit cherry", wait)

	// range-key names the label of object items.
	b.Tap(".p-key")
	waitSheetItem(t, b, 0, "one")
	dragSheetColumn(t, b, 0, -34)
	waitSheetItem(t, b, 0, "two")
	tapSheet(t, b, ".wx-picker-confirm")
	b.WaitText(".out", "change 1", wait)

	// multiSelector: columnchange as each column settles; the page changes the second
	// column's range from it, and the open sheet follows.
	b.Tap(".p-multi")
	waitSheetItem(t, b, 1, "salmon")
	dragSheetColumn(t, b, 0, -34)
	b.WaitText(".out", "change 1column 0=1 ", wait)
	waitSheetItem(t, b, 1, "apple")
	dragSheetColumn(t, b, 1, -34)
	b.WaitText(".out", "change 1column 0=1 column 1=1 ", wait)
	tapSheet(t, b, ".wx-picker-confirm")
	b.WaitText(".out", "change [1,1]", wait)

	// time within start and end.
	b.Tap(".p-time")
	waitSheetItem(t, b, 0, "12")
	waitSheetItem(t, b, 1, "30")
	if n := pageEval[int](t, b, `return doc.querySelectorAll('.wx-picker-container .wx-picker-column')[0].querySelectorAll('.wx-picker-item').length;`); n != 10 {
		t.Fatalf("time 09:00..18:45 shows %d hours, want 10", n)
	}
	dragSheetColumn(t, b, 0, -68)
	waitSheetItem(t, b, 0, "14")
	tapSheet(t, b, ".wx-picker-confirm")
	b.WaitText(".out", "change 14:30", wait)

	// date: the month column, then the value as YYYY-MM-DD.
	b.Tap(".p-date")
	waitSheetItem(t, b, 0, "2024年")
	waitSheetItem(t, b, 2, "10日")
	dragSheetColumn(t, b, 1, -34)
	waitSheetItem(t, b, 1, "3月")
	tapSheet(t, b, ".wx-picker-confirm")
	b.WaitText(".out", "change 2024-03-10", wait)

	// fields="month": two columns, YYYY-MM.
	b.Tap(".p-month")
	waitSheetItem(t, b, 1, "2月")
	if n := pageEval[int](t, b, `return doc.querySelectorAll('.wx-picker-container .wx-picker-column').length;`); n != 2 {
		t.Fatalf(`fields="month" shows %d columns, want 2`, n)
	}
	tapSheet(t, b, ".wx-picker-confirm")
	b.WaitText(".out", "change 2024-02", wait)

	// region, with custom-item first in each column: value, code and postcode.
	b.Tap(".p-region")
	waitSheetItem(t, b, 2, "天河区")
	tapSheet(t, b, ".wx-picker-confirm")
	b.WaitText(".out", "change 广东省,广州市,天河区 440000,440100,440106 510630", wait)
	b.Tap(".p-region")
	waitSheetItem(t, b, 1, "广州市")
	dragSheetColumn(t, b, 1, -34)
	waitSheetItem(t, b, 1, "深圳市")
	waitSheetItem(t, b, 2, "宝安区")
	tapSheet(t, b, ".wx-picker-confirm")
	b.WaitText(".out", "change 广东省,深圳市,宝安区 440000,440300,440306 518101", wait)
	b.Tap(".p-region")
	waitSheetStill(t, b)
	x, y := pointAt(t, b, `doc.querySelectorAll('.wx-picker-container .wx-picker-column')[0]`, 0.5, 0.1)
	dragFrom(b, x, y, 0, 34*4, 8)
	waitSheetItem(t, b, 0, "全部")
	waitSheetItem(t, b, 2, "全部")
	x, y = pointAt(t, b, `doc.querySelector('.wx-picker-mask')`, 0.5, 0.05)
	tapAt(t, b, x, y)
	waitTrue(t, func() bool { return !sheetOpen(t, b) })
	b.WaitText(".out", "change 广东省,深圳市,宝安区 440000,440300,440306 518101", wait)
	// The mask cancels too (bindcancel).
	b.Tap(".p-sel")
	waitSheetStill(t, b)
	x, y = pointAt(t, b, `doc.querySelector('.wx-picker-mask')`, 0.5, 0.05)
	tapAt(t, b, x, y)
	b.WaitText(".out", "cancel", wait)
}

// viewItem is the text of the item of a picker-view column in the middle of the view.
func viewItem(t *testing.T, b *Browser, col string) string {
	t.Helper()
	return pageEval[string](t, b, `const view = doc.querySelector('wx-picker-view'), col = doc.querySelector(`+strconv.Quote(col)+`);
  if (!view || !col) return '';
  const v = view.getBoundingClientRect(), c = col.getBoundingClientRect();
  const el = doc.elementFromPoint(c.left + c.width / 2, v.top + v.height / 2);
  return el && col.contains(el) ? el.textContent : '';`)
}

func waitViewItem(t *testing.T, b *Browser, col, want string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	got := ""
	for time.Now().Before(deadline) {
		if got = viewItem(t, b, col); got == want {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s shows %q in the band, want %q", col, got, want)
}

func TestGalleryPickerView(t *testing.T) {
	t.Parallel()
	b := openGallery(t, "picker-view")
	// value [1, 2] puts 2021 and Mar in the band; items take the indicator's height.
	waitViewItem(t, b, ".col-y", "2021")
	waitViewItem(t, b, ".col-m", "Mar")
	b.WaitStyle(".y", "height", "40px", wait)
	b.WaitStyle(".wx-picker-view-indicator", "top", "80px", wait)

	x, y := pointAt(t, b, `doc.querySelector('.col-y')`, 0.5, 0.5)
	dragFrom(b, x, y, 0, -80, 8)
	b.WaitText(".out", "change [3,2]", wait)
	b.WaitText(".events", "pickstart pickend ", wait)
	waitViewItem(t, b, ".col-y", "2023")

	// The wheel scrolls a column, which snaps to the nearest item.
	x, y = pointAt(t, b, `doc.querySelector('.col-m')`, 0.5, 0.5)
	wheelAt(t, b, x, y, 118)
	b.WaitText(".out", "change [3,5]", wait)
	waitViewItem(t, b, ".col-m", "Jun")

	// A drag past the end stops at the last item.
	x, y = pointAt(t, b, `doc.querySelector('.col-y')`, 0.5, 0.5)
	dragFrom(b, x, y, 0, -400, 10)
	b.WaitText(".out", "change [5,5]", wait)
	waitViewItem(t, b, ".col-y", "2025")

	// value from the page's data moves the columns (no change event).
	b.Tap(".set")
	waitViewItem(t, b, ".col-y", "2020")
	waitViewItem(t, b, ".col-m", "Jan")
	b.WaitText(".out", "change [5,5]", wait)
}
