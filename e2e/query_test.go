package e2e

import (
	"fmt"
	"testing"
)

// wx.createSelectorQuery and IntersectionObserver are answered by the page layer
// (testdata/query).
func TestSelectorQueryAndIntersection(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/query"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".out", `{"head":["head",100,true],"items":[40,40,40],"itemGap":40,"scrollTop":0,"tall":true,`+
		`"fields":{"id":"head","dataset":{"kind":"head"},"mark":{"level":"page"},"left":0,"top":0,"right":390,"bottom":100,"width":390,"height":100},`+
		`"label":"hello","inner":null}`, wait)
	// in(component) reaches into the component's template.
	b.WaitText(".inner-out", "50x30 inner", wait)
	b.WaitText(".early", "early 50", wait)
	// The component's node is on screen from the start; the page's .far is not, and
	// reports nothing until it shows.
	b.WaitText(".io-box", "full inner", wait)
	b.WaitText(".io", "none", wait)

	Eval[bool](b, inPage(`doc.defaultView.scrollTo(0, doc.documentElement.scrollHeight); return true;`))
	b.WaitText(".io", "in far 7 50", wait)
	b.WaitText(".io-box", "off inner", wait)
	// The viewport's scrollOffset is the page's scroll position.
	Eval[bool](b, inPage(`doc.querySelector('.measure').scrollIntoView(); return true;`))
	y, _ := Eval[float64](b, inPage(`return Math.round(doc.defaultView.scrollY);`))
	if y == 0 {
		t.Fatal("the page did not scroll")
	}
	b.Tap(".measure")
	b.WaitContains(".out", fmt.Sprintf(`"scrollTop":%d,`, int(y)), wait)
	Eval[bool](b, inPage(`doc.defaultView.scrollTo(0, 0); return true;`))
	b.WaitText(".io", "out far 7 50", wait)
	b.WaitText(".io-box", "full inner", wait)
}
