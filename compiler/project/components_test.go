package project

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"
)

func files(m map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for k, v := range m {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

func TestComponentsResolveEveryKindOfPath(t *testing.T) {
	fsys := files(map[string]string{
		"app.json": `{"pages": ["pages/index/index"], "usingComponents": {"g-badge": "/components/badge/badge"},
  "subpackages": [{"root": "pkg", "pages": ["pages/p/p"]}]}`,
		"pages/index/index.js":   "Page({})",
		"pages/index/index.wxml": "<view/>",
		"pages/index/index.json": `{"usingComponents": {
  "rel": "../../components/card/card",
  "abs": "/components/card/card",
  "bare": "components/list",
  "van-button": "@vant/weapp/button/index",
  "dir": "@vant/weapp/icon",
  "plug": "plugin://myPlugin/comp"
}}`,
		"components/card/card.js":                       "Component({})",
		"components/card/card.json":                     `{"component": true, "usingComponents": {"inner": "./inner"}}`,
		"components/card/inner.js":                      "Component({})",
		"components/list/index.js":                      "Component({})",
		"components/badge/badge.ts":                     "Component({})",
		"miniprogram_npm/@vant/weapp/button/index.js":   "Component({})",
		"miniprogram_npm/@vant/weapp/button/index.json": `{"component": true, "usingComponents": {"van-icon": "../icon/index"}}`,
		"miniprogram_npm/@vant/weapp/icon/index.js":     "Component({})",
		"pkg/pages/p/p.js":                              "Page({})",
	})
	p, errs := Load(fsys)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	comps, errs := p.Components()
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	var cfg struct {
		UsingComponents map[string]string `json:"usingComponents"`
	}
	json.Unmarshal(comps["pages/index/index"].Config, &cfg)
	want := map[string]string{
		"rel": "/components/card/card", "abs": "/components/card/card", "bare": "/components/list/index",
		"van-button": "/miniprogram_npm/@vant/weapp/button/index", "dir": "/miniprogram_npm/@vant/weapp/icon/index",
		"plug": "plugin://myPlugin/comp", "g-badge": "/components/badge/badge",
	}
	for alias, path := range want {
		if cfg.UsingComponents[alias] != path {
			t.Errorf("%s: resolved to %q, want %q", alias, cfg.UsingComponents[alias], path)
		}
	}
	for _, path := range []string{"components/card/inner", "miniprogram_npm/@vant/weapp/icon/index", "pkg/pages/p/p", "components/badge/badge"} {
		if comps[path] == nil {
			t.Errorf("%s was not reached", path)
		}
	}
	if !comps["pkg/pages/p/p"].IsPage || comps["components/card/card"].IsPage {
		t.Error("IsPage is wrong")
	}
}

func TestComponentErrorsArePositioned(t *testing.T) {
	fsys := files(map[string]string{
		"app.json": "{\n  \"pages\": [\"pages/a/a\"],\n  \"tabBar\": {\"list\": [{\"pagePath\": \"pages/a/a\"}, {\"pagePath\": \"pages/x/x\"}]},\n" +
			"  \"subPackages\": [{\"root\": \"sub\", \"pages\": [\"gone\"]}]\n}",
		"pages/a/a.js":   "Page({})",
		"pages/a/a.wxml": "<view/>",
		"pages/a/a.json": "{\n  \"usingComponents\": {\n    \"nope\": \"../../components/nope/nope\"\n  }\n}",
	})
	p, errs := Load(fsys)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	_, errs = p.Components()
	got := errs.Error()
	for _, want := range []string{
		`app.json:3:63: error: tabBar.list[1].pagePath "pages/x/x" is not in pages`,
		`app.json:4:45: error: subPackages[0].pages[0] "gone": sub/gone.js not found`,
		`pages/a/a.json:3:13: error: usingComponents "nope": "../../components/nope/nope" resolves to no component`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

// tabBar.custom brings in custom-tab-bar/index, or says it is missing.
func TestCustomTabBarComponent(t *testing.T) {
	app := "{\n  \"pages\": [\"pages/a/a\"],\n  \"tabBar\": {\"custom\": true, \"list\": [{\"pagePath\": \"pages/a/a\"}]}\n}"
	page := map[string]string{"app.json": app, "pages/a/a.js": "Page({})", "pages/a/a.wxml": "<view/>"}
	p, _ := Load(files(page))
	if _, errs := p.Components(); !strings.Contains(errs.Error(), "app.json:3:24: error: tabBar.custom is true, but there is no custom-tab-bar/index.js") {
		t.Errorf("without the component: %v", errs)
	}
	page["custom-tab-bar/index.js"] = "Component({})"
	page["custom-tab-bar/index.json"] = `{"component": true}`
	p, _ = Load(files(page))
	comps, errs := p.Components()
	if errs.HasErrors() || comps[CustomTabBar] == nil {
		t.Errorf("with the component: %v, %v", comps[CustomTabBar], errs)
	}
}

// app.json's resolveAlias applies to usingComponents, in app.json and in every .json; a
// rule without the "/*" ends is an error at its key, and the others still apply.
func TestComponentsThroughResolveAlias(t *testing.T) {
	fsys := files(map[string]string{
		"app.json": `{"pages": ["pages/index/index"],
  "resolveAlias": {"@/*": "/*", "@comp/*": "components/*", "bad": "/x"},
  "usingComponents": {"g-card": "@comp/card/card"}}`,
		"pages/index/index.js":    "Page({})",
		"pages/index/index.wxml":  "<card/>",
		"pages/index/index.json":  `{"usingComponents": {"card": "@/components/card/card"}}`,
		"components/card/card.js": "Component({})",
	})
	p, errs := Load(fsys)
	if len(errs) != 1 || errs[0].Line != 2 || !strings.Contains(errs[0].Message, `resolveAlias "bad"`) {
		t.Fatalf("want one error at resolveAlias's bad key, line 2: %v", errs)
	}
	comps, errs := p.Components()
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	var cfg struct {
		UsingComponents map[string]string `json:"usingComponents"`
	}
	json.Unmarshal(comps["pages/index/index"].Config, &cfg)
	if cfg.UsingComponents["card"] != "/components/card/card" || cfg.UsingComponents["g-card"] != "/components/card/card" {
		t.Errorf("usingComponents through resolveAlias: %v", cfg.UsingComponents)
	}
}
