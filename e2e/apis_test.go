package e2e

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

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
	srv := StartServer(t, mpsimBin, RepoPath("testdata/apis"), "--data", t.TempDir())
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
