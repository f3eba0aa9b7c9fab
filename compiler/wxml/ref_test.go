package wxml

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/mpsim/mpsim/compiler/diag"
	"github.com/mpsim/mpsim/compiler/wxs"
)

// refDir holds the reference corpus: one .txtar file per case (format in its README.md).
const refDir = "../../testdata/wxml/ref"

// TestReference renders every case of the reference corpus twice in glass-easel 0.12.1
// (with its mini-program adapter, in node): with what our compilers make of the case's
// files, and with what glass-easel-template-compiler 0.12.1 makes of them. The composed
// trees, after the first render and after every step, must be the same. All cases go
// through one node process.
func TestReference(t *testing.T) {
	modules := runtimeModules(t)
	cases := refCases(t)
	var inputs []refInput
	compileErrs := map[string]string{}
	for _, c := range cases {
		in := c.input()
		js, errs := refAssemble(c.Files)
		if errs.HasErrors() {
			compileErrs[c.Name] = errs.Error()
		} else {
			in.Ours = &js
		}
		inputs = append(inputs, in)
	}
	results := runNode[map[string]refResult](t, filepath.Join(refDir, "render.js"), modules, inputs)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			r, ok := results[c.Name]
			if !ok {
				t.Fatal("render.js gave no result")
			}
			if strings.HasPrefix(r.Ref, "exception:") {
				t.Fatalf("the reference does not render this case (fix the case):\n%s", r.Ref)
			}
			if e, ok := compileErrs[c.Name]; ok {
				t.Fatalf("our compilers reject the case:\n%s\n--- reference renders ---\n%s", e, r.Ref)
			}
			if r.Ours == nil || *r.Ours != r.Ref {
				ours := "<nothing>"
				if r.Ours != nil {
					ours = *r.Ours
				}
				t.Errorf("%s: ours renders differently from the reference\n%s\n--- ours ---\n%s\n--- reference ---\n%s",
					c.File, refDiff(ours, r.Ref), ours, r.Ref)
			}
		})
	}
}

// refAssemble compiles a case's .wxml and .wxs files as the app build does and joins them
// into one JavaScript expression that evaluates to G, the map of template groups by path
// without extension: the WXS runtime (D and W), each module registered as
// W[path] = D(path, fn), then G[path] = <template output> for each .wxml.
func refAssemble(files map[string]string) (string, diag.List) {
	var all diag.List
	var b strings.Builder
	b.WriteString("(() => {\n")
	b.WriteString(wxs.Runtime)
	b.WriteString("\nconst G = {};\n")
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if path.Ext(name) != ".wxs" {
			continue
		}
		js, errs := wxs.Compile(name, []byte(files[name]), 1, 1)
		all = append(all, errs...)
		fmt.Fprintf(&b, "W[%s] = D(%s, %s);\n", refJS(name), refJS(name), js)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if path.Ext(name) != ".wxml" {
			continue
		}
		out, errs := Compile(name, []byte(files[name]))
		all = append(all, errs...)
		fmt.Fprintf(&b, "G[%s] = %s;\n", refJS(strings.TrimSuffix(name, ".wxml")), out.JS)
	}
	b.WriteString("return G;\n})()")
	return b.String(), all
}

// refCase is one .txtar file of the corpus.
type refCase struct {
	Name    string
	File    string
	Files   map[string]string // path in the case -> content
	Data    json.RawMessage
	Methods []string
	Steps   []refStep
	Options map[string]string
	Replace [][2]string // ref-replace: what the reference compiler sees instead
}

type refStep struct {
	SetData json.RawMessage `json:"setData,omitempty"`
	Trigger *refTrigger     `json:"trigger,omitempty"`
}

type refTrigger struct {
	Path   []string        `json:"path"`
	Event  string          `json:"event"`
	Detail json.RawMessage `json:"detail,omitempty"`
}

type refInput struct {
	Name    string            `json:"name"`
	Files   map[string]string `json:"files"`
	RefSrc  map[string]string `json:"refFiles,omitempty"`
	Ours    *string           `json:"ours"`
	Data    json.RawMessage   `json:"data,omitempty"`
	Methods []string          `json:"methods,omitempty"`
	Steps   []refStep         `json:"steps,omitempty"`
	Options map[string]string `json:"options,omitempty"`
}

type refResult struct {
	Ours *string `json:"ours"`
	Ref  string  `json:"ref"`
}

// refOptions are the case options README.md documents.
var refOptions = map[string]bool{"no-fallback-listener": true}

func (c *refCase) input() refInput {
	in := refInput{Name: c.Name, Files: c.Files, Data: c.Data, Methods: c.Methods, Steps: c.Steps, Options: c.Options}
	if len(c.Replace) > 0 {
		in.RefSrc = map[string]string{}
		for name, text := range c.Files {
			for _, r := range c.Replace {
				text = strings.ReplaceAll(text, r[0], r[1])
			}
			in.RefSrc[name] = text
		}
	}
	return in
}

func refCases(t *testing.T) []*refCase {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(refDir, "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in %s: %v", refDir, err)
	}
	var cases []*refCase
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		c, err := parseRefCase(file, src)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		cases = append(cases, c)
	}
	return cases
}

// refKeyLine is a header line that is a setting, not description: one word, ": ", value.
var refKeyLine = regexp.MustCompile(`^([A-Za-z][A-Za-z-]*): (.*)$`)

// parseRefCase reads a txtar-like case: a header of description and "key: value" lines,
// then files, each introduced by a line "-- path --".
func parseRefCase(file string, src []byte) (*refCase, error) {
	c := &refCase{
		Name:  strings.TrimSuffix(filepath.Base(file), ".txtar"),
		File:  filepath.ToSlash(file),
		Files: map[string]string{},
	}
	lines := strings.SplitAfter(string(src), "\n")
	current := ""
	var body strings.Builder
	flush := func() {
		if current != "" {
			c.Files[current] = body.String()
		}
		body.Reset()
	}
	for n, line := range lines {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			current = strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			if _, dup := c.Files[current]; dup {
				return nil, fmt.Errorf("line %d: file %s twice", n+1, current)
			}
			continue
		}
		if current != "" {
			body.WriteString(line)
			continue
		}
		m := refKeyLine.FindStringSubmatch(trimmed)
		if m == nil {
			continue // description
		}
		key, value := m[1], strings.TrimSpace(m[2])
		switch key {
		case "data":
			c.Data = json.RawMessage(value)
			if !json.Valid(c.Data) {
				return nil, fmt.Errorf("line %d: data is not JSON", n+1)
			}
		case "methods":
			c.Methods = append(c.Methods, strings.Fields(value)...)
		case "setData":
			if !json.Valid([]byte(value)) {
				return nil, fmt.Errorf("line %d: setData is not JSON", n+1)
			}
			c.Steps = append(c.Steps, refStep{SetData: json.RawMessage(value)})
		case "trigger":
			fields := strings.SplitN(value, " ", 3)
			if len(fields) < 2 {
				return nil, fmt.Errorf("line %d: want trigger: id[/id...] event [detail]", n+1)
			}
			tr := &refTrigger{Path: strings.Split(fields[0], "/"), Event: fields[1]}
			if len(fields) == 3 {
				tr.Detail = json.RawMessage(fields[2])
				if !json.Valid(tr.Detail) {
					return nil, fmt.Errorf("line %d: trigger detail is not JSON", n+1)
				}
			}
			c.Steps = append(c.Steps, refStep{Trigger: tr})
		case "option":
			name, val, _ := strings.Cut(value, "=")
			if !refOptions[name] {
				return nil, fmt.Errorf("line %d: unknown option %q (see README.md)", n+1, name)
			}
			if c.Options == nil {
				c.Options = map[string]string{}
			}
			c.Options[name] = val
		case "ref-replace":
			old, repl, ok := strings.Cut(value, " => ")
			if !ok {
				return nil, fmt.Errorf("line %d: want ref-replace: old => new", n+1)
			}
			c.Replace = append(c.Replace, [2]string{old, repl})
		default:
			return nil, fmt.Errorf("line %d: unknown key %q", n+1, key)
		}
	}
	flush()
	if _, ok := c.Files["index.wxml"]; !ok {
		return nil, fmt.Errorf("no index.wxml")
	}
	return c, nil
}

// refDiff points at the first line where two dumps part.
func refDiff(ours, ref string) string {
	a, b := strings.Split(ours, "\n"), strings.Split(ref, "\n")
	for i := range max(len(a), len(b)) {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			return fmt.Sprintf("first difference at dump line %d:\n  ours: %s\n  ref:  %s", i+1, x, y)
		}
	}
	return ""
}

// refJS quotes s as a JavaScript string.
func refJS(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
