package e2e

import (
	"testing"

	"github.com/mpsim/mpsim/internal/testlibs"
)

// iView Weapp, used as its docs say: dist/ copied into the project as iview/, components
// named by absolute path. Its form components, tabs, collapse, steps, tag, progress,
// swipeout, modal, action sheet, tab bar, and the toast and message opened by $Toast and
// $Message answer a person's taps and typing.
func TestCompatIView(t *testing.T) {
	t.Parallel()
	dir := testlibs.CompatProject(t, "iview")
	testlibs.CopyDist(t, dir, "iview-weapp", "iview")
	builds(t, dir)
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".title", "iView Weapp", wait)

	b.TapThenText(".c-button", ".out-button", "1", wait)
	b.TapThenText(".c-button", ".out-button", "2", wait)

	b.WaitText(".i-cell-ft", "cell value", wait)
	// An i-input without maxlength takes no typing in the official tools (its input gets
	// maxlength 0), so the app gives the one it types into a maxlength.
	b.Type(".c-untyped", "lost")
	b.Type(".c-input", "iview")
	b.WaitText(".out-input", "iview", wait)
	if got, _ := b.Text(".out-untyped"); got != "" {
		t.Fatalf("the i-input without maxlength took %q", got)
	}

	b.WaitText(".c-switch", "off", wait)
	b.TapThenText(".c-switch", ".out-switch", "true", wait)
	b.WaitText(".c-switch", "on", wait)
	b.TapThenText(".c-switch", ".out-switch", "false", wait)

	// The stars follow the value written back; the slot shows beside them.
	b.TapThenText(".c-rate .i-rate-star:nth-child(5)", ".out-rate", "4", wait)
	b.WaitText(".c-rate .i-rate-text", "4 stars", wait)
	waitEval(t, b, `return doc.querySelectorAll('[class*="--i-rate-current"]').length`, "4")

	b.TapThenText(".c-number .i-input-number-plus", ".out-number", "2", wait)
	b.TapThenText(".c-number .i-input-number-plus", ".out-number", "3", wait)
	b.WaitContains(".c-number .i-input-number-disabled", "+", wait) // at max 3
	b.TapThenText(".c-number .i-input-number-minus", ".out-number", "2", wait)

	b.TapText(".c-checkbox .i-checkbox-title", "apple")
	b.WaitText(".out-checkbox", "pear,apple", wait)
	b.TapText(".c-checkbox .i-checkbox-title", "pear")
	b.WaitText(".out-checkbox", "apple", wait)

	b.TapText(".c-radio .i-radio-title", "large")
	b.WaitText(".out-radio", "large", wait)

	b.WaitText(".c-tabs .i-tabs-tab-current", "Tab one", wait)
	b.WaitText(".c-tabs .i-badge-count", "3", wait)
	b.TapText(".c-tabs .i-tabs-tab-title", "Tab two")
	b.WaitText(".out-tabs", "two", wait)
	b.WaitContains(".c-tabs .i-tabs-tab-current", "Tab two", wait)

	// The accordion opens the item its name says; a tap on another sends the item's
	// composed, bubbling collapse event up through the slot to the collapse, which
	// opens that one and closes the rest.
	b.WaitVisible(".body-first", true, wait)
	if b.Visible(".body-second") {
		t.Fatal("the accordion shows its second item before it is tapped")
	}
	b.TapText(".c-collapse .i-collapse-item-title", "Second")
	b.WaitVisible(".body-second", true, wait)
	b.WaitVisible(".body-first", false, wait)
	b.TapText(".c-fold .i-collapse-item-title", "Folding")
	b.WaitVisible(".body-fold", true, wait)
	b.TapText(".c-fold .i-collapse-item-title", "Folding")
	b.WaitVisible(".body-fold", false, wait)

	b.WaitContains(".c-steps .i-step-process", "Order", wait)
	b.Tap(".next-step")
	b.WaitContains(".c-steps .i-step-process", "Pay", wait)
	b.WaitContains(".c-steps .i-step-finish", "Order", wait)
	// A finished step shows a tick (an icon) for its number.
	waitEval(t, b, `return [...doc.querySelectorAll('[class*="--i-step-ico"]')].filter((e) => !e.className.includes('ico-in')).map((e) => e.textContent.trim()).join(',')`, `",2,3"`)
	b.WaitVisible(".c-steps .i-icon-right", true, wait)

	b.TapThenText(".c-tag", ".out-tag", "false", wait)
	b.WaitVisible(".c-tag .i-tag-none", true, wait)
	b.TapThenText(".c-tag", ".out-tag", "true", wait)
	b.WaitVisible(".c-tag .i-tag-red-checked", true, wait)

	b.WaitText(".c-badge .i-badge-count", "99+", wait)

	b.WaitText(".c-progress .i-progress-text-inner", "20%", wait)
	b.TapThenText(".grow", ".c-progress .i-progress-text-inner", "50%", wait)

	// A swipe to the left shows the swipeout's action; a tap on it says which.
	b.Drag(".swipe-content", -120, 0, 8)
	b.WaitVisible(".c-swipe .i-swipeout-button-right-item", true, wait)
	b.TapText(".c-swipe .i-swipeout-button-right-item", "Like")
	b.WaitText(".out-swipe", "action 0", wait)

	b.Tap(".open-modal")
	b.WaitText(".out-modal", "open", wait)
	b.WaitVisible(".modal-body", true, wait)
	b.WaitText(".i-modal-title", "iView modal", wait)
	b.TapText(".i-modal-actions wx-button", "确定")
	b.WaitText(".out-modal", "ok", wait)
	b.WaitVisible(".modal-body", false, wait)
	b.WaitVisible(".i-modal-mask", false, wait) // it fades out, taking taps until it is gone
	b.Tap(".open-modal")
	b.WaitVisible(".modal-body", true, wait)
	b.TapText(".i-modal-actions wx-button", "取消")
	b.WaitText(".out-modal", "cancel", wait)
	b.WaitVisible(".i-modal-mask", false, wait)

	b.Tap(".open-sheet")
	b.WaitVisible(".i-as-show", true, wait)
	b.TapText(".i-as-btn-text", "Delete")
	b.WaitText(".out-sheet", "Delete", wait)
	b.WaitVisible(".i-as-mask", false, wait)
	b.Tap(".open-sheet")
	b.WaitText(".out-sheet", "open", wait)
	b.TapText(".i-as-cancel wx-button", "取消")
	b.WaitText(".out-sheet", "cancelled", wait)
	b.WaitVisible(".i-as-mask", false, wait)

	// $Toast and $Message find their components by id on the page on top.
	b.Tap(".show-toast")
	b.WaitText(".i-toast-content", "Saved", wait)
	b.WaitVisible(".i-toast .i-icon-success", true, wait)
	b.WaitVisible(".i-toast", false, wait) // gone after its two seconds
	b.Tap(".show-message")
	b.WaitContains(".i-message-show", "Hello message", wait)
	b.WaitVisible(".i-message-warning", true, wait)

	// The tab bar's taps land on the layers it lays over its items.
	b.WaitText(".c-bar .i-tab-bar-item-title-current", "Home", wait)
	b.WaitText(".c-bar .i-badge-count", "2", wait)
	b.TapText(".c-bar .i-tab-bar-item-title", "Me")
	b.WaitText(".out-bar", "mine", wait)
	b.WaitText(".c-bar .i-tab-bar-item-title-current", "Me", wait)

	b.Tap(".c-notice .i-noticebar-operation")
	waitEval(t, b, `return doc.querySelectorAll('[class*="--i-noticebar "]').length`, "0")
	noErrors(t, b)
}
