package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/mpsim/mpsim/api"
)

// evalWorker runs a JavaScript expression in the service layer (the Web Worker where the
// app's code and wx live) and returns its value, a Promise's once it settles.
func evalWorker[T any](b *Browser, expr string, timeout time.Duration) (T, error) {
	ctx, cancel := context.WithTimeout(b.worker, timeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// syncAPI is the runtime's rule (runtime/service/wx.ts SYNC_API) for the APIs that answer
// by returning: an unsupported one returns undefined instead of failing a callback.
var syncAPI = regexp.MustCompile(`Sync$|^create([^B]|B[^L]|BL[^E])|^get\w*Manager$|^(getNFCAdapter|getXrFrameSystem|isVKSupport|postMessageToReferrerMiniProgram|postMessageToReferrerPage|reportPerformance)$`)

// Every API that api/coverage.tsv lists unsupported answers as docs/api-coverage.md says,
// without hanging or throwing: an asynchronous one fails its callback and rejects its
// Promise with "<api>:fail not supported in simulator", a synchronous one returns
// undefined, a listener is accepted. No real or mock asynchronous API answers that.
func TestUnsupportedAPIsAnswerAsDocumented(t *testing.T) {
	t.Parallel()
	rows, err := api.CoverageTable()
	if err != nil {
		t.Fatal(err)
	}
	var unsupported, supported []string
	for _, r := range rows {
		listener := regexp.MustCompile(`^(on|off)[A-Z]`).MatchString(r.Name)
		switch {
		case r.State == api.StateUnsupported:
			unsupported = append(unsupported, r.Name)
		case !listener && !syncAPI.MatchString(r.Name):
			supported = append(supported, r.Name)
		}
	}
	srv := StartServer(t, mpsimBin, RepoPath("testdata/apis"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".title", "wx.* APIs", wait)
	names, _ := json.Marshal(map[string][]string{"unsupported": unsupported, "supported": supported})
	problems, err := evalWorker[[]string](b, `(async ({ unsupported, supported }) => {
  const problems = [];
  const listener = /^(on|off)[A-Z]/;
  const sync = new RegExp(`+jsString(syncAPI.String())+`);
  const late = (ms) => new Promise((r) => setTimeout(() => r('no answer within ' + ms + ' ms'), ms));
  const show = (v) => { try { return JSON.stringify(v) } catch { return String(v) } };
  await Promise.all(unsupported.map(async (name) => {
    const f = wx[name];
    if (typeof f !== 'function') return problems.push(name + ': wx.' + name + ' is not a function');
    if (listener.test(name) || sync.test(name)) {
      try {
        const r = f(() => {});
        if (r !== undefined) problems.push(name + ': returned ' + show(r) + ', want undefined');
      } catch (e) { problems.push(name + ': threw ' + e) }
      return;
    }
    const want = name + ':fail not supported in simulator';
    let viaCallback, viaPromise;
    try {
      viaCallback = new Promise((resolve) => f({ success: (r) => resolve({ success: r }), fail: resolve }));
      viaPromise = Promise.resolve(f({})).then((r) => ({ resolved: r }), (e) => e);
    } catch (e) { return problems.push(name + ': threw ' + e) }
    const [c, p] = await Promise.all([Promise.race([viaCallback, late(5000)]), Promise.race([viaPromise, late(5000)])]);
    if (c?.errMsg !== want) problems.push(name + ': fail got ' + show(c));
    if (p?.errMsg !== want) problems.push(name + ': Promise got ' + show(p));
  }));
  await Promise.all(supported.map(async (name) => {
    let got;
    try {
      got = await Promise.race([new Promise((resolve) => wx[name]({ success: resolve, fail: resolve })), late(3000)]);
    } catch (e) { return }
    if (/not supported in simulator/.test(got?.errMsg)) problems.push(name + ' is listed real or mock, but answered ' + show(got));
  }));
  return problems;
})(`+string(names)+`)`, 60*time.Second)
	if err != nil {
		t.Fatalf("running the sweep in the service layer: %v", err)
	}
	if len(problems) > 0 {
		t.Errorf("%d of %d unsupported and %d supported APIs misbehave:\n%s", len(problems), len(unsupported), len(supported), strings.Join(problems, "\n"))
	}
	t.Logf("%d unsupported APIs answer as documented; %d real or mock asynchronous ones do not answer \"not supported\"", len(unsupported), len(supported))
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// waitShellValue waits until a JavaScript expression in the shell gives want.
func waitShellValue(t *testing.T, b *Browser, expr, want string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	var got string
	for time.Now().Before(deadline) {
		got, _ = Eval[string](b, expr)
		if got == want {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s = %q, want %q", expr, got, want)
}

// The device and base APIs answer a page as on a phone (testdata/apis): encodings, the
// launch options, the simulated sensors, battery, network and Wi-Fi, timings, logs,
// ext.json, the clipboard and brightness of the shell; the device panel's changes reach
// the page as the phone's events; the route hooks, wx.onError, onUnhandledRejection and
// onPageNotFound hear what happens; the back button asks first after
// enableAlertBeforeUnload.
func TestDeviceAndBaseAPIs(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/apis"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".title", "wx.* APIs", wait)
	for name, want := range map[string]string{
		"arrayBufferToBase64":      "AQID+g==",
		"base64ToArrayBuffer":      "1,2,3,250",
		"getRandomValues":          "getRandomValues:ok 8",
		"getLaunchOptionsSync":     "pages/index/index 1001 {}",
		"getEnterOptionsSync":      "pages/index/index",
		"getAccountInfoSync":       "touristappid develop",
		"getNetworkType":           "wifi",
		"getBatteryInfoSync":       "100 false",
		"getBatteryInfo":           "100",
		"accelerometer":            "0 0 -1",
		"compass":                  "0 3",
		"gyroscope":                "0 0 0",
		"deviceMotion":             "0 0 0",
		"wifi":                     "getConnectedWifi:fail not init | mpsim,mpsim-guest | mpsim | connectWifi:fail invalid SSID | mpsim-guest",
		"getSystemSetting":         "portrait",
		"getAppAuthorizeSetting":   "authorized",
		"getPerformance":           "appLaunch pages/index/index true",
		"requestIdleCallback":      "idle true",
		"getUpdateManager":         "hasUpdate false",
		"getLogManager":            "logged",
		"getRealtimeLogManager":    "logCount 2",
		"getExtConfigSync":         "mpsim shop",
		"getExtConfig":             "mpsim shop",
		"getSkylineInfoSync":       "false",
		"getSystemInfoAsync":       "getSystemInfoAsync:ok",
		"getRendererUserAgent":     "Chrome",
		"getApiCategory":           "default",
		"reportEvent":              "reported",
		"getExptInfoSync":          "{}",
		"getScreenRecordingState":  "off",
		"setKeepScreenOn":          "setKeepScreenOn:ok",
		"checkIsOpenAccessibility": "false",
		"getLocalIPAddress":        "getLocalIPAddress:ok",
		"loadFontFace":             "error",
		"preDownloadSubpackage":    "preDownloadSubpackage:ok",
		"getUserCryptoManager":     "1",
		"getClipboardData":         "copied text",
		"getScreenBrightness":      "0.25",
		"setScreenBrightness":      "setScreenBrightness:fail parameter error: value should be a number between 0 and 1",
		"vibrateShort":             "vibrateShort:ok",
		"promise":                  "wifi",
		"createWorker":             "squared 400",
		"checkDeviceSupportHevc":   "false",
		"bluetooth":                "getBluetoothDevices:fail not init | true true | 0",
		"beacons":                  "0 getBeacons:fail not startBeaconDiscovery",
	} {
		b.WaitText(".r-"+name, name+": "+want, wait)
	}
	b.WaitConsole("from the log manager", wait)
	b.WaitConsole("[mpsim] reportEvent tap", wait)
	// The shell dimmed the device for the brightness.
	waitShellValue(t, b, `document.getElementById('pages').style.filter`, "brightness(0.475)")

	// The device panel's changes are the phone's events.
	for _, js := range []string{`mpsimDevice.setNetwork('4g')`, `mpsimDevice.setWeakNetwork(true)`, `mpsimDevice.setBattery(15, true)`,
		`mpsimDevice.setTheme('dark')`, `mpsimDevice.memoryWarning()`, `mpsimDevice.captureScreen()`} {
		if _, err := Eval[any](b, js); err != nil {
			t.Fatalf("%s: %v", js, err)
		}
	}
	b.WaitText(".events", "network 4g true | weak true | battery 15 true | theme dark dark | memory 10 | capture", wait)
	// The tilted phone's sensors follow.
	if _, err := Eval[any](b, `mpsimDevice.setOrientation(90, 0, 0)`); err != nil {
		t.Fatal(err)
	}
	got, err := evalWorker[string](b, `new Promise((resolve) => {
  const f = (r) => { wx.offCompassChange(f); wx.stopCompass(); resolve(String(r.direction)) };
  wx.onCompassChange(f); wx.startCompass();
})`, wait)
	if err != nil || got != "270" {
		t.Errorf("compass after turning the phone 90°: %q, %v; want 270", got, err)
	}

	// Keys pressed in the page reach wx.onKeyDown; hideKeyboard takes the focus away.
	b.Type(".field", "k")
	b.WaitContains(".events", "keyboard 336 | key k", wait)
	if _, err := evalWorker[any](b, `wx.hideKeyboard()`, wait); err != nil {
		t.Fatal(err)
	}
	b.WaitContains(".events", "key k | keyboard 0", wait)
	waitTrue(t, func() bool {
		focused, _ := Eval[bool](b, inPage(`let el = doc.activeElement; while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement; return !!el && el.localName === 'input';`))
		return !focused
	})

	// Routes: the hooks hear the second page load and unload; the back button asks first.
	b.TapThenText(".go-second", ".title", "second", wait)
	b.TapThenText(".alert", ".status", "enableAlertBeforeUnload:ok", wait)
	b.tapShell("#nav-back")
	waitShellValue(t, b, `document.querySelector('.ui-modal-content')?.textContent || ''`, "leave second?")
	b.tapShell(".ui-modal-cancel")
	time.Sleep(200 * time.Millisecond)
	b.WaitText(".title", "second", wait)
	b.TapThenText(".missing", ".status", `navigateTo:fail page "pages/none/none" is not found`, wait)
	b.Tap(".fail")
	b.Tap(".reject")
	b.tapShell("#nav-back")
	b.tapShell(".ui-modal-confirm")
	b.WaitText(".title", "wx.* APIs", wait)
	// The thrown error shows over the bottom of the device, as any does; close it (once it
	// has come: on a busy machine it may come after the page is back).
	waitShellValue(t, b, `String(document.getElementById('app-error').hidden)`, "false")
	b.tapShell("#app-error-close")
	waitShellValue(t, b, `String(document.getElementById('app-error').hidden)`, "true")
	b.Tap(".show-heard")
	for _, want := range []string{
		"BeforeAppRoute pages/index/index appLaunch / BeforePageLoad pages/index/index appLaunch / AfterPageLoad pages/index/index appLaunch",
		"BeforeAppRoute pages/second/second navigateTo / BeforePageLoad pages/second/second navigateTo / AfterPageLoad pages/second/second navigateTo",
		"notFound: pages/none/none", "error: boom", "rejection: nobody caught me",
		"BeforeAppRoute pages/index/index navigateBack / BeforePageUnload pages/second/second / AfterPageUnload pages/second/second",
	} {
		b.WaitContains(".heard", want, wait)
	}

	// A lone page that is not the entry page has a home button, until hideHomeButton.
	if _, err := evalWorker[any](b, `wx.reLaunch({ url: '/pages/second/second' })`, wait); err != nil {
		t.Fatal(err)
	}
	b.WaitText(".title", "second", wait)
	waitShellValue(t, b, `String(document.getElementById('nav-home').hidden)`, "false")
	if _, err := evalWorker[any](b, `wx.hideHomeButton()`, wait); err != nil {
		t.Fatal(err)
	}
	waitShellValue(t, b, `String(document.getElementById('nav-home').hidden)`, "true")
}

// TestMediaAPIs chooses pictures through the shell's sheet and the computer's file picker
// (CDP's file chooser interception stands for the person picking files), and checks what
// the page gets: temporary files it can show, read the size of, compress, preview and save
// (a real download, whose bytes are the picture's); a network picture's size.
func TestMediaAPIs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	picture := func(name string, w, h int) string {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		var buf bytes.Buffer
		png.Encode(&buf, img)
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a, b2 := picture("a.png", 3, 2), picture("b.png", 5, 4)
	doc := filepath.Join(dir, "notes.txt")
	os.WriteFile(doc, []byte("hello notes"), 0o644)
	remote := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, b2)
	}))
	defer remote.Close()

	srv := StartServer(t, mpsimBin, RepoPath("testdata/apis"))
	b := OpenBrowser(t, srv.URL+"?page=pages/media/media&img="+url.QueryEscape(remote.URL+"/b.png"))
	b.WaitText(".title", "media", wait)
	b.WaitText(".remote", "5x4 png true", wait)

	// The file picker: each time it opens, the files of the queue are chosen.
	var mu sync.Mutex
	var queue [][]string
	chromedp.Listen(b.ctx, func(ev any) {
		opened, ok := ev.(*page.EventFileChooserOpened)
		if !ok {
			return
		}
		mu.Lock()
		files := queue[0]
		queue = queue[1:]
		mu.Unlock()
		go chromedp.Call(b.ctx, dom.SetFileInputFiles, dom.SetFileInputFilesParams{Files: files, BackendNodeID: opened.BackendNodeID})
	})
	choose := func(files ...string) {
		mu.Lock()
		queue = append(queue, files)
		mu.Unlock()
	}
	downloads := t.TempDir()
	if _, err := chromedp.Call(b.ctx, page.SetInterceptFileChooserDialog, page.SetInterceptFileChooserDialogParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	b.AllowDownloads(downloads)

	// chooseImage: the sheet, then two pictures.
	choose(a, b2)
	b.Tap(".choose")
	b.tapShell(".ui-sheet-item")
	b.WaitText(".chosen", "2 "+strconv.Itoa(fileSize(t, a))+","+strconv.Itoa(fileSize(t, b2))+" true", wait)
	b.WaitText(".loaded", "loaded 3x2", wait)
	b.WaitText(".info", "3x2 png", wait)
	b.WaitText(".compressed", "2x1 jpeg", wait)

	// Cancelling the sheet fails the call.
	b.Tap(".choose")
	b.tapShell(".ui-sheet-cancel")
	b.WaitText(".chosen", "chooseImage:fail cancel", wait)

	choose(b2)
	b.Tap(".media")
	b.tapShell(".ui-sheet-item")
	b.WaitText(".result", "image image 5x4", wait)

	choose(doc)
	b.Tap(".message")
	b.tapShell(".ui-sheet-item")
	b.WaitText(".result", "notes.txt 11 file", wait)

	// The preview shows the picture over the device; a tap in the middle closes it.
	b.TapThenText(".preview", ".result", "previewImage:ok", wait)
	waitShellValue(t, b, `String(!!document.querySelector('.ui-preview-item')?.src.includes('/wxfile/tmp_'))`, "true")
	b.tapShell(".ui-preview")
	waitShellValue(t, b, `String(!!document.querySelector('.ui-preview'))`, "false")

	// Saving to the album downloads the picture.
	b.TapThenText(".save", ".result", "saveImageToPhotosAlbum:ok", wait)
	want, _ := os.ReadFile(a)
	waitTrue(t, func() bool {
		entries, _ := os.ReadDir(downloads)
		for _, e := range entries {
			if got, _ := os.ReadFile(filepath.Join(downloads, e.Name())); bytes.Equal(got, want) && strings.HasSuffix(e.Name(), ".png") {
				return true
			}
		}
		return false
	})
}

func fileSize(t *testing.T, p string) int {
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return int(st.Size())
}

// Media contexts drive real players: an InnerAudioContext plays a tone the page wrote
// through the shell's player to its end; a VideoContext plays, pauses and seeks the page's
// <video>; an AudioContext gives the old <audio> a source and plays it.
func TestMediaContexts(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/apis"))
	b := OpenBrowser(t, srv.URL+"?page=pages/av/av")
	b.WaitText(".ready", "ready", wait)
	b.WaitText(".video-info", "0.5 wav", wait)
	b.WaitText(".compressed", "same file", wait)
	b.TapThenText(".inner", ".inner-events", "play ended 0.5 true", wait)
	b.TapThenText(".video-play", ".video-events", "play", wait)
	b.TapThenText(".video-seek", ".video-events", "play pause seekcomplete 0.25", wait)
	b.TapThenText(".audio-play", ".audio-events", "play", wait)
	// The background audio plays as soon as it has a src; a voice plays to its end.
	b.TapThenText(".bg", ".bg-events", "play ended tone status 0", wait)
	b.TapThenText(".voice", ".voice-result", "playVoice:ok", wait)
}

// The old canvas API draws on the page's <canvas canvas-id> at the element's size;
// canvasToTempFilePath exports it to a file an <image> shows; createOffscreenCanvas draws
// and reads pixels in the logic layer.
func TestCanvasAPIs(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/apis"))
	b := OpenBrowser(t, srv.URL+"?page=pages/canvas/canvas")
	b.WaitText(".offscreen", "10x10 0,255,0,255", wait)
	// The picture is the canvas's CSS size × the device's pixel ratio (3), as on a phone.
	b.TapThenText(".draw", ".exported", "300x150 png", wait)
	b.WaitText(".shown-size", "300x150", wait)
	pixel := func(x, y int) string {
		v, err := Eval[string](b, inPage(fmt.Sprintf(`const c = doc.querySelector('wx-canvas canvas'); return c.width + 'x' + c.height + ' ' + Array.from(c.getContext('2d').getImageData(%d, %d, 1, 1).data).join(',');`, x, y)))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got := pixel(25, 25); got != "100x50 255,0,0,255" {
		t.Errorf("left half: %s, want red on a 100x50 canvas", got)
	}
	if got := pixel(75, 25); got != "100x50 0,0,255,255" {
		t.Errorf("right half: %s, want blue", got)
	}
	b.TapThenText(".pixels", ".pixels-out", "2x1 0,0,255,255,0,0,255,255 | canvasPutImageData:ok | 0,255,0,255 | "+
		"canvasPutImageData:fail parameter error: data holds 100 pixels, not width × height = 25", wait)
	if got := pixel(5, 5); got != "100x50 0,255,0,255" {
		t.Errorf("after canvasPutImageData: %s, want green", got)
	}

	// A 2d canvas backed at 3x: the area x 50, width 50 (CSS pixels) is its blue half.
	b.TapThenText(".draw-hd", ".hd-exported", "150x150", wait)
	waitImagePixels(t, b, ".hd-shown", [][2]int{{5, 5}, {145, 145}}, `["0,0,255,255","0,0,255,255"]`)
}

// waitImagePixels waits until the picture an <image> (selector) shows has, at each point
// of its own pixels, the colours want lists ("r,g,b,a" each, as JSON).
func waitImagePixels(t *testing.T, b *Browser, selector string, points [][2]int, want string) {
	t.Helper()
	pts, _ := json.Marshal(points)
	waitEval(t, b, `const pic = doc.querySelector('`+selector+`').shadowRoot.querySelector('.picture');
  const m = /url\("?(.*?)"?\)/.exec(pic.style.backgroundImage); if (!m) return null;
  const src = new URL(m[1], doc.baseURI).href;
  if (!window.__shown || window.__shown.src !== src) { window.__shown = new Image(); window.__shown.src = src; return null; }
  const img = window.__shown; if (!img.complete || !img.naturalWidth) return null;
  const c = doc.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight; const g = c.getContext('2d'); g.drawImage(img, 0, 0);
  return `+string(pts)+`.map(([x, y]) => Array.from(g.getImageData(x, y, 1, 1).data).join(','));`, want)
}
