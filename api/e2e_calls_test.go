package api

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// Every API that coverage.tsv lists real or mock is called by an end-to-end test. The rule,
// kept simple so that anyone can check it by eye: the API counts as called when one of
// these appears in an e2e test source (e2e/*_test.go) or in a .js/.ts/.wxml/.wxs file of a
// testdata app that those sources open (a `testdata/<app>` they name):
//   - wx.NAME
//   - p('NAME' — the pages' promise helper, `const p = (api, args) => ... wx[api](...)`
//   - data-api="NAME" — a tapped node whose handler calls wx[dataset.api]
//
// A test that calls it checks its answer; this guard only keeps an API from being listed
// working while no page ever calls it.
func TestEveryImplementedAPIIsCalledByAnE2EApp(t *testing.T) {
	rows, err := CoverageTable()
	if err != nil {
		t.Fatal(err)
	}
	called := map[string]bool{}
	wxCall := regexp.MustCompile(`\bwx\.([A-Za-z_$][A-Za-z0-9_$]*)|\bp\(\s*'([A-Za-z]+)'|\bdata-api="([A-Za-z]+)"`)
	note := func(src []byte) {
		for _, m := range wxCall.FindAllSubmatch(src, -1) {
			called[string(m[1])+string(m[2])+string(m[3])] = true
		}
	}
	tests, err := filepath.Glob("../e2e/*_test.go")
	if err != nil || len(tests) == 0 {
		t.Fatalf("no e2e tests found in ../e2e: %v", err)
	}
	apps := map[string]bool{}
	appRef := regexp.MustCompile(`testdata/([A-Za-z0-9_-]+)`)
	for _, p := range tests {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		note(src)
		for _, m := range appRef.FindAllSubmatch(src, -1) {
			apps[string(m[1])] = true
		}
	}
	for app := range apps {
		root := filepath.Join("..", "testdata", app)
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			switch filepath.Ext(p) {
			case ".js", ".ts", ".wxml", ".wxs":
				src, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				note(src)
			}
			return nil
		})
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	var missing []string
	implemented := 0
	for _, r := range rows {
		if r.State == StateUnsupported {
			continue
		}
		implemented++
		if !called[r.Name] {
			missing = append(missing, r.Name+" ("+r.State+", "+r.Category+")")
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d of %d real or mock APIs are called by no e2e app (call each from a page of testdata/apis and check its answer in an e2e test):\n%s",
			len(missing), implemented, strings.Join(missing, "\n"))
	}
}
