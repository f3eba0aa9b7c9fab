// Package js compiles a mini-program's script modules with esbuild into the bodies of the
// module functions the service layer's module system runs (require, module, exports).
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
	Path string // "pages/index/index.js", relative to the mini-program root
	Code string // the module function's body: CommonJS
}

// Transform compiles one source file (JavaScript, or TypeScript for a .ts path) into a
// CommonJS module body. ES module syntax becomes require/exports.
func Transform(path string, src []byte) (Module, diag.List) {
	loader := api.LoaderJS
	if strings.HasSuffix(path, ".ts") {
		loader = api.LoaderTS
	}
	res := api.Transform(string(src), api.TransformOptions{
		Loader:     loader,
		Format:     api.FormatCommonJS,
		Target:     api.ES2020,
		Sourcefile: path,
		LogLevel:   api.LogLevelSilent,
	})
	var errs diag.List
	for _, m := range res.Errors {
		errs = append(errs, message(path, src, m, diag.Error))
	}
	if len(errs) > 0 {
		return Module{}, errs
	}
	// A .ts module is required by its .js name, as the official tools compile it.
	if loader == api.LoaderTS {
		path = strings.TrimSuffix(path, ".ts") + ".js"
	}
	return Module{Path: path, Code: string(res.Code)}, nil
}

// message converts an esbuild message to a diagnostic with a code frame.
func message(path string, src []byte, m api.Message, sev diag.Severity) diag.Diagnostic {
	d := diag.Diagnostic{Severity: sev, File: path, Line: 1, Column: 1, Message: m.Text}
	if loc := m.Location; loc != nil {
		d.Line = loc.Line
		// esbuild counts the column in bytes; editors count characters.
		d.Column = utf8.RuneCountInString(loc.LineText[:min(loc.Column, len(loc.LineText))]) + 1
		d.Hint = loc.Suggestion
	}
	for _, n := range m.Notes {
		if d.Hint == "" {
			d.Hint = n.Text
		}
	}
	return d.WithFrame(src)
}
