package server

import (
	"context"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch calls onChange with the files that changed under dir, once per burst of
// changes (a save, a git checkout, a formatter run): it waits until no event has come
// for quiet. Folders created later are watched too; node_modules, dot folders (.git),
// the folders in skip (the simulator's own data folder, if it is inside) and editors'
// swap and backup files are ignored. It returns when ctx is done.
func Watch(ctx context.Context, dir string, quiet time.Duration, skip []string, log *slog.Logger, onChange func(changed []string)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	// addTree watches root and the folders under it, and returns the files in them.
	addTree := func(root string) (files []string) {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if !d.IsDir() {
				if rel, err := filepath.Rel(dir, p); err == nil && !ignoredPath(rel) {
					files = append(files, filepath.ToSlash(rel))
				}
				return nil
			}
			if p != dir && (ignoredDir(d.Name()) || slices.Contains(skip, p)) {
				return filepath.SkipDir
			}
			if err := w.Add(p); err != nil {
				log.Warn("watch: cannot watch a folder; its changes will be missed", "folder", p, "err", err)
			}
			return nil
		})
		return files
	}
	addTree(dir)

	pending := map[string]bool{}
	timer := time.NewTimer(quiet)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			log.Warn("watch", "err", err)
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			rel, err := filepath.Rel(dir, ev.Name)
			if err != nil || ignoredPath(rel) || underAny(ev.Name, skip) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					// A new folder is watched from now on; the files already in it (written
					// before the watch was in place) count as changed. The folder itself
					// is no source.
					if !ignoredDir(filepath.Base(ev.Name)) {
						for _, f := range addTree(ev.Name) {
							pending[f] = true
						}
						timer.Reset(quiet)
					}
					continue
				}
			}
			pending[filepath.ToSlash(rel)] = true
			timer.Reset(quiet)
		case <-timer.C:
			changed := make([]string, 0, len(pending))
			for p := range pending {
				changed = append(changed, p)
			}
			sort.Strings(changed)
			pending = map[string]bool{}
			onChange(changed)
		}
	}
}

// underAny reports whether path is one of the folders or inside one.
func underAny(path string, folders []string) bool {
	for _, f := range folders {
		if path == f || strings.HasPrefix(path, f+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

func ignoredDir(name string) bool {
	return name == "node_modules" || strings.HasPrefix(name, ".")
}

// ignoredPath reports changes no build depends on: inside ignored folders, and the
// temporary files editors write beside a file they save.
func ignoredPath(rel string) bool {
	parts := strings.Split(filepath.ToSlash(rel), "/")
	for _, p := range parts[:len(parts)-1] {
		if ignoredDir(p) {
			return true
		}
	}
	name := parts[len(parts)-1]
	return strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") ||
		strings.HasPrefix(name, ".#") || strings.HasSuffix(name, ".tmp") || name == "4913" || strings.HasPrefix(name, ".")
}
