package e2e

import (
	"strings"
	"testing"
)

// A TypeScript page with a decorator, async/await and import renders; an exception in a
// page's onLoad shows in the console with the .ts file and line, reaches App.onError, and
// the app keeps running.
func TestTypeScriptPageAndErrorLines(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/typescript"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".msg", "HELLO TYPESCRIPT", wait)

	b.TapThenText(".crash", ".shown", "crash page", wait)
	line := b.WaitConsole("onLoad", wait)
	if !strings.Contains(line, "pages/crash/crash.ts:8:") {
		t.Errorf("the console does not point at pages/crash/crash.ts:8:\n%s", line)
	}
	if strings.Contains(line, "appservice.js:") {
		t.Errorf("the console shows generated positions:\n%s", line)
	}
	// The simulator shows it over the page, and the terminal has it, both with the line.
	waitTrue(t, func() bool {
		text, _ := Eval[string](b, `document.getElementById('app-error').hidden ? '' : document.getElementById('app-error-text').textContent`)
		return strings.HasPrefix(text, "onLoad: ") && strings.Contains(text, "pages/crash/crash.ts:8:")
	})
	waitTrue(t, func() bool {
		return strings.Contains(srv.Output(), "the app threw") && strings.Contains(srv.Output(), "pages/crash/crash.ts:8:")
	})
	b.tapShell("#app-error-close")
	waitTrue(t, func() bool { hidden, _ := Eval[bool](b, `document.getElementById('app-error').hidden`); return hidden })
}
