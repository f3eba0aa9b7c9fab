package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mpsim/mpsim/internal/testlibs"
)

// TestHotReloadTimes measures, for docs/bench.md, the time from a file written on disk to
// the changed DOM in Chromium, for a .wxss and a .wxml change of the three-library
// project's Vant page, against a full reload of the same page in the same run. It logs the
// figures (go test -v -run HotReloadTimes ./e2e/) and fails only if an update is lost or
// far off.
func TestHotReloadTimes(t *testing.T) {
	dir := testlibs.ThreeLibraryProject(t)
	page := testlibs.Libraries[0].Page // Vant's
	srv := StartServer(t, mpsimBin, dir)
	b := OpenBrowser(t, srv.URL+"?page="+page)
	b.WaitContains(".lib", "vant button", wait)
	write := func(name, content string) float64 {
		t.Helper()
		at := float64(time.Now().UnixNano()) / 1e6
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return at
	}
	// seen watches the page, each animation frame, until check holds, and returns when it
	// first did, on the clock the test shares with the page (epoch milliseconds).
	seen := func(check string) float64 {
		t.Helper()
		at, err := Eval[float64](b, inPage(`return new Promise((resolve) => {
  const win = doc.defaultView;
  const tick = () => {
    const d = win.document;
    if (`+check+`) resolve(win.performance.timeOrigin + win.performance.now());
    else win.requestAnimationFrame(tick);
  };
  tick();
});`))
		if err != nil {
			t.Fatalf("waiting for %s: %v\nconsole:\n%s", check, err, strings.Join(b.Console(), "\n"))
		}
		return at
	}
	colour := func(c string) string {
		return `getComputedStyle(d.querySelector('.lib')).color === '` + c + `'`
	}
	var styles, templates []float64
	for i := 1; i <= 7; i++ {
		c := []string{"rgb(1, 2, 3)", "rgb(4, 5, 6)"}[i%2]
		at := write(page+".wxss", ".lib { padding: 24rpx; color: "+c+"; }\n")
		styles = append(styles, seen(colour(c))-at)

		label := "hot " + string(rune('a'+i))
		at = write(page+".wxml", `<view class="lib"><van-button type="primary">vant button</van-button><van-cell title="`+label+`" value="v" /></view>`+"\n")
		templates = append(templates, seen(`d.querySelector('.lib') && d.querySelector('.lib').textContent.includes('`+label+`')`)-at)
		time.Sleep(100 * time.Millisecond)
	}
	// The baseline: the same page loaded afresh (the shell reloaded, as a relaunch does).
	var reloads []float64
	for i := 0; i < 5; i++ {
		at := float64(time.Now().UnixNano()) / 1e6
		if _, err := Eval[bool](b, `(window.__old = true, location.reload(), true)`); err != nil {
			t.Fatal(err)
		}
		waitTrue(t, func() bool { old, err := Eval[bool](b, `!!window.__old`); return err == nil && !old })
		waitTrue(t, func() bool {
			got, _ := b.Text(".lib")
			return strings.Contains(got, "vant button")
		})
		reloads = append(reloads, seen(`d.querySelector('.lib') && getComputedStyle(d.querySelector('.lib')).visibility !== 'hidden'`)-at)
	}
	for _, line := range strings.Split(srv.Output(), "\n") {
		if strings.Contains(line, "rebuilt") || strings.Contains(line, "changed") {
			t.Log(line)
		}
	}
	t.Logf(".wxss write -> style in the page: %v ms (median %.1f)", rounded(styles), median(styles))
	t.Logf(".wxml write -> text in the page: %v ms (median %.1f)", rounded(templates), median(templates))
	t.Logf("full reload -> page shown: %v ms (median %.1f)", rounded(reloads), median(reloads))
	t.Logf("ratios to a full reload: wxss %.2f, wxml %.2f", median(styles)/median(reloads), median(templates)/median(reloads))
	if median(styles) > 2000 || median(templates) > 2000 {
		t.Fatalf("far off: wxss %v, wxml %v", styles, templates)
	}
}
