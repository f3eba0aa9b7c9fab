package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mpsim/mpsim/api"
	"github.com/mpsim/mpsim/web"
)

func table(t *testing.T) []api.Coverage {
	t.Helper()
	rows, err := api.CoverageTable()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// docs/api-coverage.md is what the command makes of api/coverage.tsv now.
func TestDocIsUpToDate(t *testing.T) {
	doc := filepath.Join("..", "..", "docs", "api-coverage.md")
	old, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	want, err := render(string(old), table(t))
	if err != nil {
		t.Fatal(err)
	}
	if string(old) != want {
		t.Fatal("docs/api-coverage.md is stale: run go run ./cmd/apicoverage")
	}
}

// The table has one row for each declared API, in its category, and nothing else.
func TestTableListsEveryDeclaredAPI(t *testing.T) {
	declared, err := api.DeclaredAPIs()
	if err != nil {
		t.Fatal(err)
	}
	if len(declared) != 495 {
		t.Errorf("api/wx-apis.tsv declares %d APIs, want 495", len(declared))
	}
	category := map[string]string{}
	for _, d := range declared {
		category[d.Name] = d.Category
	}
	listed := map[string]bool{}
	for _, r := range table(t) {
		listed[r.Name] = true
		c, ok := category[r.Name]
		switch {
		case !ok:
			t.Errorf("api/coverage.tsv:%d: %s is not a declared API", r.Line, r.Name)
		case c != r.Category:
			t.Errorf("api/coverage.tsv:%d: %s: category %q, declared %q", r.Line, r.Name, r.Category, c)
		}
	}
	for _, d := range declared {
		if !listed[d.Name] {
			t.Errorf("api/coverage.tsv has no row for %s (%s)", d.Name, d.Category)
		}
	}
}

// An API with a handler in Go or in the shell is not unsupported, and the table says who
// answers it.
func TestHandledAPIsAreNotListedUnsupported(t *testing.T) {
	dir := t.TempDir()
	storage, err := api.OpenStorage(filepath.Join(dir, "storage.db"), "default")
	if err != nil {
		t.Fatal(err)
	}
	defer storage.Close()
	files, err := api.OpenFiles(dir, "default", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer files.Close()
	reg := api.Default(api.Options{Storage: storage, Files: files})
	rows := map[string]api.Coverage{}
	for _, r := range table(t) {
		rows[r.Name] = r
	}
	check := func(name, who string) {
		r, declared := rows[name]
		if !declared {
			return // an internal name (operateWXData) or one the typings dropped (saveFile)
		}
		if r.State == api.StateUnsupported {
			t.Errorf("api/coverage.tsv:%d: %s is listed unsupported, but %s answers it", r.Line, name, who)
		} else if !strings.Contains("+"+r.By+"+", "+"+who+"+") {
			t.Errorf("api/coverage.tsv:%d: %s: by %q does not name %s, which answers it", r.Line, name, r.By, who)
		}
	}
	for _, name := range reg.Names() {
		check(name, "go")
	}
	for name := range web.ShellAPIs {
		check(name, "shell")
	}
}

// The runtime's list of names (every one of them exists on wx) is the declared list.
func TestRuntimeNamesAreTheDeclaredOnes(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "runtime", "service", "wx-api-names.ts"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range regexp.MustCompile(`(?m)^\s*'(\w+)',$`).FindAllStringSubmatch(string(src), -1) {
		got = append(got, m[1])
	}
	declared, _ := api.DeclaredAPIs()
	want := map[string]bool{}
	for _, d := range declared {
		want[d.Name] = true
	}
	seen := map[string]bool{}
	for _, n := range got {
		if !want[n] {
			t.Errorf("wx-api-names.ts has %s, which api/wx-apis.tsv does not declare", n)
		}
		seen[n] = true
	}
	for n := range want {
		if !seen[n] {
			t.Errorf("wx-api-names.ts lacks %s", n)
		}
	}
}
