// Package js compiles a mini-program's script modules with esbuild into the bodies of the
// module functions the service layer's module system runs (require, module, exports),
// each with a source map, and finds what each module requires.
package js

import (
	"strings"
	"unicode/utf8"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/mpsim/mpsim/compiler/diag"
)

// ShadowedGlobals are the Web Worker globals that a phone's logic layer does not have. Each
// module function takes them as parameters left undefined, so user code sees them as
// missing on the simulator as on a phone (docs/compat.md).
var ShadowedGlobals = []string{
	"self", "importScripts", "postMessage", "close", "fetch", "XMLHttpRequest", "WebSocket",
	"location", "navigator", "indexedDB", "caches",
}

// Module is one compiled module.
type Module struct {
	Path   string // "pages/index/index.js", relative to the mini-program root; what require names
	Source string // the file it was compiled from: Path, or "pages/index/index.ts"
	Code   string // the module function's body: CommonJS, starting at a line's start
	// Map is the source map (v3 JSON) of Code: generated line 0 is Code's first line, so
	// whoever places Code in a bigger file shifts it by the lines before (see Bundle).
	Map []byte
	// Requires are the modules Code requires at run time, in source order, each once:
	// require("..."), import and export-from statements, import(). TypeScript imports of
	// types only are gone, as from Code. Path is empty until ResolveRequires fills it.
	Requires []Ref
}

// Ref is one require of a module: what the source wrote, where, and what it resolves to.
type Ref struct {
	Spec string // as written: "./util", "/utils/x.js", "dayjs"
	Path string // the module path it resolves to; "" if unresolved
	Kind RefKind
	// Line and Column (1-based, Column in characters) are those of the spec's string
	// literal in the module's source file.
	Line, Column int
}

// RefKind says how a module requires another, which decides how sure a build can be that
// the require runs: an import statement runs when the module loads; a require() call may
// sit in a branch or a try block that guards it.
type RefKind int

const (
	ImportStatement RefKind = iota // import ... from, export ... from
	RequireCall                    // require("...")
	DynamicImport                  // import("...")
)

// tsconfig is the TypeScript configuration every .ts module compiles with. Mini-program
// TypeScript (TDesign's sources, the official templates) uses legacy decorators:
// esbuild's standard decorators differ in semantics, so experimentalDecorators is on.
const tsconfig = `{"compilerOptions":{"experimentalDecorators":true}}`

// Transform compiles one source file (JavaScript, or TypeScript for a .ts path) into a
// CommonJS module body with its source map. ES module syntax becomes require/exports.
// The list holds esbuild's errors, and its warnings as diag.Warning; on an error the
// Module is empty.
func Transform(path string, src []byte) (Module, diag.List) {
	loader := api.LoaderJS
	if strings.HasSuffix(path, ".ts") {
		loader = api.LoaderTS
	}
	res := api.Transform(string(src), api.TransformOptions{
		Loader:      loader,
		Format:      api.FormatCommonJS,
		Target:      api.ES2020,
		Sourcefile:  path,
		Sourcemap:   api.SourceMapExternal,
		TsconfigRaw: tsconfig,
		// import() would fetch a URL beside appservice.js; as the official tools do, it
		// becomes a promise of require(), the only module loader a mini-program has.
		Supported: map[string]bool{"dynamic-import": false},
		LogLevel:  api.LogLevelSilent,
	})
	var diags diag.List
	for _, m := range res.Errors {
		diags = append(diags, message(path, src, m, diag.Error))
	}
	if len(diags) > 0 {
		return Module{}, diags
	}
	for _, m := range res.Warnings {
		diags = append(diags, message(path, src, m, diag.Warning))
	}
	refs, errs := scanRequires(path, src, loader)
	if len(errs) > 0 {
		return Module{}, errs
	}
	m := Module{Path: path, Source: path, Code: string(res.Code), Map: res.Map, Requires: refs}
	// A .ts module is required by its .js name, as the official tools compile it.
	if loader == api.LoaderTS {
		m.Path = strings.TrimSuffix(path, ".ts") + ".js"
	}
	return m, diags
}

// refMarker tags the messages scanRequires makes its plugin log, to tell them from
// esbuild's own.
const refMarker = "mpsim:ref"

// scanRequires lists what src requires at run time, with positions. esbuild's transform
// API does not tell, so this runs a bundle whose plugin marks every import external and
// logs one warning per import: esbuild locates a plugin's message at the import's path
// string, which is the position a diagnostic wants.
func scanRequires(path string, src []byte, loader api.Loader) ([]Ref, diag.List) {
	res := api.Build(api.BuildOptions{
		Stdin:       &api.StdinOptions{Contents: string(src), Sourcefile: path, Loader: loader},
		Bundle:      true,
		Write:       false,
		TsconfigRaw: tsconfig,
		LogLevel:    api.LogLevelSilent,
		Plugins: []api.Plugin{{Name: "mpsim-requires", Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				return api.OnResolveResult{
					Path: a.Path, External: true,
					Warnings: []api.Message{{Text: a.Path, Detail: refMarker, Notes: []api.Note{{Text: kindName(a.Kind)}}}},
				}, nil
			})
		}}},
	})
	var errs diag.List
	for _, m := range res.Errors {
		errs = append(errs, message(path, src, m, diag.Error))
	}
	var refs []Ref
	for _, w := range res.Warnings {
		if w.Detail != refMarker || w.Location == nil {
			continue
		}
		line, col := location(w.Location)
		refs = append(refs, Ref{Spec: w.Text, Kind: refKind(w.Notes[0].Text), Line: line, Column: col})
	}
	return refs, errs
}

func kindName(k api.ResolveKind) string {
	switch k {
	case api.ResolveJSImportStatement:
		return "import"
	case api.ResolveJSDynamicImport:
		return "dynamic-import"
	}
	return "require"
}

func refKind(name string) RefKind {
	switch name {
	case "import":
		return ImportStatement
	case "dynamic-import":
		return DynamicImport
	}
	return RequireCall
}

// location converts esbuild's line and byte column to a 1-based line and character column.
func location(loc *api.Location) (line, column int) {
	return loc.Line, utf8.RuneCountInString(loc.LineText[:min(loc.Column, len(loc.LineText))]) + 1
}

// message converts an esbuild message to a diagnostic with a code frame.
func message(path string, src []byte, m api.Message, sev diag.Severity) diag.Diagnostic {
	d := diag.Diagnostic{Severity: sev, File: path, Line: 1, Column: 1, Message: m.Text}
	if loc := m.Location; loc != nil {
		d.Line, d.Column = location(loc)
		d.Hint = loc.Suggestion
	}
	for _, n := range m.Notes {
		if d.Hint == "" {
			d.Hint = n.Text
		}
	}
	return d.WithFrame(src)
}
