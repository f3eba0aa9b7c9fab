package e2e

import (
	"encoding/binary"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/coder/websocket"
)

// waitFor reports whether cond came true within the e2e wait.
func waitFor(cond func() bool) bool {
	for deadline := time.Now().Add(wait); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return false
}

// waitRows waits until each `.r-NAME` row of the page reads `NAME: want`.
func waitRows(b *Browser, rows [][2]string) {
	b.t.Helper()
	for _, r := range rows {
		if got, _ := b.Text(".r-" + r[0]); got != r[0]+": "+r[1] {
			all, _ := Eval[string](b, inPage(`return [...doc.querySelectorAll('.row')].map((e) => e.textContent).join('\n')`))
			b.t.Logf("the rows now:\n%s", all)
			break
		}
	}
	for _, r := range rows {
		b.WaitText(".r-"+r[0], r[0]+": "+r[1], wait)
	}
}

// The storage, system and base APIs answer a page at once as on a phone
// (testdata/apis/pages/sync): the Sync and callback forms of storage see one store; the
// split-up system APIs agree with getSystemInfoSync and with the page the iframe shows;
// an exported animation plays on its node; an intersection observer sees its node. The
// simulated device's answers (pages/device): the Bluetooth, Wi-Fi and iBeacon listeners
// hear what their calls cause until off*; the phone-only settings answer ok.
func TestSweepSyncAndDeviceAPIs(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/apis"))
	b := OpenBrowser(t, srv.URL+"?page=pages/sync/sync")
	b.WaitText(".title", "sync", wait)
	// 844 - 47 (status bar) - 44 (navigation bar): the page's height, read from the iframe below.
	waitRows(b, [][2]string{
		{"storage", `a,when true 10240 | "" | batchSetStorage:ok | getStorageInfo:ok when,x,y | removeStorage:ok | "" two true | clearStorage:ok | 0 | 0`},
		{"getSystemInfo", "getSystemInfo:ok iPhone 12/13 (Pro) 390x753 true"},
		{"getWindowInfo", "390x753 390x844 3 47 47 true"},
		{"getDeviceInfo", "devtools iPhone 12/13 (Pro) devtools true"},
		{"getAppBaseInfo", "3.3.4 zh_CN light true"},
		{"getMenuButtonBoundingClientRect", "87x32 53,383 true"},
		{"getSkylineInfo", "getSkylineInfo:ok false"},
		{"getDeviceBenchmarkInfo", "getDeviceBenchmarkInfo:ok 1"},
		{"canIUse", "true true false"},
		{"nextTick", "now tick"},
		{"cancelIdleCallback", "kept"},
		{"checkIsPictureInPictureActive", "false"},
	})
	if size, err := Eval[string](b, inPage(`return doc.defaultView.innerWidth + 'x' + doc.defaultView.innerHeight`)); err != nil || size != "390x753" {
		t.Errorf("the page iframe is %q (%v), want the 390x753 getWindowInfo reports", size, err)
	}
	b.WaitText(".animation", "1 style,translateX", wait)
	b.WaitStyle(".box", "opacity", "0.5", wait)
	b.WaitText(".intersection", "1 40", wait)

	b = OpenBrowser(t, srv.URL+"?page=pages/device/device")
	b.WaitText(".title", "device", wait)
	waitRows(b, [][2]string{
		{"bluetooth", "getBluetoothAdapterState:ok true false | getConnectedBluetoothDevices:ok 0 | stopBluetoothDevicesDiscovery:ok | true false,true true,true false | getBluetoothAdapterState:fail not init"},
		{"wifi", `{"SSID":"mpsim-guest"} | setWifiList:ok | stopWifi:ok | getConnectedWifi:fail not init`},
		{"beacons", "true true"},
		{"getAvailableAudioSources", "getAvailableAudioSources:ok auto,buildInMic,headsetMic"},
		{"getCommonConfig", "getCommonConfig:ok 2 {}"},
		{"vibrateLong", "vibrateLong:ok"},
		{"answersOK", "11 ok"},
		{"reportPerformance", "undefined"},
	})
	b.WaitConsole("[mpsim] reportPerformance 1101 680 custom", wait)
}

// Every app-level listener of testdata/apis/pages/listeners hears the event the test
// causes (the device panel, keys in the page, routes, the background, a thrown error, an
// unhandled rejection, a missing page, a failing location reading), and after its off*
// no longer hears it while the same events happen again.
func TestSweepListenersOnAndOff(t *testing.T) {
	t.Parallel()
	dir := copyProject(t, "testdata/apis")
	writeMocks := func(src string) {
		if err := os.WriteFile(filepath.Join(dir, "mpsim.mock.json"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeMocks(`{"apis": {}}`)
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL+"?page=pages/listeners/listeners")
	b.WaitText(".title", "listeners", wait)
	device := func(js string) {
		if _, err := Eval[any](b, "mpsimDevice."+js); err != nil {
			t.Fatalf("mpsimDevice.%s: %v", js, err)
		}
	}
	// cause makes each event happen once (the route ones once per route).
	cause := func(network string, battery int, theme string) {
		device("setWeakNetwork(true)")
		device(fmt.Sprintf("setBattery(%d, true)", battery))
		device(fmt.Sprintf("setTheme(%q)", theme))
		device("memoryWarning()")
		device("captureScreen()")
		device("setWeakNetwork(false)")
		b.Type(".field", "k")
		b.Tap(".go-second")
		b.WaitText(".title", "second", wait)
		b.TapThenText(".no-alert", ".status", "disableAlertBeforeUnload:ok", wait)
		b.tapShell("#nav-back") // no dialog: the alert was disabled
		b.WaitText(".title", "listeners", wait)
		b.Tap(".missing")
		b.TapThenText(".exit", ".result", "exitMiniProgram:ok", wait) // to the background
		waitShellValue(t, b, `document.getElementById('background').textContent`, "Foreground")
		b.tapShell("#background")
		device(fmt.Sprintf("setNetwork(%q)", network))
		b.WaitText(".witness", network, wait)
		// Last: the error's overlay covers the bottom of the page until closed.
		b.Tap(".reject")
		b.Tap(".throw")
		waitShellValue(t, b, `String(!document.getElementById('app-error').hidden)`, "true")
		b.tapShell("#app-error-close")
	}
	rows := [][2]string{
		{"AppShow", "1 pages/listeners/listeners 1001"},
		{"AppHide", "1 hidden"},
		// The launch's route is done after the page's onLoad; its BeforeAppRoute came before.
		{"AppRoute", "3 navigateBack pages/listeners/listeners"},
		{"AppRouteDone", "3 navigateBack pages/listeners/listeners"},
		{"BeforeAppRoute", "2 navigateBack pages/listeners/listeners"},
		{"BeforePageLoad", "1 navigateTo pages/second/second"},
		{"AfterPageLoad", "2 navigateTo pages/second/second"},
		{"BeforePageUnload", "1 pages/second/second"},
		{"AfterPageUnload", "1 pages/second/second"},
		{"Error", "1 thrown for onError"},
		{"UnhandledRejection", "1 rejected for onUnhandledRejection"},
		{"PageNotFound", "1 pages/gone/gone false"},
		{"KeyDown", "1 k KeyK 75"},
		{"KeyUp", "1 k KeyK 75"},
		{"KeyboardHeightChange", "2 0"},
		{"MemoryWarning", "1 10"},
		{"NetworkStatusChange", "1 4g true"},
		{"NetworkWeakChange", "2 false wifi"},
		{"ThemeChange", "1 dark"},
		{"BatteryInfoChange", "1 15 true"},
		{"UserCaptureScreen", "1 captured"},
	}
	cause("4g", 15, "dark")
	// Background location updates, after the person allows them; then a failing reading.
	b.Tap(".locate")
	waitTrue(t, func() bool { return b.press("authorizeAllow") })
	b.WaitText(".result", "startLocationUpdateBackground:ok", wait)
	writeMocks(`{"apis": {"getLocation": {"fail": "system permission denied"}}}`)
	failed := "onLocationChange:fail system permission denied"
	b.WaitContains(".r-LocationChangeError", failed, 2*wait)
	waitRows(b, rows)
	// The readings stop while the listeners go off, so that how many were heard is known.
	b.TapThenText(".stop-locating", ".result", "stopLocationUpdate:ok", wait)
	time.Sleep(200 * time.Millisecond) // a reading on its way
	heard, _ := b.Text(".r-LocationChangeError")

	navigations, _ := b.Text(".navigations")
	b.TapThenText(".off", ".result", "off", wait)
	b.TapThenText(".locate", ".result", "startLocationUpdateBackground:ok", wait) // allowed before: no dialog
	time.Sleep(1500 * time.Millisecond)                                           // a reading: it fails again, unheard
	b.TapThenText(".stop-locating", ".result", "stopLocationUpdate:ok", wait)
	cause("3g", 30, "light")
	time.Sleep(300 * time.Millisecond)
	waitRows(b, append(rows, [2]string{"LocationChangeError", strings.TrimPrefix(heard, "LocationChangeError: ")}))
	// The app's off* took off its own listeners, not the runtime's: the second round's
	// routes (there and back) are in getPerformance.
	before, _ := strconv.Atoi(navigations)
	if after, _ := b.Text(".navigations"); before == 0 || after != strconv.Itoa(before+2) {
		t.Errorf("getPerformance's navigation entries: %s before the second round, %s after, want 2 more", navigations, after)
	}
}

// The open capabilities and the phone's sheets answer testdata/apis/pages/asks as on a
// phone for a tourist account: fixed answers at once; the authorization, payment and share
// dialogs and the phone's modals, answered here as a person would; the contact and
// calendar events are real downloads; the navigation bar takes its colour.
func TestSweepAsksAndDialogs(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/apis"))
	b := OpenBrowser(t, srv.URL+"?page=pages/asks/asks")
	b.WaitText(".title", "asks", wait)
	downloads := t.TempDir()
	b.AllowDownloads(downloads)
	answer := func(name, want string) {
		t.Helper()
		b.Tap(".b-" + name)
		b.WaitText(".r-"+name, name+": "+want, wait)
	}
	// Answered at once.
	for _, c := range [][2]string{
		{"getShareInfo", "getShareInfo:ok true"},
		{"authPrivateMessage", "authPrivateMessage:ok true true"},
		{"checkIsAddedToMyMiniProgram", "checkIsAddedToMyMiniProgram:ok false"},
		{"getPrivacySetting", "getPrivacySetting:ok false true"},
		{"requirePrivacyAuthorize", "requirePrivacyAuthorize:ok"},
		{"openPrivacyContract", "openPrivacyContract:ok"},
		{"choosePoi", "choosePoi:ok 2 广州市 23.099994"},
		{"requestSubscribeDeviceMessage", "requestSubscribeDeviceMessage:fail No template data return, verify the template id exist 20001"},
		{"requestMerchantTransfer", "requestMerchantTransfer:fail parameter error: parameter.package should be String instead of Undefined;"},
		{"hideTabBarRedDot", "hideTabBarRedDot:fail not TabBar page"},
		{"setBackgroundColor", "setBackgroundColor:ok"},
	} {
		answer(c[0], c[1])
	}
	// The authorization dialog, once per scope; getSetting then lists the scopes allowed.
	for _, c := range [][2]string{
		{"chooseAddress", "chooseAddress:ok 张三 广州市 020-81167888"},
		{"chooseInvoiceTitle", "chooseInvoiceTitle:ok 0 示例科技有限公司"},
		{"getWeRunData", "getWeRunData:ok true"},
	} {
		b.Tap(".b-" + c[0])
		waitTrue(t, func() bool { return b.press("authorizeAllow") })
		b.WaitText(".r-"+c[0], c[0]+": "+c[1], wait)
	}
	answer("getSetting", `getSetting:ok {"scope.address":true,"scope.invoiceTitle":true,"scope.werun":true}`)
	// The payment dialog: confirmed pays, closed cancels.
	b.Tap(".b-requestOrderPayment")
	waitTrue(t, func() bool { return strings.Contains(b.shellText("[data-dialog=payment]"), "prepay_id=order") })
	b.press("confirmPayment")
	b.WaitText(".r-requestOrderPayment", "requestOrderPayment: requestOrderPayment:ok", wait)
	b.Tap(".b-requestVirtualPayment")
	waitTrue(t, func() bool { return b.press("closePaymentDialog") })
	b.WaitText(".r-requestVirtualPayment", "requestVirtualPayment: requestVirtualPayment:fail cancel", wait)
	// The share dialog.
	b.Tap(".b-shareFileMessage")
	waitTrue(t, func() bool { return b.press("shareConfirm") })
	b.WaitText(".r-shareFileMessage", "shareFileMessage: shareFileMessage:ok", wait)
	b.Tap(".b-shareVideoMessage")
	waitTrue(t, func() bool { return b.press("shareCancel") })
	b.WaitText(".r-shareVideoMessage", "shareVideoMessage: shareVideoMessage:fail cancel", wait)
	// The phone's modals and sheet.
	b.Tap(".b-makePhoneCall")
	waitShellValue(t, b, `document.querySelector('.ui-modal-title')?.textContent || ''`, "10086")
	b.tapShell(".ui-modal-confirm")
	b.WaitText(".r-makePhoneCall", "makePhoneCall: makePhoneCall:ok", wait)
	b.Tap(".b-sendSms")
	waitShellValue(t, b, `document.querySelector('.ui-modal-content')?.textContent || ''`, "10086\nhello")
	b.tapShell(".ui-modal-cancel")
	b.WaitText(".r-sendSms", "sendSms: sendSms:fail cancel", wait)
	b.Tap(".b-addPhoneContact")
	b.tapShell(".ui-sheet-item")
	b.WaitText(".r-addPhoneContact", "addPhoneContact: addPhoneContact:ok", wait)
	downloaded := func() string {
		var all []string
		entries, _ := os.ReadDir(downloads)
		for _, e := range entries {
			if got, err := os.ReadFile(filepath.Join(downloads, e.Name())); err == nil {
				all = append(all, string(got))
			}
		}
		return strings.Join(all, "\n")
	}
	// Each download is checked before the next: both calendar events are event.ics.
	downloadHolds := func(wants ...string) {
		t.Helper()
		for _, want := range wants {
			if !waitFor(func() bool { return strings.Contains(downloaded(), want) }) {
				t.Fatalf("no download holds %q; the downloads:\n%s", want, downloaded())
			}
		}
	}
	downloadHolds("FN:Ada", "TEL;TYPE=CELL:10086")
	for api, wants := range map[string][]string{"addPhoneCalendar": {"SUMMARY:Meet"}, "addPhoneRepeatCalendar": {"SUMMARY:Standup", "RRULE:FREQ=WEEKLY"}} {
		b.Tap(".b-" + api)
		b.tapShell(".ui-modal-confirm")
		b.WaitText(".r-"+api, api+": "+api+":ok", wait)
		downloadHolds(wants...)
	}

	// The navigation bar: its colour, its spinner shown and hidden; the share menu back.
	answer("setNavigationBarColor", "setNavigationBarColor:ok")
	waitShellValue(t, b, `getComputedStyle(document.getElementById('nav-bar')).backgroundColor + ' ' + getComputedStyle(document.getElementById('nav-bar')).color`, "rgb(255, 0, 0) rgb(0, 0, 0)")
	b.Tap(".b-nav-loading")
	b.WaitText(".r-hideNavigationBarLoading", "hideNavigationBarLoading: hideNavigationBarLoading:ok", wait)
	waitShellValue(t, b, `String(document.getElementById('nav-loading').hidden)`, "true")
	b.Tap(".b-share-menu")
	b.WaitText(".r-showShareMenu", "showShareMenu: showShareMenu:ok", wait)
	b.WaitText(".r-updateShareMenu", "updateShareMenu: updateShareMenu:ok", wait)
	b.tapShell("#capsule-menu")
	waitShellValue(t, b, `[...document.querySelectorAll('.ui-sheet-item')].map(e => e.textContent).join('|')`, "转发给朋友|收藏|取消")
}

// The old background audio and voice APIs play through the shell's player
// (testdata/apis/pages/player): their events and states follow play, seek, pause and
// stop; a paused voice does not end until stopVoice. The shell previews, saves (real
// downloads) and opens the page's media; chooseVideo picks a file of the computer. The
// global socket API (pages/socket) reports a refused connection, then talks to a real
// echo server and closes.
func TestSweepMediaAndSockets(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tone := filepath.Join(dir, "tone.wav")
	if err := os.WriteFile(tone, wavTone(8000), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := StartServer(t, mpsimBin, RepoPath("testdata/apis"))
	b := OpenBrowser(t, srv.URL+"?page=pages/player/player")
	b.WaitText(".ready", "ready", wait)
	downloads := t.TempDir()
	b.AllowDownloads(downloads)
	b.Tap(".b-backgroundAudio")
	b.WaitText(".r-backgroundAudio", "backgroundAudio: playBackgroundAudio:ok | seekBackgroundAudio:ok | pauseBackgroundAudio:ok | stopBackgroundAudio:ok | play,pause,stop | status 0 at true | status 0 at 0", wait)
	b.Tap(".b-voice")
	b.WaitText(".r-voice", "voice: pauseVoice:ok | still playing | stopVoice:ok | playVoice:ok", wait)

	b.TapThenText(".b-previewMedia", ".r-previewMedia", "previewMedia: previewMedia:ok", wait)
	waitShellValue(t, b, `document.querySelector('.ui-preview video')?.getAttribute('src')?.includes('/wxfile/usr/second.wav') ? 'video' : ''`, "video")
	// A tap on the video works its controls; one on the black above it closes the preview.
	pt, err := Eval[[2]float64](b, `(() => { const r = document.querySelector('.ui-preview').getBoundingClientRect(); return [r.left + r.width / 2, r.top + 40] })()`)
	if err != nil {
		t.Fatal(err)
	}
	b.click("the preview", pt[0], pt[1])
	waitShellValue(t, b, `String(!!document.querySelector('.ui-preview'))`, "false")

	b.TapThenText(".b-save", ".r-save", "save: saveVideoToPhotosAlbum:ok | saveVideoToPhotosAlbum:fail file not exists | saveFileToDisk:ok | openDocument:ok | openDocument:fail file not exists", wait)
	if !waitFor(func() bool {
		entries, _ := os.ReadDir(downloads)
		n := 0
		for _, e := range entries {
			if got, _ := os.ReadFile(filepath.Join(downloads, e.Name())); len(got) == 44+8000 && string(got[:4]) == "RIFF" {
				n++
			}
		}
		return n >= 1
	}) {
		t.Error("the saved video is not among the downloads")
	}

	var mu sync.Mutex
	chromedp.Listen(b.ctx, func(ev any) {
		if opened, ok := ev.(*page.EventFileChooserOpened); ok {
			mu.Lock()
			defer mu.Unlock()
			go chromedp.Call(b.ctx, dom.SetFileInputFiles, dom.SetFileInputFilesParams{Files: []string{tone}, BackendNodeID: opened.BackendNodeID})
		}
	})
	if _, err := chromedp.Call(b.ctx, page.SetInterceptFileChooserDialog, page.SetInterceptFileChooserDialogParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	b.Tap(".b-chooseVideo")
	b.tapShell(".ui-sheet-item")
	b.WaitText(".r-chooseVideo", "chooseVideo: chooseVideo:ok 1.0 8044 true", wait)

	echo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, &websocket.AcceptOptions{InsecureSkipVerify: true})
		if err != nil {
			return
		}
		defer c.CloseNow()
		if typ, msg, err := c.Read(r.Context()); err == nil {
			c.Write(r.Context(), typ, msg)
			c.Read(r.Context()) // until the client closes
		}
	}))
	defer echo.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close() // its port now refuses
	ws := func(s *httptest.Server) string { return url.QueryEscape("ws" + strings.TrimPrefix(s.URL, "http")) }
	b = OpenBrowser(t, srv.URL+"?page=pages/socket/socket&closed="+ws(closed)+"&ws="+ws(echo))
	b.WaitText(".log", "error connectSocket:fail|close 1006|open object|sendSocketMessage:ok|echo hi|closeSocket:ok|close 1000", wait)
}

// wavTone is a mono 8-bit WAV of n samples at 8 kHz.
func wavTone(n int) []byte {
	b := make([]byte, 44+n)
	copy(b, "RIFF")
	binary.LittleEndian.PutUint32(b[4:], uint32(36+n))
	copy(b[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(b[16:], 16)
	binary.LittleEndian.PutUint16(b[20:], 1)
	binary.LittleEndian.PutUint16(b[22:], 1)
	binary.LittleEndian.PutUint32(b[24:], 8000)
	binary.LittleEndian.PutUint32(b[28:], 8000)
	binary.LittleEndian.PutUint16(b[32:], 1)
	binary.LittleEndian.PutUint16(b[34:], 8)
	copy(b[36:], "data")
	binary.LittleEndian.PutUint32(b[40:], uint32(n))
	for i := 0; i < n; i++ {
		b[44+i] = byte(128 + 60*math.Sin(float64(i)/4))
	}
	return b
}
