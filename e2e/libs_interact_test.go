package e2e

import (
	"testing"
	"time"

	"github.com/mpsim/mpsim/internal/testlibs"
)

// interaction is one component of a library's interactive page
// (testdata/libpages/<lib>/index.wxml): what a person does to it with the mouse, and the
// check that the page then shows what a phone would.
type interaction struct {
	name string
	do   func(b *Browser)
	skip string // why mpsim cannot do it yet (a missing capability), or ""
}

// settle is how long an interaction may take to show: a round trip to the service layer,
// a setData and, for overlays, their transition.
const settle = 5 * time.Second

var vantInteractions = []interaction{
	{name: "button", do: func(b *Browser) {
		b.TapThenText(".c-button", ".out-button", "1", settle)
		b.TapThenText(".c-button", ".out-button", "2", settle)
	}},
	{name: "cell", do: func(b *Browser) {
		b.TapThenText(".c-cell", ".out-cell", "1", settle)
	}},
	{name: "field", do: func(b *Browser) {
		b.Type(".c-field", "abc")
		b.WaitText(".out-field", "abc", settle)
	}},
	{name: "stepper", do: func(b *Browser) {
		b.TapThenText(".van-stepper__plus", ".out-stepper", "2", settle)
		b.TapThenText(".van-stepper__plus", ".out-stepper", "3", settle)
		b.TapThenText(".van-stepper__minus", ".out-stepper", "2", settle)
	}},
	{name: "switch", do: func(b *Browser) {
		b.TapThenText(".van-switch", ".out-switch", "true", settle)
		b.TapThenText(".van-switch", ".out-switch", "false", settle)
	}},
	{name: "checkbox", do: func(b *Browser) {
		b.TapThenText(".van-checkbox__icon", ".out-checkbox", "true", settle)
	}},
	{name: "radio", do: func(b *Browser) {
		b.TapText(".van-radio__label", "Two")
		b.WaitText(".out-radio", "2", settle)
		b.TapText(".van-radio__label", "One")
		b.WaitText(".out-radio", "1", settle)
	}},
	{name: "tabs", do: func(b *Browser) {
		b.TapText(".van-tab", "Third")
		b.WaitText(".out-tabs", "Third", settle)
		b.WaitContains(".van-tab--active", "Third", settle)
		b.WaitContains(".van-tab__pane--active", "third panel", settle)
		// A swipe to the right over the content goes back one tab.
		b.Drag(".van-tabs__content", 120, 0, 8)
		b.WaitText(".out-tabs", "Second", settle)
		b.WaitContains(".van-tab--active", "Second", settle)
	}},
	{name: "collapse", do: func(b *Browser) {
		if b.Visible(".collapse-body") {
			b.t.Fatal("the collapse body shows before its title is tapped")
		}
		b.TapText(".van-cell__title", "Section one")
		b.WaitText(".out-collapse", "one", settle)
		b.WaitVisible(".collapse-body", true, settle)
	}},
	{name: "dialog", do: func(b *Browser) {
		b.TapThenText(".open-dialog", ".out-dialog", "open", settle)
		b.WaitVisible(".van-dialog", true, settle)
		b.WaitContains(".van-dialog__header", "Dialog title", settle)
		b.TapThenText(".van-dialog__confirm", ".out-dialog", "confirmed", settle)
		b.WaitVisible(".van-dialog", false, settle)
		b.WaitVisible(".van-overlay", false, settle)
	}},
	{name: "popup", do: func(b *Browser) {
		b.Tap(".open-popup")
		b.WaitVisible(".popup-body", true, settle)
		b.TapAt(".van-overlay", 0.5, 0.1)
		b.WaitText(".out-popup", "closed", settle)
		b.WaitVisible(".popup-body", false, settle)
		b.WaitVisible(".van-overlay", false, settle)
	}},
	{name: "action-sheet", do: func(b *Browser) {
		b.Tap(".open-sheet")
		b.WaitVisible(".van-action-sheet__item", true, settle)
		b.TapText(".van-action-sheet__item", "Option B")
		b.WaitText(".out-sheet", "Option B", settle)
		b.WaitVisible(".van-action-sheet__item", false, settle)
		b.WaitVisible(".van-overlay", false, settle)
	}},
	{name: "dropdown-menu", do: func(b *Browser) {
		b.Tap(".van-dropdown-menu__item")
		b.WaitVisible(".van-dropdown-item__option", true, settle)
		b.TapText(".van-dropdown-item__option", "Sale goods")
		b.WaitText(".out-dropdown", "2", settle)
		b.WaitContains(".van-dropdown-menu__title", "Sale goods", settle)
		b.WaitVisible(".van-dropdown-item__option", false, settle)
	}},
	{name: "search", do: func(b *Browser) {
		b.Type(".c-search", "xyz")
		b.WaitText(".out-search", "xyz", settle)
		b.Type(".c-search", "\r")
		b.WaitText(".out-search-confirm", "searched xyz", settle)
	}},
	{name: "rate", do: func(b *Browser) {
		b.TapText(".van-rate__item", "") // keep the first star in view
		b.TapAt(".van-rate", 0.7, 0.5)
		b.WaitText(".out-rate", "4", settle)
	}},
	{name: "slider", do: func(b *Browser) {
		b.TapAt(".van-slider", 0.25, 0.5)
		b.WaitText(".out-slider", "25", settle)
		b.Drag(".van-slider__button", 0, 0, 1) // in view
		x0, _ := b.point(".van-slider", "", 0, 0.5)
		x1, _ := b.point(".van-slider", "", 1, 0.5)
		b.Drag(".van-slider__button", (x1-x0)/2, 0, 10)
		b.WaitText(".out-slider", "75", settle)
	}},
	{name: "picker", do: func(b *Browser) {
		// Two rows up (a row is 44px) and confirm.
		b.Drag(".van-picker-column", 0, -88, 8)
		b.TapThenText(".van-picker__confirm", ".out-picker", "Cherry at 2", settle)
	}},
}

var tdesignInteractions = []interaction{
	{name: "button", do: func(b *Browser) {
		b.TapThenText(".c-button", ".out-button", "1", settle)
	}},
	{name: "cell", do: func(b *Browser) {
		b.TapThenText(".c-cell", ".out-cell", "1", settle)
	}},
	{name: "input", do: func(b *Browser) {
		b.Type(".c-input", "abc")
		b.WaitText(".out-input", "abc", settle)
	}},
	{name: "stepper", do: func(b *Browser) {
		b.TapThenText(".t-stepper__plus", ".out-stepper", "2", settle)
		b.TapThenText(".t-stepper__minus", ".out-stepper", "1", settle)
	}},
	{name: "switch", do: func(b *Browser) {
		b.TapThenText(".t-switch__body", ".out-switch", "true", settle)
	}},
	{name: "checkbox", do: func(b *Browser) {
		b.TapThenText(".c-checkbox", ".out-checkbox", "true", settle)
	}},
	{name: "radio", do: func(b *Browser) {
		b.TapThenText(".c-radio-2", ".out-radio", "2", settle)
	}},
	{name: "tabs", do: func(b *Browser) {
		b.TapText(".t-tabs__item", "Third")
		b.WaitText(".out-tabs", "third", settle)
		b.WaitContains(".t-tabs__item--active", "Third", settle)
	}},
	{name: "tabs-swipe", do: func(b *Browser) {
		b.Drag(".t-tabs__content", 120, 0, 8)
		b.WaitText(".out-tabs", "second", settle)
	}},
	{name: "collapse", do: func(b *Browser) {
		if b.Visible(".collapse-body") {
			b.t.Fatal("the collapse body shows before its header is tapped")
		}
		b.TapThenText(".t-collapse-panel__header", ".out-collapse", "one", settle)
		b.WaitVisible(".collapse-body", true, settle)
	}},
	{name: "dialog", do: func(b *Browser) {
		b.Tap(".open-dialog")
		b.WaitVisible(".t-dialog", true, settle)
		b.WaitContains(".t-dialog__header", "Dialog title", settle)
		b.TapText(".t-dialog__button", "OK")
		b.WaitText(".out-dialog", "confirmed", settle)
		b.WaitVisible(".t-dialog", false, settle)
	}},
	{name: "popup", do: func(b *Browser) {
		b.Tap(".open-popup")
		b.WaitVisible(".popup-body", true, settle)
		b.TapAt(".t-overlay", 0.5, 0.1)
		b.WaitText(".out-popup", "closed by overlay", settle)
		b.WaitVisible(".popup-body", false, settle)
	}},
	{name: "action-sheet", do: func(b *Browser) {
		b.Tap(".open-sheet")
		b.WaitVisible(".t-action-sheet__list-item", true, settle)
		b.TapText(".t-action-sheet__list-item", "Option B")
		b.WaitText(".out-sheet", "Option B at 1", settle)
		b.WaitVisible(".t-action-sheet__list-item", false, settle)
	}},
	{name: "dropdown-menu", do: func(b *Browser) {
		b.Tap(".t-dropdown-menu__item")
		b.WaitVisible(".t-dropdown-item__body", true, settle)
		b.TapText(".t-dropdown-item__body .t-radio__title", "Sale goods")
		b.WaitText(".out-dropdown", "sale", settle)
		b.WaitVisible(".t-dropdown-item", false, settle) // its full-screen wrapper goes when the popup has left
	}},
	{name: "search", do: func(b *Browser) {
		b.Type(".c-search", "xyz")
		b.WaitText(".out-search", "xyz", settle)
		b.Type(".c-search", "\r")
		b.WaitText(".out-search-confirm", "searched xyz", settle)
	}},
	{name: "rate", do: func(b *Browser) {
		b.TapAt(".t-rate__wrapper", 0.7, 0.5)
		b.WaitText(".out-rate", "4", settle)
	}},
	{name: "slider", do: func(b *Browser) {
		b.TapAt(".t-slider__bar", 0.25, 0.5)
		b.WaitText(".out-slider", "25", settle)
	}},
	{name: "picker", do: func(b *Browser) {
		b.Tap(".open-picker")
		b.WaitVisible(".t-picker__confirm", true, settle)
		b.Drag(".t-picker-item__group", 0, -80, 8) // two rows of 40px up
		time.Sleep(500 * time.Millisecond)
		b.TapThenText(".t-picker__confirm", ".out-picker", "cherry Cherry", settle)
	}},
}

var weuiInteractions = []interaction{
	{name: "navigation-bar", do: func(b *Browser) {
		b.WaitContains(".weui-navigation-bar__center", "WeUI nav", settle)
		b.TapThenText(".weui-navigation-bar__btn_goback_wrapper", ".out-navbar", "back 0", settle)
	}},
	{name: "cell", do: func(b *Browser) {
		b.TapThenText(".c-cell", ".out-cell", "1", settle)
	}},
	{name: "checkbox-group", do: func(b *Browser) {
		b.TapThenText(".c-checkbox-b", ".out-checkbox", "b", settle)
		b.Tap(".c-checkbox-a")
		b.WaitText(".out-checkbox", "a,b", settle) // the group lists its checked boxes in page order
	}},
	{name: "radio", do: func(b *Browser) {
		b.TapThenText(".c-radio-2", ".out-radio", "2", settle)
	}},
	{name: "slideview", do: func(b *Browser) {
		b.Drag(".weui-slideview__left", -150, 0, 10)
		b.WaitVisible(".weui-slideview__btn", true, settle)
		b.TapThenText(".weui-slideview__btn", ".out-slideview", "tapped del", settle)
	}},
	{name: "dialog", do: func(b *Browser) {
		b.Tap(".open-dialog")
		b.WaitVisible(".weui-dialog", true, settle)
		b.WaitContains(".weui-dialog__title", "Dialog title", settle)
		b.TapText(".weui-dialog__btn", "OK")
		b.WaitText(".out-dialog", "button OK", settle)
		b.WaitVisible(".weui-dialog", false, settle)
		b.WaitVisible(".weui-mask", false, settle)
	}},
	{name: "half-screen-dialog", do: func(b *Browser) {
		b.Tap(".open-half")
		b.WaitVisible(".weui-half-screen-dialog", true, settle)
		b.WaitContains(".weui-half-screen-dialog__title", "Half title", settle)
		b.TapThenText(".weui-half-screen-dialog__hd__side", ".out-half", "closed", settle)
		b.WaitVisible(".weui-half-screen-dialog", false, settle)
		b.WaitVisible(".weui-mask", false, settle)
	}},
	{name: "actionsheet", do: func(b *Browser) {
		b.Tap(".open-sheet")
		b.WaitVisible(".weui-actionsheet__cell", true, settle)
		b.TapText(".weui-actionsheet__cell", "Option B")
		b.WaitText(".out-sheet", "b at 1", settle)
		b.WaitVisible(".weui-actionsheet", false, settle)
		b.WaitVisible(".weui-mask", false, settle)
	}},
	{name: "searchbar", do: func(b *Browser) {
		b.Tap(".weui-search-bar__label") // the label covers the field until tapped
		b.WaitVisible(".weui-search-bar__label", false, settle)
		b.Type(".c-search", "xyz")
		b.WaitText(".out-search", "xyz", settle)
	}},
	{name: "tabbar", do: func(b *Browser) {
		b.TapText(".weui-tabbar__item", "Me")
		b.WaitText(".out-tabbar", "Me", settle)
		b.WaitContains(".weui-bar__item_on", "Me", settle)
	}},
	{name: "badge", do: func(b *Browser) {
		b.WaitContains(".weui-badge", "8", settle)
	}},
}

var libraryInteractions = map[string][]interaction{
	"vant":    vantInteractions,
	"tdesign": tdesignInteractions,
	"weui":    weuiInteractions,
}

// Each library's interactive page renders, and each of its components, driven with the
// mouse, changes the page as it would on a phone, with no uncaught error in either layer.
func TestLibraryInteractions(t *testing.T) {
	t.Parallel()
	dir := testlibs.ThreeLibraryProject(t)
	srv := StartServer(t, mpsimBin, dir)
	for _, lib := range testlibs.Libraries {
		cases := libraryInteractions[lib.Name]
		if cases == nil {
			continue
		}
		t.Run(lib.Name, func(t *testing.T) {
			b := OpenBrowser(t, srv.URL+"?page="+lib.Interactive)
			b.WaitContains(".lib", "interactive", wait)
			b.WaitVisible(".lib", true, wait)  // the page shows once its style sheets have loaded
			time.Sleep(300 * time.Millisecond) // let attached lifetimes measure the page
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					if c.skip != "" {
						t.Skip(c.skip)
					}
					c.do(b.For(t))
				})
			}
			noErrors(t, b)
		})
	}
}
