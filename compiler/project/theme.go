package project

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/mpsim/mpsim/compiler/diag"
)

// Theme is the theme.json that app.json's themeLocation names when "darkmode" is true:
// the values of the "@name" variables that app.json's window and tabBar (and the pages'
// .json windows) use, for the light and the dark theme.
type Theme struct {
	Light map[string]string `json:"light"`
	Dark  map[string]string `json:"dark"`
}

// loadTheme reads theme.json when app.json turns darkmode on, and checks that every
// "@name" in app.json's window and tabBar is defined for both themes. Each problem is an
// error at its place: the missing file at themeLocation, a bad theme.json in it, an
// undefined variable where app.json uses it.
func (p *Project) loadTheme(appSrc []byte) diag.List {
	if !p.App.DarkMode {
		return nil
	}
	if p.App.ThemeLocation == "" {
		line, col := locate(appSrc, "darkmode")
		return diag.List{diag.Diagnostic{File: "app.json", Line: line, Column: col,
			Message: `"darkmode": true needs "themeLocation", the theme.json that defines the "@" variables`,
			Hint:    `add "themeLocation": "theme.json" and a theme.json like {"light": {"navBgColor": "#ffffff"}, "dark": {"navBgColor": "#000000"}}`}.WithFrame(appSrc)}
	}
	name := strings.TrimPrefix(path.Clean("/"+p.App.ThemeLocation), "/")
	src, err := fs.ReadFile(p.FS, name)
	if err != nil {
		line, col := locate(appSrc, "themeLocation")
		return diag.List{diag.Diagnostic{File: "app.json", Line: line, Column: col,
			Message: fmt.Sprintf("themeLocation %q: no such file", p.App.ThemeLocation),
			Hint:    "the path is from the mini-program root; create the file or correct the path"}.WithFrame(appSrc)}
	}
	src = bytes.TrimPrefix(src, utf8BOM)
	var theme Theme
	if errs := decodeJSON(name, src, &theme); errs.HasErrors() {
		return errs
	}
	p.App.Theme = &theme
	var errs diag.List
	for _, use := range themeUses(appSrc) {
		for _, t := range []struct {
			name string
			vars map[string]string
		}{{"light", theme.Light}, {"dark", theme.Dark}} {
			if _, ok := t.vars[use.variable]; ok {
				continue
			}
			line, col := locate(appSrc, use.keys...)
			errs = append(errs, diag.Diagnostic{File: "app.json", Line: line, Column: col,
				Message: fmt.Sprintf("%s %q: %s has no %q in %q", use.where, "@"+use.variable, name, use.variable, t.name),
				Hint:    fmt.Sprintf(`define it in both "light" and "dark" of %s, or write the value itself`, name)}.WithFrame(appSrc))
		}
	}
	return errs
}

// themeVariable is a value that names a theme.json variable: "@navBgColor".
var themeVariable = regexp.MustCompile(`^@[A-Za-z_][A-Za-z0-9_]*$`)

// themeUse is one "@name" value in app.json: where it is, and the variable it names.
type themeUse struct {
	keys     []any  // the key path, for locate
	where    string // the key path as a developer reads it: window.navigationBarBackgroundColor
	variable string
}

// themeUses lists the "@name" string values of app.json's window, tabBar and tabBar's
// items, in the order of their key paths.
func themeUses(appSrc []byte) []themeUse {
	var app struct {
		Window map[string]any `json:"window"`
		TabBar map[string]any `json:"tabBar"`
	}
	if json.Unmarshal(appSrc, &app) != nil {
		return nil
	}
	var uses []themeUse
	add := func(fields map[string]any, keys []any, where string) {
		names := make([]string, 0, len(fields))
		for k := range fields {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			if v, ok := fields[k].(string); ok && themeVariable.MatchString(v) {
				uses = append(uses, themeUse{keys: append(append([]any{}, keys...), k), where: where + "." + k, variable: v[1:]})
			}
		}
	}
	add(app.Window, []any{"window"}, "window")
	add(app.TabBar, []any{"tabBar"}, "tabBar")
	if list, ok := app.TabBar["list"].([]any); ok {
		for i, item := range list {
			if fields, ok := item.(map[string]any); ok {
				add(fields, []any{"tabBar", "list", i}, fmt.Sprintf("tabBar.list[%d]", i))
			}
		}
	}
	return uses
}
