// Command apicoverage writes docs/api-coverage.md from api/coverage.tsv: the hand-written
// part of the page above the marker line stays, the counts and the table of every
// declared API below it are made anew.
//
//	go run ./cmd/apicoverage [-doc docs/api-coverage.md] [-check]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/mpsim/mpsim/api"
)

// marker separates the hand-written preamble from what this command writes.
const marker = "<!-- Everything below is written by `go run ./cmd/apicoverage` from api/coverage.tsv: edit that file, then run it. -->"

func main() {
	doc := flag.String("doc", "docs/api-coverage.md", "the page to write")
	check := flag.Bool("check", false, "only report whether the page is up to date (exit 1 if not)")
	flag.Parse()
	old, err := os.ReadFile(*doc)
	if err != nil {
		fail(err)
	}
	rows, err := api.CoverageTable()
	if err != nil {
		fail(err)
	}
	out, err := render(string(old), rows)
	if err != nil {
		fail(err)
	}
	if bytes.Equal(old, []byte(out)) {
		return
	}
	if *check {
		fail(fmt.Errorf("%s is stale: run go run ./cmd/apicoverage", *doc))
	}
	if err := os.WriteFile(*doc, []byte(out), 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "apicoverage:", err)
	os.Exit(1)
}

// render is the page: old's preamble, then the counts and the table of rows.
func render(old string, rows []api.Coverage) (string, error) {
	preamble, _, found := strings.Cut(old, marker)
	if !found {
		return "", fmt.Errorf("the page has no marker line; put this line where the generated part starts:\n%s", marker)
	}
	var b strings.Builder
	b.WriteString(preamble)
	b.WriteString(marker + "\n\n")

	states := []string{api.StateReal, api.StateMock, api.StateUnsupported}
	total := map[string]int{}
	byTop := map[string]map[string]int{}
	groups := map[string][]api.Coverage{}
	for _, r := range rows {
		top, _, _ := strings.Cut(r.Category, "/")
		top = strings.TrimSuffix(top, "(no-doc-link)")
		if byTop[top] == nil {
			byTop[top] = map[string]int{}
		}
		byTop[top][r.State]++
		total[r.State]++
		groups[top] = append(groups[top], r)
	}
	tops := make([]string, 0, len(byTop))
	for t := range byTop {
		tops = append(tops, t)
	}
	sort.Strings(tops)

	fmt.Fprintf(&b, "## Counts\n\n**%d of the %d declared APIs are real or mock** (%d real, %d mock); %d answer \"not supported in simulator\".\n\n",
		total[api.StateReal]+total[api.StateMock], len(rows), total[api.StateReal], total[api.StateMock], total[api.StateUnsupported])
	b.WriteString("| category | real | mock | unsupported | all |\n|---|---:|---:|---:|---:|\n")
	for _, t := range tops {
		n := byTop[t]
		fmt.Fprintf(&b, "| [%s](#%s) | %d | %d | %d | %d |\n", t, anchor(t), n[states[0]], n[states[1]], n[states[2]], n[states[0]]+n[states[1]]+n[states[2]])
	}
	fmt.Fprintf(&b, "| **all** | **%d** | **%d** | **%d** | **%d** |\n", total[states[0]], total[states[1]], total[states[2]], len(rows))

	b.WriteString("\n## Every API\n\n`by` says who answers: `go` (a handler in `api/`), `shell` (the simulator shell, `web/static/`), `runtime` (the service layer, `runtime/service/`), `page` (the page layer, `runtime/view/`).\n")
	for _, t := range tops {
		fmt.Fprintf(&b, "\n### %s\n\n| API | category | state | by | notes |\n|---|---|---|---|---|\n", t)
		for _, r := range groups[t] {
			by := r.By
			if by != "-" {
				by = "`" + by + "`"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", r.Name, r.Category, r.State, by, strings.ReplaceAll(r.Note, "|", `\|`))
		}
	}
	return b.String(), nil
}

// anchor is the id GitHub gives the heading "### name".
func anchor(name string) string {
	return strings.ToLower(strings.NewReplacer(" ", "-", ".", "", "(", "", ")", "").Replace(name))
}
