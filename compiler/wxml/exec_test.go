package wxml

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderMatchesReference runs every golden case that compiles with glass-easel
// itself, twice: with our output and with glass-easel-template-compiler's. The trees,
// after the first render and after each step of the case's script, must be the same.
//
// A case's script is its leading comment, one "key: value" per line:
//
//	data: {"a": 1}                  initial data (JSON)
//	methods: go stop                methods that log their calls
//	component: tag p1,p2 <wxml>     a custom component usable in the case
//	setData: {"a": 2}               a step: update data
//	trigger: id event               a step: fire a bubbling, capturing event at #id
func TestRenderMatchesReference(t *testing.T) {
	node, modules := renderEnv(t)
	var cases []renderCase
	for _, file := range goldenCases(t) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(file), ".wxml")
		js, diags := Compile(name+".wxml", src)
		if diags.HasErrors() {
			continue // an error case: TestGolden covers it
		}
		c := renderCase{Name: name, WXML: string(src), Ours: js}
		if err := c.readScript(src); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		cases = append(cases, c)
	}
	results := runRender(t, node, modules, cases)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			r := results[c.Name]
			if strings.Contains(r.Ours, "exception:") || strings.Contains(r.Ref, "exception:") {
				t.Fatalf("render failed\n--- ours ---\n%s\n--- reference ---\n%s", r.Ours, r.Ref)
			}
			if r.Ours != r.Ref {
				t.Errorf("our template renders differently from glass-easel's\n--- ours ---\n%s\n--- reference ---\n%s\n--- our JS ---\n%s", r.Ours, r.Ref, c.Ours)
			}
			if testing.Verbose() {
				t.Logf("\n%s", r.Ours)
			}
		})
	}
}

// TestRenderUpdatesText pins down, independently of the reference, that an update
// re-renders: the text, attributes and dataset follow setData.
func TestRenderUpdatesText(t *testing.T) {
	node, modules := renderEnv(t)
	src := `<view id="v" class="c-{{n}}" data-n="{{n}}">n = {{n}}</view>`
	js, diags := Compile("update.wxml", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	c := renderCase{Name: "update", WXML: src, Ours: js, Data: json.RawMessage(`{"n": 1}`),
		Steps: []renderStep{{SetData: json.RawMessage(`{"n": 2}`)}}}
	got := runRender(t, node, modules, []renderCase{c})["update"].Ours
	want := `-- initial render --
<view #v class="c-1" data.n=1>
  "n = 1"
-- setData {"n":2} --
<view #v class="c-2" data.n=2>
  "n = 2"
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

type renderCase struct {
	Name       string            `json:"name"`
	WXML       string            `json:"wxml"`
	Ours       string            `json:"ours"`
	Data       json.RawMessage   `json:"data,omitempty"`
	Methods    []string          `json:"methods,omitempty"`
	Components []renderComponent `json:"components,omitempty"`
	Steps      []renderStep      `json:"steps,omitempty"`
}

type renderComponent struct {
	Tag        string   `json:"tag"`
	Properties []string `json:"properties"`
	WXML       string   `json:"wxml"`
	Ours       string   `json:"ours"`
}

type renderStep struct {
	SetData json.RawMessage `json:"setData,omitempty"`
	Trigger *struct {
		ID    string `json:"id"`
		Event string `json:"event"`
	} `json:"trigger,omitempty"`
}

type renderResult struct {
	Ours string `json:"ours"`
	Ref  string `json:"ref"`
}

// readScript reads the "key: value" lines of the leading comment of src.
func (c *renderCase) readScript(src []byte) error {
	src = bytes.TrimPrefix(src, utf8BOM)
	if !bytes.HasPrefix(src, []byte("<!--")) {
		return nil
	}
	end := bytes.Index(src, []byte("-->"))
	sc := bufio.NewScanner(bytes.NewReader(src[4:end]))
	for sc.Scan() {
		key, value, _ := strings.Cut(strings.TrimSpace(sc.Text()), ": ")
		switch key {
		case "data":
			c.Data = json.RawMessage(value)
		case "methods":
			c.Methods = strings.Fields(value)
		case "component":
			tag, rest, _ := strings.Cut(value, " ")
			props, wxml, _ := strings.Cut(rest, " ")
			js, diags := Compile(tag+".wxml", []byte(wxml))
			if diags.HasErrors() {
				return diags
			}
			c.Components = append(c.Components, renderComponent{Tag: tag, Properties: strings.Split(props, ","), WXML: wxml, Ours: js})
		case "setData":
			c.Steps = append(c.Steps, renderStep{SetData: json.RawMessage(value)})
		case "trigger":
			id, event, _ := strings.Cut(value, " ")
			step := renderStep{Trigger: &struct {
				ID    string `json:"id"`
				Event string `json:"event"`
			}{id, event}}
			c.Steps = append(c.Steps, step)
		}
	}
	if c.Data != nil && !json.Valid(c.Data) {
		return fmt.Errorf("data is not valid JSON: %s", c.Data)
	}
	for _, step := range c.Steps {
		if step.SetData != nil && !json.Valid(step.SetData) {
			return fmt.Errorf("setData is not valid JSON: %s", step.SetData)
		}
	}
	return nil
}

// renderEnv finds node and the runtime's node_modules, or skips the test.
func renderEnv(t *testing.T) (node, modules string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not on PATH: install Node.js to run the render tests")
	}
	modules, err = filepath.Abs("../../runtime/node_modules")
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range []string{"glass-easel", "glass-easel-template-compiler"} {
		if _, err := os.Stat(filepath.Join(modules, pkg, "package.json")); err != nil {
			t.Skipf("%s is not installed in %s: run `npm ci` in runtime/ to run the render tests", pkg, modules)
		}
	}
	return node, modules
}

func runRender(t *testing.T, node, modules string, cases []renderCase) map[string]renderResult {
	t.Helper()
	input, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, filepath.Join("testdata", "render.js"), modules)
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("render.js: %v\n%s", err, stderr.String())
	}
	var results map[string]renderResult
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatalf("render.js printed %q: %v\n%s", out, err, stderr.String())
	}
	return results
}
