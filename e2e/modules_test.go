package e2e

import "testing"

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
