package project

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/mpsim/mpsim/compiler/diag"
)

// ExtendedLib is a library app.json's useExtendedLib can turn on, which the official tools
// provide without npm: the package it is, and its style sheet, which its components take
// as the app's shared styles (the app imports none).
type ExtendedLib struct {
	Package string
	Sheet   string // from the package root
}

// ExtendedLibs are the libraries mpsim has, by their useExtendedLib names. kbone, the other
// one the official tools know, is not among them.
var ExtendedLibs = map[string]ExtendedLib{
	"weui": {Package: "weui-miniprogram", Sheet: "weui-wxss/dist/style/weui.wxss"},
}

// MountExtendedLibs puts each library useExtendedLib turns on at
// miniprogram_npm/<package> of the project's files, where usingComponents finds
// "weui-miniprogram/dialog/dialog" as in the official tools, and lists its sheet in
// SharedSheets. open gives a library's files by package name. A project whose
// miniprogram_npm has the package as well is an error at useExtendedLib, as the official
// tools refuse it; a library mpsim does not have is a warning.
func (p *Project) MountExtendedLibs(open func(pkg string) (fs.FS, error)) diag.List {
	var errs diag.List
	for _, name := range slices.Sorted(maps.Keys(p.App.UseExtendedLib)) {
		if !p.App.UseExtendedLib[name] {
			continue
		}
		line, col := locate(p.App.Raw, "useExtendedLib", name)
		at := diag.Diagnostic{File: "app.json", Line: line, Column: col}
		lib, ok := ExtendedLibs[name]
		if !ok {
			at.Severity, at.Message = diag.Warning, fmt.Sprintf("useExtendedLib %q is not a library mpsim has: its components resolve only from miniprogram_npm", name)
			at.Hint = "mpsim provides weui; install the library with npm and build miniprogram_npm instead"
			errs = append(errs, at.WithFrame(p.App.Raw))
			continue
		}
		dir := "miniprogram_npm/" + lib.Package
		if _, err := fs.Stat(p.FS, dir); err == nil {
			at.Message = fmt.Sprintf("useExtendedLib %q: %s is in the project too, and the two conflict", name, dir)
			at.Hint = fmt.Sprintf("remove the %s package or the useExtendedLib entry, as the official tools ask", lib.Package)
			errs = append(errs, at.WithFrame(p.App.Raw))
			continue
		}
		tree, err := open(lib.Package)
		if err != nil {
			at.Message = fmt.Sprintf("useExtendedLib %q: %v", name, err)
			errs = append(errs, at.WithFrame(p.App.Raw))
			continue
		}
		p.FS = mountFS{base: p.FS, dir: dir, tree: tree}
		p.SharedSheets = append(p.SharedSheets, path.Join(dir, lib.Sheet))
	}
	return errs
}

// mountFS is base with tree mounted at dir (a slash path): names under dir are tree's,
// and the folders that lead to dir list it, made up when base lacks them.
type mountFS struct {
	base fs.FS
	dir  string
	tree fs.FS
}

// inTree is name's path in tree, when name is dir or below it.
func (m mountFS) inTree(name string) (string, bool) {
	if name == m.dir {
		return ".", true
	}
	rest, ok := strings.CutPrefix(name, m.dir+"/")
	return rest, ok
}

// leadsTo reports whether name is a folder on the way to dir ("." or "miniprogram_npm").
func (m mountFS) leadsTo(name string) bool {
	return name == "." || strings.HasPrefix(m.dir, name+"/")
}

func (m mountFS) Open(name string) (fs.File, error) {
	if rel, ok := m.inTree(name); ok && fs.ValidPath(name) {
		return m.tree.Open(rel)
	}
	f, err := m.base.Open(name)
	if err != nil && m.leadsTo(name) && errors.Is(err, fs.ErrNotExist) {
		entries, rerr := m.ReadDir(name)
		if rerr != nil {
			return nil, rerr
		}
		return &madeDir{info: dirInfo(path.Base(name)), entries: entries}, nil
	}
	return f, err
}

func (m mountFS) Stat(name string) (fs.FileInfo, error) {
	if rel, ok := m.inTree(name); ok && fs.ValidPath(name) {
		info, err := fs.Stat(m.tree, rel)
		if err == nil && rel == "." {
			return dirInfo(path.Base(m.dir)), nil
		}
		return info, err
	}
	info, err := fs.Stat(m.base, name)
	if err != nil && m.leadsTo(name) && errors.Is(err, fs.ErrNotExist) {
		return dirInfo(path.Base(name)), nil
	}
	return info, err
}

func (m mountFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if rel, ok := m.inTree(name); ok && fs.ValidPath(name) {
		return fs.ReadDir(m.tree, rel)
	}
	entries, err := fs.ReadDir(m.base, name)
	if !m.leadsTo(name) || err != nil && !errors.Is(err, fs.ErrNotExist) {
		return entries, err
	}
	rest := m.dir
	if name != "." {
		rest = strings.TrimPrefix(m.dir, name+"/")
	}
	next, _, _ := strings.Cut(rest, "/")
	if !slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() == next }) {
		entries = append(entries, fs.FileInfoToDirEntry(dirInfo(next)))
		slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	}
	return entries, nil
}

// dirInfo is the FileInfo of a folder that mountFS makes up.
type dirInfo string

func (d dirInfo) Name() string       { return string(d) }
func (d dirInfo) Size() int64        { return 0 }
func (d dirInfo) Mode() fs.FileMode  { return fs.ModeDir | 0o555 }
func (d dirInfo) ModTime() time.Time { return time.Time{} }
func (d dirInfo) IsDir() bool        { return true }
func (d dirInfo) Sys() any           { return nil }

// madeDir is an open folder that mountFS makes up.
type madeDir struct {
	info    fs.FileInfo
	entries []fs.DirEntry
}

func (d *madeDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *madeDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.Name(), Err: fs.ErrInvalid}
}
func (d *madeDir) Close() error { return nil }
func (d *madeDir) ReadDir(n int) ([]fs.DirEntry, error) {
	if n <= 0 {
		out := d.entries
		d.entries = nil
		return out, nil
	}
	if len(d.entries) == 0 {
		return nil, io.EOF
	}
	n = min(n, len(d.entries))
	out := d.entries[:n]
	d.entries = d.entries[n:]
	return out, nil
}
