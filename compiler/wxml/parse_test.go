package wxml

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseKeepsPositions(t *testing.T) {
	src := "<view class=\"a {{b}}\" hidden>\n  hi {{ x.y }}\n  <My-Tag_1 k='v'/>\n</view>"
	doc, diags := Parse("p.wxml", []byte(src))
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	if len(doc.Children) != 1 {
		t.Fatalf("want one root node, got %d", len(doc.Children))
	}
	view := doc.Children[0].(*Element)
	at := func(s Span) string { return src[s.Start:s.End] }
	if view.Tag != "view" || at(view.TagSpan) != "view" || at(view.Whole) != src {
		t.Errorf("view: tag %q at %q, whole %q", view.Tag, at(view.TagSpan), at(view.Whole))
	}
	class := view.Attr("class")
	if at(class.NameSpan) != "class" || at(class.ValueSpan) != "a {{b}}" || !class.HasValue {
		t.Errorf("class: name %q value %q", at(class.NameSpan), at(class.ValueSpan))
	}
	if parts := class.Value.Parts; len(parts) != 2 || parts[0].Text != "a " || at(parts[1].Whole) != "{{b}}" {
		t.Errorf("class parts: %+v", parts)
	}
	if id := class.Value.Parts[1].Expr.(*Ident); id.Name != "b" || src[id.At] != 'b' {
		t.Errorf("class expression: %+v", id)
	}
	if hidden := view.Attr("hidden"); hidden.HasValue || at(hidden.NameSpan) != "hidden" {
		t.Errorf("hidden: %+v", hidden)
	}
	if len(view.Children) != 2 {
		t.Fatalf("the blank text before </view> must be dropped, got %d children", len(view.Children))
	}
	text := view.Children[0].(*Text)
	if at(text.Whole) != "\n  hi {{ x.y }}\n  " {
		t.Errorf("text: %q", at(text.Whole))
	}
	member := text.Value.Parts[1].Expr.(*Member)
	if member.Name != "y" || src[member.Pos()] != 'x' {
		t.Errorf("member: %+v", member)
	}
	tag := view.Children[1].(*Element)
	if tag.Tag != "My-Tag_1" || !tag.SelfClosing || at(tag.Whole) != "<My-Tag_1 k='v'/>" || tag.Attr("k").Value.Static() != "v" {
		t.Errorf("self-closing tag: %+v", tag)
	}
}

func TestParseValues(t *testing.T) {
	doc, diags := Parse("p.wxml", []byte(`<a x="{{n}}" y=" {{n}}" z="&lt;{{'"'}}&gt;" w=bare u="{{a ? "p" : 'q'}}"/>`))
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	a := doc.Children[0].(*Element)
	if a.Attr("x").Value.Single() == nil {
		t.Error(`x="{{n}}" is a single expression`)
	}
	if a.Attr("y").Value.Single() != nil {
		t.Error(`y=" {{n}}" is a string, not a single expression`)
	}
	z := a.Attr("z").Value.Parts
	if len(z) != 3 || z[0].Text != "<" || z[1].Expr.(*String).Value != `"` || z[2].Text != ">" {
		t.Errorf("z: %+v", z)
	}
	if w := a.Attr("w").Value; !w.IsStatic() || w.Static() != "bare" {
		t.Errorf("w: %+v", w)
	}
	if _, ok := a.Attr("u").Value.Single().(*Cond); !ok {
		t.Errorf(`u: quotes inside {{ }} do not end the attribute: %+v`, a.Attr("u").Value)
	}
}

func TestParseWXSBodyIsRaw(t *testing.T) {
	src := "<wxs module=\"m\">var s = '<view>{{x}}</view>'; // </wx\n</wxs><view/>"
	doc, diags := Parse("p.wxml", []byte(src))
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	wxs := doc.Children[0].(*Element)
	body := wxs.Children[0].(*Text)
	if !body.Raw || body.Value.Static() != "var s = '<view>{{x}}</view>'; // </wx\n" || len(wxs.Children) != 1 {
		t.Errorf("wxs body: %+v", wxs.Children)
	}
	if len(doc.Children) != 2 {
		t.Errorf("the element after </wxs> is a sibling: %+v", doc.Children)
	}
}

func TestParseEntitiesAndBOM(t *testing.T) {
	doc, diags := Parse("p.wxml", []byte("\uFEFF<a t=\"&quot;&#x1F600;\">&amp;&nbsp;&#123;&#x1F;&AMP;&hellip;</a>"))
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	if len(doc.Children) != 1 {
		t.Fatalf("the BOM must not become text: %+v", doc.Children)
	}
	a := doc.Children[0].(*Element)
	if got := a.Attr("t").Value.Static(); got != "\"😀" {
		t.Errorf("attribute: %q", got)
	}
	if got := a.Children[0].(*Text).Value.Static(); got != "&\u00a0{\x1f&…" {
		t.Errorf("text: %q", got)
	}
}

// Expressions print as glass-easel's compiler prints them: data through D, paths
// guarded by X, calls by P, parentheses only where needed.
func TestExpressionJS(t *testing.T) {
	cases := map[string]string{
		"a":                                 "D.a",
		"a.b[0].c":                          "X(X(X(D.a).b)[0]).c",
		"a[b]":                              "X(D.a)[D.b]",
		"f(x, 1)":                           "P(D.f)(D.x, 1)",
		"a.f(1)(2)":                         "P(P(X(D.a).f)(1))(2)",
		"[1, 'x', [a]]":                     `[1, "x", [D.a]]`,
		"!a && -b || +c":                    "!D.a && -D.b || +D.c",
		"- -a":                              "- -D.a",
		"typeof a === 'string'":             `typeof D.a === "string"`,
		"a - (b - c)":                       "D.a - (D.b - D.c)",
		"(a - b) - c":                       "D.a - D.b - D.c",
		"(a + b) * c":                       "(D.a + D.b) * D.c",
		"a ? b : c ? d : e":                 "D.a ? D.b : D.c ? D.d : D.e",
		"(a ? b : c) ? d : e":               "(D.a ? D.b : D.c) ? D.d : D.e",
		"a ?? b || c":                       "D.a ?? (D.b || D.c)",
		"(a ?? b) || c":                     "(D.a ?? D.b) || D.c",
		"a?.5:1":                            "D.a ? 0.5 : 1",
		"1.5e3 + 0x1F + .25":                "1500 + 31 + 0.25",
		"1e21":                              "1e+21",
		"null + undefined + true":           "null + undefined + true",
		`"\u00e9\x41\n\uD83D\uDE00" + '</'`: `"éA\n😀" + "<\/"`,
		"名前 + $x + _y":                      `D["名前"] + D.$x + D._y`,
		"a.class":                           "X(D.a).class",
		"a | b & c ^ d << 1":                "D.a | D.b & D.c ^ D.d << 1",
	}
	for src, want := range cases {
		expr, err := parseExpr([]byte(src), 0, len(src))
		if err != nil {
			t.Errorf("%s: %s at %d", src, err.msg, err.at)
			continue
		}
		if got := exprJS(expr, &scope{dataLvalue: true}, precLowest); got != want {
			t.Errorf("%s\n got %s\nwant %s", src, got, want)
		}
	}
}

// ?? follows JavaScript (only null and undefined fall through). glass-easel 0.12.1's
// compiler prints a ?? b as a ? a : b, which treats 0, "" and false as missing too.
func TestNullishCoalescingIsJavaScript(t *testing.T) {
	out, diags := Compile("p.wxml", []byte("<view>{{ zero ?? 1 }}</view>"))
	js := out.JS
	if diags.HasErrors() || !strings.Contains(js, "Y(D.zero ?? 1)") {
		t.Errorf("got %v\n%s", diags, js)
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(goldenDir, "*.wxml"))
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src)
		}
	}
	for _, s := range []string{
		"", "<", "</", "<a", "<a b", "<a b=", `<a b="`, "{{", "{{a", "{{'", "}}", "<!--", "&", "&#", "&#x;",
		"<wxs>", "<a>{{ a ? b : }}</a>", "<a b='{{\"}}\"}}'>", "{{ [1, 2, }}", "{{ f(a, }}", "\uFEFF", "\xff\xfe",
		"{{ \"\\u{110000}\" }}", "{{ '\\uD83D\\u' }}", "{{ 1e }}", "{{ 0x }}", "<a></A>", "{{a}}{{b}}</a></b>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, diags := Parse("fuzz.wxml", src)
		if doc == nil {
			t.Fatal("Parse returned no document")
		}
		checkSpans(t, doc.Children, len(src))
		out, diags := Compile("fuzz.wxml", src)
		js := out.JS
		for _, d := range diags {
			if d.Line < 1 || d.Column < 1 || d.Message == "" {
				t.Fatalf("bad diagnostic %+v", d)
			}
		}
		if !diags.HasErrors() && !strings.HasPrefix(js, "(() => {") {
			t.Fatalf("no errors but no JavaScript: %q", js)
		}
	})
}

func checkSpans(t *testing.T, nodes []Node, size int) {
	for _, n := range nodes {
		s := n.Span()
		if s.Start < 0 || s.End > size || s.Start > s.End {
			t.Fatalf("span %+v out of a %d-byte file", s, size)
		}
		if e, ok := n.(*Element); ok {
			for _, a := range e.Attrs {
				if a.NameSpan.End > size || a.ValueSpan.End > size {
					t.Fatalf("attribute %q out of the file", a.Name)
				}
			}
			checkSpans(t, e.Children, size)
		}
	}
}

// FuzzExpr feeds the expression parser and printer directly: whatever it accepts must
// print, with its update tree, without panicking.
func FuzzExpr(f *testing.F) {
	for _, s := range []string{
		"a", "a.b[c](d)", "{a: 1, b, ...c}", "a, b: 1", "...o", "[1, , 2]", "a ? b : c ? d : e",
		"!a + -b * 2 - typeof c", "m.f(a)['x']", "a ?? b || c", "{ 'k': [ {x}, ] }", "((a))", "'\\u{1F600}'",
		"a[", "{", "{...}", "a:", "1.5e3", "0x1F",
	} {
		f.Add(s)
	}
	sc := &scope{vars: map[string]binding{"m": {value: "wxs_m()"}}, dataLvalue: true}
	item := sc.child(map[string]binding{"item": {value: "x1", tree: "xu1", lvalue: lvalue{ok: true, base: "lv1"}}})
	f.Fuzz(func(t *testing.T, src string) {
		b := []byte(src)
		expr, err := parseExpr(b, 0, len(b))
		if err != nil {
			if err.at < 0 || err.at > len(b) || err.msg == "" {
				t.Fatalf("bad error %+v for %q", err, src)
			}
			return
		}
		for _, s := range []*scope{sc, item} {
			if exprJS(expr, s, precLowest) == "" {
				t.Fatalf("%q printed as nothing", src)
			}
			treeJS(expr, s)
			changedJS(expr, s)
			lvalueOf(expr, s).js()
			dataRoots(expr, s, map[string]bool{})
		}
	})
}
