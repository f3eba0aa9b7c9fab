// Package headless starts Debian's chromium for tests, headless and off the network: the
// one place that knows its path and flags.
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
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(w, h),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}
