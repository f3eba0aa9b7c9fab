package e2e

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestRenderTimes measures, in Chromium, the figures of docs/bench.md's page section: a
// navigateTo to the new page's onReady and to its first render, the first render of a
// 1,000-row wx:for, and a setData that changes one row until the DOM shows it; and, as
// the baseline, the same 1,000 rows built with plain DOM calls in the same page. It logs
// them (go test -v -run RenderTimes ./e2e/) and fails only if something is far off.
func TestRenderTimes(t *testing.T) {
	srv := StartServer(t, mpsimBin, RepoPath("testdata/perf"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".open-small", "open small", wait)
	number := func(sel string) float64 {
		s, _ := b.Text(sel)
		f, _ := strconv.ParseFloat(strings.TrimSpace(s), 64)
		return f
	}
	rendered := func() float64 {
		v, _ := Eval[float64](b, inPage(`return doc.defaultView.__mpsimRenderedAt || 0;`))
		return v
	}
	// A small page: navigateTo -> onReady, and -> first render.
	var ready, openRender []float64
	for i := 0; i < 5; i++ {
		b.TapThenText(".open-small", ".row-2", "row 2", wait)
		waitTrue(t, func() bool { return number(".ready") > 0 })
		ready = append(ready, number(".ready"))
		openRender = append(openRender, rendered()-number(".t0"))
		navigateBack(t, b)
	}
	// The 1,000-row page: navigateTo -> the rows on screen.
	b.TapThenText(".open-list", ".row-999", "row 999", wait)
	waitTrue(t, func() bool { return number(".ready") > 0 })
	time.Sleep(200 * time.Millisecond)
	list := rendered() - number(".t0")
	breakdown, _ := b.Text(".breakdown")
	t.Logf("1,000 rows, in the Worker: %s", breakdown)

	// One row of the 1,000: setData -> the DOM shows it.
	var update []float64
	for i := 0; i < 9; i++ {
		b.TapThenText(".update", ".row-500", "changed "+strconv.Itoa(i+1), wait)
		time.Sleep(50 * time.Millisecond)
		update = append(update, rendered()-number(".t1"))
	}

	// The baseline: the same 1,000 rows made with DOM calls in the same page (the median
	// of five, as the machine may be busy).
	var baselines []float64
	for i := 0; i < 5; i++ {
		d, err := Eval[float64](b, inPage(`
  const t0 = performance.now();
  const box = doc.createElement('div');
  for (let i = 0; i < 1000; i++) {
    const row = doc.createElement('wx-view'); row.className = 'row';
    const text = doc.createElement('wx-text'); text.textContent = 'row ' + i;
    row.appendChild(text); box.appendChild(row);
  }
  doc.body.appendChild(box); box.getBoundingClientRect();
  const d = performance.now() - t0; box.remove(); return d;`))
		if err != nil {
			t.Fatal(err)
		}
		baselines = append(baselines, d)
	}
	baseline := median(baselines)
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		t.Logf("load average: %s", strings.Join(strings.Fields(string(load))[:3], " "))
	}
	t.Logf("navigateTo -> onReady (small page): %v ms", rounded(ready))
	t.Logf("navigateTo -> first render (small page): %v ms", rounded(openRender))
	t.Logf("navigateTo -> 1,000 rows rendered: %.1f ms; DOM baseline for the rows: %.1f ms %v; ratio %.1f", list, baseline, rounded(baselines), list/baseline)
	t.Logf("setData of one row of 1,000 -> DOM: %v ms, median %.1f", rounded(update), median(update))
	if list > 5000 || median(update) > 500 {
		t.Fatalf("far off: list %.0f ms, update %v ms", list, update)
	}
}

func navigateBack(t *testing.T, b *Browser) {
	t.Helper()
	n := func() int { v, _ := Eval[int](b, `window.__mpsim.stack().length`); return v }
	before := n()
	// The navigation bar has no back button yet: ask the shell's route, as it will.
	Eval[bool](b, `(window.__mpsim.back(), true)`)
	waitTrue(t, func() bool { return n() < before })
}

func rounded(xs []float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = float64(int(x*10)) / 10
	}
	return out
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s[len(s)/2]
}
