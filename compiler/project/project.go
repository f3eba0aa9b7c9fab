// Package project loads a mini-program folder: project.config.json (and the private config
// over it), app.json, and the files each page needs. Every mistake it finds is a
// diagnostic naming the file, the line and column, and the key.
package project

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/mpsim/mpsim/compiler/diag"
	"github.com/mpsim/mpsim/compiler/js"
)

// Project is a loaded mini-program. Paths inside it are slash-separated and relative to
// the mini-program root (miniprogramRoot applied), as app.json writes them.
type Project struct {
	// FS is the mini-program root: the project folder, or its miniprogramRoot.
	FS fs.FS
	// Config is project.config.json with project.private.config.json over it.
	Config Config
	App    App
	// SharedSheets are style sheets (paths in FS) linked before app.wxss into the app's
	// shared styles: the extended libraries' (MountExtendedLibs).
	SharedSheets []string
	// Exists, when set, answers whether a file is in FS, in place of a stat call: a build
	// that has listed every file already knows.
	Exists func(name string) bool
}

// Config is the part of project.config.json that mpsim reads.
type Config struct {
	AppID           string          `json:"appid"`
	ProjectName     string          `json:"projectname"`
	MiniprogramRoot string          `json:"miniprogramRoot"`
	Setting         json.RawMessage `json:"setting,omitempty"`
}

// CompilerPlugins lists setting.useCompilerPlugins: the languages the official tools
// compile for this project ("typescript", "sass", "less").
func (c Config) CompilerPlugins() []string {
	var setting struct {
		Plugins []any `json:"useCompilerPlugins"`
	}
	json.Unmarshal(c.Setting, &setting)
	var names []string
	for _, p := range setting.Plugins {
		if name, ok := p.(string); ok {
			names = append(names, name)
		}
	}
	return names
}

// App is app.json. Fields mpsim does not read yet are kept in Raw for the runtime.
type App struct {
	Pages         []string        `json:"pages"`
	EntryPagePath string          `json:"entryPagePath,omitempty"`
	Window        json.RawMessage `json:"window,omitempty"`
	TabBar        json.RawMessage `json:"tabBar,omitempty"`
	// Style is "v2" for the upgraded look of the built-in components.
	Style string `json:"style,omitempty"`
	// DarkMode and ThemeLocation turn on the "@name" variables of theme.json; Theme is
	// that file, read (loadTheme).
	DarkMode      bool   `json:"darkmode,omitempty"`
	ThemeLocation string `json:"themeLocation,omitempty"`
	Theme         *Theme `json:"-"`
	// UseExtendedLib turns on libraries the official tools provide without npm
	// ({"weui": true}); MountExtendedLibs puts them in the project's files.
	UseExtendedLib map[string]bool `json:"useExtendedLib,omitempty"`
	// ResolveAlias maps module path prefixes to folders of the root ("@/*": "/*"), for
	// require, import and usingComponents.
	ResolveAlias map[string]string `json:"resolveAlias,omitempty"`
	// Aliases is ResolveAlias checked: the rules whose key and value end with "/*".
	Aliases js.Aliases `json:"-"`
	// Raw is app.json as written, passed to the runtime (__wxConfig).
	Raw json.RawMessage `json:"-"`
}

// EntryPage is the page the app launches on: entryPagePath, else the first page.
func (a App) EntryPage() string {
	if a.EntryPagePath != "" {
		return strings.TrimSuffix(a.EntryPagePath, ".html")
	}
	if len(a.Pages) > 0 {
		return a.Pages[0]
	}
	return ""
}

// Load reads the project in dir (an fs.FS of the folder the user opened). It returns the
// project and every problem found; the project is nil only when nothing can be built.
func Load(dir fs.FS) (*Project, diag.List) {
	var errs diag.List
	p := &Project{FS: dir}

	// project.config.json is shared; project.private.config.json is the developer's own
	// and overrides it field by field (the keys of "setting" one by one).
	shared, serrs := readConfig(dir, "project.config.json", &p.Config)
	errs = append(errs, serrs...)
	sharedSetting := p.Config.Setting
	p.Config.Setting = nil
	private, perrs := readConfig(dir, "project.private.config.json", &p.Config)
	errs = append(errs, perrs...)
	p.Config.Setting = mergeObjects(sharedSetting, p.Config.Setting)
	// The official tools write projectname percent-encoded ("%E7%A4%BA%E4%BE%8B", "My%20App").
	if name, err := url.PathUnescape(p.Config.ProjectName); err == nil {
		p.Config.ProjectName = name
	}

	// Config files written on Windows may use backslashes.
	rootPath := strings.ReplaceAll(p.Config.MiniprogramRoot, `\`, "/")
	if root := strings.Trim(path.Clean("/"+rootPath), "/"); root != "" {
		sub, err := fs.Sub(dir, root)
		missing := "has no app.json"
		if err == nil {
			if info, serr := fs.Stat(dir, root); serr != nil || !info.IsDir() {
				err, missing = fs.ErrNotExist, "is not a folder in the project"
			} else {
				_, err = fs.Stat(sub, "app.json")
			}
		}
		if err != nil {
			file, src := "project.private.config.json", private
			if _, ok := find(private, "miniprogramRoot"); !ok {
				file, src = "project.config.json", shared
			}
			line, col := locate(src, "miniprogramRoot")
			return nil, append(errs, diag.Diagnostic{
				File: file, Line: line, Column: col,
				Message: fmt.Sprintf("miniprogramRoot %q %s", p.Config.MiniprogramRoot, missing),
				Hint:    "set miniprogramRoot to the folder that holds app.json, relative to the project folder",
			}.WithFrame(src))
		}
		p.FS = sub
	}

	src, err := fs.ReadFile(p.FS, "app.json")
	if err != nil {
		return nil, append(errs, diag.Diagnostic{
			File: "app.json", Line: 1, Column: 1,
			Message: "app.json not found: this folder is not a mini-program",
			Hint:    "open the folder that holds app.json, or set miniprogramRoot in project.config.json",
		})
	}
	// Editors on Windows may save a byte order mark; JSON has none, and positions and
	// the Raw app.json handed to the runtime are counted without it.
	src = bytes.TrimPrefix(src, utf8BOM)
	appErrs := decodeJSON("app.json", src, &p.App)
	errs = append(errs, appErrs...)
	if appErrs.HasErrors() {
		return nil, errs
	}
	p.App.Raw = json.RawMessage(src)
	errs = append(errs, p.checkPages(src)...)
	errs = append(errs, p.checkAliases(src)...)
	errs = append(errs, p.loadTheme(src)...)
	return p, errs
}

// checkAliases keeps the resolveAlias rules the official tools accept (key and value
// each ending with "/*") and reports the others at their key.
func (p *Project) checkAliases(src []byte) diag.List {
	var errs diag.List
	good := map[string]string{}
	for _, from := range slices.Sorted(maps.Keys(p.App.ResolveAlias)) {
		to := p.App.ResolveAlias[from]
		if strings.HasSuffix(from, "/*") && strings.HasSuffix(to, "/*") {
			good[from] = to
			continue
		}
		line, col := locate(src, "resolveAlias", from)
		errs = append(errs, diag.Diagnostic{File: "app.json", Line: line, Column: col,
			Message: fmt.Sprintf("resolveAlias %q: %q: a key and its value both end with /*", from, to),
			Hint:    `write e.g. "@/*": "/*" or "@utils/*": "utils/*"; the value is a folder of the mini-program root`}.WithFrame(src))
	}
	p.App.Aliases = js.NewAliases(good)
	return errs
}

var utf8BOM = []byte("\xef\xbb\xbf")

// readConfig decodes the config file name of dir over cfg, when it is there, and returns
// its text (without a byte order mark) for positions.
func readConfig(dir fs.FS, name string, cfg *Config) ([]byte, diag.List) {
	src, err := fs.ReadFile(dir, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, diag.List{{File: name, Line: 1, Column: 1, Message: err.Error(),
			Hint: "check that the file can be read"}}
	}
	src = bytes.TrimPrefix(src, utf8BOM)
	return src, decodeJSON(name, src, cfg)
}

// mergeObjects returns the JSON object base with the keys of over set over it. When
// either is not an object, over wins if it is there.
func mergeObjects(base, over json.RawMessage) json.RawMessage {
	if len(over) == 0 {
		return base
	}
	var b, o map[string]json.RawMessage
	if len(base) == 0 || json.Unmarshal(base, &b) != nil || b == nil || json.Unmarshal(over, &o) != nil || o == nil {
		return over
	}
	for k, v := range o {
		b[k] = v
	}
	out, err := json.Marshal(b)
	if err != nil {
		return over
	}
	return out
}

// checkPages reports an empty page list and every page whose files are missing. A page
// needs its template (.wxml) and its script (.js, or .ts in a TypeScript project).
func (p *Project) checkPages(src []byte) diag.List {
	var errs diag.List
	if len(p.App.Pages) == 0 {
		line, col := locate(src, "pages")
		return diag.List{diag.Diagnostic{File: "app.json", Line: line, Column: col,
			Message: `"pages" is empty or missing: an app needs at least one page`,
			Hint:    `list the pages, e.g. "pages": ["pages/index/index"]`}.WithFrame(src)}
	}
	for i, page := range p.App.Pages {
		hint := "create the file, or remove the page from app.json"
		if strings.HasPrefix(page, "/") || path.Ext(page) != "" {
			hint = fmt.Sprintf("write the page as a path from the mini-program root without a leading / or an extension, e.g. %q",
				strings.TrimSuffix(strings.TrimLeft(page, "/"), path.Ext(page)))
		}
		for _, exts := range [][]string{{".js", ".ts"}, {".wxml"}} {
			if !exists(p.FS, page, exts) {
				line, col := locate(src, "pages", i)
				errs = append(errs, diag.Diagnostic{File: "app.json", Line: line, Column: col,
					Message: fmt.Sprintf("pages[%d] %q: %s not found", i, page, page+exts[0]),
					Hint:    hint}.WithFrame(src))
			}
		}
	}
	return errs
}

// exists reports whether name with one of exts is a file in fsys.
func exists(fsys fs.FS, name string, exts []string) bool {
	for _, ext := range exts {
		if info, err := fs.Stat(fsys, name+ext); err == nil && !info.IsDir() {
			return true
		}
	}
	return false
}

// DecodeJSON decodes src, the JSON file named file, into v: a syntax or type error comes
// back as one diagnostic at its line and column, worded as for app.json. A leading BOM is
// allowed, as editors on Windows write one.
func DecodeJSON(file string, src []byte, v any) diag.List {
	return decodeJSON(file, bytes.TrimPrefix(src, utf8BOM), v)
}

// Locate is the line and column of the value at a key path of a JSON document
// ("domains", "request", 0); 1:1 when there is none.
func Locate(src []byte, keys ...any) (line, col int) {
	return locate(bytes.TrimPrefix(src, utf8BOM), keys...)
}

// decodeJSON unmarshals src into v; a syntax or type error is a diagnostic at its position,
// saying what is wrong and how to fix it.
func decodeJSON(file string, src []byte, v any) diag.List {
	err := json.Unmarshal(src, v)
	if err == nil {
		return nil
	}
	d := diag.Diagnostic{File: file, Message: err.Error()}
	offset := 0
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		offset, d.Message, d.Hint = explainSyntax(file, src, syntax)
	case errors.As(err, &typ):
		offset, d.Message, d.Hint = explainType(file, src, typ)
	}
	d.Line, d.Column = diag.Position(src, offset)
	return diag.List{d.WithFrame(src)}
}

// explainSyntax places a JSON syntax error and words it for someone editing the file.
func explainSyntax(file string, src []byte, e *json.SyntaxError) (offset int, msg, hint string) {
	at := int(e.Offset) - 1 // the byte the parser stopped at
	msg = "invalid JSON: " + e.Error()
	if len(bytes.TrimSpace(src)) == 0 {
		return 0, file + " is empty", `write a JSON object, e.g. ` + example(file)
	}
	if at < 0 || at >= len(src) {
		at = len(src)
	}
	if at >= len(src)-1 && strings.Contains(e.Error(), "unexpected end") {
		// The file ends early: say what is left open, just after the last character.
		end := len(bytes.TrimRight(src, " \t\r\n"))
		s := scan(src)
		switch {
		case s.inString:
			l, c := diag.Position(src, s.stringStart)
			return end, fmt.Sprintf("invalid JSON: the string at %d:%d is not closed", l, c), `add the closing "`
		case len(s.open) > 0:
			open := s.open[len(s.open)-1]
			l, c := diag.Position(src, open)
			closer := map[byte]string{'{': "}", '[': "]"}[src[open]]
			return end, fmt.Sprintf("invalid JSON: unexpected end of file: the %q at %d:%d is not closed", src[open], l, c),
				fmt.Sprintf("add the missing %q", closer)
		}
		return end, msg, "complete the value: the file ends in the middle of it"
	}
	c := src[at]
	text := e.Error()
	switch {
	case strings.Contains(text, "in string literal") && (c == '\n' || c == '\r'):
		msg, hint = "invalid JSON: the string is not closed at the end of the line", `add the closing " where the string ends`
	case (c == ']' || c == '}') && strings.Contains(text, "looking for beginning"):
		if prev := bytes.TrimRight(src[:at], " \t\r\n"); len(prev) > 0 && prev[len(prev)-1] == ',' {
			msg = fmt.Sprintf("invalid JSON: trailing comma before %q", c)
			hint = "remove the comma after the last item: JSON allows no trailing comma"
		} else {
			hint = fmt.Sprintf("a value is missing before %q, or the %q does not belong here", c, c)
		}
	case c == '/' || c == '#':
		hint = "JSON allows no comments: remove them"
	case c == '\'':
		hint = `JSON strings and keys use double quotes: "…"`
	case strings.Contains(text, "beginning of object key string"):
		hint = `put the key in double quotes, e.g. "pages"`
	case strings.Contains(text, "after object key:value pair") || strings.Contains(text, "after array element"):
		hint = "a comma is missing before this: separate items with commas"
	case strings.Contains(text, "after object key"):
		hint = `put a ":" between the key and its value`
	case strings.Contains(text, "after top-level value"):
		hint = "a JSON file holds one value: remove what follows it, or wrap the values in [ ] or { }"
	case strings.Contains(text, "beginning of value"):
		hint = `write a value here: a "string" in double quotes, a number, true, false, null, an [array] or an {object}`
	default:
		hint = "fix the JSON here"
	}
	return at, msg, hint
}

// example is a minimal valid content of file, for hints.
func example(file string) string {
	if file == "app.json" {
		return `{"pages": ["pages/index/index"]}`
	}
	return "{}"
}

// scanState is where a truncated JSON document stopped: the delimiters left open (their
// offsets, innermost last) and whether it stopped inside a string.
type scanState struct {
	open        []int
	inString    bool
	stringStart int
}

func scan(src []byte) scanState {
	var s scanState
	for i := 0; i < len(src); i++ {
		c := src[i]
		if s.inString {
			switch c {
			case '\\':
				i++
			case '"':
				s.inString = false
			}
			continue
		}
		switch c {
		case '"':
			s.inString, s.stringStart = true, i
		case '{', '[':
			s.open = append(s.open, i)
		case '}', ']':
			if len(s.open) > 0 {
				s.open = s.open[:len(s.open)-1]
			}
		}
	}
	return s
}

// explainType places a value of the wrong type at its first character (the decoder's
// offset is at its end) and names it by its path, e.g. "pages[1]".
func explainType(file string, src []byte, e *json.UnmarshalTypeError) (offset int, msg, hint string) {
	offset, at, ok := valueEndingAt(src, int(e.Offset))
	if !ok {
		offset, at = max(int(e.Offset)-1, 0), e.Field
	}
	want := kindName(e.Type)
	got := e.Value
	if n, ok := map[string]string{"string": "a string", "number": "a number", "bool": "true or false",
		"array": "an array", "object": "an object"}[got]; ok {
		got = n
	}
	if at == "" {
		return offset, fmt.Sprintf("%s must be %s, not %s", file, want, got),
			"write the file as a JSON object, e.g. " + example(file)
	}
	msg = fmt.Sprintf("%q must be %s, not %s", at, want, got)
	hint = fmt.Sprintf("change %q to %s", at, want)
	if at == "pages" && file == "app.json" {
		hint = `write "pages" as an array of page paths, e.g. "pages": ["pages/index/index"]`
	}
	return offset, msg, hint
}

func kindName(t reflect.Type) string {
	if t == nil {
		return "another type"
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "a number"
	}
	return t.String()
}

// valueEndingAt walks src to the value whose first token ends at byte end (where the
// decoder reports a type error) and returns the offset it starts at and its path, as
// "tabBar.list[0].pagePath" ("" for the document itself).
func valueEndingAt(src []byte, end int) (start int, at string, ok bool) {
	type level struct {
		object  bool
		wantKey bool
		key     string
		index   int
	}
	var stack []*level
	pathOf := func() string {
		var b strings.Builder
		for _, l := range stack {
			if l.object {
				if b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(l.key)
			} else {
				fmt.Fprintf(&b, "[%d]", l.index)
			}
		}
		return b.String()
	}
	done := func() { // a value finished: its parent moves on
		if len(stack) > 0 {
			if top := stack[len(stack)-1]; top.object {
				top.wantKey = true
			} else {
				top.index++
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	for {
		before := skipSpace(src, int(dec.InputOffset()))
		tok, err := dec.Token()
		if err != nil {
			return 0, "", false
		}
		after := int(dec.InputOffset())
		var top *level
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if k, isKey := tok.(string); isKey && top != nil && top.object && top.wantKey {
			top.key, top.wantKey = k, false
			continue
		}
		if d, isDelim := tok.(json.Delim); isDelim && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			done()
			continue
		}
		if after == end {
			return before, pathOf(), true
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &level{object: true, wantKey: true})
		case json.Delim('['):
			stack = append(stack, &level{})
		default:
			done()
		}
	}
}

// skipSpace returns the offset of the first byte at or after i that is not whitespace or
// a separator the decoder has not consumed yet.
func skipSpace(src []byte, i int) int {
	for i < len(src) && strings.ContainsRune(" \t\r\n:,", rune(src[i])) {
		i++
	}
	return i
}

// locate finds the position of the value at a key path (object keys and array indexes)
// in a JSON document, for diagnostics; it returns 1:1 when the path is not there.
func locate(src []byte, keys ...any) (line, col int) {
	offset, ok := find(src, keys...)
	if !ok {
		return 1, 1
	}
	return diag.Position(src, offset)
}

// find returns the offset of the value at a key path in a JSON document.
func find(src []byte, keys ...any) (int, bool) {
	if len(src) == 0 {
		return 0, false
	}
	offset, ok := seek(json.NewDecoder(bytes.NewReader(src)), keys)
	if !ok {
		return 0, false
	}
	// InputOffset is just past the previous token; skip to the value itself.
	return skipSpace(src, offset), true
}

func seek(dec *json.Decoder, keys []any) (int, bool) {
	if len(keys) == 0 {
		return int(dec.InputOffset()), true
	}
	tok, err := dec.Token()
	if err != nil {
		return 0, false
	}
	delim, _ := tok.(json.Delim)
	switch want := keys[0].(type) {
	case string:
		if delim != '{' {
			return 0, false
		}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return 0, false
			}
			if k == want {
				return seek(dec, keys[1:])
			}
			if skip(dec) != nil {
				return 0, false
			}
		}
	case int:
		if delim != '[' {
			return 0, false
		}
		for i := 0; dec.More(); i++ {
			if i == want {
				return seek(dec, keys[1:])
			}
			if skip(dec) != nil {
				return 0, false
			}
		}
	}
	return 0, false
}

func skip(dec *json.Decoder) error {
	var v json.RawMessage
	return dec.Decode(&v)
}
