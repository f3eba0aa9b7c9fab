package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/mpsim/mpsim/internal/testlibs"
)

// The three libraries build with zero errors, and every page renders in Chromium with no
// uncaught error in either layer.
func TestThreeLibraryProject(t *testing.T) {
	t.Parallel()
	dir := testlibs.ThreeLibraryProject(t)
	_, stderr, code := runMpsim(t, "build", dir)
	if code != 0 || strings.Contains(stderr, "error:") {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}

	srv := StartServer(t, mpsimBin, dir)
	for _, lib := range testlibs.Libraries {
		t.Run(lib.Package, func(t *testing.T) {
			b := OpenBrowser(t, srv.URL+"?page="+lib.Page)
			b.WaitContains(".lib", lib.Marker, wait)
			time.Sleep(200 * time.Millisecond) // let lifetimes and timers run (noErrors waits 300 more)
			noErrors(t, b)
		})
	}
}

// `mpsim build-npm` on the command line does what the test project's set-up does.
func TestBuildNpmCommand(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{"package.json": `{"dependencies": {}}`})
	stdout, stderr, code := runMpsim(t, "build-npm", dir)
	if code != 0 || !strings.Contains(stdout, "built 0 npm package(s)") {
		t.Fatalf("build-npm: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, stderr, code := runMpsim(t, "build-npm", t.TempDir()); code != 1 || !strings.Contains(stderr, "package.json") {
		t.Fatalf("build-npm without package.json: exit %d\n%s", code, stderr)
	}
}
