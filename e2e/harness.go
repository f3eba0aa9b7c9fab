// Package e2e drives the real simulator end to end: it builds the mpsim binary, serves a
// mini-program on 127.0.0.1, opens it in Debian's headless chromium with chromedp, and
// reads and taps what a person would see inside the page iframe.
package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/mpsim/mpsim/internal/headless"
)

// Binary builds cmd/mpsim once per test process into dir and returns its path.
func Binary(dir string) (string, error) {
	_, file, _, _ := runtime.Caller(0)
	repo := filepath.Dir(filepath.Dir(file))
	bin := filepath.Join(dir, "mpsim")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/mpsim")
	cmd.Dir = repo
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/mpsim: %v\n%s", err, out)
	}
	return bin, nil
}

// RepoPath returns a path inside the repository, for testdata.
func RepoPath(rel string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(filepath.Dir(file)), rel)
}

// Server is a running `mpsim open`.
type Server struct {
	URL    string
	cmd    *exec.Cmd
	mu     sync.Mutex
	output strings.Builder // what the server printed, for failure messages
}

var urlLine = regexp.MustCompile(`serving .* at (http://\S+)`)

// StartServer runs `bin open args...` on a free port of 127.0.0.1 and waits for its URL.
// Without a --data in args, the project's storage and files go to a folder of the test's
// own, so tests of one project can run side by side and none sees another's storage.
func StartServer(t testing.TB, bin string, args ...string) *Server {
	t.Helper()
	if !slices.Contains(args, "--data") {
		args = append(args, "--data", t.TempDir())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, append([]string{"open", "--port", "0"}, args...)...)
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 5 * time.Second
	stdout, _ := cmd.StdoutPipe()
	s := &Server{cmd: cmd}
	cmd.Stderr = writerFunc(func(p []byte) (int, error) {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.output.Write(p)
	})
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("start mpsim: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		cmd.Wait()
		if t.Failed() {
			t.Logf("mpsim output:\n%s", s.Output())
		}
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := urlLine.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
	}()
	select {
	case s.URL = <-found:
	case <-time.After(30 * time.Second):
		t.Fatalf("mpsim printed no URL within 30s:\n%s", s.Output())
	}
	return s
}

// Stop ends the server (as Ctrl-C does) and waits for it, before the test ends.
func (s *Server) Stop(t testing.TB) {
	t.Helper()
	s.cmd.Process.Signal(os.Interrupt)
	s.cmd.Wait()
}

// Output is what the server printed on stderr so far.
func (s *Server) Output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.output.String()
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// Browser is one headless chromium tab on the simulator.
type Browser struct {
	t   testing.TB
	ctx context.Context
	// worker is a chromedp context on the service layer's Web Worker.
	worker context.Context
	log    *consoleLog
}

// consoleLog is the console of one tab, shared by the Browsers For gives.
type consoleLog struct {
	mu    sync.Mutex
	lines []string // console messages and uncaught exceptions of the shell and its pages
}

// For returns the same tab driven by another test (a subtest), which its failures fail.
func (b *Browser) For(t testing.TB) *Browser {
	return &Browser{t: t, ctx: b.ctx, worker: b.worker, log: b.log}
}

// chromium is the headless chromium the tests of this process share: each test's tab is
// in a browser context of its own (its own storage, cookies and downloads), which takes a
// fraction of the time that starting a chromium takes. closeChromium ends it (TestMain).
var chromium struct {
	once   sync.Once
	ctx    context.Context
	cancel context.CancelFunc
	dir    string
	err    error
}

func closeChromium() {
	if chromium.cancel != nil {
		chromium.cancel()
	}
	if chromium.dir != "" {
		os.RemoveAll(chromium.dir)
	}
}

// newTab opens a tab, 800×1100, in a new browser context of the shared chromium; both go
// with the test.
func newTab(t testing.TB) context.Context {
	t.Helper()
	chromium.once.Do(func() {
		if chromium.dir, chromium.err = os.MkdirTemp("", "mpsim-e2e-chromium"); chromium.err != nil {
			return
		}
		chromium.ctx, chromium.cancel, chromium.err = headless.Launch(context.Background(), chromium.dir, 800, 1100)
	})
	if chromium.err != nil {
		t.Fatalf("start chromium: %v", chromium.err)
	}
	ctx, cancel := chromedp.NewContext(chromium.ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open a tab in chromium: %v", err)
	}
	return ctx
}

// OpenBrowser opens url in a tab of its own of the shared headless chromium (newTab).
func OpenBrowser(t testing.TB, url string) *Browser {
	t.Helper()
	ctx := newTab(t)
	b := &Browser{t: t, ctx: ctx, log: &consoleLog{}}
	// A failed test shows what the simulator's layers logged.
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("console of %s:\n%s", url, strings.Join(b.Console(), "\n"))
		}
	})
	if err := chromedp.Listen(ctx, b.onEvent); err != nil {
		t.Fatalf("listen to chromium: %v", err)
	}
	navCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	// A person's simulator window has the focus; headless chromium's has none unless told,
	// and a field focused by the page (focus, auto-focus) would hear no focus event.
	focused := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	})
	if err := chromedp.Do(navCtx, focused); err != nil {
		t.Fatalf("emulate a focused window: %v", err)
	}
	if err := chromedp.Do(navCtx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("open %s in chromium: %v", url, err)
	}
	b.listenToWorker(navCtx)
	return b
}

// AllowDownloads saves what the tab downloads into dir (as a person's browser saves into
// their downloads folder), for this tab's browser context only.
func (b *Browser) AllowDownloads(dir string) {
	b.t.Helper()
	id := chromedp.FromContext(b.ctx).BrowserContextID
	params := browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, BrowserContextID: id, DownloadPath: dir}
	if _, err := chromedp.CallBrowser(b.ctx, browser.SetDownloadBehavior, params); err != nil {
		b.t.Fatalf("allow downloads: %v", err)
	}
}

// listenToWorker adds the service layer's console (a Web Worker, a target of its own) to
// the console the test sees.
func (b *Browser) listenToWorker(ctx context.Context) {
	mine := chromedp.FromContext(b.ctx).BrowserContextID
	for ctx.Err() == nil {
		targets, err := chromedp.Targets(ctx)
		if err != nil {
			b.t.Fatalf("list chromium's targets: %v", err)
		}
		for _, info := range targets {
			if info.Type != "worker" || info.BrowserContextID != mine {
				continue
			}
			wctx, _ := chromedp.NewContext(b.ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithListener(b.onEvent))
			if err := chromedp.Do(wctx); err != nil {
				b.t.Fatalf("attach to the service layer's worker: %v", err)
			}
			b.worker = wctx
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	b.t.Fatal("the simulator started no service layer worker")
}

// onEvent keeps the console: it runs on chromedp's reading goroutine, so it only appends.
func (b *Browser) onEvent(ev any) {
	var line string
	switch ev := ev.(type) {
	case *cdpruntime.EventConsoleAPICalled:
		parts := []string{string(ev.Type) + ":"}
		for _, a := range ev.Args {
			var s string
			if json.Unmarshal([]byte(a.Value), &s) == nil {
				parts = append(parts, s)
			} else if len(a.Value) > 0 {
				parts = append(parts, string(a.Value))
			} else {
				parts = append(parts, a.Description)
			}
		}
		line = strings.Join(parts, " ")
	case *cdpruntime.EventExceptionThrown:
		line = "exception: " + ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			line += " " + ev.ExceptionDetails.Exception.Description
		}
	default:
		return
	}
	b.log.mu.Lock()
	b.log.lines = append(b.log.lines, line)
	b.log.mu.Unlock()
}

// Console returns the console lines so far.
func (b *Browser) Console() []string {
	b.log.mu.Lock()
	defer b.log.mu.Unlock()
	return append([]string(nil), b.log.lines...)
}

// WaitConsole waits for a console line containing want and returns it.
func (b *Browser) WaitConsole(want string, timeout time.Duration) string {
	b.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		for _, line := range b.Console() {
			if strings.Contains(line, want) {
				return line
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	b.t.Fatalf("no console line contains %q; the console:\n%s", want, strings.Join(b.Console(), "\n"))
	return ""
}

// Eval runs a JavaScript expression in the shell page and returns its value (a
// Promise's, once it settles).
func Eval[T any](b *Browser, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// inPage wraps a JavaScript body that runs with `doc`, the document of the page on top of
// the stack (the one shown), and `frame`, its iframe; it yields null while there is none.
func inPage(body string) string {
	return `(() => {
  const frames = [...document.querySelectorAll('#pages iframe')].filter((f) => f.style.visibility !== 'hidden');
  const frame = frames[frames.length - 1];
  const doc = frame && frame.contentDocument;
  if (!doc) return null;
  ` + body + `
})()`
}

// classSelector matches a WXML class name in a CSS selector.
var classSelector = regexp.MustCompile(`\.([A-Za-z_][A-Za-z0-9_-]*)`)

// domSelector turns a selector written against the WXML (".counter") into one that also
// finds the class inside a component's style scope, where glass-easel writes it
// "scope--counter" (docs/compat.md).
func domSelector(selector string) string {
	return classSelector.ReplaceAllString(selector, `:is(.$1, [class$="--$1"], [class*="--$1 "])`)
}

// Text returns the text of the first element matching selector in the top page, and
// whether there is one. Class names match in any style scope (domSelector).
func (b *Browser) Text(selector string) (string, bool) {
	sel, _ := json.Marshal(domSelector(selector))
	text, err := Eval[*string](b, inPage(`const el = doc.querySelector(`+string(sel)+`); return el ? el.textContent : null;`))
	if err != nil || text == nil {
		return "", false
	}
	return *text, true
}

// WaitText waits until the element's text is want, failing the test after timeout.
func (b *Browser) WaitText(selector, want string, timeout time.Duration) {
	b.t.Helper()
	b.waitFor(selector, func(got string) bool { return got == want }, "want "+strconv.Quote(want), timeout)
}

// WaitContains waits until the element's text contains want.
func (b *Browser) WaitContains(selector, want string, timeout time.Duration) {
	b.t.Helper()
	b.waitFor(selector, func(got string) bool { return strings.Contains(got, want) }, "want it to contain "+strconv.Quote(want), timeout)
}

func (b *Browser) waitFor(selector string, ok func(string) bool, want string, timeout time.Duration) {
	b.t.Helper()
	deadline := time.Now().Add(timeout)
	var got string
	for time.Now().Before(deadline) {
		got, _ = b.Text(selector)
		if ok(got) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	b.t.Fatalf("%s: text %q, %s (after %v)", selector, got, want, timeout)
}

// Style returns the computed value of a CSS property of the first element matching
// selector in the top page (classes match in any style scope, as in Text).
func (b *Browser) Style(selector, property string) string {
	b.t.Helper()
	sel, _ := json.Marshal(domSelector(selector))
	prop, _ := json.Marshal(property)
	v, err := Eval[*string](b, inPage(`const el = doc.querySelector(`+string(sel)+`);
  return el ? doc.defaultView.getComputedStyle(el).getPropertyValue(`+string(prop)+`) : null;`))
	if err != nil || v == nil {
		b.t.Fatalf("%s: no such element in the page (%v)", selector, err)
	}
	return *v
}

// WaitStyle waits until a computed style of the element is want (style sheets load
// after the nodes they style).
func (b *Browser) WaitStyle(selector, property, want string, timeout time.Duration) {
	b.t.Helper()
	deadline := time.Now().Add(timeout)
	var got string
	for time.Now().Before(deadline) {
		if got = b.Style(selector, property); got == want {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	b.t.Errorf("%s %s = %q, want %q (after %v)", selector, property, got, want, timeout)
}

// center is the middle of the element in the shell's coordinates.
func (b *Browser) center(selector string) (x, y float64) {
	b.t.Helper()
	return b.point(selector, "", 0.5, 0.5)
}

// point is the point at fractions (fx, fy) of the element's box in the shell's
// coordinates: the first element matching selector, or with text != "" the first whose
// trimmed text is text. An element outside the page's viewport is scrolled into view
// first, as a person scrolls to what they tap.
func (b *Browser) point(selector, text string, fx, fy float64) (x, y float64) {
	b.t.Helper()
	// A person taps what has stopped moving: wait until the point has stayed put for
	// 150ms, which also covers a sheet that has not started to slide in yet.
	x, y = b.pointOnce(selector, text, fx, fy)
	for still, deadline := 0, time.Now().Add(3*time.Second); still < 3 && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		x2, y2 := b.pointOnce(selector, text, fx, fy)
		if math.Abs(x2-x) < 0.5 && math.Abs(y2-y) < 0.5 {
			still++
		} else {
			still = 0
		}
		x, y = x2, y2
	}
	return x, y
}

func (b *Browser) pointOnce(selector, text string, fx, fy float64) (x, y float64) {
	b.t.Helper()
	sel, _ := json.Marshal(domSelector(selector))
	txt, _ := json.Marshal(text)
	pt, err := Eval[*[2]float64](b, inPage(`const all = [...doc.querySelectorAll(`+string(sel)+`)];
  const want = `+string(txt)+`;
  const el = want ? all.find((e) => e.textContent.trim() === want) : all[0];
  if (!el) return null;
  const fx = `+strconv.FormatFloat(fx, 'f', -1, 64)+`, fy = `+strconv.FormatFloat(fy, 'f', -1, 64)+`;
  const f = frame.getBoundingClientRect();
  // The part of the page a person sees: the frame's viewport within the shell's window.
  const top = Math.max(0, -f.top), bottom = Math.min(doc.defaultView.innerHeight, window.innerHeight - f.top);
  let r = el.getBoundingClientRect();
  const y = r.top + r.height * fy;
  if (y < top || y > bottom) {
    doc.scrollingElement.scrollBy(0, y - (top + bottom) / 2);
    r = el.getBoundingClientRect();
  }
  return [f.left + r.left + r.width * fx, f.top + r.top + r.height * fy];`))
	if err != nil || pt == nil {
		what := selector
		if text != "" {
			what += " with text " + strconv.Quote(text)
		}
		b.t.Fatalf("%s: no such element in the page (%v)", what, err)
	}
	return pt[0], pt[1]
}

// mouse dispatches one mouse event with the left button through CDP Input, as a
// person's mouse does.
func (b *Browser) mouse(typ input.DispatchMouseEventType, x, y float64) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	clicks := 1
	if typ == chromedp.MouseMoved {
		clicks = 0
	}
	if err := chromedp.Do(ctx, chromedp.MouseEvent(typ, x, y, chromedp.ButtonLeft, chromedp.ClickCount(clicks))); err != nil {
		b.t.Fatalf("mouse %s: %v", typ, err)
	}
}

// Press holds the mouse down on the element for d, then releases it.
func (b *Browser) Press(selector string, d time.Duration) {
	b.t.Helper()
	x, y := b.center(selector)
	b.mouse(chromedp.MousePressed, x, y)
	time.Sleep(d)
	b.mouse(chromedp.MouseReleased, x, y)
}

// Drag presses on the element, moves by (dx, dy) in steps, and releases.
func (b *Browser) Drag(selector string, dx, dy float64, steps int) {
	b.t.Helper()
	x, y := b.center(selector)
	b.mouse(chromedp.MousePressed, x, y)
	for i := 1; i <= steps; i++ {
		time.Sleep(16 * time.Millisecond) // a touch screen reports a move a frame
		b.mouse(chromedp.MouseMoved, x+dx*float64(i)/float64(steps), y+dy*float64(i)/float64(steps))
	}
	time.Sleep(100 * time.Millisecond) // the finger rests before it lifts
	b.mouse(chromedp.MouseReleased, x+dx, y+dy)
}

// Tap clicks the middle of the element with a real mouse event (CDP Input), as a person
// with a mouse does in the simulator.
func (b *Browser) Tap(selector string) {
	b.t.Helper()
	x, y := b.center(selector)
	b.click(selector, x, y)
}

// TapThenText taps tap, then waits until selector's text is want: the answer to a tap
// comes from the service layer, after a round trip and a render.
func (b *Browser) TapThenText(tap, selector, want string, timeout time.Duration) {
	b.t.Helper()
	b.Tap(tap)
	b.WaitText(selector, want, timeout)
}

// TapText taps the first element matching selector whose trimmed text is text (one item
// of a list: an option, a tab, a button).
func (b *Browser) TapText(selector, text string) {
	b.t.Helper()
	x, y := b.point(selector, text, 0.5, 0.5)
	b.click(selector, x, y)
}

// TapAt taps the element at fractions (fx, fy) of its box: 0.75, 0.5 is three quarters of
// the way along a slider's bar.
func (b *Browser) TapAt(selector string, fx, fy float64) {
	b.t.Helper()
	x, y := b.point(selector, "", fx, fy)
	b.click(selector, x, y)
}

func (b *Browser) click(what string, x, y float64) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(x, y)); err != nil {
		b.t.Fatalf("tap %s: %v", what, err)
	}
}

// Type focuses the element with a tap and types text with real key events, as a person
// does ("\r" is the Enter key).
func (b *Browser) Type(selector, text string) {
	b.t.Helper()
	b.Tap(selector + " input, " + selector + " textarea")
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(text)); err != nil {
		b.t.Fatalf("type into %s: %v", selector, err)
	}
}

// Screenshot writes a PNG (quality 100 asks chromedp for PNG) of the simulator to path, for a person to look at.
func (b *Browser) Screenshot(path string) error {
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		return err
	}
	return os.WriteFile(path, png, 0o644)
}

// waitTrue waits until cond holds, failing the test after the usual wait.
func waitTrue(t testing.TB, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 15s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Visible reports whether an element matching selector is shown in the top page: it
// has a box, neither it nor an ancestor is hidden, and no ancestor that clips its overflow
// (a collapsed panel) cuts it away. A transparent element counts as shown: an overlay
// fading out still takes taps until it is gone.
func (b *Browser) Visible(selector string) bool {
	sel, _ := json.Marshal(domSelector(selector))
	v, err := Eval[bool](b, inPage(`const shown = (el) => {
    if (el.getClientRects().length === 0) return false;
    const r = el.getBoundingClientRect();
    let [l, t, rt, bt] = [r.left, r.top, r.right, r.bottom];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = doc.defaultView.getComputedStyle(e);
      if (s.visibility === 'hidden' || s.display === 'none') return false;
      if (e !== el && s.overflow !== 'visible') {
        const c = e.getBoundingClientRect();
        [l, t, rt, bt] = [Math.max(l, c.left), Math.max(t, c.top), Math.min(rt, c.right), Math.min(bt, c.bottom)];
        if (rt - l < 1 || bt - t < 1) return false;
      }
    }
    return true;
  };
  return [...doc.querySelectorAll(`+string(sel)+`)].some(shown);`))
	return err == nil && v
}

// WaitVisible waits until Visible(selector) is want.
func (b *Browser) WaitVisible(selector string, want bool, timeout time.Duration) {
	b.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if b.Visible(selector) == want {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	b.t.Fatalf("%s: visible is not %v after %v", selector, want, timeout)
}
