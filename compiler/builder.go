package compiler

import (
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/mpsim/mpsim/compiler/diag"
	"github.com/mpsim/mpsim/compiler/project"
	"github.com/mpsim/mpsim/compiler/wxml"
	"github.com/mpsim/mpsim/compiler/wxss"
)

// Builder builds a project again and again, as the developer edits it. Each source file's
// compiled form is cached under the hash of its content: a rebuild compiles only the files
// whose content changed, and re-links the rest (cheap: concatenation and look-ups).
// A Builder is safe for use by one goroutine at a time.
type Builder struct {
	units map[string]*unit // by project path, e.g. "pages/index/index.wxml"
	last  Stats
}

// unit is one source file and what compiling it gave.
type unit struct {
	hash           [sha256.Size]byte
	componentSheet bool   // compiled as a component's style sheet
	kind           string // the extension: ".js", ".ts", ".wxml", ...
	out            compiled
	diags          diag.List
}

// compiled is the output of one file; which field is set depends on the kind.
type compiled struct {
	module   *jsModule
	template *wxml.Output
	style    *wxss.Output
	source   []byte // of a template, for the code frames of link errors
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
var sourceKinds = map[string]bool{".js": true, ".ts": true, ".wxml": true, ".wxss": true}

// Build compiles p, reusing the cached output of every file whose content has not changed.
// It returns nil and the diagnostics when the project has errors; the caller keeps serving
// its last good Output.
func (b *Builder) Build(p *project.Project) (*Output, diag.List) {
	start := time.Now()
	files, errs := listSources(p.FS)
	// The components come first: whether a .wxss is a component's changes how it compiles.
	components, cerrs := p.Components()
	errs = append(errs, cerrs...)
	componentSheet := map[string]bool{}
	for path, c := range components {
		if !c.IsPage {
			componentSheet[path+".wxss"] = true
		}
	}

	// Compile what changed, on every core: files are independent until the link step.
	type job struct {
		name string
		src  []byte
		hash [sha256.Size]byte
	}
	var jobs []job
	seen := make(map[string]bool, len(files))
	for _, name := range files {
		seen[name] = true
		src, err := fs.ReadFile(p.FS, name)
		if err != nil {
			errs = append(errs, diag.Diagnostic{File: name, Line: 1, Column: 1, Message: "cannot read: " + err.Error()})
			continue
		}
		h := sha256.Sum256(src)
		// A component's sheet compiles differently from the same text elsewhere.
		if u := b.units[name]; u != nil && u.hash == h && u.componentSheet == componentSheet[name] {
			continue
		}
		jobs = append(jobs, job{name, src, h})
	}
	for name := range b.units {
		if !seen[name] {
			delete(b.units, name)
		}
	}
	results := make([]*unit, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				j := jobs[i]
				results[i] = compileUnit(j.name, j.src, j.hash, componentSheet[j.name])
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, j := range jobs {
		b.units[j.name] = results[i]
	}

	// Link: gather every unit's output and diagnostics in a fixed order.
	var modules []jsModule
	templates := map[string]string{}
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
			modules = append(modules, *u.out.module)
		case u.kind == ".wxml" && !u.diags.HasErrors():
			key := strings.TrimSuffix(name, ".wxml")
			templates[key] = u.out.template.JS
			linkInputs[key] = wxml.LinkInput{File: name, Source: u.out.source, Out: *u.out.template}
		}
	}
	errs = append(errs, wxml.Link(linkInputs, func(wxsPath string) bool {
		_, err := fs.Stat(p.FS, wxsPath)
		return err == nil
	})...)
	styles, serrs := linkStyles(b.units, components)
	errs = append(errs, serrs...)

	b.last = Stats{Files: len(files), Compiled: len(jobs), Reused: len(files) - len(jobs)}
	defer func() { b.last.Duration = time.Since(start) }()
	if errs.HasErrors() {
		return nil, errs
	}
	allPages, _ := p.AllPages() // its errors came with Components
	cfg := AppConfig{Pages: p.App.Pages, AllPages: allPages, EntryPagePath: p.App.EntryPage(),
		Window: p.App.Window, TabBar: p.App.TabBar, App: p.App.Raw}
	return &Output{AppService: appService(cfg, modules, templates, components, styles), Config: cfg, Styles: styles.css}, errs
}

// sheets are the linked style sheets of an app: CSS by page or component path ("app" for
// app.wxss), and the style scope each is linked in.
type sheets struct {
	css    map[string][]byte
	scopes map[string]string
}

// linkStyles links the sheet of app.wxss and of every page and component that has a
// .wxss, in the style scope glass-easel gives it, inlining its @imports.
func linkStyles(units map[string]*unit, components map[string]*project.Component) (sheets, diag.List) {
	compiledSheets := map[string]*wxss.Output{}
	for name, u := range units {
		if u.out.style != nil {
			compiledSheets[name] = u.out.style
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
		out.css[key] = []byte(css)
		out.scopes[key] = scope
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

// listSources lists the files the build compiles, skipping dot folders and node_modules
// (npm packages reach a mini-program through miniprogram_npm).
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
		if sourceKinds[path.Ext(name)] && !strings.HasSuffix(name, ".d.ts") {
			files = append(files, name)
		}
		return nil
	})
	if err != nil {
		return files, diag.List{{File: ".", Line: 1, Column: 1, Message: "reading the project: " + err.Error()}}
	}
	return files, nil
}
