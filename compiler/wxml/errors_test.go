package wxml

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mpsim/mpsim/compiler/diag"
)

// Each case lists every diagnostic Compile must report, as "line:col: severity: message".
func TestCompileErrors(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
	}{
		{"operand missing before }}", "<view>{{ a + }}</view>", []string{
			`1:14: error: unexpected "}}" in expression: expected an operand`}},
		{"two errors in one file", "<view>\n  {{ a * }}\n  <text>{{ b c }}</text>\n</view>", []string{
			`2:10: error: unexpected "}}" in expression: expected an operand`,
			`3:14: error: unexpected "c" in expression: expected an operator or "}}"`}},
		{"error inside an attribute", `<view class="x {{ (a }}"/>`, []string{
			`1:22: error: unexpected "}}" in expression: expected ")"`}},
		{"unclosed tag points at the opener", "<view>\n  <text>hi\n</view>", []string{
			`3:1: error: closing tag </view> does not match <text> opened on line 2`}},
		{"unclosed at end of file", "<view>\n<text>", []string{
			`1:1: error: unclosed tag <view>: expected </view> before the end of the file`,
			`2:1: error: unclosed tag <text>: expected </text> before the end of the file`}},
		{"mismatched close names both", "<a>\n</b>\n</a>", []string{
			`2:1: error: closing tag </b> does not match <a> opened on line 1`}},
		{"stray close", "<a/></x>", []string{
			`1:5: error: unexpected closing tag </x>: no element is open`}},
		{"bad attribute syntax", `<view "x" a= b="1" c="2` + "\n>", []string{
			`1:1: error: unclosed tag <view>: expected ">" or "/>" before the end of the file`,
			`1:7: error: unexpected "\"" in <view>: expected an attribute name, ">" or "/>"`,
			`1:22: error: unterminated value of attribute "c": expected a closing "`}},
		{"missing value", `<view a=/>`, []string{
			`1:9: error: missing value for attribute "a" after "="`}},
		{"unfinished tag", `<view <text/>`, []string{
			`1:1: error: unclosed tag <view>: expected </view> before the end of the file`,
			`1:7: error: unfinished tag <view>: expected ">" or "/>" before "<"`}},
		{"unterminated comment", "<view/>\n<!-- open", []string{
			`2:1: error: unterminated comment: expected "-->"`}},
		{"unknown entity", "<view>&bogus; &amp;</view>", []string{
			`1:7: error: unknown or invalid character reference "&bogus;"`}},
		{"unterminated string", "<view>{{ 'abc }}</view>", []string{
			`1:10: error: unterminated string in expression: expected a closing ' on the same line`}},
		{"unclosed interpolation", "<view>{{ a </view>", []string{
			`1:7: error: unclosed "{{": expected "}}" to end the expression`}},
		{"object literal needs a key", "<view>{{ {a: 1, 2} }}</view>", []string{
			`1:18: error: unexpected "}" in expression: expected ":" after the property name`}},
		{"reserved word", "<view>{{ new A }}</view>", []string{
			`1:10: error: "new" is not allowed in a WXML expression`}},
		{"reserved word before a call", "<view>{{ new (A) }}</view>", []string{
			`1:10: error: "new" is not allowed in a WXML expression`}},
		{"void is an operator", "<view>{{ void }}</view>", []string{
			`1:10: error: "void" is not allowed in a WXML expression`}},
		{"delete before an operand", "<view>{{ delete a.b }}</view>", []string{
			`1:10: error: "delete" is not allowed in a WXML expression`}},
		{"octal", "<view>{{ 010 }}</view>", []string{
			`1:10: error: numbers cannot start with 0: legacy octal literals are not allowed`}},
		{"column counts characters", "<view>中文{{ 1 + }}</view>", []string{
			`1:16: error: unexpected "}}" in expression: expected an operand`}},
		{"BOM is not a column", "\uFEFF<view>{{ + }}</view>", []string{
			`1:12: error: unexpected "}}" in expression: expected an operand`}},
		{"elif without if", "<view/>\n<view wx:elif=\"{{a}}\"/>", []string{
			`2:7: error: wx:elif without a wx:if: it must follow an element with wx:if or wx:elif`}},
		{"else without if", "<view wx:else/>", []string{
			`1:7: error: wx:else without a wx:if: it must follow an element with wx:if or wx:elif`}},
		{"text breaks the chain", "<view wx:if=\"{{a}}\"/>text<view wx:else/>", []string{
			`1:32: error: wx:else without a wx:if: it must follow an element with wx:if or wx:elif`}},
		{"duplicate else", "<a wx:if=\"{{x}}\"/>\n<b wx:else/>\n<c wx:else/>", []string{
			`3:4: error: duplicate wx:else: this chain already has one`}},
		{"elif after else", "<a wx:if=\"{{x}}\"/><b wx:else/><c wx:elif=\"{{y}}\"/>", []string{
			`1:34: error: wx:elif after wx:else: the wx:else must come last`}},
		{"if and else together", "<a wx:if=\"{{x}}\" wx:else/>", []string{
			`1:18: error: wx:if and wx:else on the same element: use one of them`}},
		{"for problems", "<a wx:for=\"\" wx:for-item=\"{{x}}\" wx:for-index=\"1i\" wx:key=\"{{id}}\"/>\n<b wx:key=\"id\"/>", []string{
			`1:4: error: wx:for needs a list: write wx:for="{{list}}"`,
			`1:27: error: wx:for-item takes a plain name, not {{ }}: write wx:for-item="item"`,
			`1:48: error: wx:for-index "1i" is not a valid variable name`,
			`1:60: warning: wx:key takes a field name or *this, not {{ }}: the key is ignored; write wx:key="id" for item.id`,
			`2:4: error: wx:key without wx:for on the same element`}},
		{"same item and index", `<a wx:for="{{l}}" wx:for-item="x" wx:for-index="x"/>`, []string{
			`1:49: error: wx:for-item and wx:for-index are both "x": give them different names`}},
		{"template problems", "<template name=\"t\"/>\n<template name=\"t\"/>\n<template/>\n<template is=\"t\" data=\"x\"/>", []string{
			`2:17: error: duplicate template "t": it is already defined on line 1`,
			`3:2: error: <template> needs name="..." to define a template or is="..." to use one`,
			`4:24: error: template data is an object in {{ }}: write data="{{key: value}}" or data="{{...object}}"`}},
		{"src problems", "<import/>\n<include src=\"{{p}}\"/>\n<import src=\"../../x.wxml\"/>", []string{
			`1:2: error: <import> needs src="path"`,
			`2:15: error: include src is resolved when compiling: it takes a path, not {{ }}`,
			`3:14: error: src "../../x.wxml" points outside the mini-program`}},
		{"wxs problems", "<wxs/>\n<wxs module=\"a-b\"/>\n<wxs module=\"m\" src=\"a.wxs\"/><wxs module=\"m\" src=\"b.wxs\"/>", []string{
			`1:2: error: <wxs> needs module="name": the name its exports are used by`,
			`2:14: error: wxs module name "a-b" is not a valid name`,
			`3:43: error: duplicate wxs module "m"`}},
		{"generic takes a name", `<c generic:g="{{x}}"/>`, []string{
			`1:15: error: generic:g takes a component name, not {{ }}`}},
		{"event without name", `<view bind:="a" catchtap/>`, []string{
			`1:7: error: missing event name after "bind:"`,
			`1:17: error: catchtap needs a handler: write catchtap="methodName"`}},
		{"warnings only", `<view a="1" a="2">{{}}</view>`, []string{
			`1:13: warning: duplicate attribute "a": the first one, on line 1, is used`,
			`1:19: warning: empty expression {{ }}: it renders as an empty string`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, diags := Compile("page.wxml", []byte(c.src))
			js := out.JS
			if got := summarize(diags); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("diagnostics for %q\ngot:\n%s\nwant:\n%s", c.src, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if diags.HasErrors() != (js == "") {
				t.Errorf("js must be empty exactly when there are errors; got %d bytes with errors=%v", len(js), diags.HasErrors())
			}
			for _, d := range diags {
				if d.File != "page.wxml" || d.Frame == "" {
					t.Errorf("diagnostic without file or code frame: %+v", d)
				}
			}
		})
	}
}

// The message reads like a compiler's, with a frame whose caret is under the column.
func TestDiagnosticFrame(t *testing.T) {
	_, diags := Compile("page.wxml", []byte("<view>\n  <text>{{ a + }}</text>\n</view>"))
	if len(diags) != 1 {
		t.Fatalf("got %v", diags)
	}
	want := `page.wxml:2:16: error: unexpected "}}" in expression: expected an operand
  1 | <view>
> 2 |   <text>{{ a + }}</text>
    |                ^
  3 | </view>`
	if got := diags[0].Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func summarize(diags diag.List) []string {
	var out []string
	for _, d := range diags {
		out = append(out, fmt.Sprintf("%d:%d: %s: %s", d.Line, d.Column, d.Severity, d.Message))
	}
	return out
}
