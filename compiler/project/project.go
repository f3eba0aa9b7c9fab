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
	"path"
	"strings"

	"github.com/mpsim/mpsim/compiler/diag"
)

// Project is a loaded mini-program. Paths inside it are slash-separated and relative to
// the mini-program root (miniprogramRoot applied), as app.json writes them.
type Project struct {
	// FS is the mini-program root: the project folder, or its miniprogramRoot.
	FS fs.FS
	// Config is project.config.json with project.private.config.json over it.
	Config Config
	App    App
}

// Config is the part of project.config.json that mpsim reads.
type Config struct {
	AppID           string          `json:"appid"`
	ProjectName     string          `json:"projectname"`
	MiniprogramRoot string          `json:"miniprogramRoot"`
	Setting         json.RawMessage `json:"setting,omitempty"`
}

// App is app.json. Fields mpsim does not read yet are kept in Raw for the runtime.
type App struct {
	Pages         []string        `json:"pages"`
	EntryPagePath string          `json:"entryPagePath,omitempty"`
	Window        json.RawMessage `json:"window,omitempty"`
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

	if src, err := fs.ReadFile(dir, "project.config.json"); err == nil {
		errs = append(errs, decodeJSON("project.config.json", src, &p.Config)...)
		// The private config is the developer's own and overrides the shared one.
		if priv, err := fs.ReadFile(dir, "project.private.config.json"); err == nil {
			errs = append(errs, decodeJSON("project.private.config.json", priv, &p.Config)...)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		errs = append(errs, diag.Diagnostic{File: "project.config.json", Line: 1, Column: 1, Message: err.Error()})
	}

	if root := strings.Trim(path.Clean("/"+p.Config.MiniprogramRoot), "/"); root != "" {
		sub, err := fs.Sub(dir, root)
		if err == nil {
			_, err = fs.Stat(sub, "app.json")
		}
		if err != nil {
			return nil, append(errs, diag.Diagnostic{
				File: "project.config.json", Line: 1, Column: 1,
				Message: fmt.Sprintf("miniprogramRoot %q has no app.json", p.Config.MiniprogramRoot),
				Hint:    "set miniprogramRoot to the folder that holds app.json, relative to the project folder",
			})
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
	appErrs := decodeJSON("app.json", src, &p.App)
	errs = append(errs, appErrs...)
	if appErrs.HasErrors() {
		return nil, errs
	}
	p.App.Raw = json.RawMessage(src)
	errs = append(errs, p.checkPages(src)...)
	return p, errs
}

// checkPages reports an empty page list and every page whose files are missing.
func (p *Project) checkPages(src []byte) diag.List {
	var errs diag.List
	if len(p.App.Pages) == 0 {
		line, col := locate(src, "pages")
		return diag.List{diag.Diagnostic{File: "app.json", Line: line, Column: col,
			Message: `"pages" is empty or missing: an app needs at least one page`,
			Hint:    `list the pages, e.g. "pages": ["pages/index/index"]`}.WithFrame(src)}
	}
	for i, page := range p.App.Pages {
		for _, ext := range []string{".js", ".wxml"} {
			if _, err := fs.Stat(p.FS, page+ext); err != nil {
				line, col := locate(src, "pages", i)
				errs = append(errs, diag.Diagnostic{File: "app.json", Line: line, Column: col,
					Message: fmt.Sprintf("pages[%d] %q: %s not found", i, page, page+ext),
					Hint:    "create the file, or remove the page from app.json"}.WithFrame(src))
			}
		}
	}
	return errs
}

// decodeJSON unmarshals src into v; a syntax or type error is a diagnostic at its position.
func decodeJSON(file string, src []byte, v any) diag.List {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	err := json.Unmarshal(src, v)
	if err == nil {
		return nil
	}
	offset, msg := 0, err.Error()
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		offset, msg = int(syntax.Offset)-1, "invalid JSON: "+syntax.Error()
	case errors.As(err, &typ):
		offset = int(typ.Offset) - 1
		msg = fmt.Sprintf("%q must be %s, not %s", typ.Field, typeName(typ.Type.String()), typ.Value)
	}
	line, col := diag.Position(src, max(offset, 0))
	return diag.List{diag.Diagnostic{File: file, Line: line, Column: col, Message: msg}.WithFrame(src)}
}

func typeName(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "an array"
	case goType == "string":
		return "a string"
	case strings.HasPrefix(goType, "map") || strings.HasPrefix(goType, "struct"):
		return "an object"
	}
	return goType
}

// locate finds the position of the value at a key path (object keys and array indexes)
// in a JSON document, for diagnostics; it returns 1:1 when the path is not there.
func locate(src []byte, keys ...any) (line, col int) {
	dec := json.NewDecoder(bytes.NewReader(src))
	offset, ok := seek(dec, keys)
	if !ok {
		return 1, 1
	}
	// InputOffset is just past the previous token; skip to the value itself.
	for offset < len(src) && strings.ContainsRune(" \t\r\n:,[", rune(src[offset])) {
		offset++
	}
	return diag.Position(src, offset)
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
