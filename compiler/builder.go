package compiler

import (
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/mpsim/mpsim/compiler/diag"
	"github.com/mpsim/mpsim/compiler/js"
	"github.com/mpsim/mpsim/compiler/project"
	"github.com/mpsim/mpsim/compiler/stylelang"
	"github.com/mpsim/mpsim/compiler/wxml"
	"github.com/mpsim/mpsim/compiler/wxs"
	"github.com/mpsim/mpsim/compiler/wxss"
	"github.com/mpsim/mpsim/internal/par"
)

func scriptsByPath(modules []js.Module) map[string]js.Module {
	out := make(map[string]js.Module, len(modules))
	for _, m := range modules {
		out[m.Path] = m
	}
	return out
}

func componentPaths(components map[string]*project.Component) map[string]bool {
	out := make(map[string]bool, len(components))
	for p := range components {
		out[p] = true
	}
	return out
}

// Builder builds a project again and again, as the developer edits it. Each source file's
// compiled form is cached under the hash of its content: a rebuild compiles only the files
// whose content changed, and re-links the rest (cheap: concatenation and look-ups). A file
// whose size and modification time have not changed is not even read again.
// A Builder is safe for use by one goroutine at a time.
type Builder struct {
	units map[string]*unit // by project path, e.g. "pages/index/index.wxml"
	last  Stats

	// What the last build saw, for a Build given the changed files: every file of the project, and the components
	// (which only .json files change).
	files      map[string]bool
	components map[string]*project.Component
	compErrs   diag.List
}

// unit is one source file and what compiling it gave.
type unit struct {
	hash           [sha256.Size]byte
	size           int64     // of the file when compiled; with modTime, an unchanged file
	modTime        time.Time // is not read again
	componentSheet bool      // compiled as a component's style sheet
	kind           string    // the extension: ".js", ".ts", ".wxml", ...
	imports        []string  // the files a Sass or Less sheet imported
	out            compiled
	diags          diag.List
}

// compiled is the output of one file; which field is set depends on the kind.
type compiled struct {
	module   *jsModule
	template *wxml.Output
	style    *wxss.Output
	wxs      string // a .wxs module's function expression
	// wxsRequires are the modules a .wxs module requires, checked when the build links.
	wxsRequires []wxs.Ref
	source      []byte // of a template or script, for the code frames of link errors
}

// Stats say what the last build did.
type Stats struct {
	Files    int           // source files in the project
	Compiled int           // files compiled (new or changed)
	Reused   int           // files whose cached output was reused
	Duration time.Duration // the whole build
}

// NewBuilder returns a builder with an empty cache.
func NewBuilder() *Builder {
	return &Builder{units: map[string]*unit{}}
}

// Stats reports what the last Build did.
func (b *Builder) Stats() Stats { return b.last }

// sourceKinds are the extensions the build compiles.
var sourceKinds = map[string]bool{".js": true, ".ts": true, ".wxml": true, ".wxss": true, ".wxs": true}

// Build compiles p, reusing the cached output of every file whose content has not changed.
// changed names the files that changed since the last build, as a file watcher knows
// them: then the project is not walked, no other file is looked at, and the components
// are kept unless a .json changed (paths are project paths; a folder or a file that is
// gone is fine). nil means unknown: every file is looked at. It returns nil and the
// diagnostics when the project has errors; the caller keeps serving its last good Output.
func (b *Builder) Build(p *project.Project, changed []string) (*Output, diag.List) {
	if b.files == nil {
		changed = nil // no previous build to start from
	}
	return b.build(p, changed)
}

func (b *Builder) build(p *project.Project, changed []string) (*Output, diag.List) {
	start := time.Now()
	var errs diag.List
	dirty := map[string]bool{}
	jsonChanged := changed == nil
	if changed == nil {
		var files []string
		files, errs = listSources(p.FS)
		b.files = make(map[string]bool, len(files))
		for _, f := range files {
			b.files[f] = true
		}
	} else {
		for _, name := range changed {
			if st, err := fs.Stat(p.FS, name); err == nil && st.IsDir() {
				// A folder appeared or went (a checkout): look at everything again.
				return b.build(p, nil)
			} else if err == nil {
				b.files[name] = true
			} else {
				delete(b.files, name)
			}
			dirty[name] = true
			if path.Ext(name) == ".json" {
				jsonChanged = true
			}
		}
	}
	files := make([]string, 0, len(b.files))
	for f := range b.files {
		files = append(files, f)
	}
	sort.Strings(files)
	p.Exists = func(name string) bool { return b.files[name] } // the walk saw every file: no more stat calls
	// The components come first: whether a .wxss is a component's changes how it compiles.
	if jsonChanged || b.components == nil {
		b.components, b.compErrs = p.Components()
	}
	components := b.components
	errs = append(errs, b.compErrs...)
	componentSheet := map[string]bool{}
	for path, c := range components {
		if !c.IsPage {
			componentSheet[path+".wxss"] = true
		}
	}
	sheetEntries, sheetWarns := styleEntries(files, components, b.files, p.Config.CompilerPlugins())
	errs = append(errs, sheetWarns...)
	// A Sass or Less entry compiles again when a file it imported changed, after it failed,
	// and on a full walk, which does not say what changed.
	importsChanged := func(name string, u *unit) bool {
		if !sheetEntries[name] {
			return false
		}
		if changed == nil || u == nil || u.diags.HasErrors() { // a failed one may import what came since
			return true
		}
		return slices.ContainsFunc(u.imports, func(f string) bool { return dirty[f] })
	}

	// Look at each source file and compile what changed, on every core: files are
	// independent until the link step.
	var candidates []string
	seen := make(map[string]bool, len(files)) // the source files, by name
	for _, name := range files {
		if !sourceKinds[path.Ext(name)] && !sheetEntries[name] {
			continue
		}
		seen[name] = true
		u := b.units[name]
		if changed != nil && u != nil && u.componentSheet == componentSheet[sheetName(name)] && !dirty[name] &&
			!importsChanged(name, u) {
			continue // the caller says it did not change
		}
		candidates = append(candidates, name)
	}
	for name := range b.units {
		if !seen[name] {
			delete(b.units, name)
		}
	}
	// look is what looking at one candidate found: a newly compiled unit, a unit whose file
	// was only touched (its time moves on), or a file that could not be read.
	type look struct {
		compiled, touched *unit
		info              fs.FileInfo
		err               *diag.Diagnostic
	}
	looks := make([]look, len(candidates))
	readProject := func(name string) ([]byte, bool) {
		b, err := fs.ReadFile(p.FS, name)
		return b, err == nil
	}
	par.For(len(candidates), func(i int) {
		name := candidates[i]
		u := b.units[name] // only read here; b.units changes after par.For
		// A component's sheet compiles differently from the same text elsewhere; a Sass or
		// Less entry, when what it may import changed.
		reusable := u != nil && u.componentSheet == componentSheet[sheetName(name)] && !importsChanged(name, u)
		info, err := fs.Stat(p.FS, name)
		// Untouched since it was compiled: not even read. A file written in the last two
		// seconds is read anyway, as a file system may keep times to the second.
		if err == nil && reusable && info.Size() == u.size && info.ModTime().Equal(u.modTime) &&
			time.Since(info.ModTime()) > 2*time.Second {
			return
		}
		src, err := fs.ReadFile(p.FS, name)
		if err != nil {
			looks[i].err = &diag.Diagnostic{File: name, Line: 1, Column: 1, Message: "cannot read: " + err.Error()}
			return
		}
		looks[i].info = info
		if h := sha256.Sum256(src); reusable && u.hash == h {
			looks[i].touched = u
		} else {
			looks[i].compiled = compileUnit(name, src, h, componentSheet[sheetName(name)], readProject)
		}
	})
	compiled := 0
	for i, l := range looks {
		if l.err != nil {
			errs = append(errs, *l.err)
		}
		u := l.touched
		if l.compiled != nil {
			u = l.compiled
			b.units[candidates[i]] = u
			compiled++
		}
		if u != nil && l.info != nil {
			u.size, u.modTime = l.info.Size(), l.info.ModTime()
		}
	}

	// Link: gather every unit's output and diagnostics in a fixed order.
	exists := map[string]bool{} // what a require can name: scripts by their .js path, .json files
	for _, name := range files {
		switch path.Ext(name) {
		case ".ts":
			exists[strings.TrimSuffix(name, ".ts")+".js"] = true
		default:
			exists[name] = true
		}
	}
	var modules []jsModule
	templates := map[string]string{}
	wxsModules := map[string]string{}
	pageModules := map[string]string{} // wxsModules and the inline ones, for the page layer
	jsonFiles := map[string][]byte{}
	linkInputs := map[string]wxml.LinkInput{}
	names := make([]string, 0, len(b.units))
	for name := range b.units {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		u := b.units[name]
		errs = append(errs, u.diags...)
		switch {
		case u.out.module != nil:
			m := *u.out.module
			m.Requires = append([]js.Ref(nil), m.Requires...) // resolved below; the cache keeps its own
			errs = append(errs, js.ResolveRequires(&m, u.out.source, p.App.Aliases, func(p string) bool { return exists[p] })...)
			for _, r := range m.Requires {
				if strings.HasSuffix(r.Path, ".json") && jsonFiles[r.Path] == nil {
					jsonFiles[r.Path] = readJSONModule(p.FS, r.Path, &errs)
				}
			}
			modules = append(modules, m)
		case u.kind == ".wxs" && !u.diags.HasErrors():
			wxsModules[name] = u.out.wxs
			pageModules[name] = u.out.wxs
			for _, r := range u.out.wxsRequires {
				if !exists[r.Path] {
					d := diag.Diagnostic{Severity: diag.Error, File: name, Line: r.Line, Column: r.Column,
						Message: fmt.Sprintf("cannot find module %q", r.Path),
						Hint:    "a WXS module requires .wxs files of the project, by a path relative to it"}
					errs = append(errs, d.WithFrame(u.out.source))
				}
			}
		case u.kind == ".wxml" && !u.diags.HasErrors():
			key := strings.TrimSuffix(name, ".wxml")
			templates[key] = u.out.template.JS
			for f, js := range u.out.template.InlineWXS {
				pageModules[f] = js
			}
			linkInputs[key] = wxml.LinkInput{File: name, Source: u.out.source, Out: *u.out.template}
		}
	}
	errs = append(errs, wxml.Link(linkInputs, func(wxsPath string) bool { return exists[wxsPath] })...)
	styles, serrs := linkStyles(b.units, components, p.SharedSheets)
	errs = append(errs, serrs...)

	b.last = Stats{Files: len(seen), Compiled: compiled, Reused: len(seen) - compiled}
	defer func() { b.last.Duration = time.Since(start) }()
	if errs.HasErrors() {
		return nil, errs
	}
	allPages, _ := p.AllPages() // its errors came with Components
	pageWindows := map[string]json.RawMessage{}
	for path, c := range components {
		if c.IsPage {
			pageWindows[path] = c.Config // the shell reads the window fields it knows
		}
	}
	cfg := AppConfig{Pages: p.App.Pages, AllPages: allPages, EntryPagePath: p.App.EntryPage(),
		Window: p.App.Window, TabBar: p.App.TabBar, PageWindows: pageWindows, App: p.App.Raw, Style: p.App.Style, Theme: p.App.Theme, Aliases: p.App.Aliases}
	users := map[string][]string{}
	slots := map[string][]string{}
	for key, in := range linkInputs {
		if len(in.Out.Slots) > 1 {
			slots[key] = in.Out.Slots
		}
		for _, r := range append(slices.Clone(in.Out.Imports), in.Out.Includes...) {
			users[r.Path] = append(users[r.Path], key)
		}
	}
	// appservice.js and wxs.js are written when first asked for: a hot update of a style
	// sheet or a template never needs them, and they are megabytes for a large project.
	gen := sync.OnceValues(func() (string, func() []byte) {
		return appService(appServiceInput{cfg: cfg, modules: modules, jsonFiles: jsonFiles,
			components: components, styles: styles, slots: slots}, templateGroups(wxsModules, templates, false))
	})
	return &Output{
		AppService:    func() string { code, _ := gen(); return code },
		AppServiceMap: sync.OnceValue(func() []byte { _, sourceMap := gen(); return sourceMap() }),
		Config:        cfg, Styles: styles.css,
		TemplateCode: templates, WXSCode: wxsModules, TemplateUsers: users,
		Scripts: scriptsByPath(modules), Components: componentPaths(components),
		PageWXS: sync.OnceValue(func() string { return pageWXS(pageModules) }), Files: p.FS,
	}, errs
}

// readJSONModule reads a .json file a script requires; it must be valid JSON.
func readJSONModule(fsys fs.FS, name string, errs *diag.List) []byte {
	src, err := fs.ReadFile(fsys, name)
	if err == nil && !json.Valid(src) {
		err = fmt.Errorf("not valid JSON")
	}
	if err != nil {
		*errs = append(*errs, diag.Diagnostic{File: name, Line: 1, Column: 1,
			Message: "required as a module, but " + err.Error(), Hint: "a required .json must hold valid JSON"})
		return []byte("null")
	}
	return src
}

// sheets are the linked style sheets of an app: CSS by page or component path ("app" for
// app.wxss), and the style scope each is linked in.
type sheets struct {
	css    map[string][]byte
	scopes map[string]string
}

// linkStyles links the sheet of app.wxss (after the shared sheets, which it may override)
// and of every page and component that has a .wxss, in the style scope glass-easel gives
// it, inlining its @imports.
func linkStyles(units map[string]*unit, components map[string]*project.Component, shared []string) (sheets, diag.List) {
	compiledSheets := map[string]*wxss.Output{}
	for name, u := range units {
		if u.out.style != nil {
			compiledSheets[sheetName(name)] = u.out.style
		}
	}
	out := sheets{css: map[string][]byte{}, scopes: map[string]string{}}
	var errs diag.List
	link := func(key, entry, scope string) {
		if compiledSheets[entry] == nil {
			return
		}
		css, lerrs := wxss.Link(entry, compiledSheets, scope)
		errs = append(errs, lerrs...)
		out.css[key] = append(out.css[key], css...)
		out.scopes[key] = scope
	}
	for _, sheet := range shared {
		link("app", sheet, "")
	}
	link("app", "app.wxss", "")
	for path, c := range components {
		var opts struct {
			Component      bool   `json:"component"`
			StyleIsolation string `json:"styleIsolation"`
			AddGlobalClass bool   `json:"addGlobalClass"`
			Options        struct {
				StyleIsolation string `json:"styleIsolation"`
				AddGlobalClass bool   `json:"addGlobalClass"`
			} `json:"options"`
		}
		json.Unmarshal(c.Config, &opts)
		isolation := cmp.Or(opts.StyleIsolation, opts.Options.StyleIsolation)
		global := opts.AddGlobalClass || opts.Options.AddGlobalClass
		link(path, path+".wxss", wxss.StyleScope(path, opts.Component && !c.IsPage, isolation, global))
	}
	return out, errs
}

// listSources lists the project's files, skipping dot folders and node_modules (npm
// packages reach a mini-program through miniprogram_npm) and TypeScript declarations.
func listSources(fsys fs.FS) ([]string, diag.List) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".d.ts") {
			files = append(files, name)
		}
		return nil
	})
	if err != nil {
		return files, diag.List{{File: ".", Line: 1, Column: 1, Message: "reading the project: " + err.Error()}}
	}
	return files, nil
}

// styleEntries picks the Sass and Less sheets that stand in for the .wxss of the app, a
// page or a component (a .wxss beside one wins, as the developer's own output); partials
// that they import are not compiled on their own. As in the official tools, a language
// compiles only when setting.useCompilerPlugins names it ("sass", "less"); otherwise each
// such sheet is a warning.
func styleEntries(files []string, components map[string]*project.Component, have map[string]bool, plugins []string) (map[string]bool, diag.List) {
	entries := map[string]bool{}
	var warns diag.List
	for _, name := range files {
		lang, ok := stylelang.Languages[path.Ext(name)]
		if !ok {
			continue
		}
		base := strings.TrimSuffix(name, path.Ext(name))
		if have[base+".wxss"] || (base != "app" && components[base] == nil) {
			continue
		}
		if plugin := strings.ToLower(lang); !slices.Contains(plugins, plugin) {
			warns = append(warns, diag.Diagnostic{Severity: diag.Warning, File: name, Line: 1, Column: 1,
				Message: fmt.Sprintf("%s is not compiled: %s renders without these styles", lang, base),
				Hint:    fmt.Sprintf(`add %q to setting.useCompilerPlugins in project.config.json, as the official tools need`, plugin)})
			continue
		}
		entries[name] = true
	}
	return entries, warns
}

// sheetName is the .wxss a source sheet stands for: itself, or a Sass or Less entry's.
func sheetName(name string) string {
	if _, ok := stylelang.Languages[path.Ext(name)]; ok {
		return strings.TrimSuffix(name, path.Ext(name)) + ".wxss"
	}
	return name
}
