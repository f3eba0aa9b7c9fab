package e2e

import (
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/mpsim/mpsim/internal/testlibs"
)

// mp-html, the rich-text component most articles use: the HTML it is given shows as
// headings, styled paragraphs, lists, a table, a picture, links and code; taps on a link
// and on the picture reach the page as linktap and imgtap; selectable makes the text
// selectable; new content replaces the old.
func TestCompatMpHTML(t *testing.T) {
	t.Parallel()
	dir := testlibs.CompatProject(t, "mphtml", "mp-html")
	builds(t, dir)
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".article h1", "Release notes", wait)
	b.WaitText(".article h2", "What changed", wait)
	b.WaitText(".article p strong", "bold", wait)
	b.WaitStyle(".article p[style]", "color", "rgb(200, 0, 0)", wait)
	b.WaitStyle(".article p[style]", "font-size", "18px", wait)
	waitEval(t, b, `return [...doc.querySelectorAll('.article ul li')].map((li) => li.textContent)`, `["Faster pages","Smaller bundle"]`)
	waitEval(t, b, `return [...doc.querySelectorAll('.article ol li')].map((li) => li.textContent)`, `["Install","Build"]`)
	waitEval(t, b, `return [...doc.querySelectorAll('.article tr')].map((tr) => [...tr.children].map((c) => c.textContent).join('|'))`, `["Name|Size","core|12 KB","ui|30 KB"]`)
	b.WaitText(".article code", "wx.request()", wait)
	b.WaitStyle(".article code", "font-family", "monospace", wait)
	// <pre> keeps its lines and spaces, entities decoded.
	waitEval(t, b, `const pre = [...doc.querySelectorAll('.article div')].find((d) => d.style.whiteSpace === 'pre'); return pre && pre.innerText`, `"if (a < b) {\n  swap(a, b)\n}"`)
	// The picture is sized by its style once it has loaded; the component then says it is ready.
	b.WaitText(".out-load", "1", wait)
	b.WaitText(".out-ready", "sized", wait)
	waitEval(t, b, `const img = doc.querySelector('.article wx-image'); const r = img.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]`, `[120,80]`)

	// A link to a web page: linktap with its href and text, and the link is copied.
	b.TapText(".article ._a", "the docs")
	b.WaitText(".out-link", "https://example.com/docs?page=1", wait)
	b.WaitText(".out-link-text", "the docs", wait)
	waitShellValue(t, b, `document.querySelector('.ui-toast-title')?.textContent ?? ''`, "链接已复制")

	// The picture: imgtap with its attributes, and the preview opens over the page.
	b.Tap(".article wx-image")
	b.WaitText(".out-img", "/images/photo.png", wait)
	waitShellValue(t, b, `String(!!document.querySelector('.ui-preview-item')?.src.includes('/images/photo.png'))`, "true")
	b.tapShell(".ui-preview")
	waitShellValue(t, b, `String(!!document.querySelector('.ui-preview'))`, "false")

	// A link to an anchor (use-anchor) scrolls the page to the element with that id.
	b.TapText(".article ._a", "Jump to the details")
	b.WaitText(".out-link", "#details", wait)
	waitEval(t, b, `const h = [...doc.querySelectorAll('.article h2')].find((e) => e.textContent === 'Details');
  return Math.abs(Math.round(h.getBoundingClientRect().top)) < 2 && doc.defaultView.scrollY > 1000`, `true`)

	// A link to a page of the app opens that page.
	b.TapText(".article ._a", "about us")
	b.WaitText(".about", "about from article", wait)
	b.TapThenText(".back", ".out-link", "/pages/about/about?from=article", wait)

	// selectable: the text can be selected, as the rich-text's user-select makes it.
	if got := b.Style(".article wx-rich-text", "user-select"); got == "text" {
		t.Fatalf("rich-text user-select is %q before selectable", got)
	}
	b.Tap(".toggle-select")
	b.WaitStyle(".article wx-rich-text", "user-select", "text", wait)
	b.WaitStyle(".article ._root", "user-select", "text", wait)

	// New content replaces the article.
	b.Tap(".next")
	b.WaitText(".article h1", "Second article", wait)
	b.WaitContains(".article p", "Only this now.", wait)
	b.WaitStyle(".article p span", "text-decoration-line", "underline", wait)
	waitEval(t, b, `return doc.querySelectorAll('.article table, .article wx-image, .article h2').length`, `0`)
	b.WaitText(".out-load", "2", wait)

	noErrors(t, b)
}

// shownIn is the trimmed text of each element matching selector whose middle lies inside
// the box of the first element matching box: what a person sees of a swiper or a
// scrolled list.
func shownIn(box, selector string) string {
	return `const box = doc.querySelector(` + jsString(domSelector(box)) + `).getBoundingClientRect();
  return [...doc.querySelectorAll(` + jsString(domSelector(selector)) + `)].filter((e) => {
    const r = e.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
    return r.width > 0 && x > box.left && x < box.right && y > box.top && y < box.bottom;
  }).map((e) => e.textContent.trim())`
}

// The official extended components (component-plus), used as their docs write them:
// mp-tabs follows taps on its bar and swipes of its swiper, mp-sticky holds its bar at the
// top of a scrolled page and in its container, mp-index-list chooses a city and jumps to a
// letter, mp-vtabs scrolls its content to a tapped tab and follows a scroll of it, and
// mp-select-text shows its copy menu on a long press.
func TestCompatComponentPlus(t *testing.T) {
	t.Parallel()
	dir := testlibs.CompatProject(t, "cplus", "@miniprogram-component-plus/tabs", "@miniprogram-component-plus/sticky",
		"@miniprogram-component-plus/index-list", "@miniprogram-component-plus/vtabs", "@miniprogram-component-plus/vtabs-content",
		"@miniprogram-component-plus/select-text")
	builds(t, dir)
	srv := StartServer(t, mpsimBin, dir)

	t.Run("tabs", func(t *testing.T) {
		b := OpenBrowser(t, srv.URL+"?page=pages/tabs/tabs")
		b.WaitText(".tab-bar-title__selected", "Home", wait)
		waitEval(t, b, shownIn(".weui-tabs-swiper", ".tab-content"), `["Home content"]`)
		b.TapText(".weui-tabs-bar__title", "Shopping")
		b.WaitText(".out-click", "click 3", wait)
		b.WaitText(".tab-bar-title__selected", "Shopping", wait)
		waitEval(t, b, shownIn(".weui-tabs-swiper", ".tab-content"), `["Shopping content"]`)
		// The bar scrolls the tab before the active one to its start.
		b.TapText(".weui-tabs-bar__title", "Drinks")
		b.WaitText(".tab-bar-title__selected", "Drinks", wait)
		waitEval(t, b, `const bar = doc.querySelector('.weui-tabs-bar__wrp').getBoundingClientRect();
  return Math.round(doc.querySelector('#item_3').getBoundingClientRect().left - bar.left)`, `0`)
		// A swipe of the content goes to the next tab: change, and the bar follows.
		b.Drag(".weui-tabs-swiper", -250, 0, 8)
		b.WaitText(".out-change", "change 5", wait)
		b.WaitText(".tab-bar-title__selected", "Services", wait)
		waitEval(t, b, shownIn(".weui-tabs-swiper", ".tab-content"), `["Services content"]`)
		noErrors(t, b)
	})

	t.Run("sticky", func(t *testing.T) {
		b := OpenBrowser(t, srv.URL+"?page=pages/sticky/sticky")
		top := func(selector string) string {
			return `return Math.round(doc.querySelector(` + jsString(domSelector(selector)) + `).getBoundingClientRect().top)`
		}
		b.WaitText(".bar-top", "sticks at the top", wait)
		waitEval(t, b, top(".bar-top"), `120`)
		scrollPage(t, b, 200)
		b.WaitText(".out-fixed", "fixed", wait)
		waitEval(t, b, top(".bar-top"), `0`)
		// Inside its container the second bar sticks 50px down, and goes with the
		// container when the container scrolls away.
		scrollPage(t, b, 550)
		waitEval(t, b, top(".bar-box"), `50`)
		waitEval(t, b, top(".bar-top"), `0`)
		scrollPage(t, b, 1000)
		waitEval(t, b, top(".bar-box")+` < 0`, `true`)
		scrollPage(t, b, 0)
		b.WaitText(".out-fixed", "free", wait)
		waitEval(t, b, top(".bar-top"), `120`)
		waitEval(t, b, top(".bar-box"), `460`)
		noErrors(t, b)
	})

	t.Run("index-list", func(t *testing.T) {
		b := OpenBrowser(t, srv.URL+"?page=pages/indexlist/indexlist")
		list := ".page-select-index"
		b.WaitText(".chosen", "none", wait)
		waitEval(t, b, `return [...doc.querySelectorAll('.anchor-item__inner')].map((e) => e.textContent).join('')`, `"ABCDFGHKLNQSTWXYZ"`)
		b.WaitText(".anchor-item.selected .anchor-item__inner", "A", wait)
		b.TapText(".index-group__item", "Anshan")
		b.WaitText(".chosen", "Anshan", wait)
		// A touch on a letter of the bar scrolls its group to the top of the list.
		b.TapText(".anchor-item__inner", "S")
		b.WaitText(".anchor-item.selected .anchor-item__inner", "S", wait)
		waitEval(t, b, shownIn(list, ".index-group__title")+`[0]`, `"S"`)
		b.TapText(".index-group__item", "Shenzhen")
		b.WaitText(".chosen", "Shenzhen", wait)
		// Scrolling the list moves the bar's letter along.
		x, y := b.point(list, "", 0.5, 0.5)
		wheelAt(t, b, x, y, -600)
		waitEval(t, b, `return doc.querySelector('.anchor-item.selected .anchor-item__inner').textContent < 'S'`, `true`)
		noErrors(t, b)
	})

	t.Run("vtabs", func(t *testing.T) {
		b := OpenBrowser(t, srv.URL+"?page=pages/vtabs/vtabs")
		content := ".weui-vtabs-content__scrollview"
		active := `return [...doc.querySelectorAll('.weui-vtabs-bar__item')].filter((e) => e.style.color === 'rgb(255, 0, 0)').map((e) => e.textContent.trim())`
		b.WaitText(".vtabs-content-item", "Item 1: Hot", wait)
		waitEval(t, b, active, `["Hot"]`)
		// A tap on a tab scrolls the content to its section.
		b.TapText(".weui-vtabs-bar__title", "Fruit")
		b.WaitContains(".status", " 3", wait)
		waitEval(t, b, active, `["Fruit"]`)
		waitEval(t, b, shownIn(content, ".vtabs-content-item")+`[0]`, `"Item 4: Fruit"`)
		// (once the content has stopped moving: the wheel does not stop an animated scroll)
		waitEval(t, b, `return doc.querySelector('.weui-vtabs-content__scrollview').__scroller.scrollTop`, `900`)
		// Scrolling the content moves the active tab along.
		x, y := b.point(content, "", 0.5, 0.5)
		wheelAt(t, b, x, y, 1200)
		b.WaitText(".status", "change 7", wait)
		waitEval(t, b, active, `["Cleaning"]`)
		waitEval(t, b, shownIn(content, ".vtabs-content-item")+`[0]`, `"Item 8: Cleaning"`)
		noErrors(t, b)
	})

	t.Run("select-text", func(t *testing.T) {
		b := OpenBrowser(t, srv.URL+"?page=pages/selecttext/selecttext")
		b.WaitText(".plain", "Long-press or drag to select this text.", wait)
		// Without the copy menu the text is selectable; with it, a long press opens the menu.
		b.WaitStyle(".plain wx-text", "user-select", "text", wait)
		b.WaitStyle(".copyable wx-text", "user-select", "none", wait)
		if b.Visible(".weui-tooltip") {
			t.Fatal("the copy menu shows before a long press")
		}
		b.Press(".copyable wx-text", 800*time.Millisecond)
		b.WaitContains(".weui-tooltip", "复制", wait)
		b.WaitStyle(".copyable .weui-select-text", "background-color", "rgb(222, 222, 222)", wait)
		b.Tap(".weui-tooltip")
		b.WaitText(".copies", "1", wait)
		waitShellValue(t, b, `document.querySelector('.ui-toast-title')?.textContent ?? ''`, "内容已复制")
		b.WaitVisible(".weui-tooltip", false, wait)
		// A tap anywhere else on the page closes the menu (on-document-tap).
		b.Press(".copyable wx-text", 800*time.Millisecond)
		b.WaitVisible(".weui-tooltip", true, wait)
		b.Tap(".elsewhere")
		b.WaitVisible(".weui-tooltip", false, wait)
		b.WaitText(".copies", "1", wait)
		noErrors(t, b)
	})
}

// scrollPage scrolls the top page to y with the mouse wheel over it, as a person does.
func scrollPage(t *testing.T, b *Browser, y int) {
	t.Helper()
	x0, y0 := b.point("page", "", 0.5, 0.1)
	// Chromium now and then drops a wheel that comes while it settles the last scroll: a
	// person turns the wheel again for what is left.
	settled := func() float64 { // scrollY once a smooth scroll has stopped
		last := -1.0
		for {
			time.Sleep(100 * time.Millisecond)
			now, _ := Eval[float64](b, inPage(`return doc.defaultView.scrollY`))
			if now == last {
				return now
			}
			last = now
		}
	}
	for deadline := time.Now().Add(wait); time.Now().Before(deadline); {
		now := settled()
		if math.Round(now) == float64(y) {
			return
		}
		wheelAt(t, b, x0, y0, float64(y)-now)
	}
	waitEval(t, b, `return Math.round(doc.defaultView.scrollY)`, strconv.Itoa(y))
}
