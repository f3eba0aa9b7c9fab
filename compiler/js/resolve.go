package js

import (
	"fmt"
	"path"
	"strings"

	"github.com/mpsim/mpsim/compiler/diag"
)

// Resolve finds the module that `require(spec)` in module `from` loads, as the base
// library does, among the module paths for which exists is true (paths relative to the
// mini-program root: "utils/util.js", "miniprogram_npm/dayjs/index.js", "data.json").
//
//   - a spec that an alias of app.json's resolveAlias matches is mapped first;
//   - "/x" is relative to the mini-program root, "./x" and "../x" to from's folder;
//   - a bare "x" is first relative to from's folder (old mini-programs write
//     require('utils/util.js') that way), then an npm package: x in the miniprogram_npm
//     folder of from's folder or its nearest ancestor that has it, as the official tools
//     look packages up;
//   - each candidate p is tried as p, p.js and p/index.js; a .json file is required by
//     its full name.
func Resolve(from, spec string, aliases Aliases, exists func(string) bool) (string, bool) {
	if spec == "" {
		return "", false
	}
	spec, _ = aliases.Apply(spec)
	dir := path.Dir(from)
	switch {
	case strings.HasPrefix(spec, "/"):
		return tryFile(path.Join(".", spec), exists)
	case spec == "." || spec == ".." || strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../"):
		return tryFile(path.Join(dir, spec), exists)
	}
	if p, ok := tryFile(path.Join(dir, spec), exists); ok {
		return p, true
	}
	for d := dir; ; d = path.Dir(d) {
		if p, ok := tryFile(path.Join(d, "miniprogram_npm", spec), exists); ok {
			return p, true
		}
		if d == "." || d == "/" {
			return "", false
		}
	}
}

// tryFile tries p as a file, then with .js, then as a folder's index.js. A path that
// climbs above the root (path.Join keeps a leading "..") is no module.
func tryFile(p string, exists func(string) bool) (string, bool) {
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", false
	}
	for _, cand := range []string{p, p + ".js", path.Join(p, "index.js")} {
		if cand != "." && exists(cand) {
			return cand, true
		}
	}
	return "", false
}

// ResolveRequires fills the Path of each of m.Requires and reports each one that
// resolves nowhere, positioned in src (m's source file). An import statement that
// resolves nowhere is an error: it runs whenever the module loads. An unresolved
// require() or import() is a warning, because code often guards one (a branch, a try
// block) and the runtime still throws a clear error if it runs.
func ResolveRequires(m *Module, src []byte, aliases Aliases, exists func(string) bool) diag.List {
	var diags diag.List
	for i, r := range m.Requires {
		p, ok := Resolve(m.Path, r.Spec, aliases, exists)
		m.Requires[i].Path = p
		if ok {
			continue
		}
		sev := diag.Warning
		if r.Kind == ImportStatement {
			sev = diag.Error
		}
		d := diag.Diagnostic{
			Severity: sev, File: m.Source, Line: r.Line, Column: r.Column,
			Message: fmt.Sprintf("cannot find module %q", r.Spec),
			Hint:    unresolvedHint(m.Path, r.Spec, aliases),
		}
		diags = append(diags, d.WithFrame(src))
	}
	return diags
}

// unresolvedHint says where Resolve looked, and what to do when it was a package.
func unresolvedHint(from, spec string, aliases Aliases) string {
	dir := path.Dir(from)
	if mapped, ok := aliases.Apply(spec); ok {
		return fmt.Sprintf("resolveAlias in app.json maps it to %s; ", mapped) + unresolvedHint(from, mapped, nil)
	}
	switch {
	case strings.HasPrefix(spec, "/"):
		return fmt.Sprintf("looked for %s, %s.js and %s/index.js from the mini-program root", spec[1:], spec[1:], spec[1:])
	case strings.HasPrefix(spec, "."):
		p := path.Join(dir, spec)
		if p == ".." || strings.HasPrefix(p, "../") {
			return "the path climbs above the mini-program root"
		}
		return fmt.Sprintf("looked for %s, %s.js and %s/index.js", p, p, p)
	}
	return fmt.Sprintf("not a file beside %s, nor a package in miniprogram_npm/%s: npm packages must be built into miniprogram_npm first (`mpsim build-npm`, the official tools' Tools > Build npm); node_modules is not part of a mini-program", from, spec)
}
