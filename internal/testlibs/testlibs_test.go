package testlibs

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The lock file is committed: it pins by integrity and names no registry, so npm ci
// works against whichever registry the machine is configured for.
func TestLockFileNamesNoRegistry(t *testing.T) {
	lock, err := os.ReadFile(filepath.Join(LibsDir(), "package-lock.json"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(lock), `"resolved"`) {
		t.Error(`package-lock.json has "resolved" URLs: regenerate it with omit-lockfile-registry-resolved=true`)
	}
}

func TestNodeModulesHasThePinnedVersions(t *testing.T) {
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	data, err := os.ReadFile(filepath.Join(LibsDir(), "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatal(err)
	}
	modules := NodeModules(t)
	for name, want := range pkg.Dependencies {
		var got struct{ Version string }
		data, err := os.ReadFile(filepath.Join(modules, name, "package.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatal(err)
		}
		if got.Version != want {
			t.Errorf("%s: installed %s, package.json pins %s", name, got.Version, want)
		}
	}
	if NodeModules(t) != modules {
		t.Error("a second call installed elsewhere")
	}
}

// CopyDist puts a package's dist/ where the project names its components.
func TestCopyDist(t *testing.T) {
	dir := t.TempDir()
	CopyDist(t, dir, "iview-weapp", "iview")
	for _, f := range []string{"iview/button/index.js", "iview/button/index.json", "iview/base/index.js"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
			t.Error(err)
		}
	}
}
