package e2e

import (
	"os"
	"path/filepath"
	"testing"
)

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
		// app.json's "style": "v2": the upgraded button (the gallery, without it, has the old one).
		{".v2-button", "width", "184px"},
		{".v2-button", "font-weight", "700"},
		{".v2-button", "background-color", "rgb(242, 242, 242)"},
		{".v2-mini", "font-size", "16px"},
		{".v2-mini", "color", "rgb(250, 81, 81)"},
		{".v2-classed", "width", "300px"}, // a class beats the v2 look, as .van-button does
		{".v2-classed", "background-color", "rgb(1, 2, 3)"},
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

// Sass and Less sheets in place of .wxss (the official tools' useCompilerPlugins): the
// page shows their styles, and saving a partial they import updates the page in place.
func TestSassAndLess(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{
		"project.config.json":    `{"compileType": "miniprogram", "appid": "touristappid", "setting": {"useCompilerPlugins": ["sass", "less"]}}`,
		"app.json":               `{"pages": ["pages/index/index"]}`,
		"app.js":                 `App({})`,
		"app.less":               "@gap: 20rpx;\n.box { padding: @gap; }\n",
		"styles/_theme.scss":     "$main: rgb(1, 2, 3);\n",
		"pages/index/index.js":   `Page({})`,
		"pages/index/index.wxml": `<view class="box"><view class="title">t</view></view>`,
		"pages/index/index.scss": "@import \"../../styles/theme\";\n.box { .title { color: $main; width: 375rpx; } }\n",
	})
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".title", "t", wait)
	b.WaitStyle(".title", "color", "rgb(1, 2, 3)", wait)
	b.WaitStyle(".title", "width", "195px", wait)    // 375rpx on a 390px-wide device
	b.WaitStyle(".box", "padding-top", "10px", wait) // app.less
	if err := os.WriteFile(filepath.Join(dir, "styles/_theme.scss"), []byte("$main: rgb(4, 5, 6);\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.WaitStyle(".title", "color", "rgb(4, 5, 6)", wait)
}
