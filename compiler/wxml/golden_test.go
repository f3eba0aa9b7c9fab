package wxml

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/wxml")

// goldenDir holds one case per X.wxml, with what Compile prints for it in X.golden.js:
// the diagnostics as // comments, then the JavaScript.
const goldenDir = "../../testdata/wxml"

func goldenCases(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(goldenDir, "*.wxml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test cases in %s: %v", goldenDir, err)
	}
	return files
}

func TestGolden(t *testing.T) {
	for _, file := range goldenCases(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".wxml")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := goldenOutput(filepath.Base(file), src)
			goldenFile := filepath.Join(goldenDir, name+".golden.js")
			if *update {
				if err := os.WriteFile(goldenFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenFile)
			if err != nil {
				t.Fatalf("%v (run go test ./compiler/wxml -run TestGolden -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s changed (run with -update if that is intended)\n--- got ---\n%s\n--- want ---\n%s", goldenFile, got, want)
			}
		})
	}
}

func goldenOutput(file string, src []byte) string {
	out, diags := Compile(file, src)
	js := out.JS
	var b strings.Builder
	for _, d := range diags {
		for line := range strings.SplitSeq(d.Error(), "\n") {
			b.WriteString(strings.TrimRight("// "+line, " ") + "\n")
		}
	}
	if js != "" {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(js + "\n")
	}
	return b.String()
}
