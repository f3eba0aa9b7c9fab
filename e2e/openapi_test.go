package e2e

import (
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// copyProject copies a testdata project into a folder the test may edit.
func copyProject(t *testing.T, rel string) string {
	t.Helper()
	files := map[string]string{}
	root := RepoPath(rel)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		name, _ := filepath.Rel(root, p)
		files[name] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return writeProject(t, files)
}

// shellText is the text of a shell element, "" when there is none.
func (b *Browser) shellText(selector string) string {
	sel, _ := json.Marshal(selector)
	text, _ := Eval[string](b, `(document.querySelector(`+string(sel)+`) || {}).textContent || ''`)
	return text
}

// press calls a window.mpsimNative action (the automation port's Tool.native) and
// reports whether a dialog was there.
func (b *Browser) press(action string) bool {
	b.t.Helper()
	pressed, err := Eval[bool](b, `window.mpsimNative.`+action+`()`)
	if err != nil {
		b.t.Fatalf("mpsimNative.%s: %v", action, err)
	}
	return pressed
}

// shot saves a picture of the simulator under $MPSIM_SCREENSHOTS, for a person to look at.
func (b *Browser) shot(name string) {
	if dir := os.Getenv("MPSIM_SCREENSHOTS"); dir != "" {
		if err := b.Screenshot(filepath.Join(dir, name+".png")); err != nil {
			b.t.Error(err)
		}
	}
}

// The open capabilities answer from mpsim.mock.json: the page shows the mock account's
// answers, the shell's dialogs ask the person (pressed here with the mouse and through
// window.mpsimNative), and a save of the mock file changes the next answer while the
// page keeps running; a broken save shows where it is broken and changes nothing.
func TestOpenAPIsFromTheMockFile(t *testing.T) {
	t.Parallel()
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("hi"))
	}))
	defer backend.Close()
	dir := copyProject(t, "testdata/openapi")
	writeMocks := func(src string) {
		if err := os.WriteFile(filepath.Join(dir, "mpsim.mock.json"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL+"?page=pages/index/index&api="+backend.URL)

	b.WaitText(".r-login", "login:ok code-v1", wait)
	b.WaitText(".r-session", "checkSession:ok", wait)
	b.WaitText(".r-user", "getUserInfo:ok Ada", wait)
	b.WaitText(".r-scan", "scanCode:ok hello scan", wait)
	b.WaitText(".r-subscribe", "requestSubscribeMessage:ok accept", wait)
	// urlCheck is on and the local backend is in no domain list of the mock account.
	b.WaitText(".r-request", "request:fail url not in domain list", wait)

	// authorize shows the phone's dialog with app.json's reason; allowed, getLocation
	// answers where the mock file puts the phone.
	b.Tap(".b-auth")
	waitTrue(t, func() bool {
		return strings.Contains(b.shellText("[data-dialog=authorize]"), "申请获取你的位置信息")
	})
	if text := b.shellText("[data-dialog=authorize]"); !strings.Contains(text, "用于展示附近的门店") || !strings.Contains(text, "openapi") {
		t.Fatalf("authorize dialog: %q, want the app's name and app.json's desc", text)
	}
	b.shot("openapi-authorize")
	b.tapShell(".dlg-allow")
	b.WaitText(".r-auth", "authorize:ok", wait)
	b.WaitText(".r-location", "getLocation:ok 31.23,121.47", wait)
	// Asked once: the answer holds.
	b.TapThenText(".b-auth", ".r-location", "getLocation:ok 31.23,121.47", wait)
	if b.press("authorizeAllow") {
		t.Fatal("a second authorize asked again")
	}

	// Location updates reach onLocationChange until stopped; chooseLocation picks the mock
	// place; getFuzzyLocation is not in app.json's requiredPrivateInfos; openLocation shows
	// the place in the shell.
	b.TapThenText(".b-updates", ".r-updates", "2 31.23", wait)
	time.Sleep(1500 * time.Millisecond) // stopped: no third reading
	b.WaitText(".r-updates", "2 31.23", wait)
	b.TapThenText(".b-places", ".r-chosen", "chooseLocation:ok 31.23", wait)
	b.WaitText(".r-fuzzy", "getFuzzyLocation:fail the api need to be declared in the requiredPrivateInfos field in app.json/ext.json", wait)
	b.WaitText(".r-opened", "openLocation:ok", wait)
	waitTrue(t, func() bool { return strings.Contains(b.shellText("[data-dialog=location]"), "Here") })
	if !b.press("closeLocation") {
		t.Fatal("closeLocation found no place shown")
	}

	// The payment dialog: closed, the payment is cancelled; confirmed, it is paid.
	b.Tap(".b-pay")
	waitTrue(t, func() bool { return strings.Contains(b.shellText("[data-dialog=payment]"), "prepay_id=wx2014") })
	b.shot("openapi-payment")
	if !b.press("closePaymentDialog") {
		t.Fatal("closePaymentDialog found no dialog")
	}
	b.WaitText(".r-pay", "requestPayment:fail cancel", wait)
	b.Tap(".b-pay")
	b.tapShell(".dlg-pay")
	b.WaitText(".r-pay", "requestPayment:ok", wait)
	if b.press("closePaymentDialog") {
		t.Fatal("closePaymentDialog pressed a dialog that is gone")
	}

	// getUserProfile asks each time; cancelled, it fails as on a phone.
	b.Tap(".b-profile")
	waitTrue(t, func() bool { return strings.Contains(b.shellText("[data-dialog=authorize]"), "展示头像") })
	b.press("authorizeCancel")
	b.WaitText(".r-profile", "getUserProfile:fail auth deny", wait)

	// The phone-number button gets the mock account's code in its event.
	b.TapThenText(".b-phone", ".r-phone", "getPhoneNumber:ok mpsim-phone-code", wait)

	// The share button: onShareAppMessage, then the share dialog with what it gave.
	b.TapThenText(".b-share", ".r-share", "share asked from button", wait)
	waitTrue(t, func() bool { return strings.Contains(b.shellText("[data-dialog=share]"), "Share title") })
	b.shot("openapi-share")
	if !b.press("shareConfirm") {
		t.Fatal("shareConfirm found no dialog")
	}

	// hideShareMenu takes the share items off the capsule's menu of the page.
	b.Tap(".b-hide-share")
	sheet := func() string {
		text, _ := Eval[string](b, `[...document.querySelectorAll('.ui-sheet-item')].map(e => e.textContent).join('|')`)
		return text
	}
	waitTrue(t, func() bool {
		b.tapShell("#capsule-menu")
		if sheet() == "收藏|取消" {
			return true
		}
		b.tapShell(".ui-sheet-cancel")
		return false
	})
	b.tapShell(".ui-sheet-cancel")

	// The settings page: switching location off holds for the next call.
	b.Tap(".b-setting")
	b.tapShell("[data-dialog=setting] .dlg-switch")
	b.shot("openapi-setting")
	if !b.press("closeSetting") {
		t.Fatal("closeSetting found no settings page")
	}
	b.WaitText(".r-setting", "openSetting:ok false", wait)
	b.TapThenText(".b-auth", ".r-auth", "authorize:fail auth deny", wait)

	// A new mock file answers the next call; the page was not relaunched (its data is
	// there). Without domain lists nothing is checked.
	writeMocks(`{"apis": {"login": {"code": "code-v2"}}}`)
	waitTrue(t, func() bool {
		b.Tap(".b-login")
		time.Sleep(100 * time.Millisecond)
		text, _ := b.Text(".r-login")
		return text == "login:ok code-v2"
	})
	b.WaitText(".r-pay", "requestPayment:ok", wait)
	b.TapThenText(".b-request", ".r-request", "request:ok hi", wait)

	// A broken save: the error shows with its place, the last good mocks answer.
	overlay := func() string {
		text, _ := Eval[string](b, `document.getElementById('error-overlay').hidden ? '' : document.getElementById('error-text').textContent`)
		return text
	}
	writeMocks("{\"apis\": {\n  \"login\": {\"code\": \"code-v3\"}\n  \"scanCode\": {}\n}}")
	waitTrue(t, func() bool { return strings.Contains(overlay(), "mpsim.mock.json:3:3") })
	b.Tap(".b-login")
	time.Sleep(300 * time.Millisecond)
	b.WaitText(".r-login", "login:ok code-v2", wait)
	writeMocks(`{"apis": {"login": {"code": "code-v3"}}}`)
	waitTrue(t, func() bool { return overlay() == "" })
	b.TapThenText(".b-login", ".r-login", "login:ok code-v3", wait)

	// Without the file the simulator is a tourist, as the official tools without an AppID.
	os.Remove(filepath.Join(dir, "mpsim.mock.json"))
	waitTrue(t, func() bool {
		b.Tap(".b-login")
		time.Sleep(100 * time.Millisecond)
		text, _ := b.Text(".r-login")
		return text == "login:ok the code is a mock one"
	})
	b.WaitConsole("请注意游客模式下，调用 wx.login 是受限的", wait)
	if out := srv.Output(); !strings.Contains(out, "mpsim.mock.json changed: mocks reloaded") || !strings.Contains(out, "the last good mocks stay") {
		t.Errorf("terminal:\n%s", out)
	}
}
