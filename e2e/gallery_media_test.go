package e2e

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The container, text and media components of the page layer, one gallery page each
// (testdata/gallery): events with the phone's detail, attributes that change the DOM,
// driven by real mouse drags and taps.

// galleryPage opens one page of the gallery in a browser of its own.
func galleryPage(t *testing.T, srv *Server, page string) *Browser {
	t.Helper()
	b := OpenBrowser(t, srv.URL+"?page=pages/"+page+"/"+page)
	screenshotAtEnd(t, b, "gallery-"+page)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("console:\n%s", strings.Join(b.Console(), "\n"))
		}
	})
	return b
}

// waitEval waits until the body's value, as JSON, is want.
func waitEval(t *testing.T, b *Browser, body, want string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	var got string
	for time.Now().Before(deadline) {
		v, err := Eval[any](b, inPage(body))
		if err == nil {
			var buf strings.Builder
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			_ = enc.Encode(v)
			if got = strings.TrimSpace(buf.String()); got == want {
				return
			}
		}
		time.Sleep(30 * time.Millisecond)
	}
	t.Fatalf("%s: got %s, want %s", body, got, want)
}

func TestGalleryMedia(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/gallery"))

	t.Run("scroll-view", func(t *testing.T) {
		b := galleryPage(t, srv, "scroll-view")
		b.WaitText(".row", "row 0", wait)
		// scroll-top scrolls it; bindscroll has the phone's detail (deltaY > 0 towards the top).
		b.TapThenText(".set-top", ".scroll-log", "top 100 left 0 height 1000 width 300 dx 0 dy -100", wait)
		// A mouse drag scrolls it as a finger does.
		// (deltaY is the movement since the last scroll event.)
		b.Drag(".sv", 0, -150, 6)
		b.WaitContains(".scroll-log", "top 250 left 0 height 1000 width 300 dx 0 dy -", wait)
		// scroll-into-view puts the row at the top; SelectorQuery's scrollOffset of the node.
		b.TapThenText(".into", ".scroll-log", "top 500 left 0 height 1000 width 300 dx 0 dy -250", wait)
		b.TapThenText(".measure", ".offset", "offset 500 1000", wait)
		b.WaitText(".edge-log", "upper 0 lower 0", wait)
		// Into lower-threshold (30) of the end: scrolltolower, once.
		b.Drag(".sv", 0, -300, 6)
		b.WaitText(".edge-log", "upper 0 lower 1", wait)
		b.TapThenText(".set-top5", ".edge-log", "upper 1 lower 1", wait)
		b.WaitContains(".scroll-log", "top 5 ", wait)
		// Pulled down from the top past refresher-threshold (45): refresherrefresh; the page
		// sets refresher-triggered back to false and it is restored.
		b.Drag(".sv", 0, 100, 8)
		b.WaitText(".refresh-log", "refresh 1 restore 1 abort 0 pulled 95", wait)
		// A short pull does not refresh: refresherabort.
		b.Drag(".sv", 0, 30, 4)
		b.WaitText(".refresh-log", "refresh 1 restore 1 abort 1 pulled 30", wait) // from the top, where the first pull left it
		// refresher-background and refresher-default-style="white".
		waitEval(t, b, `const r = doc.querySelector('.sv').shadowRoot.querySelector('.refresher'), s = doc.defaultView.getComputedStyle;
  return [s(r).backgroundColor, ...[...r.querySelectorAll('.dots span')].map((d) => s(d).backgroundColor)];`,
			`["rgb(18, 52, 86)","rgb(255, 255, 255)","rgb(255, 255, 255)","rgb(255, 255, 255)"]`)

		// scroll-x: a horizontal drag.
		b.Drag(".sx", -120, 0, 6)
		b.WaitContains(".scrollx-log", "left 120 width 500 dx -", wait)
		// enable-flex lays the children out in a row.
		waitEval(t, b, `const a = doc.querySelector('.f0').getBoundingClientRect(), c = doc.querySelector('.f1').getBoundingClientRect();
  return [c.left - a.left, c.top - a.top];`, `[80,0]`)
		// enhanced: dragstart, dragging, dragend {velocity}; paging-enabled ends a drag on
		// the nearest page (100px each).
		b.Drag(".pager", 0, -70, 6)
		b.WaitText(".drag-log", "dragstart dragging dragend:number", wait)
		b.WaitText(".pager-top", "100", wait)
		b.Drag(".pager", 0, -30, 4)
		time.Sleep(400 * time.Millisecond)
		b.WaitText(".pager-top", "100", wait)
	})

	t.Run("swiper", func(t *testing.T) {
		b := galleryPage(t, srv, "swiper")
		b.WaitText(".item-0", "slide A", wait)
		dots := `const s = doc.querySelector('.sw').shadowRoot.querySelectorAll('.dots span');
  return [...s].map((d) => d.style.background);`
		waitEval(t, b, dots, `["rgb(200, 0, 0)","rgb(1, 2, 3)","rgb(1, 2, 3)"]`)
		// Swiping left past half an item goes to the next: change {current, source: 'touch'}.
		b.Drag(".sw", -170, 0, 8)
		b.WaitText(".sw-log", "1 touch|", wait)
		b.WaitText(".sw-finish", "1 touch", wait)
		b.WaitText(".sw-trans", "dx positive", wait)
		// The current item is the one in view.
		waitEval(t, b, `const s = doc.querySelector('.sw').getBoundingClientRect(), i = doc.querySelector('.item-1').getBoundingClientRect();
  return Math.round(i.left - s.left);`, `0`)
		waitEval(t, b, dots, `["rgb(1, 2, 3)","rgb(200, 0, 0)","rgb(1, 2, 3)"]`)
		// A short drag springs back.
		dragSlowly(b, ".sw", -40, 0, 4, 120*time.Millisecond)
		time.Sleep(300 * time.Millisecond)
		b.WaitText(".sw-log", "1 touch|", wait)
		// current set by the page: source ''.
		b.TapThenText(".to-2", ".sw-log", "1 touch|2 |", wait)
		waitEval(t, b, `const s = doc.querySelector('.sw').getBoundingClientRect(), i = doc.querySelector('.item-2').getBoundingClientRect();
  return Math.round(i.left - s.left);`, `0`)
		// Not circular: past the last item it stays.
		b.Drag(".sw", -170, 0, 8)
		time.Sleep(300 * time.Millisecond)
		b.WaitText(".sw-log", "1 touch|2 |", wait)
		// Back by a drag to the right.
		b.Drag(".sw", 170, 0, 8)
		b.WaitText(".sw-log", "1 touch|2 |1 touch|", wait)

		// autoplay with circular goes round: 1, then 0 again.
		b.WaitContains(".auto-log", "1 autoplay|0 autoplay|", wait)
		// vertical swipes with a vertical drag.
		b.Drag(".vert", 0, -70, 6)
		b.WaitText(".vert-log", "1 touch", wait)
		// previous-margin 20px, next-margin 40px, two items shown: (300-60)/2 = 120 each.
		waitEval(t, b, `const s = doc.querySelector('.multi').getBoundingClientRect();
  return [0, 1].map((i) => { const r = doc.querySelector('.m-' + i).getBoundingClientRect(); return [Math.round(r.left - s.left), Math.round(r.width)]; });`,
			`[[20,120],[140,120]]`)
		// current-item-id picks the item by its item-id; change reports currentItemId.
		waitEval(t, b, `const s = doc.querySelector('.ids').getBoundingClientRect(), r = [...doc.querySelectorAll('.ids wx-swiper-item')][1].getBoundingClientRect(); return Math.round(r.left - s.left);`, `0`)
		b.TapThenText(".to-c", ".ids-log", "2 c ", wait)
	})

	t.Run("movable-view", func(t *testing.T) {
		b := galleryPage(t, srv, "movable-view")
		b.WaitText(".mv-log", "none", wait)
		pos := func(sel string) string {
			return `const a = doc.querySelector('` + sel + `'), r = a.getBoundingClientRect(), p = a.parentElement.getBoundingClientRect();
  return [Math.round(r.left - p.left), Math.round(r.top - p.top)];`
		}
		b.Drag(".mv", 100, 40, 8)
		b.WaitText(".mv-log", "100 40 touch", wait)
		waitEval(t, b, pos(".mv"), `[100,40]`)
		// x and y from the page: clamped into the area (300-50), source ''.
		b.TapThenText(".set-xy", ".mv-log", "250 30 ", wait)
		waitEval(t, b, pos(".mv"), `[250,30]`)
		// Dragged past the edge, it stops there.
		b.Drag(".mv", 0, 200, 8)
		b.WaitText(".mv-log", "250 150 touch", wait)
		// direction horizontal moves along x only.
		b.Drag(".mh", 60, 40, 8)
		b.WaitText(".mh-log", "60 0 touch", wait)
		b.WaitText(".mh-touch", "htouchmove 1", wait)
		// disabled does not move.
		b.Drag(".md", 60, 0, 8)
		time.Sleep(200 * time.Millisecond)
		b.WaitText(".md-log", "none", wait)
		waitEval(t, b, pos(".md"), `[0,0]`)
		// out-of-bounds follows past the edge, then comes back.
		b.Drag(".mo", -60, 0, 6)
		b.WaitText(".mo-log", "0 0 out-of-bounds [touch-out-of-bounds,out-of-bounds,]", wait)
	})

	t.Run("text", func(t *testing.T) {
		b := galleryPage(t, srv, "text")
		b.WaitText(".t-decode", "a\u00a0b<c>d&e'f\u2002g\u2003h&lt;", wait)
		b.WaitText(".t-raw", "a&nbsp;b&lt;c&gt;d&amp;e&apos;f&ensp;g&emsp;h&amp;lt;", wait)
		b.WaitText(".t-ensp", "a\u2002b\u2002\u2002c", wait)
		b.WaitText(".t-emsp", "a\u2003b\u2003\u2003c", wait)
		b.WaitText(".t-nbsp", "a\u00a0b\u00a0\u00a0c", wait)
		b.WaitStyle(".t-sel", "user-select", "text", wait)
		b.WaitStyle(".t-us", "user-select", "text", wait)
		b.WaitStyle(".t-plain", "user-select", "none", wait)
		// New data is decoded again.
		b.TapThenText(".change", ".t-decode", "x<y", wait)
		b.WaitText(".t-ensp", "p\u2002q", wait)
	})

	t.Run("rich-text", func(t *testing.T) {
		b := galleryPage(t, srv, "rich-text")
		b.WaitText(".rt-html", "Hello\u00a0Worldthird", wait)
		// No scripts, no iframes, no event attributes, no ids; allowed attributes stay.
		waitEval(t, b, `const r = doc.querySelector('.rt-html'), box = r.querySelector('.box'), img = r.querySelector('img'), ol = r.querySelector('ol');
  return [!!r.querySelector('script, iframe, h11'), box.id, box.hasAttribute('onclick'), getComputedStyle(box).color,
    img.getAttribute('width'), img.hasAttribute('onerror'), ol.getAttribute('start'), ol.getAttribute('type'), doc.defaultView.bad === undefined];`,
			`[false,"",false,"rgb(255, 0, 0)","40",false,"3","a",true]`)
		b.WaitText(".rt-array", "A<B!cell", wait)
		waitEval(t, b, `const r = doc.querySelector('.rt-array'), sp = r.querySelector('.sp'), t = r.querySelector('table'), td = r.querySelector('td');
  return [!!r.querySelector('script'), sp.localName, sp.hasAttribute('id'), sp.hasAttribute('title'), t.getAttribute('width'), t.hasAttribute('border'),
    td.getAttribute('colspan'), getComputedStyle(r.querySelector('.para')).fontWeight];`,
			`[false,"span",false,false,"100",false,"2","700"]`)
		b.WaitText(".rt-space", "a\u00a0\u00a0b", wait)
	})

	t.Run("icon", func(t *testing.T) {
		b := galleryPage(t, srv, "icon")
		waitEval(t, b, `return [...doc.querySelectorAll('.i')].map((i) => { const s = i.querySelector('svg'); const c = s && s.querySelector('[fill]:not([fill="#fff"]):not([fill="none"]), [stroke]:not([stroke="#fff"])');
  return [i.getAttribute('type'), i.getBoundingClientRect().width, c ? (c.getAttribute('fill') !== 'none' && c.getAttribute('fill') || c.getAttribute('stroke')) : null]; });`,
			`[["success",23,"#09BB07"],["success_no_circle",23,"#09BB07"],["info",23,"#10AEFF"],["warn",23,"#F76260"],["waiting",23,"#10AEFF"],["cancel",23,"#F43530"],["download",23,"#09BB07"],["search",23,"#B2B2B2"],["clear",23,"#B2B2B2"]]`)
		waitEval(t, b, `const i = doc.querySelector('.i-big'); return [i.getBoundingClientRect().width, i.querySelector('circle').getAttribute('fill')];`, `[40,"red"]`)
		// 75rpx on a 390px-wide device.
		waitEval(t, b, `return Math.round(doc.querySelector('.i-rpx').getBoundingClientRect().width * 100) / 100;`, `39`)
	})

	t.Run("progress", func(t *testing.T) {
		b := galleryPage(t, srv, "progress")
		b.WaitText(".p1", "40%", wait)
		waitEval(t, b, `const p = doc.querySelector('.p1'), bar = p.firstElementChild, fill = bar.firstElementChild, info = p.lastElementChild, cs = (e) => getComputedStyle(e);
  return [fill.style.width, cs(bar).height, cs(bar).backgroundColor, cs(fill).backgroundColor, cs(bar).borderTopLeftRadius, cs(info).fontSize, cs(info).display];`,
			`["40%","10px","rgb(4, 5, 6)","rgb(1, 2, 3)","5px","20px","block"]`)
		// The defaults: 6px, #09BB07 on #EBEBEB, no info.
		waitEval(t, b, `const p = doc.querySelector('.p0'), bar = p.firstElementChild, cs = (e) => getComputedStyle(e);
  return [cs(bar).height, cs(bar).backgroundColor, cs(bar.firstElementChild).backgroundColor, bar.firstElementChild.style.width, cs(p.lastElementChild).display];`,
			`["6px","rgb(235, 235, 235)","rgb(9, 187, 7)","70%","none"]`)
		// active grows to the percent, then activeend; forwards goes on from there.
		b.WaitText(".p-log", "ends 1 at 30", wait)
		b.WaitText(".p2", "30%", wait)
		b.TapThenText(".more", ".p-log", "ends 2 at 60", wait)
		b.WaitText(".p2", "60%", wait)
	})

	t.Run("video", func(t *testing.T) {
		b := galleryPage(t, srv, "video")
		// autoplay muted: it plays to its end (half a second).
		b.WaitText(".v-log", "play 1 pause 0 ended 1", wait)
		b.WaitText(".v-time", "0.5 / 0.5", wait)
		waitEval(t, b, `const v = doc.querySelector('.vid video'); return [v.controls, v.muted, v.autoplay, v.loop, v.poster.replace(/^https?:\/\/[^/]+/, ''), v.style.objectFit, v.src.replace(/^https?:\/\/[^/]+/, '')];`,
			`[false,true,true,false,"/static/poster.png","cover","/static/tone.wav"]`)
		// The second one: a relative src from the page's folder, controls by default.
		waitEval(t, b, `const v = doc.querySelector('.vid2 video'); return [v.controls, v.src.replace(/^https?:\/\/[^/]+/, ''), v.poster.replace(/^https?:\/\/[^/]+/, '')];`, `[true,"/static/tone.wav","/static/poster.png"]`)
		pageEval[any](t, b, `doc.querySelector('.vid video').play(); return true;`)
		b.WaitText(".v-log", "play 2 pause 0 ended 1", wait)
		pageEval[any](t, b, `doc.querySelector('.vid video').pause(); return true;`)
		b.WaitText(".v-log", "play 2 pause 1 ended 1", wait)
	})

	t.Run("audio", func(t *testing.T) {
		b := galleryPage(t, srv, "audio")
		b.WaitText(".a-log", "play 0 pause 0 ended 0 MEDIA_ERR_SRC_NOT_SUPPORTED", wait)
		waitEval(t, b, `const r = doc.querySelector('.au').shadowRoot; return [r.querySelector('.name').textContent, r.querySelector('.author').textContent, r.querySelector('audio').src.replace(/^https?:\/\/[^/]+/, '')];`,
			`["Tone","mpsim","/static/tone.wav"]`)
		// The play button on the poster plays it, with a real click.
		pt := pageEval[[2]float64](t, b, `const r = doc.querySelector('.au').shadowRoot.querySelector('.poster').getBoundingClientRect(), f = frame.getBoundingClientRect();
  return [f.left + r.left + r.width / 2, f.top + r.top + r.height / 2];`)
		b.mouse(chromedp.MousePressed, pt[0], pt[1])
		b.mouse(chromedp.MouseReleased, pt[0], pt[1])
		b.WaitText(".a-log", "play 1 pause 0 ended 1 MEDIA_ERR_SRC_NOT_SUPPORTED", wait)
		b.WaitText(".a-time", "0.5 / 0.5", wait)
	})

	t.Run("canvas", func(t *testing.T) {
		b := galleryPage(t, srv, "canvas")
		b.WaitText(".info", "300x150 function 4 true", wait)
		b.WaitText(".img", "loaded 40x30", wait)
		b.WaitText(".same", "same node", wait)
		pixel := func(x, y int) string {
			return `const c = doc.querySelector('#c canvas'); return [...c.getContext('2d').getImageData(` + itoa(x) + `, ` + itoa(y) + `, 1, 1).data];`
		}
		waitEval(t, b, `const c = doc.querySelector('#c canvas'); return [c.width, c.height];`, `[300,150]`)
		waitEval(t, b, pixel(50, 20), `[255,0,0,255]`)    // fillRect
		waitEval(t, b, pixel(175, 20), `[0,0,255,255]`)   // translate, then restore
		waitEval(t, b, pixel(120, 20), `[0,0,0,0]`)       // nothing there
		waitEval(t, b, pixel(5, 5), `[0,0,0,0]`)          // clearRect
		waitEval(t, b, pixel(50, 80), `[0,0,0,255]`)      // the stroked line
		waitEval(t, b, pixel(250, 100), `[255,0,0,255]`)  // arc filled in the restored red
		waitEval(t, b, pixel(130, 70), `[255,255,0,255]`) // the gradient
		waitEval(t, b, pixel(210, 10), `[0,128,0,255]`)   // drawImage of createImage
		// measureText in the logic layer gives the width the page's canvas draws.
		width, err := Eval[string](b, inPage(`const g = doc.createElement('canvas').getContext('2d'); g.font = '16px sans-serif'; return g.measureText('mpsim canvas').width.toFixed(2);`))
		if err != nil {
			t.Fatal(err)
		}
		b.WaitText(".measured", width, wait)
		// A touch a quarter along and half down: x and y from the canvas's own corner.
		b.TapAt(".c", 0.25, 0.5)
		b.WaitText(".touch", "identifier,x,y 75,75 75", wait)
	})

	t.Run("web-view", func(t *testing.T) {
		b := galleryPage(t, srv, "web-view")
		b.WaitText(".wv-log", "load /static/hello.html", wait)
		waitEval(t, b, `const f = doc.querySelector('.wv iframe'); return [f.contentDocument.querySelector('.hello').textContent, f.getBoundingClientRect().width === doc.documentElement.clientWidth];`,
			`["hello from web-view",true]`)
	})

	t.Run("placeholders", func(t *testing.T) {
		b := galleryPage(t, srv, "placeholders")
		b.WaitText(".ci-log", "load 40x30", wait)
		for _, tag := range []string{"map", "camera", "live-player", "live-pusher", "ad", "voip-room", "ad-custom", "channel-live", "channel-video", "official-account"} {
			waitEval(t, b, `const e = doc.querySelector('.ph-`+tag+`'); return [e.localName, e.shadowRoot.querySelector('.tag').textContent, /cannot show/.test(e.shadowRoot.textContent), e.getBoundingClientRect().height > 0];`,
				`["wx-`+tag+`","<`+tag+`>",true,true]`)
			b.WaitConsole("[mpsim] <"+tag+">", wait)
		}
		// The cover-view over the map shows, cut to one line.
		b.WaitStyle(".cv", "white-space", "nowrap", wait)
		b.WaitStyle(".cv", "overflow", "hidden", wait)
		// The page keeps working, and the console said it once per tag.
		b.TapThenText(".tap", ".tap", "taps 1", wait)
		n := 0
		for _, l := range b.Console() {
			if strings.Contains(l, "[mpsim] <map>") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("the map's warning was logged %d times, want once", n)
		}
	})
}

// dragSlowly drags as Drag does, waiting between the moves: a slow drag, not a flick.
func dragSlowly(b *Browser, selector string, dx, dy float64, steps int, pause time.Duration) {
	b.t.Helper()
	x, y := b.center(selector)
	b.mouse(chromedp.MousePressed, x, y)
	for i := 1; i <= steps; i++ {
		time.Sleep(pause)
		b.mouse(chromedp.MouseMoved, x+dx*float64(i)/float64(steps), y+dy*float64(i)/float64(steps))
	}
	time.Sleep(pause)
	b.mouse(chromedp.MouseReleased, x+dx, y+dy)
}

func itoa(i int) string {
	j, _ := json.Marshal(i)
	return string(j)
}
