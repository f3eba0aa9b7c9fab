// Package npm does what the official developer tools' "Build npm" does: it turns the
// packages a mini-program depends on (installed in node_modules by npm) into
// miniprogram_npm/<name>, the folder mini-program code requires packages from.
//
// A component package (a "miniprogram" field in its package.json, or a miniprogram_dist
// folder) is copied as it is: its folder holds components, pages' .wxml/.wxss/.json and
// CommonJS modules. A plain JavaScript package is bundled with esbuild into one CommonJS
// miniprogram_npm/<name>/index.js, its own dependencies inlined.
package npm

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Options tune a build.
type Options struct {
	// Minify minifies the bundles of plain JavaScript packages (component packages are
	// copied as published).
	Minify bool
}

// Report says what a build made.
type Report struct {
	Packages []Package // built, in the order of the build
	Skipped  []Skipped // dependencies with nothing a mini-program can require
}

// Package is one package built into a miniprogram_npm folder.
type Package struct {
	Name    string // "dayjs", "@vant/weapp"
	Version string
	Kind    Kind
	From    string // the package's folder in node_modules
	Out     string // the folder written: ".../miniprogram_npm/<name>"
	Files   int    // files written
}

// Skipped is a dependency that was not built, and why.
type Skipped struct {
	Name, Reason string
}

// Kind says how a package was built.
type Kind string

const (
	Components Kind = "components" // copied from its miniprogram folder
	Bundled    Kind = "bundled"    // plain JavaScript, bundled into index.js
)

// relation pairs a package.json with the folder its miniprogram_npm goes in, as an entry
// of project.config.json's setting.packNpmRelationList does.
type relation struct {
	PackageJSONPath       string `json:"packageJsonPath"`
	MiniprogramNpmDistDir string `json:"miniprogramNpmDistDir"`
}

// Build builds the dependencies of the project in projectDir (the folder that holds
// project.config.json). With setting.packNpmRelationList in project.config.json, each
// entry's package.json is built into its miniprogramNpmDistDir; without it, the
// package.json of the miniprogramRoot (or of projectDir) is built beside it. Each target
// miniprogram_npm folder is replaced as a whole, as the official tools do, so packages
// removed from package.json go with it. Only "dependencies" are built: devDependencies
// are tools, not code the mini-program runs.
func Build(projectDir string, opts Options) (Report, error) {
	relations, err := relations(projectDir)
	if err != nil {
		return Report{}, err
	}
	var report Report
	for _, rel := range relations {
		if err := buildRelation(projectDir, rel, opts, &report); err != nil {
			return report, err
		}
	}
	return report, nil
}

// relations reads which package.json files to build from project.config.json.
func relations(projectDir string) ([]relation, error) {
	var cfg struct {
		MiniprogramRoot string `json:"miniprogramRoot"`
		Setting         struct {
			PackNpmRelationList []relation `json:"packNpmRelationList"`
		} `json:"setting"`
	}
	data, err := os.ReadFile(filepath.Join(projectDir, "project.config.json"))
	switch {
	case err == nil:
		if err := json.Unmarshal(data, &cfg); err != nil {
			return nil, fmt.Errorf("project.config.json: %w", err)
		}
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	if list := cfg.Setting.PackNpmRelationList; len(list) > 0 {
		for i, r := range list {
			if r.PackageJSONPath == "" || r.MiniprogramNpmDistDir == "" {
				return nil, fmt.Errorf("project.config.json: setting.packNpmRelationList[%d] needs packageJsonPath and miniprogramNpmDistDir", i)
			}
		}
		return list, nil
	}
	root := cfg.MiniprogramRoot
	if root == "" {
		root = "."
	}
	pkg := filepath.Join(root, "package.json")
	if _, err := os.Stat(filepath.Join(projectDir, pkg)); err != nil {
		pkg = "package.json" // beside project.config.json, built into the miniprogramRoot
	}
	return []relation{{PackageJSONPath: pkg, MiniprogramNpmDistDir: root}}, nil
}

// packageJSON is what the build reads of a package.json.
type packageJSON struct {
	Name         string            `json:"name"`
	Version      string            `json:"version"`
	Main         string            `json:"main"`
	Miniprogram  string            `json:"miniprogram"`
	Dependencies map[string]string `json:"dependencies"`
}

func readPackageJSON(path string) (packageJSON, error) {
	var p packageJSON
	data, err := os.ReadFile(path)
	if err != nil {
		return p, err
	}
	if err := json.Unmarshal(data, &p); err != nil {
		return p, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

// pending is a package waiting to be built, and the folder to look it up from.
type pending struct {
	name, fromDir string
}

func buildRelation(projectDir string, rel relation, opts Options, report *Report) error {
	pkgPath := filepath.Join(projectDir, rel.PackageJSONPath)
	root, err := readPackageJSON(pkgPath)
	if err != nil {
		return fmt.Errorf("build npm: %w", err)
	}
	rootDir := filepath.Dir(pkgPath)
	if len(root.Dependencies) > 0 {
		if _, err := os.Stat(filepath.Join(rootDir, "node_modules")); err != nil {
			return fmt.Errorf("build npm: %s has dependencies but no node_modules beside it: run `npm install` in %s first", rel.PackageJSONPath, rootDir)
		}
	}
	outDir := filepath.Join(projectDir, rel.MiniprogramNpmDistDir, "miniprogram_npm")
	if err := os.RemoveAll(outDir); err != nil {
		return fmt.Errorf("build npm: clearing %s: %w", outDir, err)
	}

	queue := dependencies(root, rootDir)
	done := map[string]bool{}
	for len(queue) > 0 {
		next := queue[0]
		queue = queue[1:]
		if done[next.name] {
			continue
		}
		done[next.name] = true
		if err := checkName(next.name); err != nil {
			return err
		}
		dir, ok := findPackage(next.name, next.fromDir, projectDir)
		if !ok {
			return fmt.Errorf("npm package %s: not installed in node_modules (looked from %s): run `npm install`", next.name, next.fromDir)
		}
		pj, err := readPackageJSON(filepath.Join(dir, "package.json"))
		if err != nil {
			return fmt.Errorf("npm package %s: %w", next.name, err)
		}
		out := filepath.Join(outDir, filepath.FromSlash(next.name))
		p := Package{Name: next.name, Version: pj.Version, From: dir, Out: out}
		if mpDir, ok, err := miniprogramDir(dir, pj); err != nil {
			return fmt.Errorf("npm package %s: %w", next.name, err)
		} else if ok {
			p.Kind = Components
			if p.Files, err = copyComponents(mpDir, out, dir, pj); err != nil {
				return fmt.Errorf("npm package %s: %w", next.name, err)
			}
			// A component package's code requires its own dependencies at run time: they
			// are built beside it, found by the base library's miniprogram_npm lookup.
			queue = append(queue, dependencies(pj, dir)...)
		} else {
			if !hasEntry(dir, pj) {
				report.Skipped = append(report.Skipped, Skipped{Name: next.name, Reason: "no main file and no index.js: nothing to require (a types or command-line package?)"})
				continue
			}
			p.Kind = Bundled
			if err := bundle(next.name, dir, out, opts); err != nil {
				return err
			}
			p.Files = 1
		}
		report.Packages = append(report.Packages, p)
	}
	return nil
}

// dependencies lists the dependencies of a package.json in dir, sorted, to build.
func dependencies(p packageJSON, dir string) []pending {
	names := make([]string, 0, len(p.Dependencies))
	for n := range p.Dependencies {
		names = append(names, n)
	}
	slices.Sort(names)
	deps := make([]pending, len(names))
	for i, n := range names {
		deps[i] = pending{name: n, fromDir: dir}
	}
	return deps
}

// checkName refuses names that would write outside miniprogram_npm.
func checkName(name string) error {
	parts := strings.Split(name, "/")
	bad := name == "" || len(parts) > 2 || len(parts) == 2 && !strings.HasPrefix(name, "@") ||
		slices.ContainsFunc(parts, func(p string) bool { return p == "" || p == "." || p == ".." || strings.ContainsAny(p, `\:`) })
	if bad {
		return fmt.Errorf("npm package %q: not a valid package name", name)
	}
	return nil
}

// findPackage looks name up as Node does, in node_modules of fromDir and its ancestors,
// stopping at the project's folder.
func findPackage(name, fromDir, projectDir string) (string, bool) {
	stop, _ := filepath.Abs(projectDir)
	dir, _ := filepath.Abs(fromDir)
	for {
		cand := filepath.Join(dir, "node_modules", filepath.FromSlash(name))
		if _, err := os.Stat(filepath.Join(cand, "package.json")); err == nil {
			return cand, true
		}
		parent := filepath.Dir(dir)
		if dir == stop || parent == dir || !strings.HasPrefix(parent, stop) {
			return "", false
		}
		dir = parent
	}
}

// miniprogramDir returns the folder of a component package: its "miniprogram" field, or
// miniprogram_dist. A package without either is plain JavaScript.
func miniprogramDir(dir string, pj packageJSON) (string, bool, error) {
	if pj.Miniprogram != "" {
		mp := filepath.Join(dir, filepath.FromSlash(pj.Miniprogram))
		if rel, err := filepath.Rel(dir, mp); err != nil || strings.HasPrefix(rel, "..") {
			return "", false, fmt.Errorf(`its "miniprogram" field %q points outside the package`, pj.Miniprogram)
		}
		if st, err := os.Stat(mp); err != nil || !st.IsDir() {
			return "", false, fmt.Errorf(`its "miniprogram" field names %q, which is not a folder in %s`, pj.Miniprogram, dir)
		}
		return mp, true, nil
	}
	mp := filepath.Join(dir, "miniprogram_dist")
	if st, err := os.Stat(mp); err == nil && st.IsDir() {
		return mp, true, nil
	}
	return "", false, nil
}

// copyComponents copies the component folder from into out. When the package's main
// file sits in that folder under another name than index.js, an index.js that
// re-exports it is added: require('<name>') loads miniprogram_npm/<name>/index.js.
func copyComponents(from, out, pkgDir string, pj packageJSON) (int, error) {
	files := 0
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(out, rel)
		switch {
		case d.IsDir() && d.Name() == "node_modules":
			return fs.SkipDir
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case !d.Type().IsRegular():
			return nil // symlinks and the like: npm does not publish them
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files++
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		return files, fmt.Errorf("copying %s: %w", from, err)
	}
	if pj.Main == "" {
		return files, nil
	}
	main := filepath.Join(pkgDir, filepath.FromSlash(pj.Main))
	if filepath.Ext(main) == "" {
		main += ".js"
	}
	rel, err := filepath.Rel(from, main)
	index := filepath.Join(out, "index.js")
	if _, statErr := os.Stat(index); err != nil || strings.HasPrefix(rel, "..") || statErr == nil {
		return files, nil
	}
	shim := fmt.Sprintf("module.exports = require(%q);\n", "./"+filepath.ToSlash(rel))
	if err := os.WriteFile(index, []byte(shim), 0o644); err != nil {
		return files, err
	}
	return files + 1, nil
}

// hasEntry reports whether a plain package has something to require: its main, or an
// index.js.
func hasEntry(dir string, pj packageJSON) bool {
	cands := []string{"index.js"}
	if pj.Main != "" {
		m := filepath.FromSlash(pj.Main)
		cands = append(cands, m, m+".js", filepath.Join(m, "index.js"))
	}
	for _, c := range cands {
		if st, err := os.Stat(filepath.Join(dir, c)); err == nil && !st.IsDir() {
			return true
		}
	}
	return false
}

// bundle writes a plain package as one CommonJS file, out/index.js, whose exports are
// what require('<name>') gives in Node. Node's main field comes first, as require in
// Node and the official tools read it ("module" would turn a CommonJS default export
// into a namespace object); the package's dependencies are inlined.
func bundle(name, pkgDir, out string, opts Options) error {
	entry := fmt.Sprintf("module.exports = require(%q);\n", name)
	res := api.Build(api.BuildOptions{
		Stdin: &api.StdinOptions{
			Contents:   entry,
			ResolveDir: filepath.Dir(nodeModulesOf(pkgDir, name)),
			Sourcefile: "miniprogram_npm/" + name + "/index.js",
		},
		Bundle:            true,
		Format:            api.FormatCommonJS,
		Platform:          api.PlatformNeutral,
		MainFields:        []string{"main", "module"},
		Target:            api.ES2020,
		Outfile:           filepath.Join(out, "index.js"),
		Write:             false,
		MinifyWhitespace:  opts.Minify,
		MinifySyntax:      opts.Minify,
		MinifyIdentifiers: opts.Minify,
		LogLevel:          api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return fmt.Errorf("npm package %s: bundling failed (a mini-program has no Node.js built-ins and no DOM: such a package needs a mini-program build):\n%s", name, strings.Join(msgs, ""))
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, f := range res.OutputFiles {
		if err := os.WriteFile(f.Path, f.Contents, 0o644); err != nil {
			return fmt.Errorf("npm package %s: %w", name, err)
		}
	}
	return nil
}

// nodeModulesOf returns the node_modules folder pkgDir (node_modules/<name>) sits in.
func nodeModulesOf(pkgDir, name string) string {
	return strings.TrimSuffix(pkgDir, string(filepath.Separator)+filepath.FromSlash(name))
}
