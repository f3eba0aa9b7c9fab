package server

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// watchRecorder runs Watch on dir and records each burst it reports.
type watchRecorder struct {
	mu     sync.Mutex
	bursts [][]string
}

func startWatch(t *testing.T, dir string, quiet time.Duration) *watchRecorder {
	t.Helper()
	rec := &watchRecorder{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		Watch(ctx, dir, quiet, []string{filepath.Join(dir, "data")}, slog.New(slog.NewTextHandler(io.Discard, nil)), func(changed []string) {
			rec.mu.Lock()
			rec.bursts = append(rec.bursts, changed)
			rec.mu.Unlock()
		})
	}()
	t.Cleanup(func() { cancel(); <-done })
	time.Sleep(50 * time.Millisecond) // the watches are in place
	return rec
}

// wait returns the bursts once n have come and no other for a while.
func (r *watchRecorder) wait(t *testing.T, n int) [][]string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		r.mu.Lock()
		got := len(r.bursts)
		r.mu.Unlock()
		if got >= n {
			time.Sleep(300 * time.Millisecond)
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.bursts)
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A save by renaming a temporary file over the old one (vim, many editors) is one
// change of the file; the editor's temporary and backup files are not reported.
func TestWatchAtomicRenameSave(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "pages/a/a.wxml"), "<view/>")
	rec := startWatch(t, dir, 50*time.Millisecond)

	write(t, filepath.Join(dir, "pages/a/.a.wxml.swp"), "swap")
	write(t, filepath.Join(dir, "pages/a/a.wxml.tmp"), "<view>new</view>")
	if err := os.Rename(filepath.Join(dir, "pages/a/a.wxml"), filepath.Join(dir, "pages/a/a.wxml~")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "pages/a/a.wxml.tmp"), filepath.Join(dir, "pages/a/a.wxml")); err != nil {
		t.Fatal(err)
	}
	bursts := rec.wait(t, 1)
	if len(bursts) != 1 || !slices.Equal(bursts[0], []string{"pages/a/a.wxml"}) {
		t.Fatalf("bursts %q, want one with pages/a/a.wxml", bursts)
	}
}

// A burst of 200 writes (a git checkout, a formatter) is one rebuild; a folder created
// during the burst is watched, and node_modules, .git and the data folder are not.
func TestWatchCoalescesBursts(t *testing.T) {
	dir := t.TempDir()
	// The quiet time is longer than the editor's default: on a machine at load 11, 300 ms
	// between two of the test's own writes split the burst.
	rec := startWatch(t, dir, time.Second)
	for i := range 200 {
		write(t, filepath.Join(dir, fmt.Sprintf("pages/p%d/p%d.js", i%20, i)), "Page({})")
		write(t, filepath.Join(dir, "node_modules/x/index.js"), "x")
		write(t, filepath.Join(dir, ".git/index"), "x")
		write(t, filepath.Join(dir, "data/storage.db"), "x")
	}
	bursts := rec.wait(t, 1)
	if len(bursts) != 1 {
		t.Fatalf("%d bursts for one burst of writes", len(bursts))
	}
	if len(bursts[0]) != 200 {
		t.Fatalf("the burst names %d files, want the 200 written (node_modules and .git ignored): %q", len(bursts[0]), bursts[0][:5])
	}
	// A file in a folder made during the burst is seen when it changes later.
	write(t, filepath.Join(dir, "pages/p3/p3.js"), "Page({ data: {} })")
	bursts = rec.wait(t, 2)
	if len(bursts) != 2 || !slices.Equal(bursts[1], []string{"pages/p3/p3.js"}) {
		t.Fatalf("after the burst: %q", bursts[1:])
	}
}
