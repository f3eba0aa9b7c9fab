// Command bundle builds the runtime's browser bundles and the style sheet compilers
// (runtime/dist) from the TypeScript sources and the pinned npm packages in
// runtime/node_modules, with esbuild's Go API.
//
//	go run ./runtime/bundle [-dir runtime]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/mpsim/mpsim/compiler/project"
)

func main() {
	dir := flag.String("dir", "runtime", "the runtime folder (holds package.json and node_modules)")
	minify := flag.Bool("minify", false, "minify the bundles")
	flag.Parse()
	if err := bundle(*dir, *minify); err != nil {
		fmt.Fprintln(os.Stderr, "bundle:", err)
		os.Exit(1)
	}
}

func bundle(dir string, minify bool) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(abs, "node_modules", "glass-easel")); err != nil {
		return fmt.Errorf("%s/node_modules has no glass-easel: run `npm ci` in %s first (make does)", dir, dir)
	}
	res := api.Build(api.BuildOptions{
		AbsWorkingDir: abs,
		EntryPointsAdvanced: []api.EntryPoint{
			{InputPath: "./service/index.ts", OutputPath: "service"},
			{InputPath: "./view/index.ts", OutputPath: "view"},
		},
		Outdir:            "dist",
		Bundle:            true,
		Format:            api.FormatIIFE,
		Target:            api.ES2022, // class fields stay native: defining them per node showed in profiles
		Platform:          api.PlatformBrowser,
		Sourcemap:         api.SourceMapLinked,
		MinifyWhitespace:  minify,
		MinifySyntax:      minify,
		MinifyIdentifiers: minify,
		Write:             true,
		LogLevel:          api.LogLevelWarning,
	})
	if len(res.Errors) > 0 {
		return fmt.Errorf("%d errors (printed above)", len(res.Errors))
	}
	// The Sass and Less compilers run in the Go build (compiler/stylelang), not in a
	// browser: no browser or Node.js conditions, one global holding the two functions.
	res = api.Build(api.BuildOptions{
		AbsWorkingDir: abs,
		EntryPoints:   []string{"./stylelang/index.ts"},
		Outfile:       "dist/stylelang.js",
		Bundle:        true,
		Format:        api.FormatIIFE,
		GlobalName:    "mpsimStyle",
		Platform:      api.PlatformNeutral,
		MainFields:    []string{"module", "main"},
		Target:        api.ES2017,
		Write:         true,
		LogLevel:      api.LogLevelWarning,
	})
	if len(res.Errors) > 0 {
		return fmt.Errorf("%d errors (printed above)", len(res.Errors))
	}
	return copyExtendedLibs(abs)
}

// copyExtendedLibs puts the libraries app.json's useExtendedLib names
// (project.ExtendedLibs) into dist/extlib/<npm name>, as their packages publish them for a
// mini-program.
func copyExtendedLibs(abs string) error {
	for _, lib := range project.ExtendedLibs {
		dst := filepath.Join(abs, "dist", "extlib", lib.Package)
		if err := os.RemoveAll(dst); err != nil {
			return err
		}
		src := os.DirFS(filepath.Join(abs, "node_modules", lib.Package, "miniprogram_dist"))
		if err := os.CopyFS(dst, src); err != nil {
			return fmt.Errorf("extended library %s: %w (run `npm ci` in runtime/)", lib.Package, err)
		}
	}
	return nil
}
