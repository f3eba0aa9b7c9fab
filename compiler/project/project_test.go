package project_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mpsim/mpsim/compiler/diag"
	"github.com/mpsim/mpsim/compiler/project"
)

const bom = "\xef\xbb\xbf"

// folder builds a project folder from file names and contents.
func folder(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, content := range files {
		m[name] = &fstest.MapFile{Data: []byte(content)}
	}
	return m
}

// withPage adds the files of a page (its .js and .wxml) under prefix to files.
func withPage(files map[string]string, prefix, page string) map[string]string {
	files[prefix+page+".js"] = "Page({})"
	files[prefix+page+".wxml"] = "<view/>"
	return files
}

// one asserts that errs holds exactly one error diagnostic and returns it.
func one(t *testing.T, errs diag.List) diag.Diagnostic {
	t.Helper()
	if len(errs) != 1 {
		t.Fatalf("want one diagnostic, got %d:\n%v", len(errs), errs)
	}
	if errs[0].Severity != diag.Error || !errs.HasErrors() || errs.Err() == nil {
		t.Fatalf("not an error: %+v", errs[0])
	}
	return errs[0]
}

// at asserts the diagnostic's file and position, that its frame marks that line with a
// caret under the column (as cut from src), and that it has a hint.
func at(t *testing.T, d diag.Diagnostic, file string, line, column int, src string) {
	t.Helper()
	if d.File != file || d.Line != line || d.Column != column {
		t.Errorf("at %s:%d:%d, want %s:%d:%d\n%v", d.File, d.Line, d.Column, file, line, column, d)
	}
	if want := diag.CodeFrame([]byte(strings.TrimPrefix(src, bom)), line, column); d.Frame != want || want == "" {
		t.Errorf("frame\n%s\nwant\n%s", d.Frame, want)
	}
	if !strings.Contains(d.Frame, fmt.Sprintf("> %d | ", line)) {
		t.Errorf("frame does not mark line %d:\n%s", line, d.Frame)
	}
	if d.Hint == "" {
		t.Errorf("no hint on what to do: %v", d)
	}
}

// charAt is the text of src (1-based line, rune column) from that position on.
func charAt(src string, line, column int) string {
	lines := strings.Split(strings.TrimPrefix(src, bom), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	r := []rune(lines[line-1])
	if column < 1 || column > len(r) {
		return ""
	}
	return string(r[column-1:])
}

func TestLoadMinimalApp(t *testing.T) {
	appJSON := `{"pages": ["pages/index/index", "pages/logs/logs"], "window": {"navigationBarTitleText": "Hi"}}`
	files := withPage(withPage(map[string]string{"app.json": appJSON}, "", "pages/index/index"), "", "pages/logs/logs")
	p, errs := project.Load(folder(files))
	if len(errs) != 0 || p == nil {
		t.Fatalf("Load: %v", errs)
	}
	if got := strings.Join(p.App.Pages, ","); got != "pages/index/index,pages/logs/logs" {
		t.Errorf("pages %q", got)
	}
	if got := p.App.EntryPage(); got != "pages/index/index" {
		t.Errorf("entry page %q, want the first page", got)
	}
	if string(p.App.Raw) != appJSON {
		t.Errorf("Raw %s", p.App.Raw)
	}
	if string(p.App.Window) != `{"navigationBarTitleText": "Hi"}` {
		t.Errorf("Window %s", p.App.Window)
	}
	if p.Config.AppID != "" || p.Config.MiniprogramRoot != "" || p.Config.Setting != nil {
		t.Errorf("config without project.config.json: %+v", p.Config)
	}
	if _, err := fs.Stat(p.FS, "pages/index/index.wxml"); err != nil {
		t.Errorf("FS is not the project folder: %v", err)
	}
}

func TestLoadReadsProjectConfig(t *testing.T) {
	files := withPage(map[string]string{
		"app.json":            `{"pages": ["pages/index/index"]}`,
		"project.config.json": `{"appid": "wx123", "projectname": "demo", "setting": {"es6": true}, "compileType": "miniprogram"}`,
	}, "", "pages/index/index")
	p, errs := project.Load(folder(files))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if p.Config.AppID != "wx123" || p.Config.ProjectName != "demo" {
		t.Errorf("config %+v", p.Config)
	}
	assertJSON(t, p.Config.Setting, `{"es6": true}`)
}

func TestLoadTypeScriptPage(t *testing.T) {
	p, errs := project.Load(folder(map[string]string{
		"app.json":               `{"pages": ["pages/index/index"]}`,
		"pages/index/index.ts":   "Page({})",
		"pages/index/index.wxml": "<view/>",
	}))
	if len(errs) != 0 || p == nil {
		t.Fatalf("a page with a .ts script is complete: %v", errs)
	}
}

func TestLoadMiniprogramRoot(t *testing.T) {
	tests := []struct {
		name string
		root string // miniprogramRoot as written
		dir  string // where app.json is
	}{
		{"trailing slash", "miniprogram/", "miniprogram/"},
		{"dot slash", "./miniprogram", "miniprogram/"},
		{"bare name", "miniprogram", "miniprogram/"},
		{"dot slash and trailing slash", "./miniprogram/", "miniprogram/"},
		{"leading slash", "/miniprogram/", "miniprogram/"},
		{"nested", "src/miniprogram/", "src/miniprogram/"},
		{"nested with dot slash", "./src/app", "src/app/"},
		{"nested, written with backslashes", `src\miniprogram\`, "src/miniprogram/"},
		{"redundant segments", "src/../src/./miniprogram//", "src/miniprogram/"},
		{"empty is the project folder", "", ""},
		{"dot is the project folder", ".", ""},
		{"dot slash is the project folder", "./", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, _ := json.Marshal(map[string]string{"miniprogramRoot": tt.root})
			files := withPage(map[string]string{
				"project.config.json": string(cfg),
				tt.dir + "app.json":   `{"pages": ["pages/home/home"]}`,
			}, tt.dir, "pages/home/home")
			if tt.dir != "" {
				// A decoy app.json in the project folder must not be read.
				files["app.json"] = `{"pages": ["pages/decoy/decoy"]}`
			}
			p, errs := project.Load(folder(files))
			if len(errs) != 0 || p == nil {
				t.Fatalf("Load: %v", errs)
			}
			if p.Config.MiniprogramRoot != tt.root {
				t.Errorf("MiniprogramRoot %q", p.Config.MiniprogramRoot)
			}
			if len(p.App.Pages) != 1 || p.App.Pages[0] != "pages/home/home" {
				t.Errorf("read the wrong app.json: pages %q", p.App.Pages)
			}
			// The returned FS is the mini-program root: page paths open in it directly.
			for _, name := range []string{"app.json", "pages/home/home.js", "pages/home/home.wxml"} {
				if _, err := fs.Stat(p.FS, name); err != nil {
					t.Errorf("%s not in Project.FS: %v", name, err)
				}
			}
			if tt.dir != "" {
				if _, err := fs.Stat(p.FS, "project.config.json"); err == nil {
					t.Error("Project.FS is the project folder, not miniprogramRoot")
				}
			}
		})
	}
}

func TestLoadPrivateConfigOverridesShared(t *testing.T) {
	tests := []struct {
		name        string
		shared      string // project.config.json, "" for none
		private     string // project.private.config.json, "" for none
		wantAppID   string
		wantName    string
		wantSetting string
	}{
		{
			name:        "private fields win, others are kept",
			shared:      `{"appid": "wx1", "projectname": "shared", "miniprogramRoot": "nowhere/", "setting": {"urlCheck": true, "es6": true}}`,
			private:     `{"projectname": "mine", "miniprogramRoot": "miniprogram/", "setting": {"urlCheck": false}}`,
			wantAppID:   "wx1",
			wantName:    "mine",
			wantSetting: `{"es6": true, "urlCheck": false}`,
		},
		{
			name:        "private setting only",
			shared:      `{"appid": "wx1", "miniprogramRoot": "miniprogram/"}`,
			private:     `{"setting": {"urlCheck": false}}`,
			wantAppID:   "wx1",
			wantSetting: `{"urlCheck": false}`,
		},
		{
			name:        "no private config",
			shared:      `{"appid": "wx1", "miniprogramRoot": "miniprogram/", "setting": {"es6": true}}`,
			wantAppID:   "wx1",
			wantSetting: `{"es6": true}`,
		},
		{
			name:      "private config alone",
			private:   `{"appid": "wx2", "projectname": "mine", "miniprogramRoot": "miniprogram/"}`,
			wantAppID: "wx2",
			wantName:  "mine",
		},
		{
			name:      "percent-encoded name, as the official tools write it",
			shared:    `{"appid": "wx3", "projectname": "%E7%A4%BA%E4%BE%8B%20Demo", "miniprogramRoot": "miniprogram/"}`,
			wantAppID: "wx3",
			wantName:  "示例 Demo",
		},
		{
			name:      "a stray percent is kept",
			shared:    `{"appid": "wx3", "projectname": "100% fun", "miniprogramRoot": "miniprogram/"}`,
			wantAppID: "wx3",
			wantName:  "100% fun",
		},
		{
			name:      "private sets the root to the project folder",
			shared:    `{"appid": "wx1", "miniprogramRoot": "nowhere/"}`,
			private:   `{"miniprogramRoot": "miniprogram/"}`,
			wantAppID: "wx1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := withPage(map[string]string{"miniprogram/app.json": `{"pages": ["pages/a/a"]}`}, "miniprogram/", "pages/a/a")
			if tt.shared != "" {
				files["project.config.json"] = tt.shared
			}
			if tt.private != "" {
				files["project.private.config.json"] = tt.private
			}
			p, errs := project.Load(folder(files))
			if len(errs) != 0 || p == nil {
				t.Fatalf("Load: %v", errs)
			}
			if p.Config.AppID != tt.wantAppID || p.Config.ProjectName != tt.wantName || p.Config.MiniprogramRoot != "miniprogram/" {
				t.Errorf("config %+v", p.Config)
			}
			if tt.wantSetting == "" {
				if p.Config.Setting != nil {
					t.Errorf("setting %s, want none", p.Config.Setting)
				}
			} else {
				assertJSON(t, p.Config.Setting, tt.wantSetting)
			}
		})
	}
}

func TestLoadConfigErrors(t *testing.T) {
	tests := []struct {
		name         string
		files        map[string]string
		file         string
		line, column int
		message      string
	}{
		{
			name: "syntax error in the private config, shared one still applies",
			files: map[string]string{
				"project.config.json":         `{"miniprogramRoot": "miniprogram/"}`,
				"project.private.config.json": "{\n  \"projectname\": \"x\",\n}",
			},
			file: "project.private.config.json", line: 3, column: 1,
			message: "trailing comma",
		},
		{
			name: "wrong type in the shared config names the key",
			files: map[string]string{
				"project.config.json":         "{\n  \"appid\": 12345,\n  \"miniprogramRoot\": \"miniprogram/\"\n}",
				"project.private.config.json": `{}`,
			},
			file: "project.config.json", line: 2, column: 12,
			message: `"appid" must be a string, not a number`,
		},
		{
			name: "byte order mark in the shared config is not a character",
			files: map[string]string{
				"project.config.json": bom + `{"miniprogramRoot": "miniprogram/", "appid": 5}`,
			},
			file: "project.config.json", line: 1, column: 46,
			message: `"appid" must be a string, not a number`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := withPage(map[string]string{"miniprogram/app.json": `{"pages": ["pages/a/a"]}`}, "miniprogram/", "pages/a/a")
			for k, v := range tt.files {
				files[k] = v
			}
			p, errs := project.Load(folder(files))
			if p == nil || len(p.App.Pages) != 1 {
				t.Fatalf("a config error should not stop the app from loading: %v", errs)
			}
			d := one(t, errs)
			at(t, d, tt.file, tt.line, tt.column, tt.files[tt.file])
			if !strings.Contains(d.Message, tt.message) {
				t.Errorf("message %q does not say %q", d.Message, tt.message)
			}
		})
	}
}

// A syntax error in app.json is reported where the parser stopped, says what is wrong and
// what to do, and nothing is built.
func TestLoadMalformedAppJSON(t *testing.T) {
	tests := []struct {
		name         string
		src          string
		line, column int
		text         string // the text at the position, "" for the end of a line
		message      string
		hint         string
	}{
		{
			name: "trailing comma in the pages array",
			src:  "{\n  \"pages\": [\n    \"pages/index/index\",\n  ]\n}\n",
			line: 4, column: 3, text: "]",
			message: `invalid JSON: trailing comma before ']'`, hint: "remove the comma",
		},
		{
			name: "trailing comma in the object",
			src:  `{"pages": ["pages/a/a"],}`,
			line: 1, column: 25, text: "}",
			message: "invalid JSON: trailing comma before '}'", hint: "remove the comma",
		},
		{
			name: "trailing comma after CRLF lines",
			src:  "{\r\n  \"pages\": [\"pages/a/a\"],\r\n}\r\n",
			line: 3, column: 1, text: "}",
			message: "trailing comma", hint: "remove the comma",
		},
		{
			name: "missing closing quote",
			src:  "{\n  \"pages\": [\n    \"pages/index/index,\n    \"pages/logs/logs\"\n  ]\n}",
			line: 3, column: 24, text: "",
			message: "string is not closed", hint: `add the closing "`,
		},
		{
			name: "missing opening quote",
			src:  "{\n  \"pages\": [\n    pages/index/index\"\n  ]\n}",
			line: 3, column: 5, text: `pages/index/index"`,
			message: "invalid character 'p' looking for beginning of value", hint: "double quotes",
		},
		{
			name: "missing quotes around a key",
			src:  "{\n  pages: [\"pages/a/a\"]\n}",
			line: 2, column: 3, text: "pages:",
			message: "invalid character 'p'", hint: "put the key in double quotes",
		},
		{
			name: "single quotes",
			src:  "{'pages': ['pages/a/a']}",
			line: 1, column: 2, text: "'pages'",
			message: `invalid character '\''`, hint: "double quotes",
		},
		{
			name: "missing colon",
			src:  "{\n  \"pages\" [\"pages/a/a\"]\n}",
			line: 2, column: 11, text: `["pages/a/a"]`,
			message: "after object key", hint: `put a ":" between the key and its value`,
		},
		{
			name: "missing comma between pages",
			src:  "{\n  \"pages\": [\n    \"pages/a/a\"\n    \"pages/b/b\"\n  ]\n}",
			line: 4, column: 5, text: `"pages/b/b"`,
			message: "after array element", hint: "a comma is missing",
		},
		{
			name: "missing comma between keys",
			src:  "{\n  \"pages\": [\"pages/a/a\"]\n  \"window\": {}\n}",
			line: 3, column: 3, text: `"window": {}`,
			message: "after object key:value pair", hint: "a comma is missing",
		},
		{
			name: "comment",
			src:  "{\n  // the pages\n  \"pages\": [\"pages/a/a\"]\n}",
			line: 2, column: 3, text: "// the pages",
			message: "invalid character '/'", hint: "no comments",
		},
		{
			name: "missing value",
			src:  `{"pages": }`,
			line: 1, column: 11, text: "}",
			message: "looking for beginning of value", hint: "a value is missing",
		},
		{
			name: "text after the object",
			src:  "{\"pages\": [\"pages/a/a\"]}\n}",
			line: 2, column: 1, text: "}",
			message: "after top-level value", hint: "one value",
		},
		{
			name: "unclosed object at the end of the file",
			src:  "{\n  \"pages\": [\"pages/a/a\"]",
			line: 2, column: 25, text: "",
			message: "unexpected end of file: the '{' at 1:1 is not closed", hint: `add the missing "}"`,
		},
		{
			name: "unclosed array at the end of the file, with a final newline",
			src:  "{\n  \"pages\": [\"pages/a/a\"\n",
			line: 2, column: 24, text: "",
			message: "the '[' at 2:12 is not closed", hint: `add the missing "]"`,
		},
		{
			name: "unclosed string at the end of the file",
			src:  `{"pages": ["pages/a/a`,
			line: 1, column: 22, text: "",
			message: "the string at 1:12 is not closed", hint: `add the closing "`,
		},
		{
			name: "empty file",
			src:  "",
			line: 1, column: 1, text: "",
			message: "app.json is empty", hint: `{"pages": ["pages/index/index"]}`,
		},
		{
			name: "blank file",
			src:  "\n  \n",
			line: 1, column: 1, text: "",
			message: "app.json is empty", hint: "write a JSON object",
		},
		{
			name: "column counts characters, not bytes",
			src:  "{\n  \"window\": {\"navigationBarTitleText\": \"我的小程序\",},\n  \"pages\": [\"pages/a/a\"]\n}",
			line: 2, column: 48, text: "},",
			message: "trailing comma", hint: "remove the comma",
		},
		{
			name: "tabs count as one column",
			src:  "{\n\t\"pages\": [\n\t\t\"pages/a/a\",\n\t]\n}",
			line: 4, column: 2, text: "]",
			message: "trailing comma", hint: "remove the comma",
		},
		{
			name: "byte order mark then a syntax error",
			src:  bom + `{"pages": ["pages/a/a"],}`,
			line: 1, column: 25, text: "}",
			message: "trailing comma", hint: "remove the comma",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, errs := project.Load(folder(withPage(map[string]string{"app.json": tt.src}, "", "pages/a/a")))
			if p != nil {
				t.Error("a project was returned for a broken app.json")
			}
			d := one(t, errs)
			at(t, d, "app.json", tt.line, tt.column, tt.src)
			if got := charAt(tt.src, tt.line, tt.column); !strings.HasPrefix(got, tt.text) || (tt.text == "" && got != "") {
				t.Errorf("%d:%d is at %q, want %q", tt.line, tt.column, got, tt.text)
			}
			if !strings.Contains(d.Message, tt.message) {
				t.Errorf("message %q does not say %q", d.Message, tt.message)
			}
			if !strings.Contains(d.Hint, tt.hint) {
				t.Errorf("hint %q does not say %q", d.Hint, tt.hint)
			}
			if !strings.HasPrefix(d.Error(), fmt.Sprintf("app.json:%d:%d: error: ", tt.line, tt.column)) {
				t.Errorf("Error() = %q", d.Error())
			}
		})
	}
}

// A value of the wrong type is reported at its first character, named by its key.
func TestLoadWrongTypeInAppJSON(t *testing.T) {
	tests := []struct {
		name         string
		src          string
		line, column int
		text         string
		message      string
		hint         string
	}{
		{
			name: "pages is a string",
			src:  `{"pages": "x"}`,
			line: 1, column: 11, text: `"x"`,
			message: `"pages" must be an array, not a string`, hint: `"pages": ["pages/index/index"]`,
		},
		{
			name: "pages is a long string on its own line",
			src:  "{\n  \"pages\": \"pages/index/index\"\n}",
			line: 2, column: 12, text: `"pages/index/index"`,
			message: `"pages" must be an array, not a string`, hint: "array of page paths",
		},
		{
			name: "pages is an object",
			src:  `{"pages": {"index": "pages/index/index"}}`,
			line: 1, column: 11, text: "{",
			message: `"pages" must be an array, not an object`, hint: "array",
		},
		{
			name: "pages is true",
			src:  `{"pages": true}`,
			line: 1, column: 11, text: "true",
			message: `"pages" must be an array, not true or false`, hint: "array",
		},
		{
			name: "a page is a number",
			src:  "{\n  \"pages\": [\n    \"pages/a/a\",\n    12345\n  ]\n}",
			line: 4, column: 5, text: "12345",
			message: `"pages[1]" must be a string, not a number`, hint: `change "pages[1]" to a string`,
		},
		{
			name: "a page is an array",
			src:  `{"pages": [["pages/a/a"]]}`,
			line: 1, column: 12, text: `["pages/a/a"]`,
			message: `"pages[0]" must be a string, not an array`, hint: "a string",
		},
		{
			name: "entryPagePath is a number",
			src:  `{"pages": ["pages/a/a"], "entryPagePath": 10}`,
			line: 1, column: 43, text: "10",
			message: `"entryPagePath" must be a string, not a number`, hint: `change "entryPagePath" to a string`,
		},
		{
			name: "app.json is an array",
			src:  `["pages/a/a"]`,
			line: 1, column: 1, text: "[",
			message: "app.json must be an object, not an array", hint: `{"pages": ["pages/index/index"]}`,
		},
		{
			name: "multibyte text before the value",
			src:  `{"window": {"navigationBarTitleText": "首页"}, "pages": "首页"}`,
			line: 1, column: 55, text: `"首页"}`,
			message: `"pages" must be an array`, hint: "array",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, errs := project.Load(folder(withPage(map[string]string{"app.json": tt.src}, "", "pages/a/a")))
			if p != nil {
				t.Error("a project was returned for a broken app.json")
			}
			d := one(t, errs)
			at(t, d, "app.json", tt.line, tt.column, tt.src)
			if got := charAt(tt.src, tt.line, tt.column); !strings.HasPrefix(got, tt.text) {
				t.Errorf("%d:%d is at %q, want %q", tt.line, tt.column, got, tt.text)
			}
			if d.Message != tt.message && !strings.HasPrefix(d.Message, tt.message) {
				t.Errorf("message %q, want %q", d.Message, tt.message)
			}
			if !strings.Contains(d.Hint, tt.hint) {
				t.Errorf("hint %q does not say %q", d.Hint, tt.hint)
			}
		})
	}
}

func TestLoadEmptyOrMissingPages(t *testing.T) {
	tests := []struct {
		name         string
		src          string
		line, column int
		text         string
	}{
		{"empty array", `{"pages": []}`, 1, 11, "[]"},
		{"empty array with a space", `{"pages": [ ]}`, 1, 11, "[ ]"},
		{"empty array on its own line", "{\n  \"window\": {},\n  \"pages\": [\n  ]\n}", 3, 12, "["},
		{"null", `{"pages": null}`, 1, 11, "null"},
		{"missing, the object is marked", "{\n  \"window\": {}\n}", 1, 1, "{"},
		{"empty object", `{}`, 1, 1, "{"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, errs := project.Load(folder(map[string]string{"app.json": tt.src}))
			d := one(t, errs)
			at(t, d, "app.json", tt.line, tt.column, tt.src)
			if got := charAt(tt.src, tt.line, tt.column); !strings.HasPrefix(got, tt.text) {
				t.Errorf("%d:%d is at %q, want %q", tt.line, tt.column, got, tt.text)
			}
			if !strings.Contains(d.Message, `"pages" is empty or missing`) {
				t.Errorf("message %q", d.Message)
			}
			if !strings.Contains(d.Hint, `"pages": ["pages/index/index"]`) {
				t.Errorf("hint %q", d.Hint)
			}
			if p == nil {
				t.Error("Load returned no project for a readable app.json")
			}
		})
	}
}

// A page whose files are missing is reported at its string inside the pages array.
func TestLoadPageFilesMissing(t *testing.T) {
	type want struct {
		line, column int
		message      string
	}
	tests := []struct {
		name  string
		src   string
		files []string // files there besides app.json
		want  []want
		text  string // what the position points at
		hint  string
	}{
		{
			name:  "script missing",
			src:   "{\n  \"pages\": [\n    \"pages/a/a\",\n    \"pages/gone/gone\"\n  ]\n}\n",
			files: []string{"pages/a/a.js", "pages/a/a.wxml", "pages/gone/gone.wxml"},
			want:  []want{{4, 5, `pages[1] "pages/gone/gone": pages/gone/gone.js not found`}},
			text:  `"pages/gone/gone"`,
			hint:  "create the file, or remove the page from app.json",
		},
		{
			name:  "template missing",
			src:   `{"pages": ["pages/a/a", "pages/b/b"]}`,
			files: []string{"pages/a/a.js", "pages/a/a.wxml", "pages/b/b.js"},
			want:  []want{{1, 25, `pages[1] "pages/b/b": pages/b/b.wxml not found`}},
			text:  `"pages/b/b"`,
			hint:  "create the file",
		},
		{
			name:  "both missing, first page",
			src:   `{"pages": ["pages/a/a", "pages/b/b"]}`,
			files: []string{"pages/b/b.js", "pages/b/b.wxml"},
			want: []want{
				{1, 12, `pages[0] "pages/a/a": pages/a/a.js not found`},
				{1, 12, `pages[0] "pages/a/a": pages/a/a.wxml not found`},
			},
			text: `"pages/a/a"`,
			hint: "create the file",
		},
		{
			name:  "tabs and multibyte page names before the entry",
			src:   "{\n\t\"pages\": [\"页面/首页/首页\", \"pages/b/b\"]\n}",
			files: []string{"页面/首页/首页.js", "页面/首页/首页.wxml", "pages/b/b.wxml"},
			want:  []want{{2, 24, `pages[1] "pages/b/b": pages/b/b.js not found`}},
			text:  `"pages/b/b"`,
			hint:  "create the file",
		},
		{
			name:  "entry on a CRLF line",
			src:   "{\r\n  \"pages\": [\r\n    \"pages/a/a\",\r\n    \"pages/b/b\"\r\n  ]\r\n}\r\n",
			files: []string{"pages/a/a.js", "pages/a/a.wxml", "pages/b/b.js"},
			want:  []want{{4, 5, `pages[1] "pages/b/b": pages/b/b.wxml not found`}},
			text:  `"pages/b/b"`,
			hint:  "create the file",
		},
		{
			name:  "byte order mark before app.json",
			src:   bom + "{\n  \"pages\": [\"pages/a/a\", \"pages/b/b\"]\n}",
			files: []string{"pages/a/a.js", "pages/a/a.wxml", "pages/b/b.js"},
			want:  []want{{2, 26, `pages[1] "pages/b/b": pages/b/b.wxml not found`}},
			text:  `"pages/b/b"`,
			hint:  "create the file",
		},
		{
			name:  "a page written with a leading slash",
			src:   `{"pages": ["/pages/a/a"]}`,
			files: []string{"pages/a/a.js", "pages/a/a.wxml"},
			want: []want{
				{1, 12, `pages[0] "/pages/a/a": /pages/a/a.js not found`},
				{1, 12, `pages[0] "/pages/a/a": /pages/a/a.wxml not found`},
			},
			text: `"/pages/a/a"`,
			hint: `without a leading / or an extension, e.g. "pages/a/a"`,
		},
		{
			name:  "a page written with its extension",
			src:   `{"pages": ["pages/a/a.js"]}`,
			files: []string{"pages/a/a.js", "pages/a/a.wxml"},
			want: []want{
				{1, 12, `pages[0] "pages/a/a.js": pages/a/a.js.js not found`},
				{1, 12, `pages[0] "pages/a/a.js": pages/a/a.js.wxml not found`},
			},
			text: `"pages/a/a.js"`,
			hint: `e.g. "pages/a/a"`,
		},
		{
			name:  "a folder is not a page file",
			src:   `{"pages": ["pages/a/a"]}`,
			files: []string{"pages/a/a.js/index.js", "pages/a/a.wxml"},
			want:  []want{{1, 12, `pages[0] "pages/a/a": pages/a/a.js not found`}},
			text:  `"pages/a/a"`,
			hint:  "create the file",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"app.json": tt.src}
			for _, f := range tt.files {
				files[f] = "x"
			}
			p, errs := project.Load(folder(files))
			if p == nil {
				t.Fatal("Load returned no project")
			}
			if len(errs) != len(tt.want) || !errs.HasErrors() {
				t.Fatalf("got %d diagnostics, want %d:\n%v", len(errs), len(tt.want), errs)
			}
			for i, w := range tt.want {
				d := errs[i]
				at(t, d, "app.json", w.line, w.column, tt.src)
				// The column is the opening quote of the entry, not the array or the key.
				if got := charAt(tt.src, w.line, w.column); !strings.HasPrefix(got, tt.text) {
					t.Errorf("%d:%d is at %q, want the entry %s", w.line, w.column, got, tt.text)
				}
				if d.Message != w.message {
					t.Errorf("message %q, want %q", d.Message, w.message)
				}
				if !strings.Contains(d.Hint, tt.hint) {
					t.Errorf("hint %q does not say %q", d.Hint, tt.hint)
				}
			}
		})
	}
}

func TestLoadMiniprogramRootWithoutAppJSON(t *testing.T) {
	tests := []struct {
		name         string
		files        map[string]string
		file         string
		line, column int
		message      string
	}{
		{
			name: "folder without app.json",
			files: map[string]string{
				"project.config.json":    "{\n  \"appid\": \"wx1\",\n  \"miniprogramRoot\": \"miniprogram/\"\n}",
				"miniprogram/pages/a.js": "Page({})",
				"app.json":               `{"pages": ["pages/a/a"]}`,
			},
			file: "project.config.json", line: 3, column: 22,
			message: `miniprogramRoot "miniprogram/" has no app.json`,
		},
		{
			name: "folder that does not exist",
			files: map[string]string{
				"project.config.json": `{"miniprogramRoot": "./src"}`,
			},
			file: "project.config.json", line: 1, column: 21,
			message: `miniprogramRoot "./src" is not a folder in the project`,
		},
		{
			name: "a file, not a folder",
			files: map[string]string{
				"project.config.json": `{"miniprogramRoot": "app.json"}`,
				"app.json":            `{"pages": ["pages/a/a"]}`,
			},
			file: "project.config.json", line: 1, column: 21,
			message: `miniprogramRoot "app.json" is not a folder in the project`,
		},
		{
			name: "set by the private config",
			files: map[string]string{
				"project.config.json":         `{"miniprogramRoot": "miniprogram/"}`,
				"project.private.config.json": "{\n\t\"miniprogramRoot\": \"dist/\"\n}",
				"miniprogram/app.json":        `{"pages": ["pages/a/a"]}`,
				"dist/readme.md":              "x",
			},
			file: "project.private.config.json", line: 2, column: 21,
			message: `miniprogramRoot "dist/" has no app.json`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, errs := project.Load(folder(tt.files))
			if p != nil {
				t.Error("a project was returned without an app.json")
			}
			d := one(t, errs)
			at(t, d, tt.file, tt.line, tt.column, tt.files[tt.file])
			if d.Message != tt.message {
				t.Errorf("message %q, want %q", d.Message, tt.message)
			}
			if !strings.Contains(d.Hint, "set miniprogramRoot to the folder that holds app.json") {
				t.Errorf("hint %q", d.Hint)
			}
			if got := charAt(tt.files[tt.file], tt.line, tt.column); !strings.HasPrefix(got, `"`) {
				t.Errorf("%d:%d is at %q, want the value of miniprogramRoot", tt.line, tt.column, got)
			}
		})
	}
}

func TestLoadNoAppJSON(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
	}{
		{"empty folder", map[string]string{}},
		{"only a project.config.json", map[string]string{"project.config.json": `{"appid": "wx1"}`}},
		{"app.json in a sub-folder not named by miniprogramRoot", map[string]string{"miniprogram/app.json": `{"pages": []}`}},
		{"pages but no app.json", withPage(map[string]string{}, "", "pages/a/a")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, errs := project.Load(folder(tt.files))
			if p != nil {
				t.Error("a project was returned without an app.json")
			}
			d := one(t, errs)
			if d.File != "app.json" || d.Line != 1 || d.Column != 1 {
				t.Errorf("at %s:%d:%d", d.File, d.Line, d.Column)
			}
			if !strings.Contains(d.Message, "app.json not found") {
				t.Errorf("message %q", d.Message)
			}
			if !strings.Contains(d.Hint, "open the folder that holds app.json") || !strings.Contains(d.Hint, "miniprogramRoot") {
				t.Errorf("hint %q", d.Hint)
			}
		})
	}
}

// Editors on Windows may start app.json with a UTF-8 byte order mark; it is accepted, and
// the app.json handed on to the runtime is valid JSON without it.
func TestLoadAppJSONWithByteOrderMark(t *testing.T) {
	src := bom + "{\n  \"pages\": [\"pages/a/a\"],\n  \"entryPagePath\": \"pages/a/a\"\n}\n"
	p, errs := project.Load(folder(withPage(map[string]string{
		"app.json":            src,
		"project.config.json": bom + `{"appid": "wx1"}`,
	}, "", "pages/a/a")))
	if len(errs) != 0 || p == nil {
		t.Fatalf("Load: %v", errs)
	}
	if p.App.EntryPage() != "pages/a/a" || p.Config.AppID != "wx1" {
		t.Errorf("app %+v, config %+v", p.App, p.Config)
	}
	if strings.HasPrefix(string(p.App.Raw), bom) || !json.Valid(p.App.Raw) {
		t.Errorf("Raw is not valid JSON: %q", p.App.Raw)
	}
	// The runtime's config is marshalled with Raw inside it.
	if _, err := json.Marshal(struct{ App json.RawMessage }{p.App.Raw}); err != nil {
		t.Errorf("Raw cannot be marshalled: %v", err)
	}
}

func TestEntryPage(t *testing.T) {
	tests := []struct {
		name string
		app  project.App
		want string
	}{
		{"first page by default", project.App{Pages: []string{"pages/a/a", "pages/b/b"}}, "pages/a/a"},
		{"entryPagePath wins", project.App{Pages: []string{"pages/a/a", "pages/b/b"}, EntryPagePath: "pages/b/b"}, "pages/b/b"},
		{"entryPagePath with .html", project.App{Pages: []string{"pages/a/a"}, EntryPagePath: "pages/b/b.html"}, "pages/b/b"},
		{"entryPagePath without pages", project.App{EntryPagePath: "pages/b/b"}, "pages/b/b"},
		{"nothing", project.App{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.app.EntryPage(); got != tt.want {
				t.Errorf("EntryPage() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLoadEntryPagePath(t *testing.T) {
	files := withPage(withPage(map[string]string{
		"app.json": `{"pages": ["pages/a/a", "pages/b/b"], "entryPagePath": "pages/b/b"}`,
	}, "", "pages/a/a"), "", "pages/b/b")
	p, errs := project.Load(folder(files))
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if p.App.EntryPagePath != "pages/b/b" || p.App.EntryPage() != "pages/b/b" {
		t.Errorf("entry %q / %q", p.App.EntryPagePath, p.App.EntryPage())
	}
}

// Every problem is reported at once: a config error does not hide the app's.
func TestLoadReportsEveryProblem(t *testing.T) {
	files := map[string]string{
		"project.config.json": `{"appid": 1}`,
		"app.json":            `{"pages": ["pages/a/a"]}`,
		"pages/a/a.wxml":      "<view/>",
	}
	p, errs := project.Load(folder(files))
	if p == nil || len(errs) != 2 {
		t.Fatalf("got %v", errs)
	}
	if errs[0].File != "project.config.json" || errs[1].File != "app.json" {
		t.Errorf("files %q, %q", errs[0].File, errs[1].File)
	}
	if !strings.Contains(errs.Error(), "project.config.json:1:11: error:") || !strings.Contains(errs.Error(), "app.json:1:12: error:") {
		t.Errorf("Error():\n%s", errs.Error())
	}
}

// assertJSON compares two JSON texts by value.
func assertJSON(t *testing.T, got json.RawMessage, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("%s: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	gb, _ := json.Marshal(g)
	wb, _ := json.Marshal(w)
	if string(gb) != string(wb) {
		t.Errorf("got %s, want %s", gb, wb)
	}
}
