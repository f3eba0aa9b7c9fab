package e2e

import (
	"testing"
	"time"
)

// Events from the mouse, with a phone's event objects and bind/catch/capture/mut-bind.
func TestEvents(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/events"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".inner", "tap me", wait)

	// Capture first, then bubbling from the target; the second mut-bind is skipped.
	b.TapThenText(".inner", ".log", "outer-capture:tap mutB:tap inner:tap middle:tap outer:tap", wait)
	b.WaitText(".last", `tap|number|inner|inner|inner|inner|{"leaf":1,"level":"outer","level2":"middle"}|true|true`, wait)

	// catchtap stops the bubbling; capture still ran first.
	b.TapThenText(".reset", ".log", "", wait)
	b.TapThenText(".stop", ".log", "outer-capture:tap inner:tap", wait)

	// A long press fires longpress and no tap; a short one taps.
	b.TapThenText(".reset", ".log", "", wait)
	b.Press(".long", 600*time.Millisecond)
	b.WaitText(".log", "longpress:longpress", wait)
	b.TapThenText(".long", ".log", "longpress:longpress tapAfterLong:tap", wait)

	// A drag is touchstart, touchmoves, touchend, and no tap.
	b.TapThenText(".reset", ".log", "", wait)
	b.Drag(".drag", 40, 0, 4)
	b.WaitText(".log", "t:touchstart t:touchmove t:touchmove t:touchmove t:touchmove t:touchend", wait)
	b.WaitText(".touch", "touchend|0|1|0|true|true|true|0", wait)

	// An event handler may keep its event in data and print it as JSON, as on a phone:
	// target and currentTarget are plain objects, not the page's nodes.
	b.TapThenText(".keep", ".kept", "tap|keep|keep|keep|true|id,offsetLeft,offsetTop,dataset", wait)

	// A CSS transition's end is the node's transitionend event.
	b.TapThenText(".fade", ".transition", "transitionend|opacity", wait)
}
