package wxml

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mpsim/mpsim/compiler/diag"
	"github.com/mpsim/mpsim/compiler/wxs"
	"github.com/mpsim/mpsim/internal/par"
	"github.com/mpsim/mpsim/internal/testlibs"
)

// componentLibraries are the published builds of the component libraries mini-programs
// use most, pinned in testdata/libs: every template and WXS file in them must compile.
var componentLibraries = []struct{ name, dir string }{
	{"vant", "@vant/weapp/lib"},
	{"tdesign", "tdesign-miniprogram/miniprogram_dist"},
	{"weui", "weui-miniprogram/miniprogram_dist"},
	{"linui", "lin-ui/dist"},          // `:disable-scroll="true"` (image-clipper)
	{"wux", "wux-weapp/packages/lib"}, // `{{ in }}` as data (dialog, popup users)
}

// libFile is one .wxml or .wxs of a library, by the project path it would have in an
// app that installs the library with npm (miniprogram_npm/<package dir>/...).
type libFile struct {
	Path string
	Src  []byte
}

// libFiles reads every .wxml and .wxs under root, sorted by path.
func libFiles(t testing.TB, root, prefix string) []libFile {
	t.Helper()
	var files []libFile
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := path.Ext(p); ext != ".wxml" && ext != ".wxs" {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files = append(files, libFile{Path: path.Join(prefix, filepath.ToSlash(rel)), Src: src})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(files, func(a, b libFile) int { return strings.Compare(a.Path, b.Path) })
	return files
}

// compileLib compiles files as the app build does, each on its own and then linked,
// and returns every diagnostic.
// compileLib compiles files as the build does: each file on one of the machine's cores
// (files are independent until Link), then Link over all of them.
func compileLib(files []libFile) diag.List {
	outs := make([]Output, len(files))
	diags := make([]diag.List, len(files))
	par.For(len(files), func(i int) {
		f := files[i]
		if path.Ext(f.Path) == ".wxs" {
			_, diags[i] = wxs.Compile(f.Path, f.Src, 1, 1)
		} else {
			outs[i], diags[i] = Compile(f.Path, f.Src)
		}
	})

	var all diag.List
	linked := map[string]LinkInput{}
	wxsFiles := map[string]bool{}
	for i, f := range files {
		all = append(all, diags[i]...)
		if path.Ext(f.Path) == ".wxs" {
			wxsFiles[f.Path] = true
			continue
		}
		linked[strings.TrimSuffix(f.Path, ".wxml")] = LinkInput{File: f.Path, Source: f.Src, Out: outs[i]}
	}
	all = append(all, Link(linked, func(p string) bool { return wxsFiles[p] })...)
	return all
}

func TestComponentLibrariesCompile(t *testing.T) {
	modules := testlibs.NodeModules(t)
	for _, lib := range componentLibraries {
		t.Run(lib.name, func(t *testing.T) {
			files := libFiles(t, filepath.Join(modules, filepath.FromSlash(lib.dir)), path.Join("miniprogram_npm", path.Dir(lib.dir)))
			if len(files) < 20 {
				t.Fatalf("only %d .wxml/.wxs files under %s: is the package layout what this test expects?", len(files), lib.dir)
			}
			var errs diag.List
			for _, d := range compileLib(files) {
				if d.Severity == diag.Error {
					errs = append(errs, d)
				}
			}
			if len(errs) > 0 {
				const show = 30
				t.Errorf("%d errors in %d files of %s; the first ones:\n%s", len(errs), len(files), lib.dir, errs[:min(len(errs), show)].Error())
			}
		})
	}
}

// Taro's weapp output (testdata/compat/taro/dist): one generic recursive template
// (base.wxml) every page and Taro's comp and custom-wrapper components import. It
// compiles with neither errors nor warnings.
func TestTaroOutputCompiles(t *testing.T) {
	files := libFiles(t, filepath.Join("..", "..", "testdata", "compat", "taro", "dist"), "")
	if len(files) < 5 {
		t.Fatalf("only %d .wxml/.wxs files in Taro's output", len(files))
	}
	if diags := compileLib(files); len(diags) > 0 {
		t.Errorf("%d diagnostics:\n%s", len(diags), diags.Error())
	}
}
