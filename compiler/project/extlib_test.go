package project

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

var weuiLib = fstest.MapFS{
	"cell/cell.js":                   {Data: []byte("Component({})")},
	"cell/cell.json":                 {Data: []byte(`{"component": true}`)},
	"weui-wxss/dist/style/weui.wxss": {Data: []byte(".weui-cell{}")},
	"index.json":                     {Data: []byte("{}")},
}

func openWeUI(pkg string) (fs.FS, error) {
	if pkg != "weui-miniprogram" {
		return nil, fs.ErrNotExist
	}
	return weuiLib, nil
}

const extApp = "{\n  \"pages\": [\"pages/a/a\"],\n  \"useExtendedLib\": {\"weui\": true, \"kbone\": true}\n}"

// The library appears under miniprogram_npm in a walk of the project, beside what the
// project has, and its sheet is shared; kbone, which mpsim lacks, is a warning.
func TestExtendedLibIsMounted(t *testing.T) {
	p, errs := Load(files(map[string]string{"app.json": extApp, "pages/a/a.js": "Page({})", "pages/a/a.wxml": "<view/>",
		"miniprogram_npm/other/index.js": "module.exports = 1"}))
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	errs = p.MountExtendedLibs(openWeUI)
	if len(errs) != 1 || errs.HasErrors() || !strings.Contains(errs.Error(), `app.json:3:45: warning: useExtendedLib "kbone" is not a library mpsim has`) {
		t.Fatalf("want one warning for kbone, got:\n%v", errs)
	}
	var walked []string
	fs.WalkDir(p.FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() {
			walked = append(walked, name)
		}
		return nil
	})
	want := "app.json miniprogram_npm/other/index.js miniprogram_npm/weui-miniprogram/cell/cell.js miniprogram_npm/weui-miniprogram/cell/cell.json " +
		"miniprogram_npm/weui-miniprogram/index.json miniprogram_npm/weui-miniprogram/weui-wxss/dist/style/weui.wxss pages/a/a.js pages/a/a.wxml"
	if got := strings.Join(walked, " "); got != want {
		t.Errorf("walk:\n got %s\nwant %s", got, want)
	}
	if data, err := fs.ReadFile(p.FS, "miniprogram_npm/weui-miniprogram/cell/cell.json"); err != nil || !strings.Contains(string(data), "component") {
		t.Errorf("read through the mount: %q %v", data, err)
	}
	if got := strings.Join(p.SharedSheets, " "); got != "miniprogram_npm/weui-miniprogram/weui-wxss/dist/style/weui.wxss" {
		t.Errorf("shared sheets %q", got)
	}
	// Without miniprogram_npm of its own, the project gets the folder made up.
	p, _ = Load(files(map[string]string{"app.json": `{"pages": ["pages/a/a"], "useExtendedLib": {"weui": true}}`, "pages/a/a.js": "Page({})", "pages/a/a.wxml": "<view/>"}))
	if errs := p.MountExtendedLibs(openWeUI); len(errs) != 0 {
		t.Fatal(errs)
	}
	if info, err := fs.Stat(p.FS, "miniprogram_npm"); err != nil || !info.IsDir() {
		t.Errorf("miniprogram_npm: %v %v", info, err)
	}
	if _, err := fs.ReadFile(p.FS, "miniprogram_npm/weui-miniprogram/index.json"); err != nil {
		t.Error(err)
	}
}

// The package in the project's own miniprogram_npm as well is the official tools' error.
func TestExtendedLibConflictsWithNpm(t *testing.T) {
	p, _ := Load(files(map[string]string{"app.json": extApp, "pages/a/a.js": "Page({})", "pages/a/a.wxml": "<view/>",
		"miniprogram_npm/weui-miniprogram/index.json": "{}"}))
	errs := p.MountExtendedLibs(openWeUI)
	if !strings.Contains(errs.Error(), `app.json:3:30: error: useExtendedLib "weui": miniprogram_npm/weui-miniprogram is in the project too`) {
		t.Fatalf("got:\n%v", errs)
	}
}
