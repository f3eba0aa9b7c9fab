package api

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
)

// The wx.* functions the base library declares (a copy of miniprogram-api-typings'
// list, so that a clean clone has it), and what the simulator does with each.
//
//go:embed wx-apis.tsv
var declaredTSV string

//go:embed coverage.tsv
var coverageTSV string

// The states of an API in the simulator (api/coverage.tsv).
const (
	StateReal        = "real"        // does on this machine what the phone does
	StateMock        = "mock"        // answers simulated data of the phone's shape
	StateUnsupported = "unsupported" // answers "not supported in simulator"
)

// DeclaredAPI is one wx.* function of the base library's typings.
type DeclaredAPI struct {
	Name     string // "getSystemInfo", without "wx."
	Category string // the path of its documentation page: "base/system"
}

// Coverage is one row of api/coverage.tsv.
type Coverage struct {
	Name     string
	Category string
	State    string
	By       string // who answers: go, shell, runtime, page, or several joined by "+"; "-" for nobody
	Note     string
	Line     int // in coverage.tsv, for messages
}

// DeclaredAPIs returns the declared wx.* functions, in the file's order.
func DeclaredAPIs() ([]DeclaredAPI, error) {
	var out []DeclaredAPI
	for i, line := range strings.Split(declaredTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		category, name, ok := strings.Cut(line, "\t")
		if !ok || !strings.HasPrefix(name, "wx.") {
			return nil, fmt.Errorf("api/wx-apis.tsv:%d: want <category>\\t<wx.name>, got %q", i+1, line)
		}
		out = append(out, DeclaredAPI{Name: strings.TrimPrefix(name, "wx."), Category: category})
	}
	return out, nil
}

// CoverageTable parses api/coverage.tsv: one row per API, sorted by name, with a known
// state.
func CoverageTable() ([]Coverage, error) {
	var out []Coverage
	for i, line := range strings.Split(coverageTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("api/coverage.tsv:%d: want 5 tab-separated fields (name, category, state, by, note), got %d", i+1, len(f))
		}
		c := Coverage{Name: f[0], Category: f[1], State: f[2], By: f[3], Note: f[4], Line: i + 1}
		switch c.State {
		case StateReal, StateMock, StateUnsupported:
		default:
			return nil, fmt.Errorf("api/coverage.tsv:%d: %s: state %q is none of real, mock, unsupported", c.Line, c.Name, c.State)
		}
		if c.State == StateUnsupported && c.By != "-" || c.State != StateUnsupported && c.By == "-" {
			return nil, fmt.Errorf("api/coverage.tsv:%d: %s: by %q does not fit state %s (\"-\" is for unsupported only)", c.Line, c.Name, c.By, c.State)
		}
		for _, who := range strings.Split(c.By, "+") {
			if !strings.Contains(" - go shell runtime page ", " "+who+" ") {
				return nil, fmt.Errorf("api/coverage.tsv:%d: %s: by %q: each part is one of go, shell, runtime, page", c.Line, c.Name, c.By)
			}
		}
		if n := len(out); n > 0 && out[n-1].Name >= c.Name {
			return nil, fmt.Errorf("api/coverage.tsv:%d: %s comes after %s: keep the rows sorted by name, once each", c.Line, c.Name, out[n-1].Name)
		}
		out = append(out, c)
	}
	return out, nil
}

// Names returns the names of the registered handlers, sorted.
func (r *Registry) Names() []string {
	names := make([]string, 0, len(r.handlers))
	for n := range r.handlers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
