package e2e

import "testing"

// app.json's useExtendedLib {"weui": true} (testdata/extlib): pages use WeUI's components
// by "weui-miniprogram/..." with no npm package in the project, styled by weui.wxss that
// the app does not import; the dialog's button closes it.
func TestExtendedLibWeUI(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/extlib"))
	b := OpenBrowser(t, srv.URL)
	b.WaitContains(".weui-cells__title", "ext cells", wait)
	b.WaitContains(".weui-cell__bd", "ext cell", wait)
	b.WaitStyle(".weui-dialog", "position", "fixed", wait)
	b.WaitStyle(".weui-dialog", "border-top-left-radius", "12px", wait)
	b.TapText(".weui-dialog__btn", "ok")
	b.WaitVisible(".weui-dialog", false, wait)
	noErrors(t, b)
}
