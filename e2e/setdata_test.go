package e2e

import "testing"

// setData: path keys, the callback after the page shows the change, and the warnings a
// phone gives (testdata/setdata).
func TestSetData(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/setdata"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".row-1", "b", wait)

	b.TapThenText(".paths", ".row-1", "B", wait)
	b.WaitText(".deep", "2", wait)
	b.WaitText(".row-0", "a", wait)

	b.TapThenText(".show", ".cb", "rendered 33 true", wait)

	b.TapThenText(".big", ".big", "big 1126400", wait)
	b.WaitConsole("setData of 1100 KB in pages/index/index: over 1024 KB", wait)

	b.TapThenText(".cycle", ".cycle", "cycle loop", wait)

	b.Tap(".undef")
	b.WaitConsole(`Setting data field "nothing" to undefined is invalid.`, wait)
}
