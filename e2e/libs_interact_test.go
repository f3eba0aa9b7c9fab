package e2e

import (
	"sort"
	"strings"
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
		b.Tap(".c-button")
		b.WaitText(".out-button", "1", settle)
		b.Tap(".c-button")
		b.WaitText(".out-button", "2", settle)
	}},
	{name: "cell", do: func(b *Browser) {
		b.Tap(".c-cell")
		b.WaitText(".out-cell", "1", settle)
	}},
	{name: "field", do: func(b *Browser) {
		b.Type(".c-field", "abc")
		b.WaitText(".out-field", "abc", settle)
	}},
	{name: "stepper", do: func(b *Browser) {
		b.Tap(".van-stepper__plus")
		b.WaitText(".out-stepper", "2", settle)
		b.Tap(".van-stepper__plus")
		b.WaitText(".out-stepper", "3", settle)
		b.Tap(".van-stepper__minus")
		b.WaitText(".out-stepper", "2", settle)
	}},
	{name: "switch", do: func(b *Browser) {
		b.Tap(".van-switch")
		b.WaitText(".out-switch", "true", settle)
		b.Tap(".van-switch")
		b.WaitText(".out-switch", "false", settle)
	}},
	{name: "checkbox", do: func(b *Browser) {
		b.Tap(".van-checkbox__icon")
		b.WaitText(".out-checkbox", "true", settle)
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
		b.WaitVisible(".van-tab--active", true, settle)
		b.WaitText(".van-tab--active", "Third", settle)
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
		b.Tap(".open-dialog")
		b.WaitText(".out-dialog", "open", settle)
		b.WaitVisible(".van-dialog", true, settle)
		b.WaitContains(".van-dialog__header", "Dialog title", settle)
		b.Tap(".van-dialog__confirm")
		b.WaitText(".out-dialog", "confirmed", settle)
		b.WaitVisible(".van-dialog", false, settle)
	}},
	{name: "popup", do: func(b *Browser) {
		b.Tap(".open-popup")
		b.WaitVisible(".popup-body", true, settle)
		b.TapAt(".van-overlay", 0.5, 0.1)
		b.WaitText(".out-popup", "closed", settle)
		b.WaitVisible(".popup-body", false, settle)
	}},
	{name: "action-sheet", do: func(b *Browser) {
		b.Tap(".open-sheet")
		b.WaitVisible(".van-action-sheet__item", true, settle)
		b.TapText(".van-action-sheet__item", "Option B")
		b.WaitText(".out-sheet", "Option B", settle)
	}},
	{name: "dropdown-menu", do: func(b *Browser) {
		b.Tap(".van-dropdown-menu__item")
		b.WaitVisible(".van-dropdown-item__option", true, settle)
		b.TapText(".van-dropdown-item__option", "Sale goods")
		b.WaitText(".out-dropdown", "2", settle)
		b.WaitContains(".van-dropdown-menu__title", "Sale goods", settle)
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
		b.Tap(".van-picker__confirm")
		b.WaitText(".out-picker", "Cherry at 2", settle)
	}},
}

var libraryInteractions = map[string][]interaction{
	"vant": vantInteractions,
}

// Each library's interactive page renders, and each of its components, driven with the
// mouse, changes the page as it would on a phone, with no uncaught error in either layer.
func TestLibraryInteractions(t *testing.T) {
	dir := testlibs.ThreeLibraryProject(t)
	srv := StartServer(t, mpsimBin, dir)
	for _, lib := range testlibs.Libraries {
		cases := libraryInteractions[lib.Name]
		if cases == nil {
			continue
		}
		t.Run(lib.Name, func(t *testing.T) {
			b := OpenBrowser(t, srv.URL+"?page="+lib.Interactive)
			defer func() {
				if t.Failed() {
					t.Logf("console:\n%s", strings.Join(b.Console(), "\n"))
				}
			}()
			b.WaitContains(".lib", "interactive", wait)
			time.Sleep(300 * time.Millisecond) // let attached lifetimes measure the page
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					if c.skip != "" {
						t.Skip(c.skip)
					}
					c.do(b.For(t))
				})
			}
			var problems []string
			for _, line := range b.Console() {
				if strings.HasPrefix(line, "exception:") || strings.Contains(line, "[mpsim]") && strings.HasPrefix(line, "error:") {
					problems = append(problems, line)
				}
			}
			if len(problems) > 0 {
				sort.Strings(problems)
				t.Errorf("%d errors in the console:\n%s", len(problems), strings.Join(problems, "\n"))
			}
		})
	}
}
