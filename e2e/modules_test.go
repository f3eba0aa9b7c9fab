package e2e

import (
	"strings"
	"testing"
)

// app.json's resolveAlias maps require, import and usingComponents paths, in the build
// and at run time (a require computed while the app runs).
func TestResolveAlias(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{
		"project.config.json": `{"compileType": "miniprogram", "appid": "touristappid"}`,
		"app.json": `{"pages": ["pages/index/index"],
  "resolveAlias": {"@/*": "/*", "@utils/*": "utils/*"},
  "usingComponents": {"box": "@/components/box/box"}}`,
		"app.js":                    `App({})`,
		"utils/math.js":             `module.exports = { twice: (x) => x * 2 }`,
		"utils/name.js":             `export const name = 'aliased'`,
		"components/box/box.json":   `{"component": true}`,
		"components/box/box.wxml":   `<view>box:<slot/></view>`,
		"components/box/box.js":     `Component({})`,
		"components/deep/deep.json": `{"component": true}`,
		"components/deep/deep.wxml": `<view>deep</view>`,
		"components/deep/deep.js":   `Component({})`,
		"pages/index/index.json":    `{"usingComponents": {"deep": "@/components/deep/deep"}}`,
		"pages/index/index.wxml":    `<view class="info">{{info}}</view><box class="box">in</box><deep class="deep"/>`,
		"pages/index/index.js": `import { name } from '@/utils/name'
const { twice } = require('@utils/math')
const which = 'math'
Page({
  data: { info: '' },
  onLoad() { this.setData({ info: name + ' ' + twice(21) + ' ' + require('@utils/' + which).twice(2) }) },
})`,
	})
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".info", "aliased 42 4", wait)
	b.WaitText(".box", "box:in", wait)
	b.WaitText(".deep", "deep", wait)
}

// A page's and a component's `router` and `pageRouter` resolve relative urls from their
// own file and from their page; getPageId tells the pages apart.
func TestInstanceRouters(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{
		"project.config.json":        `{"compileType": "miniprogram", "appid": "touristappid"}`,
		"app.json":                   `{"pages": ["pages/index/index", "pages/other/other", "components/nav/target"]}`,
		"app.js":                     `App({})`,
		"components/nav/nav.json":    `{"component": true}`,
		"components/nav/nav.wxml":    `<view class="by-router" bindtap="byRouter">router</view><view class="by-page" bindtap="byPage">pageRouter</view>`,
		"components/nav/nav.js":      `Component({ methods: { byRouter() { this.router.navigateTo({ url: './target?from=' + this.getPageId() }) }, byPage() { this.pageRouter.navigateTo({ url: '../other/other' }) } } })`,
		"components/nav/target.json": `{}`,
		"components/nav/target.wxml": `<view class="title">target {{from}} {{mine}}</view>`,
		"components/nav/target.js":   `Page({ data: { from: '', mine: '' }, onLoad(q) { this.setData({ from: q.from, mine: this.getPageId() }) } })`,
		"pages/index/index.json":     `{"usingComponents": {"nav": "/components/nav/nav"}}`,
		"pages/index/index.wxml":     `<view class="title">index {{id}}</view><view class="renderer">{{renderer}}</view><nav/>`,
		"pages/index/index.js":       `Page({ data: { id: '' }, onLoad() { this.setData({ id: this.getPageId(), renderer: this.renderer }) } })`,
		"pages/other/other.json":     `{}`,
		"pages/other/other.wxml":     `<view class="title" bindtap="back">other</view>`,
		"pages/other/other.js":       `Page({ back() { this.pageRouter.navigateBack() } })`,
	})
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitContains(".title", "index pageId:", wait)
	b.WaitText(".renderer", "webview", wait)
	index, _ := b.Text(".title")
	indexID := strings.TrimPrefix(index, "index ")
	b.TapThenText(".by-page", ".title", "other", wait)
	b.TapThenText(".title", ".title", index, wait)
	b.Tap(".by-router")
	b.WaitContains(".title", "target "+indexID+" pageId:", wait)
	if got, _ := b.Text(".title"); strings.HasSuffix(got, " "+indexID) {
		t.Errorf("the new page has the id of the page below it: %q", got)
	}
}

// A module sees the globals a phone's logic layer hides as undefined, not as missing
// names (testdata/globals): a webpack UMD wrapper that passes `window` along loads.
func TestPhoneGlobals(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/globals"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".umd", "42", wait)
	b.WaitText(".globals", "window:undefined document:undefined self:undefined fetch:undefined localStorage:undefined alert:undefined "+
		"XMLHttpRequest:undefined setTimeout:function wx:object getApp:function global:object", wait)
	noErrors(t, b)
}
