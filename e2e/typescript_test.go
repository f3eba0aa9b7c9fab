package e2e

import (
	"strings"
	"testing"
)

// A TypeScript page with a decorator, async/await and import renders; an exception in a
// page's onLoad shows in the console with the .ts file and line, reaches App.onError, and
// the app keeps running.
func TestTypeScriptPageAndErrorLines(t *testing.T) {
	srv := StartServer(t, mpsimBin, RepoPath("testdata/typescript"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".msg", "HELLO TYPESCRIPT", wait)

	b.Tap(".crash")
	b.WaitText(".shown", "crash page", wait)
	line := b.WaitConsole("onLoad", wait)
	if !strings.Contains(line, "pages/crash/crash.ts:8:") {
		t.Errorf("the console does not point at pages/crash/crash.ts:8:\n%s", line)
	}
	if strings.Contains(line, "appservice.js:") {
		t.Errorf("the console shows generated positions:\n%s", line)
	}
}
