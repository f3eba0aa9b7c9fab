package wxml

import (
	"fmt"
	"strings"
)

// The generator prints a Document as a glass-easel 0.12.1 ProcGenGroup. The shape of
// what it prints, for <view class="a">{{b}}</view>:
//
//	H[""] = (R, C, D, U) => {
//	  const children = (C, T, E, B, F, S, J) => {
//	    E("view", {}, (N, C) => {
//	      if (C) R.c(N, "a");
//	    }, (C, T, E, B, F, S, J) => {
//	      T(Y(D.b));
//	    });
//	  };
//	  return { C: children, B: {} };
//	};
//
// glass-easel calls children with C=true to create the nodes, and again with C=false on
// every update: E and T then walk the existing nodes in the same order, calling each
// element's init (N, C) again and setting each text (handleChildrenCreation and
// handleChildrenUpdate in proc_gen_wrapper.ts). So this first slice re-renders fully:
// dynamic values are set on every call, static ones only when C. The empty binding map
// B makes glass-easel take that path for every update. Later slices add B (wx:if), F
// (wx:for), S (slots), J (blocks) as more cases of nodes(), and change tracking with U.

type generator struct {
	rep *reporter
	w   writer
}

func generate(doc *Document, rep *reporter) string {
	g := &generator{rep: rep}
	g.w.open("(() => {")
	for _, h := range runtimeHelpers {
		g.w.line(h)
	}
	g.w.line("const H = {};")
	g.template("", doc.Children)
	g.w.line("return Object.assign((name) => H[name], { _: H });")
	g.w.close("})()")
	return g.w.String()
}

// template prints one ProcGen, H[name] = (R, C, D, U) => ({ C: children, B: bindingMap }).
func (g *generator) template(name string, nodes []Node) {
	g.w.open(fmt.Sprintf("H[%s] = (R, C, D, U) => {", jsString(name)))
	g.w.open("const children = (C, T, E, B, F, S, J) => {")
	g.nodes(nodes, dataScope)
	g.w.close("};")
	g.w.line("return { C: children, B: {} };")
	g.w.close("};")
}

// nodes prints the body of a children callback.
func (g *generator) nodes(nodes []Node, sc *scope) {
	for _, n := range nodes {
		switch n := n.(type) {
		case *Text:
			if !n.Raw {
				g.w.line("T(" + stringJS(n.Value, sc) + ");")
			}
		case *Element:
			g.element(n, sc)
		}
	}
}

// tagsNotYetSupported are WXML's special tags, which a later slice compiles.
var tagsNotYetSupported = map[string]bool{
	"block": true, "template": true, "import": true, "include": true, "slot": true, "wxs": true,
}

func (g *generator) element(e *Element, sc *scope) {
	if tagsNotYetSupported[e.Tag] {
		g.rep.errorf(e.TagSpan.Start, "<%s> is not supported yet", e.Tag)
	}
	g.w.open(fmt.Sprintf("E(%s, {}, (N, C) => {", jsString(e.Tag)))
	for i, a := range e.Attrs {
		if e.Attr(a.Name) != e.Attrs[i] {
			continue // a duplicate: the parser warned, the first one wins
		}
		g.attribute(a, sc)
	}
	g.w.reopen("}, (C, T, E, B, F, S, J) => {")
	g.nodes(e.Children, sc)
	g.w.close("});")
}

// directivesNotYetSupported are attribute prefixes that a later slice compiles.
var directivesNotYetSupported = map[string]bool{
	"wx": true, "model": true, "mark": true, "slot": true, "generic": true,
	"change": true, "worklet": true, "let": true,
}

// attribute prints the statement that sets one attribute inside an element's init.
func (g *generator) attribute(a *Attribute, sc *scope) {
	name := a.Name
	if ev, isEvent, err := parseEventName(name); err != "" {
		g.rep.errorf(a.NameSpan.Start, "%s", err)
		return
	} else if isEvent {
		g.event(a, ev, sc)
		return
	}
	if prefix, _, ok := strings.Cut(name, ":"); ok {
		if directivesNotYetSupported[prefix] {
			g.rep.errorf(a.NameSpan.Start, "%s is not supported yet", name)
		} else {
			g.rep.warnf(a.NameSpan.Start, "unknown attribute prefix %q in %q: the attribute is ignored", prefix+":", name)
		}
		return
	}
	switch {
	case name == "slot":
		g.rep.errorf(a.NameSpan.Start, "the slot attribute is not supported yet")
	case name == "class":
		g.set(a, sc, `""`, "R.c(N, %s)")
	case name == "style":
		g.set(a, sc, `""`, "R.y(N, %s)")
	case name == "id":
		g.set(a, sc, `""`, "R.i(N, %s)")
	case strings.HasPrefix(name, "data-"):
		g.set(a, sc, "true", "R.d(N, "+jsString(datasetKey(name))+", %s)")
	default:
		// A property of a component, or an attribute of a native node.
		g.set(a, sc, "true", "R.r(N, "+jsString(name)+", %s)")
	}
}

// set prints call (a format with one %s for the value): once on creation when the
// value is static, on every render when it has {{ }}. bare is the value of an
// attribute written without "=".
func (g *generator) set(a *Attribute, sc *scope, bare, call string) {
	value, static := bare, true
	if a.HasValue {
		value, static = attrJS(a.Value, sc)
	}
	if static {
		g.w.line("if (C) " + fmt.Sprintf(call, value) + ";")
	} else {
		g.w.line(fmt.Sprintf(call, value) + ";")
	}
}

// event prints R.v(N, name, handler, final, mutated, capture, isDynamic). A handler
// named statically is bound once; one given by {{ }} is re-bound on every render with
// isDynamic, which makes glass-easel drop the previous one.
func (g *generator) event(a *Attribute, ev eventBinding, sc *scope) {
	if !a.HasValue {
		g.rep.errorf(a.NameSpan.Start, "%s needs a handler: write %s=\"methodName\"", a.Name, a.Name)
		return
	}
	handler, static := attrJS(a.Value, sc)
	call := fmt.Sprintf("R.v(N, %s, %s, %t, %t, %t, %t);", jsString(ev.name), handler, ev.final, ev.mutated, ev.capture, !static)
	if static {
		call = "if (C) " + call
	}
	g.w.line(call)
}

type eventBinding struct {
	name                    string
	final, mutated, capture bool
}

// eventPrefixes, longest first: "capture-catch:tap" is not "catch".
var eventPrefixes = []struct {
	prefix                  string
	final, mutated, capture bool
}{
	{"capture-catch", true, false, true},
	{"capture-bind", false, false, true},
	{"mut-bind", false, true, false},
	{"catch", true, false, false},
	{"bind", false, false, false},
}

// parseEventName recognizes bindtap, bind:tap, catchtap, catch:tap, capture-bind:tap,
// capture-catch:tap and mut-bind:tap. The event name is kept as written:
// bind:my-event listens to "my-event".
func parseEventName(attr string) (ev eventBinding, ok bool, err string) {
	for _, p := range eventPrefixes {
		rest, found := strings.CutPrefix(attr, p.prefix)
		if !found {
			continue
		}
		rest, colon := strings.CutPrefix(rest, ":")
		if rest == "" {
			if colon {
				return ev, false, fmt.Sprintf("missing event name after %q", attr)
			}
			return ev, false, "" // a plain attribute named "bind" or "catch"
		}
		return eventBinding{name: rest, final: p.final, mutated: p.mutated, capture: p.capture}, true, ""
	}
	return ev, false, ""
}

// datasetKey turns data-foo-bar into fooBar, as the DOM's dataset does: the name is
// lowercased first, so data-Foo-BAR is fooBar too.
func datasetKey(attr string) string {
	name := strings.ToLower(strings.TrimPrefix(attr, "data-"))
	var b strings.Builder
	upper := false
	for _, r := range name {
		switch {
		case r == '-':
			upper = true
		case upper:
			b.WriteString(strings.ToUpper(string(r)))
			upper = false
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// attrJS prints an attribute value: a string when static, the expression's own value
// for exactly one {{expr}} (so count="{{1}}" is a number), else a string concatenation.
func attrJS(v Value, sc *scope) (js string, static bool) {
	if v.IsStatic() {
		return jsString(v.Static()), true
	}
	if x := v.Single(); x != nil {
		return exprJS(x, sc, precCond), false
	}
	return stringJS(v, sc), false
}

// stringJS prints a value as a string: "a " + Y(D.b) + " c".
func stringJS(v Value, sc *scope) string {
	var pieces []string
	text := "" // static text waiting to be joined with what follows
	for _, p := range v.Parts {
		if !p.Interp {
			text += p.Text
			continue
		}
		if p.Expr == nil {
			continue // an empty or broken {{ }}, already reported
		}
		if text != "" {
			pieces = append(pieces, jsString(text))
			text = ""
		}
		pieces = append(pieces, "Y("+exprJS(p.Expr, sc, precLowest)+")")
	}
	if text != "" || len(pieces) == 0 {
		pieces = append(pieces, jsString(text))
	}
	return strings.Join(pieces, " + ")
}

// writer collects indented lines. An empty block is joined onto the line that opened
// it, so an element without attributes prints as (N, C) => {}.
type writer struct {
	lines  []string
	depth  int
	opened []int // the line that opened each block
}

func (w *writer) line(s string) {
	w.lines = append(w.lines, strings.Repeat("  ", w.depth)+s)
}

func (w *writer) open(s string) {
	w.line(s)
	w.opened = append(w.opened, len(w.lines)-1)
	w.depth++
}

// close ends the innermost block with s, which starts with "}".
func (w *writer) close(s string) {
	w.depth--
	at := w.opened[len(w.opened)-1]
	w.opened = w.opened[:len(w.opened)-1]
	if at == len(w.lines)-1 {
		w.lines[at] += s
		return
	}
	w.line(s)
}

// reopen ends a block and starts the next on the same line: "}, () => {".
func (w *writer) reopen(s string) {
	w.close(s)
	w.opened = append(w.opened, len(w.lines)-1)
	w.depth++
}

func (w *writer) String() string {
	return strings.Join(w.lines, "\n")
}
