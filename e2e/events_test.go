package e2e

import (
	"testing"
	"time"
)

// Events from the mouse, with a phone's event objects and bind/catch/capture/mut-bind.
func TestEvents(t *testing.T) {
	srv := StartServer(t, mpsimBin, RepoPath("testdata/events"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".inner", "tap me", wait)

	// Capture first, then bubbling from the target; the second mut-bind is skipped.
	b.Tap(".inner")
	b.WaitText(".log", "outer-capture:tap mutB:tap inner:tap middle:tap outer:tap", wait)
	b.WaitText(".last", `tap|number|inner|inner|inner|inner|{"leaf":1,"level":"outer","level2":"middle"}|true|true`, wait)

	// catchtap stops the bubbling; capture still ran first.
	b.Tap(".reset")
	b.WaitText(".log", "", wait)
	b.Tap(".stop")
	b.WaitText(".log", "outer-capture:tap inner:tap", wait)

	// A long press fires longpress and no tap; a short one taps.
	b.Tap(".reset")
	b.WaitText(".log", "", wait)
	b.Press(".long", 600*time.Millisecond)
	b.WaitText(".log", "longpress:longpress", wait)
	b.Tap(".long")
	b.WaitText(".log", "longpress:longpress tapAfterLong:tap", wait)

	// A drag is touchstart, touchmoves, touchend, and no tap.
	b.Tap(".reset")
	b.WaitText(".log", "", wait)
	b.Drag(".drag", 40, 0, 4)
	b.WaitText(".log", "t:touchstart t:touchmove t:touchmove t:touchmove t:touchmove t:touchend", wait)
	b.WaitText(".touch", "touchend|0|1|0|true|true|true|0", wait)

	// A CSS transition's end is the node's transitionend event.
	b.Tap(".fade")
	b.WaitText(".transition", "transitionend|opacity", wait)
}
