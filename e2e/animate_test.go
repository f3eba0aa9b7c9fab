package e2e

import "testing"

// this.animate runs keyframes on the nodes a selector finds in the page's or component's
// own template, calls back at the end and leaves the last frame; clearAnimation takes it
// off.
func TestKeyframeAnimations(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{
		"project.config.json":         `{"compileType": "miniprogram", "appid": "touristappid"}`,
		"app.json":                    `{"pages": ["pages/index/index"]}`,
		"app.js":                      `App({})`,
		"components/fader/fader.json": `{"component": true}`,
		"components/fader/fader.wxml": `<view class="inner" style="width: 40px; height: 40px">inner</view>`,
		"components/fader/fader.js":   `Component({ methods: { fade(cb) { this.animate('.inner', [{ opacity: 1 }, { opacity: 0.4, ease: 'linear' }], 50, cb) } } })`,
		"pages/index/index.json":      `{"usingComponents": {"fader": "/components/fader/fader"}}`,
		"pages/index/index.wxml": `<view class="box" style="width: 50px; height: 50px">box</view><fader id="f"/>
<view class="state">{{state}}</view><view class="go" bindtap="go">go</view><view class="clear" bindtap="clear">clear</view>`,
		"pages/index/index.js": `Page({
  data: { state: '' },
  go() {
    this.animate('.box', [
      { opacity: 1, translateX: 0, rotate: 0 },
      { opacity: 0.5, translateX: 30, rotate: 90, width: '100rpx', offset: 1 },
    ], 100, () => this.selectComponent('#f').fade(() => this.setData({ state: 'done' })))
  },
  clear() { this.clearAnimation('.box', () => this.setData({ state: 'cleared' })) },
})`,
	})
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".box", "box", wait)
	b.TapThenText(".go", ".state", "done", wait)
	// The last frames stay: the page's box moved, turned, faded and narrowed (100rpx on a
	// 390px-wide device), and the component's own node faded too.
	b.WaitStyle(".box", "opacity", "0.5", wait)
	b.WaitStyle(".box", "transform", "matrix(0, 1, -1, 0, 30, 0)", wait)
	b.WaitStyle(".box", "width", "52px", wait)
	b.WaitStyle(".inner", "opacity", "0.4", wait)
	b.TapThenText(".clear", ".state", "cleared", wait)
	b.WaitStyle(".box", "opacity", "1", wait)
	b.WaitStyle(".box", "width", "50px", wait)
}
