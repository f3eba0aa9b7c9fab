package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// WXS event handlers and change:prop observers run in the page layer with the
// ComponentDescriptor API (testdata/wxsevents).
func TestWXSEventHandlers(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/wxsevents"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".box", "drag me", wait)

	// change:count saw the first value, with oldValue undefined, set the bar's width
	// through selectComponent, and read the node's dataset.
	b.WaitText(".observed", `{"newValue":1,"oldValue":"undefined","id":"counter"};`, wait)
	b.WaitStyle(".bar", "width", "10px", wait)
	b.TapThenText(".count", ".observed", `{"newValue":1,"oldValue":"undefined","id":"counter"};{"newValue":2,"oldValue":1,"id":"counter"};`, wait)
	b.WaitStyle(".bar", "width", "20px", wait)

	// A drag moves the box from WXS: addClass on touchstart, setStyle on each touchmove
	// (while the mouse is still down), and callMethod on touchend.
	x, y := b.center(".box")
	b.mouse(chromedp.MousePressed, x, y)
	b.WaitStyle(".box", "background-color", "rgb(0, 0, 255)", wait)
	for i := 1; i <= 5; i++ {
		b.mouse(chromedp.MouseMoved, x+float64(i)*6, y)
	}
	b.WaitStyle(".box", "transform", "matrix(1, 0, 0, 1, 30, 0)", wait)
	b.mouse(chromedp.MouseReleased, x+30, y)
	b.WaitText(".moved", `{"dx":30,"moves":5,"dragging":false,"name":"box"}`, wait)
	b.WaitStyle(".box", "background-color", "rgb(7, 193, 96)", wait)
	// The WXS style outlives a re-render of the template's own style.
	b.WaitStyle(".box", "transform", "matrix(1, 0, 0, 1, 30, 0)", wait)

	// A WXS tap handler that returns false stops the event: the parent's bindtap does not
	// run; one that returns nothing lets it bubble.
	b.TapThenText(".stop", ".stopped", `{"target":"stopper","current":"stopper","type":"tap"}`, wait)
	b.TapThenText(".pass", ".taps", "1", wait)
	b.WaitStyle(".pass", "color", "rgb(255, 0, 0)", wait)
	if got, _ := b.Text(".taps"); got != "1" {
		t.Fatalf("parent taps = %s, want 1 (the stopped tap must not bubble)", got)
	}

	// Inside a component: selectComponent and addClass in the component's style scope,
	// and triggerEvent on the owner reaches the page's bind:turned.
	b.TapThenText(".dial", ".turned", `{"on":true,"count":1}`, wait)
	b.WaitStyle(".dial", "color", "rgb(0, 128, 0)", wait)
}
