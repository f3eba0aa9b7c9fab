package e2e

import (
	"os"
	"testing"
)

func TestAdhocProject(t *testing.T) {
	srv := StartServer(t, mpsimBin, os.Getenv("ADHOC"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".cnt", "0", wait)
	b.Tap(".nohandler")
	b.Tap(".empty")
	b.TapThenText(".cnt", ".cnt", "1", wait)
	for _, sel := range []string{".dec", ".rt", ".path", ".a1"} {
		v, ok := b.Text(sel)
		t.Logf("%s = %q %v", sel, v, ok)
	}
	t.Log(b.Style(".a1", "color"), b.Visible(".never"))
	b.Type(".in", "yo")
	b.WaitText(".v", "XYO", wait)
	b.TapThenText(".go", ".q", "a b&c=d|1", wait)
	for _, l := range b.Console() {
		t.Log(l)
	}
}
