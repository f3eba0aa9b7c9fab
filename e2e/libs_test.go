package e2e

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mpsim/mpsim/internal/testlibs"
)

// library is one component library of the three-library project.
type library struct {
	page    string // the page that uses it
	pkg     string // its npm name, its folder under miniprogram_npm
	prefix  string // the alias prefix of its components
	renders string // WXML that instantiates a few of its components, by alias
	marker  string // text the rendered page shows
}

var libraries = []library{
	{"pages/vant/vant", "@vant/weapp", "van", `<van-button type="primary">vant button</van-button><van-cell title="vant cell" value="v" /><van-tag>tag</van-tag>`, "vant button"},
	{"pages/tdesign/tdesign", "tdesign-miniprogram", "t", `<t-button theme="primary">tdesign button</t-button><t-tag>tag</t-tag>`, "tdesign button"},
	{"pages/weui/weui", "weui-miniprogram", "mp", `<mp-cells title="weui cells"><mp-cell value="weui cell"></mp-cell></mp-cells>`, "weui cell"},
}

// threeLibraryProject lays out a mini-program that depends on Vant Weapp, TDesign and
// WeUI (the pinned versions of testdata/libs), runs `mpsim build-npm` on it, and gives
// each library a page whose usingComponents names every component of the library.
func threeLibraryProject(t *testing.T) string {
	t.Helper()
	modules := testlibs.NodeModules(t)
	dir := t.TempDir()
	// The pinned versions of testdata/libs, less its tools (miniprogram-compiler is wcc).
	var libsPkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	data, err := os.ReadFile(filepath.Join(testlibs.LibsDir(), "package.json"))
	if err == nil {
		err = json.Unmarshal(data, &libsPkg)
	}
	if err != nil {
		t.Fatal(err)
	}
	deps := map[string]string{}
	for _, lib := range libraries {
		deps[lib.pkg] = libsPkg.Dependencies[lib.pkg]
	}
	pkg, _ := json.Marshal(map[string]any{"name": "three-libraries", "dependencies": deps})
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("package.json", pkg)
	if err := os.Symlink(modules, filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runMpsim(t, "build-npm", dir); code != 0 {
		t.Fatalf("build-npm: exit %d\n%s", code, stderr)
	}

	var pages []string
	for _, lib := range libraries {
		using := map[string]string{}
		root := filepath.Join(dir, "miniprogram_npm", filepath.FromSlash(lib.pkg))
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Ext(p) != ".json" {
				return err
			}
			var c struct {
				Component bool `json:"component"`
			}
			if data, err := os.ReadFile(p); err != nil || json.Unmarshal(data, &c) != nil || !c.Component {
				return nil
			}
			rel, _ := filepath.Rel(filepath.Join(dir, "miniprogram_npm"), strings.TrimSuffix(p, ".json"))
			name := filepath.Base(filepath.Dir(p))
			if _, dup := using[lib.prefix+"-"+name]; dup {
				name = strings.ReplaceAll(strings.TrimPrefix(filepath.ToSlash(rel), lib.pkg+"/"), "/", "-")
			}
			using[lib.prefix+"-"+name] = filepath.ToSlash(rel)
			return nil
		})
		if len(using) < 10 {
			t.Fatalf("%s: found %d components, build-npm did not copy the library", lib.pkg, len(using))
		}
		cfg, _ := json.MarshalIndent(map[string]any{"usingComponents": using}, "", "  ")
		write(lib.page+".json", cfg)
		write(lib.page+".js", []byte("Page({})\n"))
		write(lib.page+".wxml", []byte(`<view class="lib">`+lib.renders+"</view>\n"))
		pages = append(pages, lib.page)
	}
	app, _ := json.Marshal(map[string]any{"pages": pages})
	write("app.json", app)
	write("app.js", []byte("App({})\n"))
	return dir
}

// The three libraries build with zero errors, and every page renders in Chromium with no
// uncaught error in either layer.
func TestThreeLibraryProject(t *testing.T) {
	dir := threeLibraryProject(t)
	_, stderr, code := runMpsim(t, "build", dir)
	if code != 0 || strings.Contains(stderr, "error:") {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}

	srv := StartServer(t, mpsimBin, dir)
	for _, lib := range libraries {
		t.Run(lib.pkg, func(t *testing.T) {
			b := OpenBrowser(t, srv.URL+"?page="+lib.page)
			defer func() {
				if t.Failed() {
					t.Logf("console:\n%s", strings.Join(b.Console(), "\n"))
				}
			}()
			b.WaitContains(".lib", lib.marker, wait)
			time.Sleep(500 * time.Millisecond) // let lifetimes and timers run
			var problems []string
			for _, line := range b.Console() {
				if strings.HasPrefix(line, "exception:") || strings.Contains(line, "[mpsim]") && strings.HasPrefix(line, "error:") {
					problems = append(problems, line)
				}
			}
			overlay, _ := Eval[bool](b, `!document.getElementById('error-overlay').hidden`)
			if overlay {
				problems = append(problems, "the shell shows an error overlay")
			}
			if len(problems) > 0 {
				sort.Strings(problems)
				t.Fatalf("%d errors:\n%s", len(problems), strings.Join(problems, "\n"))
			}
		})
	}
}
