package wxml

import (
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mpsim/mpsim/internal/testlibs"
)

// BenchmarkVantLib compiles every .wxml and .wxs file of @vant/weapp's lib/ (the pinned
// version in testdata/libs) both ways in each iteration, alternating so that both see the
// same machine:
//
//   - mpsim: our compilers through the Go API, in this process: read each file from
//     disk, compile it (wxml.Compile, wxs.Compile) on every core as the build does, then
//     Link them all;
//   - wcc: one run of the official compiler shipped in npm's miniprogram-compiler
//     (bin/linux/wcc), started as the developer tools start it (src/wcc.js): every file
//     on one command line, with the usingComponents of each page, output to a pipe.
//
// Both are whole runs over the same files; wcc's includes starting its process. It
// reports mpsim-ms/run, wcc-ms/run and their ratio mpsim/wcc (the target is <= 1).
func BenchmarkVantLib(b *testing.B) {
	modules := testlibs.NodeModules(b)
	root := filepath.Join(modules, "@vant", "weapp", "lib")
	files := libFiles(b, root, "")
	if errs := compileLib(files); errs.HasErrors() {
		b.Fatalf("our compilers reject @vant/weapp:\n%v", errs)
	}
	wcc := wccBinary(b, modules)
	args := wccArgs(b, root, files)

	var ours, theirs time.Duration
	for b.Loop() {
		start := time.Now()
		compileLib(libFiles(b, root, ""))
		mid := time.Now()
		cmd := exec.Command(wcc, args...)
		cmd.Dir = root
		cmd.Stdout = io.Discard
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("wcc: %v\n%s", err, stderr.String())
		}
		ours += mid.Sub(start)
		theirs += time.Since(mid)
	}
	n := float64(b.N)
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(float64(ours.Microseconds())/1000/n, "mpsim-ms/run")
	b.ReportMetric(float64(theirs.Microseconds())/1000/n, "wcc-ms/run")
	b.ReportMetric(float64(ours)/float64(theirs), "mpsim/wcc")
	b.ReportMetric(float64(len(files)), "files")
}

// wccBinary copies the official wcc out of the npm package into a temporary folder with
// the executable bit npm does not keep (src/wcc.js sets it at run time too).
func wccBinary(b *testing.B, modules string) string {
	b.Helper()
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		b.Skipf("miniprogram-compiler ships wcc for linux/amd64 (and mac, windows), not %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	data, err := os.ReadFile(filepath.Join(modules, "miniprogram-compiler", "bin", "linux", "wcc"))
	if err != nil {
		b.Fatal(err)
	}
	bin := filepath.Join(b.TempDir(), "wcc")
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		b.Fatal(err)
	}
	return bin
}

// wccArgs builds the command line miniprogram-compiler's src/wcc.js builds: -d, -cc with
// the custom components each page uses ("<count> <page.wxml> <n> <tag>..."), the .wxml
// files, the .wxs files, then -gn $gwx.
func wccArgs(b *testing.B, root string, files []libFile) []string {
	b.Helper()
	var wxml, wxsFiles, comps []string
	count := 0
	for _, f := range files {
		if path.Ext(f.Path) == ".wxs" {
			wxsFiles = append(wxsFiles, f.Path)
			continue
		}
		wxml = append(wxml, f.Path)
		data, err := os.ReadFile(filepath.Join(root, strings.TrimSuffix(f.Path, ".wxml")+".json"))
		if err != nil {
			continue // a template-only file
		}
		var cfg struct {
			UsingComponents map[string]any `json:"usingComponents"`
		}
		if err := json.Unmarshal(data, &cfg); err != nil {
			b.Fatalf("%s.json: %v", f.Path, err)
		}
		if len(cfg.UsingComponents) == 0 {
			continue
		}
		count++
		comps = append(comps, f.Path, strconv.Itoa(len(cfg.UsingComponents)))
		for tag := range cfg.UsingComponents {
			comps = append(comps, tag)
		}
	}
	componentArg := strings.Join(append([]string{strconv.Itoa(count)}, comps...), " ")
	args := append([]string{"-d", "-cc", componentArg}, wxml...)
	args = append(args, wxsFiles...)
	return append(args, "-gn", "$gwx")
}
