// Package compiler turns a loaded mini-program into what the simulator serves: one
// appservice.js holding every script module and compiled template, and the app's
// configuration. Each language is compiled by its own sub-package; this one walks the
// project and puts their outputs together.
package compiler

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/mpsim/mpsim/compiler/js"
	"github.com/mpsim/mpsim/compiler/project"
	"github.com/mpsim/mpsim/compiler/stylelang"
	"github.com/mpsim/mpsim/compiler/wxml"
	"github.com/mpsim/mpsim/compiler/wxs"
	"github.com/mpsim/mpsim/compiler/wxss"
)

// Output is one build of a project.
type Output struct {
	// AppService makes appservice.js (once): it runs in the service layer after the
	// runtime and registers the app's config, modules and templates with it (__mpsim).
	AppService func() string
	// Config is what the shell needs to start: the pages, the entry page, the window.
	Config AppConfig
	// AppServiceMap makes the source map of AppService, served at /appservice.js.map. It
	// is made on first use (DevTools, an error's stack) and kept.
	AppServiceMap func() []byte
	// Styles are the linked style sheets, CSS by page or component path ("app" for
	// app.wxss), served at /wxss/<path>.wxss.
	Styles map[string][]byte
	// Files is the mini-program root the build read: the server serves its images and other
	// files by path (an <image src="/images/a.png">).
	Files fs.FS
	// TemplateCode and WXSCode are each compiled .wxml (by path without extension) and
	// .wxs (by path): TemplateScript makes from them the script of a hot update.
	TemplateCode map[string]string
	WXSCode      map[string]string
	// Scripts are the app's modules by path ("pages/a/a.js"), and Components the pages and
	// components by path without extension: a saved page or component script is swapped
	// into the running app by ModuleScript.
	Scripts    map[string]js.Module
	Components map[string]bool
	// TemplateUsers lists, for a template, the templates that import or include it: they
	// hold on to what they imported, so a hot update of it must renew them too.
	TemplateUsers map[string][]string
	// PageWXS makes wxs.js (once): every WXS module, .wxs files and inline ones, for the page layer,
	// which runs WXS event handlers and change:prop observers. It sets self.__mpsimWxs to
	// the loaders by module filename.
	PageWXS func() string
}

// AppConfig is the app configuration as the shell and runtime read it.
type AppConfig struct {
	Pages    []string        `json:"pages"`
	AllPages []string        `json:"allPages"` // pages and subpackage pages
	TabBar   json.RawMessage `json:"tabBar,omitempty"`
	// PageWindows are the window settings of each page's .json (navigationBarTitleText
	// and the like), over app.json's window.
	PageWindows   map[string]json.RawMessage `json:"pageWindows,omitempty"`
	EntryPagePath string                     `json:"entryPagePath"`
	Window        json.RawMessage            `json:"window,omitempty"`
	App           json.RawMessage            `json:"app"`             // app.json as written
	Style         string                     `json:"style,omitempty"` // app.json's style: "v2" or none
	// Theme is theme.json when app.json's darkmode is on: the shell resolves "@name" window
	// and tabBar values from it for the device's theme.
	Theme *project.Theme `json:"theme,omitempty"`
	// Aliases are resolveAlias's rules as the build checked and ordered them, for the
	// runtime's require (modules.ts): one place decides which rules hold and which wins.
	Aliases js.Aliases `json:"aliases,omitempty"`
}

type jsModule = js.Module

// compileUnit compiles one source file. It is pure: the same content gives the same unit,
// which is what lets the Builder cache units by content hash. Only a Sass or Less sheet
// reads other files (read), what it imports: the Builder compiles it again when one of
// those changes.
func compileUnit(name string, src []byte, hash [sha256.Size]byte, componentSheet bool, read func(string) ([]byte, bool)) *unit {
	u := &unit{hash: hash, kind: path.Ext(name), componentSheet: componentSheet}
	kind := u.kind
	if _, sheet := stylelang.Languages[kind]; sheet {
		// Compiled to CSS (which may read the sheets it imports), then as the .wxss it is.
		css, imports, errs := stylelang.Compile(name, src, read)
		u.imports, u.diags = imports, errs
		if errs == nil {
			src, kind = []byte(css), ".wxss"
		}
	}
	switch kind {
	case ".js", ".ts":
		m, errs := js.Transform(name, src)
		u.diags = errs
		if !errs.HasErrors() {
			u.out.module = &m
			u.out.source = src
		}
	case ".wxml":
		out, errs := wxml.Compile(name, src)
		u.out.template, u.out.source, u.diags = &out, src, errs
	case ".wxss":
		out, errs := wxss.Compile(name, src, wxss.Options{Component: componentSheet})
		u.out.style, u.diags = &out, errs
	case ".wxs":
		u.out.wxs, u.diags = wxs.Compile(name, src, 1, 1)
		if !u.diags.HasErrors() {
			// Compile reported the require diagnostics; the refs are for the link step.
			u.out.wxsRequires, _ = wxs.Requires(name, src, 1, 1)
			u.out.source = src
		}
	}
	return u
}

// appServiceInput is everything appservice.js carries.
type appServiceInput struct {
	cfg        AppConfig
	modules    []js.Module       // scripts
	jsonFiles  map[string][]byte // .json files a script requires, by project path
	components map[string]*project.Component
	slots      map[string][]string // the <slot> names of templates with more than one
	styles     sheets
}

// writeWXSModules writes the WXS runtime (W and D) and registers the compiled modules in it.
func writeWXSModules(b *strings.Builder, modules map[string]string) {
	b.WriteString(wxs.Runtime)
	b.WriteString("\n")
	for _, n := range sortedKeys(modules) {
		b.WriteString("W[" + jsString(n) + "] = D(" + jsString(n) + ", " + modules[n] + ");\n")
	}
}

// pageWXS writes wxs.js from the compiled .wxs files and inline modules, by filename.
func pageWXS(modules map[string]string) string {
	var b strings.Builder
	b.WriteString("// wxs.js, generated by mpsim: the app's WXS modules for the page layer.\n(function () {\n")
	writeWXSModules(&b, modules)
	b.WriteString("self.__mpsimWxs = W;\n})();\n")
	return b.String()
}

// templateGroups writes the templates part of appservice.js: it fills G, the map of every
// compiled .wxml (for import and include), with W and D (compiler/wxs) holding the WXS
// modules they use. A hot update runs the same with only the changed templates.
//
// With reuseWXS the templates use the WXS modules already loaded (kept on G as __wxs): a
// hot update of templates alone need not load the modules again.
func templateGroups(wxsModules, templates map[string]string, reuseWXS bool) string {
	var b strings.Builder
	b.WriteString("(function (G) {\n")
	if reuseWXS {
		b.WriteString("var W = G.__wxs.W, D = G.__wxs.D;\n")
	} else {
		writeWXSModules(&b, wxsModules)
		b.WriteString(`Object.defineProperty(G, "__wxs", { value: { W: W, D: D }, configurable: true });` + "\n")
	}
	for _, n := range sortedKeys(templates) {
		b.WriteString("G[" + jsString(n) + "] = " + templates[n] + ";\n")
	}
	b.WriteString("})(__mpsim.templateGroups);\n")
	return b.String()
}

// TemplateScript is the script of a hot update (templates.js): the templates at paths and
// those that use them (TemplateUsers), over the ones the service layer has; with withWXS,
// every WXS module again (a .wxs changed), else the ones loaded. It also gives the paths
// it holds.
func (o *Output) TemplateScript(paths []string, withWXS bool) (string, []string) {
	todo := slices.Clone(paths)
	picked := map[string]string{}
	for len(todo) > 0 {
		p := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		code, ok := o.TemplateCode[p]
		if _, seen := picked[p]; seen || !ok {
			continue
		}
		picked[p] = code
		todo = append(todo, o.TemplateUsers[p]...)
	}
	return templateGroups(o.WXSCode, picked, !withWXS), sortedKeys(picked)
}

// ModuleScript is the script of a hot update of scripts (modules.js): it defines the
// modules at paths again, as appservice.js defines them (without a source map). It also
// gives the paths it holds.
func (o *Output) ModuleScript(paths []string) (string, []string) {
	var b strings.Builder
	b.WriteString(fmt.Sprintf("(function (%s) {\n", strings.Join(js.ShadowedGlobals, ", ")))
	var held []string
	for _, p := range paths {
		m, ok := o.Scripts[p]
		if !ok {
			continue
		}
		held = append(held, p)
		b.WriteString(fmt.Sprintf("__mpsim.define(%s, function (require, module, exports) {\n%s\n});\n", jsString(p), m.Code))
	}
	b.WriteString("})();\n")
	return b.String(), held
}

// appService writes appservice.js around the templates part (templateGroups), and gives a
// function that makes its source map. The order is fixed (config, templates, modules sorted
// by path) so that the same project always gives the same bytes.
func appService(in appServiceInput, templates string) (code string, sourceMap func() []byte) {
	var b js.Bundle
	size := 1<<16 + len(templates)
	for _, m := range in.modules {
		size += len(m.Code) + 128
	}
	b.Grow(size)
	b.WriteString("// appservice.js, generated by mpsim: the app's code for the service layer.\n")
	cfgJSON, _ := json.Marshal(in.cfg)
	b.WriteString(fmt.Sprintf("__mpsim.setConfig(%s);\n", cfgJSON))

	b.WriteString(templates)

	for _, p := range sortedKeys(in.components) {
		if slots, ok := in.slots[p]; ok {
			names, _ := json.Marshal(slots)
			b.WriteString(fmt.Sprintf("__mpsim.defineConfig(%s, %s, %s);\n", jsString(p), in.components[p].Config, names))
		} else {
			b.WriteString(fmt.Sprintf("__mpsim.defineConfig(%s, %s);\n", jsString(p), in.components[p].Config))
		}
	}
	for _, p := range sortedKeys(in.styles.scopes) {
		b.WriteString(fmt.Sprintf("__mpsim.defineStyleSheet(%s, %s);\n", jsString(p), jsString(in.styles.scopes[p])))
	}

	// The Worker globals a phone lacks are parameters of one function around every module,
	// left undefined: a module sees them missing, and may still declare its own `close`.
	b.WriteString(fmt.Sprintf("(function (%s) {\n", strings.Join(js.ShadowedGlobals, ", ")))
	const params = "require, module, exports"
	for _, p := range sortedKeys(in.jsonFiles) {
		b.WriteString(fmt.Sprintf("__mpsim.define(%s, function (%s) {\nmodule.exports = %s;\n});\n", jsString(p), params, in.jsonFiles[p]))
	}
	sort.Slice(in.modules, func(i, j int) bool { return in.modules[i].Path < in.modules[j].Path })
	for _, m := range in.modules {
		b.WriteString(fmt.Sprintf("__mpsim.define(%s, function (%s) {\n", jsString(m.Path), params))
		b.WriteModule(m)
		b.WriteString("});\n")
	}
	b.WriteString("})();\n")
	return b.Finish("appservice.js", "appservice.js.map")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
