package e2e

import (
	"strings"
	"testing"
)

// An app that declares a plugin (app.json "plugins") runs without it: mpsim reaches no
// WeChat server to fetch plugins. The page that calls requirePlugin and uses a plugin's
// component still loads, and the console says why the plugin's export is missing.
func TestPluginsAreNotRunButPagesLoad(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{
		"project.config.json": `{"compileType": "miniprogram", "appid": "touristappid"}`,
		"app.json": `{"pages": ["pages/index/index"],
  "plugins": {"WechatSI": {"version": "0.3.5", "provider": "wx069ba97219f66d99"}}}`,
		"app.js":                 `App({})`,
		"pages/index/index.json": `{"usingComponents": {"si-voice": "plugin://WechatSI/voice"}}`,
		"pages/index/index.wxml": `<view class="state">{{state}}</view><si-voice class="voice">inside</si-voice><view class="call" bindtap="call">call</view>`,
		"pages/index/index.js": `const si = requirePlugin('WechatSI')
Page({
  data: { state: 'loaded: ' + typeof si + ' ' + typeof si.translate },
  call() {
    try { si.translate({ lfrom: 'en_US', lto: 'zh_CN', content: 'hi' }) } catch (e) { this.setData({ state: e.name }) }
  },
})`,
	})
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".state", "loaded: object undefined", wait)
	line := b.WaitConsole("requirePlugin('WechatSI')", wait)
	if !strings.Contains(line, "runs no plugins") {
		t.Errorf("console: %q, want it to say mpsim runs no plugins", line)
	}
	b.WaitConsole("plugin 'WechatSI' has no 'translate'", wait)
	b.TapThenText(".call", ".state", "TypeError", wait)
	// The plugin's component is a plain element showing what the page put inside it.
	b.WaitText(".voice", "inside", wait)
}
