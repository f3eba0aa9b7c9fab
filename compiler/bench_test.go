package compiler

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/mpsim/mpsim/compiler/project"
	"github.com/mpsim/mpsim/internal/testlibs"
)

// BenchmarkBuildThreeLibraries measures builds of the three-library project (Vant Weapp,
// TDesign, WeUI after build npm, one page each using every component): a cold build, as
// `mpsim build` does it, against reading every file of the project (the floor any build
// stands on) in the same run; and a rebuild after one .wxss, one .wxml and one .js file
// changed (the watcher names it, as `mpsim open` does), against the cold build.
// docs/bench.md records the figures.
func BenchmarkBuildThreeLibraries(b *testing.B) {
	dir := testlibs.ThreeLibraryProject(b)
	fsys := os.DirFS(dir)
	// A developer's files were written long before the edit: wait until these are
	// older than the two seconds in which the Builder reads a file whatever its time says.
	time.Sleep(2100 * time.Millisecond)
	build := func(builder *Builder, changed ...string) {
		p, errs := project.Load(fsys)
		if errs.HasErrors() {
			b.Fatal(errs)
		}
		if out, errs := builder.Build(p, changed); out == nil {
			b.Fatal(errs)
		}
	}
	readAll := func() {
		fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && d.Name() != "node_modules" {
				fs.ReadFile(fsys, p)
			}
			if d != nil && d.IsDir() && d.Name() == "node_modules" {
				return fs.SkipDir
			}
			return nil
		})
	}
	touch := map[string]string{
		"wxss": "miniprogram_npm/@vant/weapp/button/index.wxss",
		"wxml": "miniprogram_npm/@vant/weapp/button/index.wxml",
		"js":   "miniprogram_npm/@vant/weapp/button/index.js",
	}
	originals := map[string][]byte{}
	for _, f := range touch {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			b.Fatal(err)
		}
		originals[f] = data
	}

	// As cmd/mpsim runs builds (its gcPercent).
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	var read, cold time.Duration
	rebuild := map[string]time.Duration{}
	warm := NewBuilder()
	build(warm)
	b.ResetTimer()
	// The cold builds come first and the rebuilds after them, each in a loop of its own:
	// in a running server, a rebuild does not follow a cold build, whose garbage the
	// collector would otherwise make the next rebuilds pay for.
	for i := 0; i < b.N; i++ {
		start := time.Now()
		readAll()
		read += time.Since(start)

		runtime.GC() // a cold `mpsim build` is a new process: it starts on an empty heap
		start = time.Now()
		build(NewBuilder())
		cold += time.Since(start)
	}
	runtime.GC()
	for i := 0; i < b.N; i++ {
		for kind, f := range touch {
			comment := fmt.Sprintf("\n/* %d */\n", i)
			if kind == "wxml" {
				comment = fmt.Sprintf("\n<!-- %d -->\n", i)
			}
			os.WriteFile(filepath.Join(dir, f), append(append([]byte{}, originals[f]...), comment...), 0o644)
			start := time.Now()
			build(warm, f) // as the file watcher does: it names the file that changed
			rebuild[kind] += time.Since(start)
			if st := warm.Stats(); st.Compiled != 1 {
				b.Fatalf("touching %s compiled %d files, want 1", f, st.Compiled)
			}
		}
	}
	b.StopTimer()
	n := float64(b.N)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / n }
	b.ReportMetric(ms(cold), "cold-ms")
	b.ReportMetric(ms(read), "read-all-ms")
	b.ReportMetric(float64(cold)/float64(read), "cold/read")
	for _, kind := range []string{"wxss", "wxml", "js"} {
		b.ReportMetric(ms(rebuild[kind]), kind+"-rebuild-ms")
		b.ReportMetric(float64(rebuild[kind])/float64(cold), kind+"-rebuild/cold")
	}
}
