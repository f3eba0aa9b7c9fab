package e2e

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mpsim/mpsim/internal/testlibs"
)

// The compat tests run small apps written on third-party mini-program stacks
// (testdata/compat) and check what the page shows after a person's taps.

// noErrors fails the test when either layer threw or the shell shows an error overlay
// (the library tests use it too).
func noErrors(t *testing.T, b *Browser) {
	t.Helper()
	time.Sleep(300 * time.Millisecond) // let the last messages arrive
	var problems []string
	for _, line := range b.Console() {
		if strings.HasPrefix(line, "exception:") || strings.Contains(line, "[mpsim]") && strings.HasPrefix(line, "error:") {
			problems = append(problems, line)
		}
	}
	if overlay, _ := Eval[bool](b, `!document.getElementById('error-overlay').hidden`); overlay {
		problems = append(problems, "the shell shows an error overlay")
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		t.Fatalf("%d errors:\n%s", len(problems), strings.Join(problems, "\n"))
	}
}

// builds checks that `mpsim build` compiles the app with no error, as the official tools
// would compile it.
func builds(t *testing.T, dir string) {
	t.Helper()
	if _, stderr, code := runMpsim(t, "build", dir); code != 0 || strings.Contains(stderr, "error:") {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
}

// quietConsole fails the test for each console line of either layer containing what.
func quietConsole(t *testing.T, b *Browser, what string) {
	t.Helper()
	for _, line := range b.Console() {
		if strings.Contains(line, what) {
			t.Errorf("the console says: %s", line)
		}
	}
}

// MobX store bindings: a page bound by createStoreBindings, a component by
// storeBindingsBehavior and one by ComponentWithStore show the store's fields and
// computeds, and actions run from taps in any of them update all three.
func TestCompatMobx(t *testing.T) {
	t.Parallel()
	dir := testlibs.CompatProject(t, "mobx", "mobx-miniprogram", "mobx-miniprogram-bindings")
	builds(t, dir)
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".page-a", "1", wait)
	b.WaitText(".page-b", "2", wait)
	b.WaitText(".page-sum", "3", wait)
	b.WaitText(".comp-a", "1", wait)
	b.WaitText(".comp-b", "2", wait)
	b.WaitText(".comp-total", "3", wait)
	b.WaitText(".comp-label", "component", wait)
	b.WaitText(".remaining", "1", wait)
	b.WaitText(".todo", "first:open", wait)
	// The page rendered before the bindings' first setData (their wx.nextTick), its list
	// still undefined: the official tools say nothing of that.
	quietConsole(t, b, "for-list")

	// An action from the page: the page, and both components bound to the store, follow.
	b.TapThenText(".bump", ".page-a", "2", wait)
	b.WaitText(".page-sum", "4", wait)
	b.WaitText(".comp-a", "2", wait)
	b.WaitText(".comp-total", "4", wait)

	b.TapThenText(".add-b", ".page-b", "12", wait)
	b.WaitText(".page-sum", "14", wait)
	b.WaitText(".comp-b", "12", wait)
	b.WaitText(".comp-total", "14", wait)

	// An action from the component, beside the component's own setData.
	b.TapThenText(".comp-inc", ".comp-taps", "1", wait)
	b.WaitText(".comp-a", "3", wait)
	b.WaitText(".page-a", "3", wait)
	b.WaitText(".page-sum", "15", wait)

	// The store's list of objects, replaced by actions, reaches the page and the component.
	b.TapThenText(".add-todo", ".page-todos", "2", wait)
	b.WaitText(".todo-title:nth-child(2)", "item 2", wait)
	b.WaitText(".remaining", "2", wait)
	b.WaitText(".todo:nth-child(3)", "item 2:open", wait)
	b.TapThenText(".todo:nth-child(2)", ".todo:nth-child(2)", "first:done", wait)
	b.WaitText(".remaining", "1", wait)

	// A page made with Component() and a namespaced storeBindingsBehavior shares the
	// store; back on the first page, what it changed shows there too.
	b.TapThenText(".to-other", ".from", "index", wait)
	b.WaitText(".other-a", "3", wait)
	b.WaitText(".other-sum", "15", wait)
	b.TapThenText(".other-bump", ".other-a", "4", wait)
	b.WaitText(".other-sum", "16", wait)
	b.TapThenText(".other-back", ".page-a", "4", wait)
	b.WaitText(".page-sum", "16", wait)
	b.WaitText(".comp-a", "4", wait)
	// The other page's bindings went with it (destroyStoreBindings in detached): an
	// action now updates only what is still there.
	b.TapThenText(".bump", ".page-a", "5", wait)
	b.WaitText(".comp-total", "17", wait)
	noErrors(t, b)
}

// Lin UI: a button, an input, a switch, a counter, a checkbox group and a confirm
// dialog, used as its docs write them, answer a person's taps and typing.
func TestCompatLinUI(t *testing.T) {
	t.Parallel()
	dir := testlibs.CompatProject(t, "linui", "lin-ui")
	builds(t, dir)
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".title", "Lin UI", wait)
	b.WaitVisible(".page", true, wait)

	b.TapThenText(".c-button", ".out-button", "1", wait)
	b.TapThenText(".c-button", ".out-button", "2", wait)

	b.Type(".c-input", "lin")
	b.WaitText(".out-input", "lin", wait)

	b.TapThenText(".switch", ".out-switch", "true", wait)
	b.WaitContains(".c-switch .switch", "", wait)
	b.TapThenText(".switch", ".out-switch", "false", wait)

	b.TapThenText(".c-counter .l-icon-add", ".out-counter", "2", wait)
	b.WaitText(".c-counter", "2", wait) // the counter shows the count it was given back
	b.TapThenText(".c-counter .l-icon-add", ".out-counter", "3", wait)
	b.TapThenText(".c-counter .l-icon-reduce", ".out-counter", "2", wait)

	b.TapText(".c-checkbox .label", "Apple")
	b.WaitText(".out-checkbox", "apple,pear", wait)
	b.TapText(".c-checkbox .label", "Pear")
	b.WaitText(".out-checkbox", "apple", wait)

	b.TapText(".c-radio .label", "Large")
	b.WaitText(".out-radio", "l", wait)
	b.WaitContains(".c-radio .icon-select", "", wait)

	b.TapThenText(".c-rate .l-rate-star:nth-child(4)", ".out-rate", "4", wait)
	b.TapThenText(".c-rate .l-rate-star:nth-child(1)", ".out-rate", "1", wait)

	// Each panel goes into a slot the tabs name from their list (<slot name="{{item.key}}">).
	b.WaitContains(".l-tabpanel-active", "pane one", wait)
	b.TapText(".l-tabs-item", "Two")
	b.WaitText(".out-tabs", "two", wait)
	b.WaitContains(".l-tabpanel-active", "pane two", wait)
	b.WaitContains(".l-tabs-active", "Two", wait)

	if b.Visible(".collapse-body") {
		t.Fatal("the collapse body shows before its title is tapped")
	}
	b.TapThenText(".c-collapse .container-title", ".out-collapse", "open a", wait)
	b.WaitVisible(".collapse-body", true, wait)
	b.TapThenText(".c-collapse .container-title", ".out-collapse", "folded a", wait)

	b.Tap(".open-dialog")
	b.WaitContains(".dialog-title", "Lin dialog", wait)
	b.WaitVisible(".dialog-content", true, wait)
	b.TapThenText(".dialog-btn-confirm", ".out-dialog", "confirmed", wait)
	b.WaitVisible(".dialog-content", false, wait)
	noErrors(t, b)
	// The rate's stars are a wx:for over a number, which the official tools take without
	// a word.
	quietConsole(t, b, "for-list")
}

// Taro: a React app compiled by Taro 4 for weapp (testdata/compat/taro/dist, made as its
// README says) renders through Taro's recursive templates (base.wxml) and re-renders
// from React state after taps and typing.
func TestCompatTaro(t *testing.T) {
	t.Parallel()
	dir := testlibs.CompatProject(t, "taro/dist")
	builds(t, dir)
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".hello", "Hello from Taro", wait)
	b.WaitText(".count", "0", wait)
	b.WaitText(".summary", "0 of 2 done", wait)

	b.TapThenText(".inc", ".count", "1", wait)
	b.TapThenText(".inc", ".count", "2", wait)
	if b.Visible(".big") {
		t.Fatal(".big shows before the count passes two")
	}
	b.TapThenText(".inc", ".count", "3", wait)
	b.WaitText(".big", "more than two", wait)

	b.TapText(".item-title", "two") // the tap bubbles to the row's onClick
	b.WaitText(".item:nth-child(2) .item-state", "done", wait)
	b.WaitText(".summary", "1 of 2 done", wait)
	b.TapThenText(".add", ".summary", "1 of 3 done", wait)
	b.WaitText(".item:nth-child(3) .item-title", "item 3", wait)

	b.Type(".field", "taro")
	b.WaitText(".echo", "taro", wait)

	b.TapThenText(".switch", ".switch-state", "on", wait)

	// 24 nested views go past base.wxml's template depth into the recursive comp
	// component; the leaf follows the page's state through it.
	b.WaitText(".deep-1 .deep-leaf", "deep 3", wait)
	b.TapThenText(".inc", ".deep-leaf", "deep 4", wait)
	// A CustomWrapper subtree updates by a setData of the wrapper.
	b.WaitText(".wrapped", "wrapped 0", wait)
	b.TapThenText(".wrapped", ".wrapped", "wrapped 1", wait)
	b.TapThenText(".wrapped", ".wrapped", "wrapped 2", wait)
	b.WaitText(".count", "4", wait)

	// Another page through Taro.navigateTo, its query read by useLoad; back, the first
	// page's useDidShow runs again and its state is as it was.
	b.WaitText(".shows", "shown 1", wait)
	b.TapThenText(".open-detail", ".detail-id", "item 4", wait)
	b.TapThenText(".detail-back", ".shows", "shown 2", wait)
	b.WaitText(".count", "4", wait)
	b.WaitText(".echo", "taro", wait)
	noErrors(t, b)
}

// wux-weapp: a button, a controlled input and switch, an input-number, a checkbox group,
// a rater, a popup and the dialog opened by $wuxDialog answer a person's taps and typing.
func TestCompatWux(t *testing.T) {
	t.Parallel()
	dir := testlibs.CompatProject(t, "wux", "wux-weapp")
	builds(t, dir)
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".title", "wux-weapp", wait)
	b.WaitVisible(".page", true, wait)

	b.TapThenText(".c-button", ".out-button", "1", wait)
	b.TapThenText(".c-button", ".out-button", "2", wait)

	b.Type(".c-input", "wux")
	b.WaitText(".out-input", "wux", wait)

	b.TapThenText(".wux-switch__input", ".out-switch", "true", wait)
	b.WaitStyle(".wux-switch__input", "background-color", "rgb(51, 205, 95)", wait)
	b.TapThenText(".wux-switch__input", ".out-switch", "false", wait)

	b.TapThenText(".wux-input-number__selector--add", ".out-number", "2", wait)
	b.TapThenText(".wux-input-number__selector--add", ".out-number", "3", wait)
	b.TapThenText(".wux-input-number__selector--sub", ".out-number", "2", wait)

	b.TapText(".wux-cell__text", "Apple")
	b.WaitText(".out-checkbox", "apple,pear", wait)
	b.TapText(".wux-cell__text", "Pear")
	b.WaitText(".out-checkbox", "apple", wait)

	b.TapAt(".c-rater", 0.9, 0.5)
	b.WaitText(".out-rater", "5", wait)

	b.TapText(".wux-tabs__tab-title", "Tab B")
	b.WaitText(".out-tabs", "b", wait)
	b.WaitVisible(".c-tabs .wux-tabs__tab--current .wux-tabs__tab-bar", true, wait)

	b.TapText(".c-radio .wux-cell__text", "Large")
	b.WaitText(".out-radio", "l", wait)

	if b.Visible(".acc-body") {
		t.Fatal("the accordion's body shows before its title is tapped")
	}
	b.TapThenText(".wux-accordion__hd", ".out-accordion", "first", wait)
	b.WaitVisible(".acc-body", true, wait)

	b.TapText(".wux-segment__item", "Month")
	b.WaitText(".out-segment", "2", wait)
	b.WaitText(".wux-segment__item--current", "Month", wait)

	b.Tap(".open-popup")
	b.WaitContains(".wux-popup__title", "wux popup", wait)
	b.WaitVisible(".wux-popup__bd", true, wait)
	b.TapThenText(".wux-popup__close", ".out-popup", "closed", wait)
	b.WaitVisible(".wux-popup__bd", false, wait)

	b.Tap(".open-dialog")
	b.WaitVisible(".wux-dialog__buttons", true, wait)
	b.WaitContains("#wux-dialog", "wux dialog", wait)
	b.WaitContains("#wux-dialog", "Sure?", wait)
	b.TapText(".wux-dialog__button", "确定")
	b.WaitText(".out-dialog", "confirmed", wait)
	b.WaitVisible(".wux-dialog__buttons", false, wait)
	noErrors(t, b)
}

// miniprogram-computed, the official computed/watch extension: a page made with
// Component() and its behavior, a ComponentWithComputed, and a glass-easel Chaining API
// component using computed() and watch() follow each tap.
func TestCompatComputed(t *testing.T) {
	t.Parallel()
	dir := testlibs.CompatProject(t, "computed", "miniprogram-computed")
	builds(t, dir)
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	// c = 2 comes from another behavior; double is computed from the computed sum.
	b.WaitText(".sum", "4", wait)
	b.WaitText(".double", "8", wait)
	b.WaitText(".total", "1", wait)
	b.WaitText(".tripled", "3", wait)
	b.WaitText(".label", "p=6", wait)

	b.TapThenText(".step", ".ab", "1 2", wait)
	b.WaitText(".sum", "5", wait)
	b.WaitText(".double", "10", wait)
	b.WaitText(".watched", "1+2", wait)
	b.TapThenText(".step", ".ab", "2 3", wait)
	b.WaitText(".watched", "2+3", wait)
	// The property a parent passes: computed from it, and watched.
	b.WaitText(".tripled", "6", wait)
	b.WaitText(".seen", "2", wait)

	// A deep watcher ('list.**') hears an item added and an item's field set.
	b.TapThenText(".push", ".total", "11", wait)
	b.WaitText(".deep", "1", wait)
	b.TapThenText(".bump", ".total", "12", wait)
	b.WaitText(".deep", "2", wait)

	b.TapThenText(".grow", ".product", "9", wait)
	b.WaitText(".label", "p=9", wait)
	b.WaitText(".chain-log", "3,3", wait)
	noErrors(t, b)
}

// canvasPicture is, for each <canvas> of the top page, how many of its pixels are drawn
// and a hash of them: a chart's picture, compared before and after a touch.
const canvasPicture = `return [...doc.querySelectorAll('canvas')].map((c) => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
  let drawn = 0, hash = 0
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3]) drawn++
    hash = (hash * 31 + d[i] + d[i + 1] + d[i + 2]) | 0
  }
  return drawn + ':' + hash
})`

// waitCharts waits until the top page shows n canvases, each with at least a tenth of its
// pixels drawn and the same picture twice in a row (ECharts has finished animating), and
// returns their pictures.
func waitCharts(t *testing.T, b *Browser, n int) []string {
	t.Helper()
	var last []string
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		now, err := Eval[[]string](b, inPage(canvasPicture))
		drawn := err == nil && len(now) == n
		for _, p := range now {
			var count, hash int
			fmt.Sscanf(p, "%d:%d", &count, &hash)
			drawn = drawn && count > 0
		}
		if drawn && slices.Equal(now, last) {
			return now
		}
		last = now
		time.Sleep(400 * time.Millisecond)
	}
	t.Fatalf("the page's %d chart(s) are not drawn and still within %s: %v", n, wait, last)
	return nil
}

// ECharts through ec-canvas, in the example mini-program echarts-for-weixin publishes:
// charts of every kind draw on <canvas type="2d"> at the device's pixel ratio, a touch on
// a bar shows its tooltip (ec-canvas hands CanvasTouch points to ECharts), a chart loads
// and is disposed on taps, two charts share a page, and canvasToTempFilePath saves one.
func TestCompatEcharts(t *testing.T) {
	t.Parallel()
	dir := testlibs.EchartsExample(t)
	builds(t, dir)
	srv := StartServer(t, mpsimBin, dir)

	b := OpenBrowser(t, srv.URL+"?page=pages/bar/index")
	before := waitCharts(t, b, 1)
	// 390 CSS pixels wide at the iPhone 12's pixel ratio 3: ec-canvas sized the node by dpr.
	waitEval(t, b, `return doc.querySelector('canvas').width`, "1170")
	b.TapAt("canvas", 0.5, 0.3)
	if after := waitCharts(t, b, 1); slices.Equal(after, before) {
		t.Fatal("a tap on the bar chart changed nothing: no tooltip")
	}
	noErrors(t, b)

	for _, page := range []string{"line", "pie", "map", "graph", "sankey", "k"} {
		b := OpenBrowser(t, srv.URL+"?page=pages/"+page+"/index")
		waitCharts(t, b, 1)
		noErrors(t, b)
	}

	b = OpenBrowser(t, srv.URL+"?page=pages/multiCharts/index")
	waitCharts(t, b, 2)
	noErrors(t, b)

	b = OpenBrowser(t, srv.URL+"?page=pages/lazyLoad/index")
	b.WaitText("wx-button", "加载图表", wait)
	b.TapText("wx-button", "加载图表")
	waitCharts(t, b, 1)
	b.TapText("wx-button", "释放图表")
	waitEval(t, b, `return doc.querySelectorAll('canvas').length`, "0")
	noErrors(t, b)

	// The page saves its chart a second after onReady, then puts it in the album.
	b = OpenBrowser(t, srv.URL+"?page=pages/saveCanvas/index")
	b.WaitConsole("tempFilePath: wxfile://tmp_", wait)
	b.WaitConsole("log: success", wait)
	noErrors(t, b)
}

// wxml-to-canvas, the official component that draws a WXML snippet on a canvas for a
// share picture: it renders, and its canvasToTempFilePath picture (shown by an <image>)
// has the boxes where the layout put them, at the device's pixel ratio.
func TestCompatWxmlToCanvas(t *testing.T) {
	t.Parallel()
	dir := testlibs.CompatProject(t, "wxmltocanvas", "wxml-to-canvas")
	builds(t, dir)
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".go", "go", wait)
	b.TapThenText(".go", ".out", "300x200 wxfile://tmp", wait)
	// 900x600: the red box's middle at (50, 100) CSS pixels, the blue one's at (250, 100).
	waitImagePixels(t, b, ".img", [][2]int{{150, 300}, {750, 300}, {450, 30}}, `["255,0,0,255","0,0,255,255","204,204,204,255"]`)
	noErrors(t, b)
}

// miniprogram-recycle-view, the official long list: of a thousand rows only those near
// the screen are made, and scrolling makes the ones it reaches.
func TestCompatRecycleView(t *testing.T) {
	t.Parallel()
	dir := testlibs.CompatProject(t, "recycle", "miniprogram-recycle-view")
	builds(t, dir)
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".row", "0. item 0", wait)
	rows := func() (n int, last string) {
		v := pageEval[[]any](t, b, `const rows = [...doc.querySelectorAll('.row')]; return [rows.length, rows.length ? rows[rows.length - 1].textContent : ''];`)
		return int(v[0].(float64)), v[1].(string)
	}
	if n, _ := rows(); n == 0 || n >= 1000 {
		t.Fatalf("%d rows made of 1000, want only those near the screen", n)
	}
	// Scroll down about 300 rows (40px each): rows past the first ones are made.
	x, y := b.center("recycle-view")
	for i := 0; i < 30; i++ {
		wheelAt(t, b, x, y, 400)
		time.Sleep(30 * time.Millisecond)
	}
	waitTrue(t, func() bool {
		n, last := rows()
		var idx int
		fmt.Sscanf(last, "%d.", &idx)
		return n < 1000 && idx >= 250
	})
	noErrors(t, b)
}
