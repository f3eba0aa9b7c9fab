// Package headless starts Debian's chromium headless and off the network, for the tests
// and for `mpsim auto`: the one place that knows its path and flags.
package headless

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"

	"github.com/chromedp/chromedp"
)

// Path finds chromium: MPSIM_CHROMIUM, else chromium, chromium-browser or google-chrome
// on PATH.
func Path() (string, error) {
	if p := os.Getenv("MPSIM_CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no chromium on PATH: `make test` installs Debian's chromium, or set MPSIM_CHROMIUM")
}

// options are the flags every headless chromium of mpsim gets: off the network (the test
// machines have none) and out of the way of other browsers.
func options(path, userDataDir string, w, h int) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(userDataDir),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(w, h),
	)
}

// Launch starts a headless chromium, w×h pixels, with its profile in userDataDir, and
// returns a chromedp context on its first tab; cancel ends the browser. It is the
// browser of `mpsim auto`.
func Launch(ctx context.Context, userDataDir string, w, h int) (context.Context, context.CancelFunc, error) {
	path, err := Path()
	if err != nil {
		return nil, nil, err
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, options(path, userDataDir, w, h)...)
	tab, cancelTab := chromedp.NewContext(allocCtx)
	cancel := func() { cancelTab(); cancelAlloc() }
	// The first run starts the browser; it must carry no timeout of its own.
	if err := chromedp.Do(tab); err != nil {
		cancel()
		return nil, nil, fmt.Errorf("start chromium (%s): %w", path, err)
	}
	return tab, cancel, nil
}

// Browser starts a headless chromium for the test, w×h pixels, and returns a chromedp
// context on its first tab; it ends with the test. The first run on a context starts the
// browser and must carry no timeout (it would end the browser with it), so Browser makes
// that run; later steps take their own timeouts. The flags keep it off the network (the
// test machines have none) and out of the way of other tests.
func Browser(t testing.TB, w, h int) context.Context {
	t.Helper()
	path, err := Path()
	if err != nil {
		t.Fatal(err)
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), options(path, t.TempDir(), w, h)...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}
