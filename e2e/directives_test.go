package e2e

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Every WXML directive, rendered in Chromium and read as a person sees it: the text in
// the page, how many elements there are and in which order, before and after taps that
// change the data (testdata/directives).
func TestDirectives(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/directives"))
	b := OpenBrowser(t, srv.URL)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("console:\n%s", strings.Join(b.Console(), "\n"))
		}
	})
	b.WaitText(".step", "step", wait)

	t.Run("if-elif-else", func(t *testing.T) {
		d := dirBrowser{b, t}
		d.waitTexts(".branch", "if 0")
		d.tap(".step")
		d.waitTexts(".branch", "elif 1")
		d.tap(".step")
		d.waitTexts(".branch", "else 2")
		d.tap(".step")
		d.waitTexts(".branch", "if 0")
	})

	t.Run("hidden", func(t *testing.T) {
		d := dirBrowser{b, t}
		// Present in the page, but not displayed.
		d.waitTexts(".hid", "hidden text")
		if got := b.Style(".hid", "display"); got != "none" {
			t.Errorf(`hidden="{{true}}": display %q, want "none"`, got)
		}
		d.waitTexts(".blk", "blk1", "blk2")
		d.tap(".toggle")
		// The same toggle also removes the <block wx:if>.
		d.waitTexts(".blk")
		if got := b.Style(".hid", "display"); got == "none" {
			t.Errorf(`hidden="{{false}}": display %q, want it shown`, got)
		}
		d.tap(".toggle")
		d.waitTexts(".blk", "blk1", "blk2")
		if got := b.Style(".hid", "display"); got != "none" {
			t.Errorf(`hidden="{{true}}" again: display %q, want "none"`, got)
		}
	})

	t.Run("for", func(t *testing.T) {
		d := dirBrowser{b, t}
		d.waitTexts(".item", "0:Ann", "1:Bob", "2:Cy")
		d.waitTexts(".tag", "red", "green", "blue")
		// wx:for-item / wx:for-index renamed, and a wx:for inside a wx:for.
		d.waitTexts(".cell", "0.0=x", "0.1=y", "1.0=z")
		d.waitTexts(".row", "0.0=x0.1=y", "1.0=z")
		// Over an object: index is the key. Over a number n: 0..n-1.
		d.waitTexts(".kv", "one=1", "two=2")
		d.waitTexts(".num", "0/0", "1/1", "2/2")
		// <block wx:for> renders its children for each item, in order.
		d.waitTexts(".pair-k, .pair-v", "k1", "v1", "k2", "v2")
	})

	t.Run("keyed-mutations", func(t *testing.T) {
		d := dirBrowser{b, t}
		d.waitTexts(".item", "0:Ann", "1:Bob", "2:Cy")
		// Each element remembers the item it was made for: a keyed list moves and keeps
		// elements with their key, so after every mutation each one still shows its item.
		d.tag(".item")
		d.tag(".tag")

		d.tap(".push")
		d.waitTexts(".item", "0:Ann", "1:Bob", "2:Cy", "3:Dee")
		d.waitTexts(".tag", "red", "green", "blue", "pink")
		d.waitTexts(".kv", "one=1", "two=2", "three=3")
		d.wantTagged(".item", "0:Ann|Ann", "1:Bob|Bob", "2:Cy|Cy", "3:Dee|")
		d.wantTagged(".tag", "red|red", "green|green", "blue|blue", "pink|")
		d.tag(".item")
		d.tag(".tag")

		d.tap(".remove-mid")
		d.waitTexts(".item", "0:Ann", "1:Cy", "2:Dee")
		d.waitTexts(".tag", "red", "blue", "pink")
		d.wantTagged(".item", "0:Ann|Ann", "1:Cy|Cy", "2:Dee|Dee")
		d.wantTagged(".tag", "red|red", "blue|blue", "pink|pink")

		d.tap(".reverse")
		d.waitTexts(".item", "0:Dee", "1:Cy", "2:Ann")
		d.waitTexts(".tag", "pink", "blue", "red")
		d.waitTexts(".pair-k, .pair-v", "k2", "v2", "k1", "v1")
		d.wantTagged(".item", "0:Dee|Dee", "1:Cy|Cy", "2:Ann|Ann")
		d.wantTagged(".tag", "pink|pink", "blue|blue", "red|red")
	})

	t.Run("include", func(t *testing.T) {
		d := dirBrowser{b, t}
		d.resetMode()
		// Included files (relative, and /-absolute) render in the page's data scope.
		d.waitTexts(".note", "note mode 0")
		d.waitTexts(".footer", "footer A")
		d.tap(".step")
		d.waitTexts(".note", "note mode 1")
		d.resetMode()
		d.waitTexts(".note", "note mode 0")
	})

	t.Run("templates", func(t *testing.T) {
		d := dirBrowser{b, t}
		// is="{{tplName}}" with data="{{...tplData, extra: 1}}".
		d.waitTexts(".tpl-inline", "inline L 5 1")
		d.waitTexts(".tpl-imported")
		// data="{{a, b}}" is {a: a, b: b}.
		d.waitTexts(".tpl-pair", "A+B")
		d.tap(".swap-tpl")
		// The template imported from /common/tpl.wxml, chosen by name at run time.
		d.waitTexts(".tpl-imported", "imported L 6 1")
		d.waitTexts(".tpl-inline")
		d.waitTexts(".tpl-pair", "A2+B")
		d.waitTexts(".footer", "footer A2")
		d.tap(".swap-tpl")
		d.waitTexts(".tpl-inline", "inline L 7 1")
		d.waitTexts(".tpl-imported")
	})

	t.Run("slots", func(t *testing.T) {
		d := dirBrowser{b, t}
		d.resetMode()
		d.waitTexts(".slot-head", "Title 0")
		d.waitTexts(".slot-body", "bodymore")
		d.waitTexts(".slot-foot", "foot")
		// The slotted content sits inside the component's slot wrappers, in order.
		d.waitTexts(".slot-head .head-content", "Title 0")
		d.waitTexts(".slot-body .body-a, .slot-body .body-b", "body", "more")
		d.waitTexts(".slot-foot .foot-content", "foot")
		// Slot content is the page's: it updates with the page's data.
		d.tap(".step")
		d.waitTexts(".slot-head", "Title 1")
		d.resetMode()
		d.waitTexts(".slot-head", "Title 0")
	})

	t.Run("model", func(t *testing.T) {
		d := dirBrowser{b, t}
		d.waitTexts(".stepper", "stepper 2")
		d.waitTexts(".qty", "qty 2")
		// The component changes its own property: the page's data follows.
		d.tap(".stepper")
		d.waitTexts(".stepper", "stepper 3")
		d.waitTexts(".qty", "qty 3")
		d.tap(".stepper")
		d.waitTexts(".qty", "qty 4")
		// And the page's data still flows down.
		d.tap(".set-qty")
		d.waitTexts(".stepper", "stepper 7")
		d.waitTexts(".qty", "qty 7")
		d.tap(".stepper")
		d.waitTexts(".qty", "qty 8")
	})

	t.Run("dataset-mark-id", func(t *testing.T) {
		d := dirBrowser{b, t}
		d.resetMode()
		// data-foo-bar reads as dataset.fooBar; data-camelCase as dataset.camelcase.
		d.tap(".ds")
		d.waitTexts(".out", "dataset 0 u7 cc undefined")
		d.tap(".step")
		d.waitTexts(".branch", "elif 1")
		d.tap(".ds")
		d.waitTexts(".out", "dataset 1 u7 cc undefined")
		// mark: gathers the marks from the target up to the handler's element.
		d.tap(".mk")
		d.waitTexts(".out", "mark o1 1 inner,outer")
		// id="{{...}}" is the event's id, and WXSS #id rules apply to it.
		d.tap(".idv")
		d.waitTexts(".out", "id sec-1 sec-1")
		if got := b.Style(".idv", "letter-spacing"); got != "3px" {
			t.Errorf(`id="sec-1" with "#sec-1 { letter-spacing: 3px }": letter-spacing %q`, got)
		}
		d.resetMode()
		d.tap(".idv")
		d.waitTexts(".out", "id sec-0 sec-0")
		if got := b.Style(".idv", "letter-spacing"); got != "normal" {
			t.Errorf(`id="sec-0": letter-spacing %q, want normal`, got)
		}
	})

	t.Run("class-style", func(t *testing.T) {
		d := dirBrowser{b, t}
		d.resetMode()
		d.waitTexts(".cls", "styled")
		d.waitTexts(".cls.off", "styled")
		if got := b.Style(".cls", "color"); got != "rgb(255, 0, 0)" {
			t.Errorf(`style="color: {{color}}": color %q, want rgb(255, 0, 0)`, got)
		}
		if got := b.Style(".cls", "width"); got != "130px" {
			t.Errorf(`style="width: {{width + 10}}px": width %q, want 130px`, got)
		}
		if got := b.Style(".cls", "font-weight"); got != "400" {
			t.Errorf(`class "off": font-weight %q, want 400`, got)
		}
		d.tap(".step")
		d.waitTexts(".cls.on", "styled")
		d.waitTexts(".cls.off")
		if got := b.Style(".cls", "font-weight"); got != "700" {
			t.Errorf(`class "on": font-weight %q, want 700`, got)
		}
		d.resetMode()
		d.waitTexts(".cls.off", "styled")
	})

	t.Run("wxs", func(t *testing.T) {
		d := dirBrowser{b, t}
		// An inline <wxs module>, and a <wxs src> whose module requires another .wxs.
		d.waitTexts(".wxs-inline", "HEY!")
		d.waitTexts(".wxs-src", "¥3.50")
		d.tap(".change-wxs")
		d.waitTexts(".wxs-inline", "YO!")
		d.waitTexts(".wxs-src", "¥10.00")
	})
	// Last: a generic whose default is not rendered stops the page.
	t.Run("generics", func(t *testing.T) {
		d := dirBrowser{b, t}
		d.waitTexts(".box")
		d.tap(".show-generics")
		// componentGenerics' default, and generic:cell="fancy" in its place.
		d.waitTexts(".plain", "plain x")
		d.waitTexts(".fancy", "fancy y")
		d.waitTexts(".box", "plain x", "fancy y")
	})
}

// dirBrowser reads lists of elements in the top page.
type dirBrowser struct {
	b *Browser
	t *testing.T
}

// texts returns the textContent of every element matching selector, in document order.
func (d dirBrowser) texts(selector string) ([]string, error) {
	sel, _ := json.Marshal(domSelector(selector))
	v, err := Eval[*[]string](d.b, inPage(`return [...doc.querySelectorAll(`+string(sel)+`)].map((el) => el.textContent);`))
	if err != nil || v == nil {
		return nil, err
	}
	return *v, nil
}

// waitTexts waits until the elements matching selector have exactly these texts, in
// this order (none: no element matches).
func (d dirBrowser) waitTexts(selector string, want ...string) {
	d.t.Helper()
	if want == nil {
		want = []string{}
	}
	deadline := time.Now().Add(wait)
	var got []string
	var err error
	for time.Now().Before(deadline) {
		got, err = d.texts(selector)
		if got == nil {
			got = []string{}
		}
		if err == nil && reflect.DeepEqual(got, want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	d.t.Fatalf("%s: texts %q, want %q (%v)", selector, got, want, err)
}

// tap scrolls the element into the middle of the page's viewport (the page is longer
// than the phone's screen), then taps it.
func (d dirBrowser) tap(selector string) {
	d.t.Helper()
	sel, _ := json.Marshal(domSelector(selector))
	if _, err := Eval[any](d.b, inPage(`const el = doc.querySelector(`+string(sel)+`);
  if (el) el.scrollIntoView({block: 'center'}); return true;`)); err != nil {
		d.t.Fatalf("scroll to %s: %v", selector, err)
	}
	d.b.Tap(selector)
}

// resetMode taps "step" until the page is back at mode 0, so that a subtest starts from
// there even when the one before it stopped half-way.
func (d dirBrowser) resetMode() {
	d.t.Helper()
	for i := 0; i < 3; i++ {
		if got, _ := d.b.Text(".branch"); got == "if 0" {
			return
		}
		before, _ := d.b.Text(".branch")
		d.tap(".step")
		deadline := time.Now().Add(wait)
		for got, _ := d.b.Text(".branch"); got == before && time.Now().Before(deadline); got, _ = d.b.Text(".branch") {
			time.Sleep(20 * time.Millisecond)
		}
	}
	d.waitTexts(".branch", "if 0")
}

// tag remembers on each element matching selector the item it shows now (the text after
// the last ':').
func (d dirBrowser) tag(selector string) {
	d.t.Helper()
	sel, _ := json.Marshal(domSelector(selector))
	if _, err := Eval[any](d.b, inPage(`doc.querySelectorAll(`+string(sel)+`).forEach((el) => {
    el.__dirTag = el.textContent.split(':').pop();
  }); return true;`)); err != nil {
		d.t.Fatalf("tag %s: %v", selector, err)
	}
}

// wantTagged checks "text|tag" of each element matching selector: an element reused for
// another item shows a tag that does not match its text.
func (d dirBrowser) wantTagged(selector string, want ...string) {
	d.t.Helper()
	sel, _ := json.Marshal(domSelector(selector))
	got, err := Eval[[]string](d.b, inPage(`return [...doc.querySelectorAll(`+string(sel)+`)].map((el) => el.textContent + '|' + (el.__dirTag || ''));`))
	if err != nil || !reflect.DeepEqual(got, want) {
		d.t.Errorf("%s: keyed elements %q, want %q (%v)", selector, got, want, err)
	}
}
