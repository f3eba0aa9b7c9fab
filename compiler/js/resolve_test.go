package js

import (
	"strings"
	"testing"

	"github.com/mpsim/mpsim/compiler/diag"
)

// project is the module set the resolve tests look paths up in.
var project = map[string]bool{
	"app.js":                true,
	"utils/util.js":         true,
	"utils/index.js":        true,
	"config/data.json":      true,
	"pages/index/index.js":  true,
	"pages/index/helper.js": true,
	"pages/miniprogram_npm/local-pkg/index.js":          true,
	"miniprogram_npm/dayjs/index.js":                    true,
	"miniprogram_npm/@vant/weapp/button/index.js":       true,
	"miniprogram_npm/@vant/weapp/index.js":              true,
	"miniprogram_npm/weui/index.js":                     true,
	"miniprogram_npm/weui/miniprogram_npm/dep/index.js": true,
}

func exists(p string) bool { return project[p] }

func TestResolve(t *testing.T) {
	for _, tc := range []struct{ from, spec, want string }{
		{"pages/index/index.js", "./helper", "pages/index/helper.js"},
		{"pages/index/index.js", "./helper.js", "pages/index/helper.js"},
		{"pages/index/index.js", "../../utils/util", "utils/util.js"},
		{"pages/index/index.js", "../../utils", "utils/index.js"},
		{"pages/index/index.js", "/utils/util.js", "utils/util.js"},
		{"pages/index/index.js", "/config/data.json", "config/data.json"},
		{"app.js", "utils/util.js", "utils/util.js"}, // bare but relative, as old projects write
		{"pages/index/index.js", "helper", "pages/index/helper.js"},
		{"pages/index/index.js", "dayjs", "miniprogram_npm/dayjs/index.js"},
		{"pages/index/index.js", "local-pkg", "pages/miniprogram_npm/local-pkg/index.js"},
		{"pages/index/index.js", "@vant/weapp/button/index", "miniprogram_npm/@vant/weapp/button/index.js"},
		{"pages/index/index.js", "@vant/weapp", "miniprogram_npm/@vant/weapp/index.js"},
		{"miniprogram_npm/weui/index.js", "dep", "miniprogram_npm/weui/miniprogram_npm/dep/index.js"},
		{"miniprogram_npm/weui/index.js", "dayjs", "miniprogram_npm/dayjs/index.js"},
		{"app.js", "local-pkg", ""}, // only pages/ and below see pages/miniprogram_npm
		{"pages/index/index.js", "./nope", ""},
		{"pages/index/index.js", "../../../app", ""}, // above the root
		{"app.js", "/", ""},
		{"app.js", "config/data", ""}, // .json is required by its full name
	} {
		got, ok := Resolve(tc.from, tc.spec, nil, exists)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("Resolve(%q, %q) = %q, %v; want %q", tc.from, tc.spec, got, ok, tc.want)
		}
	}
}

func TestResolveRequiresReportsWhatResolvesNowhere(t *testing.T) {
	src := []byte("import dayjs from 'dayjs'\nimport x from './missing'\nlet lodash\ntry { lodash = require('lodash') } catch (e) {}\nexport default [dayjs, x, lodash]\n")
	m, errs := Transform("pages/index/index.ts", src)
	if errs != nil {
		t.Fatal(errs)
	}
	diags := ResolveRequires(&m, src, nil, exists)
	if len(diags) != 2 {
		t.Fatalf("want 2 diagnostics, got %v", diags)
	}
	imp, req := diags[0], diags[1]
	if imp.Severity != diag.Error || imp.File != "pages/index/index.ts" || imp.Line != 2 || imp.Column != 15 ||
		!strings.Contains(imp.Message, `"./missing"`) || !strings.Contains(imp.Hint, "pages/index/missing.js") {
		t.Errorf("import of a missing file: %v", imp)
	}
	if !strings.Contains(imp.Frame, "> 2 | import x from './missing'") {
		t.Errorf("no code frame: %s", imp.Frame)
	}
	if req.Severity != diag.Warning || req.Line != 4 || !strings.Contains(req.Hint, "miniprogram_npm/lodash") {
		t.Errorf("guarded require of a missing package: %v", req)
	}
	if m.Requires[0].Path != "miniprogram_npm/dayjs/index.js" || m.Requires[1].Path != "" {
		t.Errorf("resolved paths: %v", m.Requires)
	}
}

// app.json's resolveAlias maps a prefix to a folder of the root before anything else;
// the longest matching prefix wins.
func TestResolveWithAliases(t *testing.T) {
	aliases := NewAliases(map[string]string{"@/*": "/*", "@utils/*": "utils/*", "~/cfg/*": "/config/*"})
	for _, tc := range []struct{ spec, want string }{
		{"@utils/util", "utils/util.js"},
		{"@/utils/util.js", "utils/util.js"},
		{"@/utils", "utils/index.js"},
		{"~/cfg/data.json", "config/data.json"},
		{"@utils/nope", ""},
		{"dayjs", "miniprogram_npm/dayjs/index.js"}, // no alias matches: as before
		{"./helper", "pages/index/helper.js"},
	} {
		got, ok := Resolve("pages/index/index.js", tc.spec, aliases, exists)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("Resolve(%q) = %q, %v; want %q", tc.spec, got, ok, tc.want)
		}
	}
	src := []byte("const u = require('@utils/nope')\n")
	m, errs := Transform("pages/index/index.js", src)
	if errs != nil {
		t.Fatal(errs)
	}
	diags := ResolveRequires(&m, src, aliases, exists)
	if len(diags) != 1 || !strings.Contains(diags[0].Hint, "resolveAlias in app.json maps it to /utils/nope") {
		t.Errorf("unresolved alias: %v", diags)
	}
}
