package project

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/mpsim/mpsim/compiler/diag"
)

// Layout is what app.json says beyond the page list: subpackages, the tabBar and the
// components every page may use.
type Layout struct {
	UsingComponents map[string]string `json:"usingComponents"`
	SubPackages     []SubPackage      `json:"subPackages"`
	SubPackagesAlt  []SubPackage      `json:"subpackages"` // both spellings are accepted
	TabBar          *TabBar           `json:"tabBar"`
}

// SubPackage is one entry of app.json's subpackages.
type SubPackage struct {
	Root        string   `json:"root"`
	Name        string   `json:"name"`
	Pages       []string `json:"pages"`
	Independent bool     `json:"independent"`
}

// CustomTabBar is the component a custom tabBar is (app.json tabBar.custom).
const CustomTabBar = "custom-tab-bar/index"

// TabBar is app.json's tabBar; mpsim checks that its pages exist.
type TabBar struct {
	List []struct {
		PagePath string `json:"pagePath"`
	} `json:"list"`
	Custom bool `json:"custom"`
}

// Component is a page's or custom component's .json, with usingComponents (and
// componentGenerics defaults) resolved to /-absolute project paths without extension.
type Component struct {
	Path   string          // "pages/index/index", "miniprogram_npm/@vant/weapp/button/index"
	IsPage bool            // listed in app.json's pages or a subpackage's
	Config json.RawMessage // the .json as the runtime takes it (resolved paths)
	// Uses lists the resolved components it uses, for the build graph.
	Uses []string
}

// AllPages lists every page: app.json's pages, then each subpackage's under its root. A
// subpackage page whose script is missing is an error at its entry in app.json (the main
// package's pages are checked by Load).
func (p *Project) AllPages() ([]string, diag.List) {
	layout, errs := p.layout()
	pages := append([]string(nil), p.App.Pages...)
	key, subs := "subPackages", layout.SubPackages
	if len(subs) == 0 {
		key, subs = "subpackages", layout.SubPackagesAlt
	}
	for i, sp := range subs {
		root := strings.Trim(sp.Root, "/")
		for j, page := range sp.Pages {
			full := path.Join(root, page)
			pages = append(pages, full)
			if !p.isComponent(full) {
				line, col := locate(p.App.Raw, key, i, "pages", j)
				errs = append(errs, diag.Diagnostic{File: "app.json", Line: line, Column: col,
					Message: fmt.Sprintf("%s[%d].pages[%d] %q: %s.js not found", key, i, j, page, full),
					Hint:    "a subpackage page is relative to the subpackage's root; create the file or remove the entry"}.WithFrame(p.App.Raw))
			}
		}
	}
	return pages, errs
}

func (p *Project) layout() (Layout, diag.List) {
	var l Layout
	if len(p.App.Raw) == 0 {
		return l, nil
	}
	return l, decodeJSON("app.json", p.App.Raw, &l)
}

// Components loads the .json of every page and of every component they use, transitively,
// and resolves each usingComponents entry as the official tools do: a /-absolute path from
// the root, a relative path from the file's folder, else an npm component looked up in
// miniprogram_npm from the file's folder up to the root. A path that resolves nowhere is an
// error at its position in the .json. app.json's usingComponents apply to every page and
// component, under their own.
func (p *Project) Components() (map[string]*Component, diag.List) {
	layout, errs := p.layout()
	appSrc := p.App.Raw
	pages, perrs := p.AllPages()
	errs = append(errs, perrs...)

	// App-level components resolve from the root.
	global := map[string]string{}
	for alias, spec := range layout.UsingComponents {
		if resolved, ok := p.resolveComponent("app.json", spec); ok {
			global[alias] = resolved
		} else {
			line, col := locate(appSrc, "usingComponents", alias)
			errs = append(errs, unresolved("app.json", appSrc, line, col, alias, spec))
		}
	}
	for _, t := range tabBarPages(layout) {
		if !contains(pages, t.page) {
			line, col := locate(appSrc, "tabBar", "list", t.index, "pagePath")
			errs = append(errs, diag.Diagnostic{File: "app.json", Line: line, Column: col,
				Message: fmt.Sprintf("tabBar.list[%d].pagePath %q is not in pages", t.index, t.page),
				Hint:    "add it to \"pages\": a tab must be a page of the main package"}.WithFrame(appSrc))
		}
	}

	out := map[string]*Component{}
	queue := []string{}
	isPage := map[string]bool{}
	for _, pg := range pages {
		isPage[pg] = true
		queue = append(queue, pg)
	}
	// A custom tabBar is the component custom-tab-bar/index of the root, by convention.
	if layout.TabBar != nil && layout.TabBar.Custom {
		if p.isComponent(CustomTabBar) {
			queue = append(queue, CustomTabBar)
		} else {
			line, col := locate(appSrc, "tabBar", "custom")
			errs = append(errs, diag.Diagnostic{File: "app.json", Line: line, Column: col,
				Message: "tabBar.custom is true, but there is no " + CustomTabBar + ".js",
				Hint:    "add the custom-tab-bar component (index.js, index.json, index.wxml) at the root, or remove \"custom\""}.WithFrame(appSrc))
		}
	}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if out[cur] != nil {
			continue
		}
		c, cerrs := p.loadComponent(cur, isPage[cur], global)
		errs = append(errs, cerrs...)
		out[cur] = c
		queue = append(queue, c.Uses...)
	}
	return out, errs
}

type tabPage struct {
	index int
	page  string
}

func tabBarPages(l Layout) []tabPage {
	if l.TabBar == nil {
		return nil
	}
	var out []tabPage
	for i, item := range l.TabBar.List {
		out = append(out, tabPage{i, strings.TrimSuffix(strings.TrimPrefix(item.PagePath, "/"), ".html")})
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// loadComponent reads path's .json (absent: {}) and resolves the components it uses.
func (p *Project) loadComponent(compPath string, isPage bool, global map[string]string) (*Component, diag.List) {
	file := compPath + ".json"
	c := &Component{Path: compPath, IsPage: isPage}
	raw := map[string]json.RawMessage{}
	src, err := fs.ReadFile(p.FS, file)
	var errs diag.List
	if err == nil {
		errs = decodeJSON(file, src, &raw)
	}
	var using map[string]string
	if _, ok := raw["usingComponents"]; ok {
		errs = append(errs, decodeJSON(file, src, &struct {
			UsingComponents *map[string]string `json:"usingComponents"`
		}{&using})...)
	}
	resolved := map[string]string{}
	for alias, target := range global {
		resolved[alias] = "/" + target
	}
	aliases := make([]string, 0, len(using))
	for alias := range using {
		aliases = append(aliases, alias)
	}
	sort.Strings(aliases)
	for _, alias := range aliases {
		spec := using[alias]
		if strings.HasPrefix(spec, "plugin://") || strings.HasPrefix(spec, "plugin-private://") {
			// Plugins need WeChat's servers; the runtime shows a placeholder.
			resolved[alias] = spec
			continue
		}
		target, ok := p.resolveComponent(file, spec)
		if !ok {
			line, col := locate(src, "usingComponents", alias)
			errs = append(errs, unresolved(file, src, line, col, alias, spec))
			continue
		}
		resolved[alias] = "/" + target
	}
	for _, target := range resolved {
		if strings.HasPrefix(target, "/") {
			c.Uses = append(c.Uses, target[1:])
		}
	}
	if len(resolved) > 0 || raw["usingComponents"] != nil {
		raw["usingComponents"], _ = json.Marshal(resolved)
	}
	// componentGenerics: {"name": true} or {"name": {"default": "path"}}; a default is a
	// component the build needs, resolved like a usingComponents entry.
	if g, ok := raw["componentGenerics"]; ok {
		generics := map[string]json.RawMessage{}
		if json.Unmarshal(g, &generics) == nil {
			for name, spec := range generics {
				var d struct {
					Default string `json:"default"`
				}
				if json.Unmarshal(spec, &d) != nil || d.Default == "" {
					continue
				}
				target, ok := p.resolveComponent(file, d.Default)
				if !ok {
					line, col := locate(src, "componentGenerics", name, "default")
					errs = append(errs, unresolved(file, src, line, col, name, d.Default))
					continue
				}
				c.Uses = append(c.Uses, target)
				generics[name], _ = json.Marshal(map[string]string{"default": "/" + target})
			}
			raw["componentGenerics"], _ = json.Marshal(generics)
		}
	}
	sort.Strings(c.Uses)
	c.Config, _ = json.Marshal(raw)
	return c, errs
}

func unresolved(file string, src []byte, line, col int, alias, spec string) diag.Diagnostic {
	return diag.Diagnostic{File: file, Line: line, Column: col,
		Message: fmt.Sprintf("usingComponents %q: %q resolves to no component", alias, spec),
		Hint: "a component is a .js (with its .json, .wxml) at a path relative to this file, /-absolute from the " +
			"mini-program root, or an npm component under miniprogram_npm (run mpsim build-npm)"}.WithFrame(src)
}

// resolveComponent finds the component spec names, from the file that names it.
func (p *Project) resolveComponent(from, spec string) (string, bool) {
	spec, _ = p.App.Aliases.Apply(spec)
	spec = strings.TrimSuffix(strings.TrimSuffix(spec, ".js"), ".json")
	dir := path.Dir(from)
	var candidates []string
	switch {
	case strings.HasPrefix(spec, "/"):
		candidates = []string{strings.TrimPrefix(path.Clean(spec), "/")}
	case strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../"):
		candidates = []string{path.Join(dir, spec)}
	default:
		// A bare path: relative first (as older projects write it), then npm from the
		// file's folder up to the root, then from the root.
		candidates = append(candidates, path.Join(dir, spec))
		for d := dir; ; d = path.Dir(d) {
			candidates = append(candidates, path.Join(d, "miniprogram_npm", spec))
			if d == "." || d == "/" {
				break
			}
		}
		candidates = append(candidates, path.Clean(spec))
	}
	for _, c := range candidates {
		if strings.HasPrefix(c, "../") || c == ".." {
			continue // outside the mini-program root
		}
		if p.isComponent(c) {
			return c, true
		}
		if p.isComponent(path.Join(c, "index")) {
			return path.Join(c, "index"), true
		}
	}
	return "", false
}

// isComponent reports whether a component's script is at compPath (.js or .ts).
func (p *Project) isComponent(compPath string) bool {
	for _, ext := range []string{".js", ".ts"} {
		if p.Exists != nil {
			if p.Exists(compPath + ext) {
				return true
			}
		} else if st, err := fs.Stat(p.FS, compPath+ext); err == nil && !st.IsDir() {
			return true
		}
	}
	return false
}
