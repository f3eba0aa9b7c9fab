package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The official miniprogram-automator client (e2e/automator, pinned in its package-lock)
// drives mpsim: through automator.launch with mpsim as cliPath, and through
// automator.connect to a running `mpsim auto`. The suite itself is e2e/automator/suite.test.js.
func TestAutomatorLaunch(t *testing.T) {
	t.Parallel()
	project := automatorProject(t)
	timings := runAutomatorSuite(t, map[string]string{
		"MPSIM_MODE":      "launch",
		"MPSIM_CLI":       mpsimBin,
		"MPSIM_PROJECT":   project,
		"MPSIM_AUTO_PORT": fmt.Sprint(freePort(t)),
	})
	t.Logf("launch mode: %v", timings)
}

func TestAutomatorConnect(t *testing.T) {
	t.Parallel()
	project := automatorProject(t)
	port := freePort(t)
	cmd := exec.Command(mpsimBin, "auto", "--project", project, "--auto-port", fmt.Sprint(port), "--trust-project", "--lang", "en")
	// The browser's profile (mpsim-auto-*) goes under TMPDIR: it must be gone when mpsim is.
	tmp := t.TempDir()
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	stdout, _ := cmd.StdoutPipe()
	var output strings.Builder
	var mu sync.Mutex
	cmd.Stderr = writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return output.Write(p)
	})
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		if t.Failed() {
			mu.Lock()
			t.Logf("mpsim auto output:\n%s", output.String())
			mu.Unlock()
		}
	})
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if rest, ok := strings.CutPrefix(sc.Text(), "mpsim: automation on "); ok {
				ready <- rest
			}
		}
	}()
	var ws string
	select {
	case ws = <-ready:
	case err := <-exited:
		t.Fatalf("mpsim auto exited before serving the automation port: %v", err)
	case <-time.After(90 * time.Second):
		t.Fatal("mpsim auto did not serve the automation port within 90s")
	}
	if want := fmt.Sprintf("ws://127.0.0.1:%d", port); ws != want {
		t.Errorf("automation port at %s, want %s", ws, want)
	}
	mu.Lock()
	if !strings.Contains(output.String(), "--trust-project is a flag of the official tools that mpsim ignores") {
		t.Errorf("no note about the ignored official flag:\n%s", output.String())
	}
	mu.Unlock()
	timings := runAutomatorSuite(t, map[string]string{"MPSIM_MODE": "connect", "MPSIM_WS": ws})
	t.Logf("connect mode: %v", timings)
	// The suite ends with mp.close(): Tool.close ends mpsim auto.
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("mpsim auto ended with %v after Tool.close, want exit 0", err)
		}
	case <-time.After(15 * time.Second):
		t.Error("mpsim auto still runs 15s after Tool.close")
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "mpsim-auto-*")); len(left) > 0 {
		t.Errorf("the browser's profile outlived mpsim auto: %v", left)
	}
}

// automatorProject copies testdata/automator to a folder of the test: the client may
// write the project's config, and the data folder is then the test's own.
func automatorProject(t *testing.T) string {
	dir := filepath.Join(t.TempDir(), "automator")
	if err := os.CopyFS(dir, os.DirFS(RepoPath("testdata/automator"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

var npmOnce sync.Once
var npmErr error

// runAutomatorSuite installs the pinned client (npm ci, once) and runs the suite with env;
// it returns the timings the suite measured.
func runAutomatorSuite(t *testing.T, env map[string]string) map[string]float64 {
	dir := RepoPath("e2e/automator")
	npmOnce.Do(func() {
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			npmErr = fmt.Errorf("npm ci in e2e/automator: %v\n%s", err, out)
		}
	})
	if npmErr != nil {
		t.Fatal(npmErr)
	}
	timingsFile := filepath.Join(t.TempDir(), "timings.json")
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "--test", "--test-concurrency=1", "--test-reporter=spec", "suite.test.js")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "MPSIM_TIMINGS="+timingsFile)
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	start := time.Now()
	out, err := cmd.CombinedOutput()
	wall := time.Since(start)
	if err != nil {
		t.Fatalf("the automator suite failed (%v):\n%s", err, out)
	}
	var timings map[string]float64
	if b, err := os.ReadFile(timingsFile); err == nil {
		json.Unmarshal(b, &timings)
	}
	if timings == nil {
		timings = map[string]float64{}
	}
	timings["suiteWallMs"] = float64(wall.Milliseconds())
	return timings
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// A project that does not build ends `mpsim auto` at once with the error, rather than a
// client waiting on a simulator with no app.
func TestAutoStopsOnABrokenProject(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "app.json"), []byte(`{"pages": ["pages/a/a"]`), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, mpsimBin, "auto", "--project", dir, "--auto-port", fmt.Sprint(freePort(t))).CombinedOutput()
	if code := exitCode(err); code != 1 {
		t.Fatalf("exit %d (%v), want 1:\n%s", code, err, out)
	}
	for _, want := range []string{"app.json:1:24: error", "the project does not build"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func exitCode(err error) int {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}
