package npm

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree writes files (slash paths relative to dir) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// fixture is a project with hand-written node_modules: a scoped component package with a
// "miniprogram" field and a dependency of its own, a package with only miniprogram_dist,
// a plain package with a nested dependency, and a types-only package.
var fixture = map[string]string{
	"project.config.json": `{"miniprogramRoot": "./"}`,
	"package.json": `{"dependencies": {"@scope/ui": "1.0.0", "dist-only": "1.0.0", "plain": "2.0.0", "@types/thing": "1.0.0"},
		"devDependencies": {"dev-tool": "1.0.0"}}`,

	"node_modules/@scope/ui/package.json":           `{"name": "@scope/ui", "version": "1.0.0", "miniprogram": "lib", "main": "lib/ui.js", "dependencies": {"helper": "1.0.0"}}`,
	"node_modules/@scope/ui/lib/ui.js":              `module.exports = { ui: true }`,
	"node_modules/@scope/ui/lib/button/button.json": `{"component": true}`,
	"node_modules/@scope/ui/lib/button/button.wxml": `<view class="btn"><slot/></view>`,
	"node_modules/@scope/ui/lib/button/button.js":   `const helper = require('helper'); Component({})`,
	"node_modules/@scope/ui/src/ignored.ts":         `export {}`,
	"node_modules/helper/package.json":              `{"name": "helper", "version": "1.0.0", "main": "helper.js"}`,
	"node_modules/helper/helper.js":                 `exports.help = () => 'helped'`,

	"node_modules/dist-only/package.json":              `{"name": "dist-only", "version": "1.0.0"}`,
	"node_modules/dist-only/miniprogram_dist/index.js": `module.exports = 'dist'`,

	"node_modules/plain/package.json":                  `{"name": "plain", "version": "2.0.0", "main": "lib/main.js", "dependencies": {"dep": "*"}}`,
	"node_modules/plain/lib/main.js":                   `const dep = require('dep'); module.exports = function plain(x) { return dep(x) + 1 }`,
	"node_modules/plain/node_modules/dep/package.json": `{"name": "dep", "main": "index.js", "module": "esm.js"}`,
	"node_modules/plain/node_modules/dep/index.js":     `module.exports = x => x * 10`,
	"node_modules/plain/node_modules/dep/esm.js":       `export default () => 'the esm build must not be picked'`,
	"node_modules/@types/thing/package.json":           `{"name": "@types/thing", "version": "1.0.0", "types": "index.d.ts"}`,
	"node_modules/@types/thing/index.d.ts":             `export {}`,
	"node_modules/dev-tool/package.json":               `{"name": "dev-tool", "main": "index.js"}`,
	"node_modules/dev-tool/index.js":                   `module.exports = 1`,
	"miniprogram_npm/stale/index.js":                   `// from an earlier build`,
}

func TestBuildFixture(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, fixture)
	report, err := Build(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range report.Packages {
		got = append(got, p.Name+":"+string(p.Kind))
	}
	if want := "@scope/ui:components dist-only:components plain:bundled helper:bundled"; strings.Join(got, " ") != want {
		t.Errorf("built %v, want %s", got, want)
	}
	if len(report.Skipped) != 1 || report.Skipped[0].Name != "@types/thing" {
		t.Errorf("skipped %v, want @types/thing", report.Skipped)
	}

	npm := filepath.Join(dir, "miniprogram_npm")
	for _, name := range []string{"@scope/ui/button/button.wxml", "@scope/ui/button/button.js", "@scope/ui/ui.js", "dist-only/index.js", "plain/index.js", "helper/index.js"} {
		if _, err := os.Stat(filepath.Join(npm, name)); err != nil {
			t.Errorf("missing %s", name)
		}
	}
	for _, name := range []string{"@scope/ui/src", "@scope/ui/lib", "stale", "dev-tool", "@types"} {
		if _, err := os.Stat(filepath.Join(npm, name)); err == nil {
			t.Errorf("%s should not be in miniprogram_npm", name)
		}
	}
	if shim := readFile(t, filepath.Join(npm, "@scope/ui/index.js")); !strings.Contains(shim, `require("./ui.js")`) {
		t.Errorf("index.js of a component package whose main is ui.js: %s", shim)
	}
	bundled := readFile(t, filepath.Join(npm, "plain/index.js"))
	if !strings.Contains(bundled, "x * 10") || strings.Contains(bundled, "require(\"dep\")") || strings.Contains(bundled, "esm build") {
		t.Errorf("plain/index.js does not inline dep's CommonJS main:\n%s", bundled)
	}
	if node, err := exec.LookPath("node"); err == nil {
		out, err := exec.Command(node, "-e", `process.stdout.write(String(require(process.argv[1])(4)))`, filepath.Join(npm, "plain/index.js")).CombinedOutput()
		if err != nil || string(out) != "41" {
			t.Errorf("node: require('plain')(4) = %s, %v; want 41", out, err)
		}
	}
}

func TestBuildErrorsNameThePackage(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"not installed", map[string]string{
			"package.json":                    `{"dependencies": {"absent": "1"}}`,
			"node_modules/.package-lock.json": `{}`,
		}, []string{"absent", "not installed", "npm install"}},
		{"no node_modules", map[string]string{
			"package.json": `{"dependencies": {"x": "1"}}`,
		}, []string{"no node_modules", "npm install"}},
		{"bad miniprogram field", map[string]string{
			"package.json":                     `{"dependencies": {"broken": "1"}}`,
			"node_modules/broken/package.json": `{"name": "broken", "miniprogram": "dist"}`,
		}, []string{"broken", `"dist"`, "not a folder"}},
		{"node built-in", map[string]string{
			"package.json":                      `{"dependencies": {"uses-fs": "1"}}`,
			"node_modules/uses-fs/package.json": `{"name": "uses-fs", "main": "i.js"}`,
			"node_modules/uses-fs/i.js":         `module.exports = require('fs').readFileSync`,
		}, []string{"uses-fs", "bundling failed", `"fs"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, tc.files)
			_, err := Build(dir, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not say %q:\n%v", w, err)
				}
			}
		})
	}
}

// TestBuildRealPackages installs real packages from the npm registry (pinned in
// testdata/npm/basic with a lock file) and builds them.
func TestBuildRealPackages(t *testing.T) {
	if testing.Short() {
		t.Skip("runs npm ci")
	}
	npmBin, err := exec.LookPath("npm")
	if err != nil {
		t.Skip("no npm on PATH")
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../testdata/npm/basic")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(npmBin, "ci", "--no-audit", "--no-fund", "--ignore-scripts")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm ci: %v\n%s", err, out)
	}
	report, err := Build(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", report)

	npm := filepath.Join(dir, "miniprogram", "miniprogram_npm")
	for _, name := range []string{
		"dayjs/index.js", "lodash.debounce/index.js", "is-odd/index.js",
		"weui-miniprogram/index.js", "weui-miniprogram/cell/cell.js", "weui-miniprogram/cell/cell.wxml",
		"weui-miniprogram/cell/cell.json", "weui-miniprogram/cell/cell.wxss",
	} {
		if _, err := os.Stat(filepath.Join(npm, name)); err != nil {
			t.Errorf("missing miniprogram_npm/%s", name)
		}
	}
	if _, err := os.Stat(filepath.Join(npm, "is-number")); err == nil {
		t.Errorf("is-number is a dependency of a plain package: it belongs inlined in is-odd, not in miniprogram_npm")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node to run the bundles")
	}
	script := `
const dir = process.argv[1];
const dayjs = require(dir + '/dayjs/index.js');
const debounce = require(dir + '/lodash.debounce/index.js');
const isOdd = require(dir + '/is-odd/index.js');
let calls = 0;
const f = debounce(() => calls++, 10);
f(); f(); f();
setTimeout(() => {
  process.stdout.write([dayjs('2024-02-29').add(1, 'year').format('YYYY-MM-DD'), isOdd(7), isOdd(8), calls].join(' '));
}, 50);`
	out, err := exec.Command(node, "-e", script, npm).CombinedOutput()
	if err != nil || string(out) != "2025-02-28 true false 1" {
		t.Fatalf("bundles in node: %s, %v; want 2025-02-28 true false 1", out, err)
	}
}
