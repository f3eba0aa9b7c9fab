package wxss

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/wxss/golden")

// goldenDir holds one case per X.wxss (pages) and component/X.wxss (components, linked
// in their scope), with what bundle prints for it beside it in X.css: the diagnostics as
// comments, then the CSS. Files under common/ are only imported.
const goldenDir = "../../testdata/wxss/golden"

func TestGolden(t *testing.T) {
	fsys := os.DirFS(goldenDir)
	var entries []string
	for _, pattern := range []string{"*.wxss", "component/*.wxss"} {
		m, _ := filepath.Glob(filepath.Join(goldenDir, pattern))
		for _, f := range m {
			rel, _ := filepath.Rel(goldenDir, f)
			entries = append(entries, filepath.ToSlash(rel))
		}
	}
	if len(entries) == 0 {
		t.Fatalf("no cases in %s", goldenDir)
	}
	for _, entry := range entries {
		t.Run(entry, func(t *testing.T) {
			component := strings.HasPrefix(entry, "component/")
			scope := StyleScope(entry, component, "", false)
			css, diags := bundle(fsys, entry, Options{Component: component}, scope)
			var b strings.Builder
			for _, d := range diags {
				b.WriteString("/* " + strings.ReplaceAll(d.Error(), "*/", "* /") + " */\n")
			}
			b.WriteString(css)
			got := b.String()
			goldenFile := filepath.Join(goldenDir, strings.TrimSuffix(entry, ".wxss")+".css")
			if *update {
				if err := os.WriteFile(goldenFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenFile)
			if err != nil {
				t.Fatalf("%v (run go test ./compiler/wxss -run TestGolden -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s changed (run with -update if that is intended)\n--- got ---\n%s\n--- want ---\n%s", goldenFile, got, want)
			}
		})
	}
}
