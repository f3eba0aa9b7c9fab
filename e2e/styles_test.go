package e2e

import "testing"

// WXSS: app.wxss with an @import, page and component sheets, rpx, `page`, isolation.
func TestStyles(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/styles"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".inner", "component box", wait)
	checks := []struct{ selector, property, want string }{
		{".title", "color", "rgb(255, 0, 0)"},          // app.wxss
		{"page", "background-color", "rgb(0, 128, 0)"}, // `page`, through an @import
		{".half", "width", "195px"},                    // 375rpx on a 390px-wide device
		{".box", "color", "rgb(1, 2, 3)"},              // the page's own .box
		{".inner", "color", "rgb(0, 0, 255)"},          // the component's .box, in its scope
		{"my-box", "border-top-width", "1px"},          // :host, 2rpx floored
		// rpx in a style attribute, as the base library converts it: floored, at least 1px.
		{".inline-rpx", "width", "195px"},
		{".inline-rpx", "height", "1px"},
		{".inline-rpx", "margin-left", "-6px"},
		{".bound-rpx", "width", "39px"},
	}
	for _, c := range checks {
		b.WaitStyle(c.selector, c.property, c.want, wait)
	}
	// And in WXS's setStyle.
	b.Tap(".wxs-rpx")
	b.WaitStyle(".wxs-rpx", "width", "78px", wait)
	// Isolation: app and page classes do not reach into an isolated component.
	if got := b.Style("my-box .title", "color"); got == "rgb(255, 0, 0)" {
		t.Errorf("app.wxss .title reached into an isolated component")
	}
}
