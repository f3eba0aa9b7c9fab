// Package js compiles a mini-program's script modules with esbuild into the bodies of the
// module functions the service layer's module system runs (require, module, exports),
// each with a source map, and finds what each module requires.
package js

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/mpsim/mpsim/compiler/diag"
)

// ShadowedGlobals are parameters of a function around every module, left undefined: the
// browser names the base library passes its modules as undefined parameters (window,
// document ... WeixinJSBridge), so that `typeof window` is "undefined" and a bare
// `window` no ReferenceError, and the Web Worker globals a phone lacks (docs/compat.md).
var ShadowedGlobals = []string{
	"window", "document", "frames", "self", "location", "navigator", "localStorage", "history",
	"Caches", "screen", "alert", "confirm", "prompt", "fetch", "XMLHttpRequest", "WebSocket",
	"webkit", "WeixinJSCore", "Reporter", "print", "WeixinJSBridge",
	"importScripts", "postMessage", "close", "indexedDB", "caches",
}

// Module is one compiled module.
type Module struct {
	Path   string // "pages/index/index.js", relative to the mini-program root; what require names
	Source string // the file it was compiled from: Path, or "pages/index/index.ts"
	Code   string // the module function's body: CommonJS, starting at a line's start
	Lines  int    // newlines in Code, so that a Bundle need not count them on every build
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
	code := string(res.Code)
	m := Module{Path: path, Source: path, Code: code, Lines: strings.Count(code, "\n"), Map: res.Map, Requires: scanRequires(src, code)}
	// A .ts module is required by its .js name, as the official tools compile it.
	if loader == api.LoaderTS {
		m.Path = strings.TrimSuffix(path, ".ts") + ".js"
	}
	return m, diags
}

// requireCalls finds the requires in esbuild's CommonJS output, whose every import,
// export-from and import() of the source has become a require("...") with a double-quoted
// string; type-only TypeScript imports are gone. It returns the raw string contents.
func requireCalls(code string) []string {
	const open = `require("`
	var specs []string
	for i := 0; ; {
		j := strings.Index(code[i:], open)
		if j < 0 {
			return specs
		}
		start := i + j + len(open)
		if k := i + j - 1; k >= 0 && (isIdentByte(code[k])) {
			i = start // part of a longer name, e.g. __require("
			continue
		}
		end := start
		for end < len(code) && code[end] != '"' && code[end] != '\n' {
			if code[end] == '\\' {
				end++
			}
			end++
		}
		if end < len(code)-1 && code[end] == '"' && code[end+1] == ')' {
			specs = append(specs, code[start:end])
		}
		i = min(end+1, len(code))
	}
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// scanRequires lists what a module requires at run time, from its compiled code, each
// positioned at the first place its path is written in the source and classed by how
// the source wrote it (an import statement, a require() call, an import()).
func scanRequires(src []byte, code string) []Ref {
	var refs []Ref
	seen := map[string]bool{}
	text := string(src)
	for _, raw := range requireCalls(code) {
		spec, err := strconv.Unquote(`"` + raw + `"`)
		if err != nil || seen[spec] {
			continue
		}
		seen[spec] = true
		ref := Ref{Spec: spec, Kind: RequireCall, Line: 1, Column: 1}
		for _, q := range []string{`"` + spec + `"`, "'" + spec + "'", "`" + spec + "`"} {
			i := strings.Index(text, q)
			if i < 0 {
				continue
			}
			ref.Line, ref.Column = diag.Position(src, i)
			before := strings.TrimRight(text[max(0, i-200):i], " \t\r\n")
			switch {
			case strings.HasSuffix(before, "import(") || strings.HasSuffix(before, "import"):
				if strings.HasSuffix(before, "import(") {
					ref.Kind = DynamicImport
				} else {
					ref.Kind = ImportStatement // import 'x'
				}
			case strings.HasSuffix(before, "from"):
				ref.Kind = ImportStatement
			}
			break
		}
		refs = append(refs, ref)
	}
	// esbuild hoists imports above the code; the list follows the source.
	sort.SliceStable(refs, func(i, j int) bool {
		return refs[i].Line < refs[j].Line || refs[i].Line == refs[j].Line && refs[i].Column < refs[j].Column
	})
	return refs
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
