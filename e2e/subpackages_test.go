package e2e

import (
	"strings"
	"testing"
)

// Subpackages (testdata/subpackages): the main package reaches a subpackage's code by
// require.async and require(path, callback), and its component through a
// componentPlaceholder; a subpackage page requires the main package's code and its own
// and takes app.wxss; an independent subpackage's page does not take app.wxss.
func TestSubpackages(t *testing.T) {
	t.Parallel()
	// The build counts the subpackages' pages with the main package's.
	if stdout, stderr, code := runMpsim(t, "build", RepoPath("testdata/subpackages"), "-o", t.TempDir()); code != 0 || !strings.Contains(stdout, "built 3 page(s)") {
		t.Fatalf("build: exit %d, stdout %q\n%s", code, stdout, stderr)
	}
	srv := StartServer(t, mpsimBin, RepoPath("testdata/subpackages"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".title", "main", wait)
	b.WaitText(".badge", "badge from main", wait)
	b.WaitText(".async", "meow", wait)
	b.WaitText(".callback", "cb meow", wait)
	b.WaitText(".missing", "rejected", wait)
	b.WaitStyle(".title", "color", "rgb(255, 0, 0)", wait)

	b.TapThenText(".to-cat", ".cat", "hello tom meow app", wait)
	b.WaitText(".label", "badge in cat", wait)
	b.WaitStyle(".cat", "color", "rgb(255, 0, 0)", wait)

	b = OpenBrowser(t, srv.URL)
	b.WaitText(".title", "main", wait)
	b.TapThenText(".to-dog", ".dog", "woof app", wait)
	b.WaitStyle(".dog", "color", "rgb(0, 0, 0)", wait)
	noErrors(t, b)
}
