package e2e

import (
	"strings"
	"testing"
)

// The page scrolls with the document: onPageScroll, onReachBottom with the page's
// onReachBottomDistance, and wx.pageScrollTo by selector and by scrollTop.
func TestPageScroll(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/scroll"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".row-59", "row 59", wait)
	status := func() string { s, _ := b.Text(".status"); return s }
	scrollY := func() float64 { y, _ := Eval[float64](b, inPage(`return doc.defaultView.scrollY;`)); return y }

	b.Tap(".to-row")
	waitTrue(t, func() bool { return strings.Contains(status(), "pageScrollTo:ok") && scrollY() > 1000 })
	waitTrue(t, func() bool { return strings.HasPrefix(status(), "top 1") }) // onPageScroll saw it

	// To the end: one onReachBottom, however many scroll events it takes.
	Eval[bool](b, inPage(`doc.defaultView.scrollTo(0, doc.documentElement.scrollHeight); return true;`))
	waitTrue(t, func() bool { return strings.Contains(status(), "bottoms 1") })
	Eval[bool](b, inPage(`doc.defaultView.scrollBy(0, -20); return true;`))
	b.Tap(".to-top")
	waitTrue(t, func() bool { return scrollY() == 0 && strings.HasPrefix(status(), "top 0 bottoms 1") })
}
