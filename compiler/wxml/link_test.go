package wxml

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mpsim/mpsim/compiler/diag"
)

// Link reports, positioned in the file that refers to them: a src that resolves to no
// file, and a static <template is> whose template is not visible there. import is not
// transitive: a template imported by an imported file is not visible.
func TestLink(t *testing.T) {
	sources := map[string]string{
		"pages/a/a.wxml": `<import src="../../common/t.wxml"/>
<import src="/common/missing.wxml"/>
<include src="./part"/>
<wxs module="u" src="../../utils/u.wxs"/>
<wxs module="v" src="./nope.wxs"/>
<template is="card"/>
<template is="deep"/>
<template is="local"/>
<template is="{{dynamic}}"/>
<template name="local"/>`,
		"pages/a/part.wxml": `<include src="gone.wxml"/>`,
		"common/t.wxml":     `<import src="deep.wxml"/><template name="card"/>`,
		"common/deep.wxml":  `<template name="deep"/>`,
	}
	files := map[string]LinkInput{}
	for file, src := range sources {
		out, diags := Compile(file, []byte(src))
		if diags.HasErrors() {
			t.Fatalf("%s: %v", file, diags)
		}
		files[strings.TrimSuffix(file, ".wxml")] = LinkInput{File: file, Source: []byte(src), Out: out}
	}
	wxsExists := func(p string) bool { return p == "utils/u.wxs" }
	diags := Link(files, wxsExists)
	var got []string
	for _, d := range diags {
		got = append(got, d.File+":"+summarize(diag.List{d})[0])
		if d.Frame == "" {
			t.Errorf("no code frame: %+v", d)
		}
	}
	want := []string{
		`pages/a/a.wxml:2:14: error: missing src file: the imported common/missing.wxml does not exist`,
		`pages/a/a.wxml:5:22: error: missing src file: the wxs module pages/a/nope.wxs does not exist`,
		`pages/a/a.wxml:7:15: error: unknown template "deep": it is defined neither in this file nor in a file it imports`,
		`pages/a/part.wxml:1:15: error: missing src file: the included pages/a/gone.wxml does not exist`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The paths a file refers to are resolved to project paths: relative to the file, or to
// the root for a leading "/", without .wxml, with .wxs.
func TestCompileReportsReferences(t *testing.T) {
	src := "<import src=\"/a/b.wxml\"/>\n<import src=\"./c\"/>\n<include src=\"../d.wxml\"/>\n<wxs module=\"m\" src=\"e.wxs\"/>\n<template name=\"t1\"/><template is=\"t1\"/><template is=\"{{x}}\"/>"
	out, diags := Compile("pages/p/p.wxml", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	got := strings.Join([]string{refs(out.Imports), refs(out.Includes), refs(out.WxsSrcs), strings.Join(out.Templates, ","), refs(out.TemplateRefs)}, " | ")
	want := "a/b@1:14 pages/p/c@2:14 | pages/d@3:15 | pages/p/e.wxs@4:22 | t1 | t1@5:36"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if !strings.Contains(out.JS, `W["pages/p/e.wxs"]`) || !strings.Contains(out.JS, `G["a/b"]`) || !strings.Contains(out.JS, `G["pages/d"]`) {
		t.Errorf("the output does not use the resolved paths:\n%s", out.JS)
	}
}

func refs(rs []Ref) string {
	var s []string
	for _, r := range rs {
		s = append(s, fmt.Sprintf("%s@%d:%d", r.Path, r.Line, r.Column))
	}
	return strings.Join(s, " ")
}

// A file lists its slots by name, "" for the default one and "?" for a name given by
// {{ }}: the runtime decides from them where a component's children go.
func TestOutputListsSlots(t *testing.T) {
	out, errs := Compile("c/c.wxml", []byte(`<view><slot name="middle"/><view><slot/></view><slot name="{{n}}"/></view>`))
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	if got := strings.Join(out.Slots, ","); got != "middle,,?" {
		t.Fatalf("slots %q", got)
	}
}
