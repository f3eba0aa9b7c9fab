package wxss

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mpsim/mpsim/internal/testlibs"
)

// vantFiles lists the .wxss files of @vant/weapp's lib/ (pinned in testdata/libs), as
// paths relative to it, and which of them are components' sheets (a .json beside).
func vantFiles(b *testing.B) (root string, files []string, components []string) {
	root = filepath.Join(testlibs.NodeModules(b), "@vant", "weapp", "lib")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".wxss") {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		files = append(files, rel)
		if _, err := os.Stat(strings.TrimSuffix(p, ".wxss") + ".json"); err == nil {
			components = append(components, rel)
		}
		return nil
	})
	if err != nil || len(files) == 0 {
		b.Fatalf("no .wxss in %s: %v", root, err)
	}
	sort.Strings(files)
	return root, files, components
}

// BenchmarkVantVsWcsc compiles every .wxss of @vant/weapp's lib/ with ours (read each
// file, Compile it once, Link every component's sheet in its scope) and with the official
// wcsc (one process for all files, as the developer tools run it), in the same run. It
// reports both times per build and their ratio (ours / wcsc; below 1 is faster).
//
//	go test -run '^$' -bench VantVsWcsc -benchtime 20x ./compiler/wxss/
func BenchmarkVantVsWcsc(b *testing.B) {
	root, files, components := vantFiles(b)
	wcsc := wcscPath(b)
	// wcsc takes the sheets that are output first, then those only imported.
	args := []string{"-pc", strconv.Itoa(len(files))}
	for _, f := range files {
		args = append(args, "./"+f)
	}

	var ours, theirs time.Duration
	var outBytes int
	for b.Loop() {
		start := time.Now()
		compiled := make(map[string]*Output, len(files))
		for _, f := range files {
			src, err := os.ReadFile(filepath.Join(root, f))
			if err != nil {
				b.Fatal(err)
			}
			out, diags := Compile(f, src, Options{Component: true})
			if diags.HasErrors() {
				b.Fatal(diags)
			}
			compiled[f] = &out
		}
		outBytes = 0
		for _, c := range components {
			css, diags := Link(c, compiled, StyleScope(c, true, "", false))
			if diags.HasErrors() {
				b.Fatal(diags)
			}
			outBytes += len(css)
		}
		ours += time.Since(start)

		start = time.Now()
		cmd := exec.Command(wcsc, args...)
		cmd.Dir = root
		out, err := cmd.Output()
		if err != nil || strings.Contains(string(out), "ERR:") {
			b.Fatalf("wcsc: %v\n%.500s", err, out)
		}
		theirs += time.Since(start)
	}
	n := float64(b.N)
	b.ReportMetric(float64(ours.Nanoseconds())/n, "mpsim-ns/build")
	b.ReportMetric(float64(theirs.Nanoseconds())/n, "wcsc-ns/build")
	b.ReportMetric(float64(ours)/float64(theirs), "mpsim/wcsc")
	b.ReportMetric(float64(len(files)), "files")
	b.ReportMetric(float64(outBytes), "css-bytes")
}
