// Package testlibs gives tests the third-party npm packages pinned in testdata/libs
// (component libraries to compile, the official wcc to measure against), installed once
// per lock file into a cache directory shared by every test binary.
package testlibs

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
)

// NodeModules returns the node_modules directory holding exactly the packages of
// testdata/libs/package-lock.json, running `npm ci` the first time. The install lives
// in $MPSIM_CACHE (or the user's cache directory + /mpsim) under testlibs/<lock hash>,
// so a changed lock file gets a fresh install and an unchanged one is reused across
// runs. A file lock serialises installers and the finished tree appears by one rename,
// so parallel test binaries neither collide nor see half an install. Without npm the
// test fails: a missing tool is never a silent skip.
func NodeModules(t testing.TB) string {
	t.Helper()
	dir, err := install(LibsDir())
	if err != nil {
		t.Fatalf("testlibs: %v", err)
	}
	return filepath.Join(dir, "node_modules")
}

// LibsDir is testdata/libs of this repository, found from this source file.
func LibsDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "libs")
}

// CacheDir is where installs are kept: $MPSIM_CACHE, else <user cache dir>/mpsim.
func CacheDir() (string, error) {
	if d := os.Getenv("MPSIM_CACHE"); d != "" {
		return d, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory (set MPSIM_CACHE): %w", err)
	}
	return filepath.Join(d, "mpsim"), nil
}

func install(libs string) (string, error) {
	pkg, err := os.ReadFile(filepath.Join(libs, "package.json"))
	if err != nil {
		return "", err
	}
	lock, err := os.ReadFile(filepath.Join(libs, "package-lock.json"))
	if err != nil {
		return "", err
	}
	cache, err := CacheDir()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(append(append([]byte{}, pkg...), lock...))
	root := filepath.Join(cache, "testlibs")
	final := filepath.Join(root, hex.EncodeToString(sum[:8]))
	if done(final) {
		return final, nil
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return "", err
	}
	unlock, err := lockFile(final + ".lock")
	if err != nil {
		return "", err
	}
	defer unlock()
	if done(final) { // another process installed it while we waited
		return final, nil
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", errors.New("npm is not on PATH: install Node.js and npm (e.g. `apt-get install nodejs npm`) to run the tests that need testdata/libs")
	}
	tmp, err := os.MkdirTemp(root, "install-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	for name, data := range map[string][]byte{"package.json": pkg, "package-lock.json": lock} {
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o644); err != nil {
			return "", err
		}
	}
	// --ignore-scripts: these packages need no install step, and tests run no one's hooks.
	cmd := exec.Command(npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = tmp
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm ci in a copy of %s: %w\n%s", libs, err, out)
	}
	// A half-finished earlier attempt (killed before its rename) may have left final.
	if err := os.RemoveAll(final); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, final); err != nil {
		return "", err
	}
	return final, nil
}

// done reports whether dir holds a finished install: npm ci writes
// node_modules/.package-lock.json last, and dir only exists after the rename.
func done(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "node_modules", ".package-lock.json"))
	return err == nil
}

// lockFile takes an exclusive advisory lock on path, waiting for other holders.
func lockFile(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("locking %s: %w", path, err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
