package wxs

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/wxs/golden")

// goldenDir holds one case per X.wxs, with what Compile and Requires give for it beside
// it in X.js: the required modules and the diagnostics as comments, then the output.
// A case's filename is its path under goldenDir.
const goldenDir = "../../testdata/wxs/golden"

func TestGolden(t *testing.T) {
	var cases []string
	err := filepath.WalkDir(goldenDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".wxs") {
			rel, _ := filepath.Rel(goldenDir, p)
			cases = append(cases, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases in %s: %v", goldenDir, err)
	}
	for _, name := range cases {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(goldenDir, name))
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			refs, _ := Requires(name, src, 1, 1)
			for _, r := range refs {
				fmt.Fprintf(&b, "// requires %s (%d:%d)\n", r.Path, r.Line, r.Column)
			}
			js, errs := Compile(name, src, 1, 1)
			for _, d := range errs {
				b.WriteString("// " + strings.ReplaceAll(d.Error(), "\n", "\n// ") + "\n")
			}
			b.WriteString(js + "\n")
			got := b.String()
			goldenFile := filepath.Join(goldenDir, strings.TrimSuffix(name, ".wxs")+".js")
			if *update {
				if err := os.WriteFile(goldenFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenFile)
			if err != nil {
				t.Fatalf("%v (run go test ./compiler/wxs -run TestGolden -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s changed (run with -update if that is intended)\n--- got ---\n%s\n--- want ---\n%s", goldenFile, got, want)
			}
		})
	}
}
