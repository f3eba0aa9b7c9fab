package wxml

import (
	"fmt"
	"slices"
	"strings"
)

// The generator prints the lowered tree as a glass-easel 0.12.1 ProcGenGroup. For
// <view class="a {{b}}">{{c}}</view> the main template reads:
//
//	H[""] = (R, C, D, U) => {
//	  const K = U === true;
//	  const A = {};
//	  const children = (C, T, E, B, F, S, J) => {
//	    E("view", {}, (N, C) => {
//	      if (C || K || U.b) R.c(N, "a " + Y(D.b));
//	    }, (C, T, E, B, F, S, J) => {
//	      T(C || K || U.c ? Y(D.c) : undefined);
//	    });
//	  };
//	  return { C: children, B: A };
//	};
//
// glass-easel calls children with C=true to create the nodes, and with C=false on each
// update, walking the existing nodes in the same order. U is the update tree of the data
// (which fields changed; true for all), so each dynamic setter runs only when what it
// reads changed, as with the reference compiler: a component's property is set, and its
// observers fire, only when its binding changed. B(key, f) is an if-group (re-created
// when key changes), F a keyed wx:for, S a slot, J a virtual node (block, include).
//
// A is the binding map: for a data field that is only used in plain text and attributes
// outside if/for/template/include, the setters that read it. When one such field
// changes alone, glass-easel runs those instead of the whole template.

type generator struct {
	rep  *reporter
	w    writer
	low  *lowered
	file string
	// names counts the local variables of the current ProcGen, for unique names.
	names int
	// bindable are the fields the binding map covers in the current ProcGen; nil when it
	// has no binding map.
	bindable map[string]bool
	usedBind bool
	// inline are the compiled inline <wxs module>s by module filename.
	inline map[string]string
	// usedWxsFn is set when the current ProcGen may call a WXS function itself: an event
	// handler given by {{ }} or a change: observer.
	usedWxsFn bool
	// usedEvent is set when the current ProcGen binds an event handler.
	usedEvent bool
}

func generate(file string, low *lowered, rep *reporter) (js string, inlineWXS map[string]string) {
	g := &generator{rep: rep, low: low, file: file}
	g.w.open("(() => {")
	for _, h := range runtimeHelpers {
		g.w.line(h)
	}
	g.w.line("const H = {};")
	g.templateLookup()
	root := &scope{vars: map[string]binding{}, dataLvalue: true}
	for _, m := range low.wxs {
		g.wxsModule(m)
		root.vars[m.name] = binding{value: wxsVar(m.name) + "()"}
	}
	named := root.child(nil)
	named.dataLvalue = false
	for _, t := range low.templates {
		g.procGen(t.name, t.body, named, nil)
	}
	g.procGen("", low.main, root, bindableFields(low, root))
	g.w.line("return Object.assign((name) => H[name], { _: H });")
	g.w.close("})()")
	return g.w.String(), g.inline
}

// templateLookup prints I, which finds a template by name for <template is>: the file's
// own first, then those of the files it imports (later imports win), read from G when
// first used since the imported files may be compiled after this one.
func (g *generator) templateLookup() {
	sources := []string{"{}"}
	for _, imp := range g.low.imports {
		sources = append(sources, "(G["+jsString(imp.Path)+"] || {})._")
	}
	sources = append(sources, "H")
	g.w.line("let templates;")
	g.w.line("const I = (name) => (templates || (templates = Object.assign(" + strings.Join(sources, ", ") + ")))[name];")
}

func wxsVar(name string) string { return "wxs_" + name }

// wxsModule defines the loader of one <wxs module>: D registers an inline body, W holds
// the loaders of .wxs files.
func (g *generator) wxsModule(m *wxsModule) {
	if m.src != "" {
		g.w.line(fmt.Sprintf("const %s = () => W[%s]();", wxsVar(m.name), jsString(m.src)))
		return
	}
	line, col := g.rep.position(m.body.Whole.Start)
	js, errs := compileWXS(m.filename, []byte(m.body.Value.Static()), line, col)
	for _, d := range errs {
		d.File = g.rep.file
		g.rep.diags = append(g.rep.diags, d.WithFrame(g.rep.body))
	}
	g.w.line(fmt.Sprintf("const %s = D(%s, %s);", wxsVar(m.name), jsString(m.filename), js))
	if g.inline == nil {
		g.inline = map[string]string{}
	}
	g.inline[m.filename] = js
}

// procGen prints H[name] = (R, C, D, U) => ({ C: children, B: bindingMap }).
func (g *generator) procGen(name string, body []tnode, sc *scope, bindable map[string]bool) {
	g.names, g.bindable, g.usedBind, g.usedWxsFn, g.usedEvent = 0, bindable, false, false, false
	g.w.open(fmt.Sprintf("H[%s] = (R, C, D, U) => {", jsString(name)))
	g.w.line("const K = U === true;")
	g.w.line("const A = {};")
	bindAt := len(g.w.lines)
	g.w.open("const children = (C, T, E, B, F, S, J) => {")
	g.nodes(body, sc, true)
	g.w.close("};")
	if g.usedBind {
		g.w.insert(bindAt, "const bind = (fields, update) => fields.forEach((f) => (A[f] || (A[f] = [])).push(update));")
	}
	switch {
	case g.usedWxsFn:
		// As the base library does through glass-easel's hooks, the runtime gives WXS
		// functions called by the template their ComponentDescriptor arguments...
		g.w.insert(bindAt, `if (typeof __mpsim !== "undefined" && __mpsim.wxsHooks) { R.setFnFilter(__mpsim.wxsHooks.changeProp); R.setEventListenerWrapper(__mpsim.wxsHooks.event); }`)
	case g.usedEvent:
		// ... and every handler a phone's event object rather than glass-easel's.
		g.w.insert(bindAt, `if (typeof __mpsim !== "undefined" && __mpsim.wxsHooks) R.setEventListenerWrapper(__mpsim.wxsHooks.event);`)
	}
	g.w.line("return { C: children, B: A };")
	g.w.close("};")
}

func (g *generator) fresh(prefix string) string {
	g.names++
	return fmt.Sprintf("%s%d", prefix, g.names)
}

// nodes prints the body of a children callback. top is true where a node exists for
// the whole life of the template (not under if, for or a template): only there does
// the binding map apply.
func (g *generator) nodes(nodes []tnode, sc *scope, top bool) {
	for _, n := range nodes {
		switch n := n.(type) {
		case *tText:
			g.text(n, sc, top)
		case *tElement:
			g.element(n, sc, top)
		case *tBlock:
			g.w.open("J((C, T, E, B, F, S, J) => {")
			g.nodes(n.children, sc, false)
			g.w.close("}" + g.slotArg(n.slot, sc) + ");")
		case *tIf:
			g.ifGroup(n, sc)
		case *tFor:
			g.forLoop(n, sc)
		case *tCall:
			g.templateCall(n, sc)
		case *tInclude:
			g.w.open("J((C, T, E, B, F, S, J) => {")
			g.w.line("const included = G[" + jsString(n.target) + "];")
			g.w.line("if (included) included(\"\")(R, C, D, U).C(C, T, E, B, F, S, J);")
			g.w.close("});")
		case *tSlot:
			g.slot(n, sc)
		}
	}
}

func (g *generator) text(t *tText, sc *scope, top bool) {
	v := t.text.Value
	if v.IsStatic() {
		g.w.line("T(C ? " + jsString(v.Static()) + " : undefined);")
		return
	}
	value, changed := stringJS(v, sc), valueChanged(v, sc)
	init := ""
	if fields := g.bindFields(v, sc, top); fields != "" {
		init = ", (N) => bind(" + fields + ", (D, E, T) => T(N, " + value + "))"
	}
	g.w.line("T(" + guard(changed) + " ? " + value + " : undefined" + init + ");")
}

// guard is the condition for running a setter: on creation, when everything changed
// (K), or when what it reads changed.
func guard(changed string) string {
	if changed == "" {
		return "C || K"
	}
	return "C || K || " + changed
}

func (g *generator) element(t *tElement, sc *scope, top bool) {
	generics := make([]string, len(t.generics))
	for i, a := range t.generics {
		generics[i] = jsString(strings.TrimPrefix(a.Name, "generic:")) + ": " + jsString(a.Value.Static())
	}
	g.w.open(fmt.Sprintf("E(%s, {%s}, (N, C) => {", jsString(t.el.Tag), strings.Join(generics, ", ")))
	// change:prop observers are registered before the properties they watch are set, so
	// that they see the first value, as on the phone.
	attrs := slices.Clone(t.attrs)
	slices.SortStableFunc(attrs, func(a, b *Attribute) int {
		return boolRank(strings.HasPrefix(b.Name, "change:")) - boolRank(strings.HasPrefix(a.Name, "change:"))
	})
	for _, a := range attrs {
		g.attribute(a, sc, top)
	}
	g.w.reopen("}, (C, T, E, B, F, S, J) => {")
	g.nodes(t.children, sc, top)
	g.w.close("}" + g.slotArg(t.slot, sc) + ");")
}

// slotArg is the trailing slot argument of E and J: which slot of the parent component
// the node goes to.
func (g *generator) slotArg(a *Attribute, sc *scope) string {
	if a == nil {
		return ""
	}
	if !a.HasValue {
		return `, ""`
	}
	v, _ := attrJS(a.Value, sc)
	return ", " + v
}

// attribute prints the statement that sets one attribute inside an element's init.
func (g *generator) attribute(a *Attribute, sc *scope, top bool) {
	name := a.Name
	if ev, isEvent, err := parseEventName(name); err != "" {
		g.rep.errorf(a.NameSpan.Start, "%s", err)
		return
	} else if isEvent {
		g.event(a, ev, sc)
		return
	}
	prefix, rest, hasPrefix := strings.Cut(name, ":")
	switch {
	case hasPrefix && prefix == "model":
		lv := "null"
		if x := a.Value.Single(); x != nil {
			lv = lvalueOf(x, sc).modelJS()
		}
		if lv == "null" && a.HasValue {
			g.rep.warnf(a.ValueSpan.Start, "%s needs a data path like {{value}} or {{form.name}} to write back to: it is a one-way binding here", name)
		}
		g.set(a, sc, top, "R.r(N, "+jsString(rest)+", %s, "+lv+")")
	case hasPrefix && prefix == "mark":
		g.set(a, sc, top, "R.m(N, "+jsString(rest)+", %s)")
	case hasPrefix && prefix == "change":
		g.usedWxsFn = true
		g.set(a, sc, top, "O(R, N, "+jsString(rest)+", %s)")
	case hasPrefix && (prefix == "let" || prefix == "slot" || prefix == "worklet"):
		g.rep.warnf(a.NameSpan.Start, "%s is not supported: the attribute is ignored", name)
	case hasPrefix && prefix == "data":
		g.set(a, sc, top, "M(R, N, "+jsString(datasetKey("data-"+rest))+", %s)")
	case hasPrefix:
		g.rep.warnf(a.NameSpan.Start, "unknown attribute prefix %q in %q: the attribute is ignored", prefix+":", name)
	case name == "class":
		g.set(a, sc, top, "R.c(N, %s)")
	case name == "style":
		g.set(a, sc, top, "R.y(N, %s)")
	case name == "id":
		g.set(a, sc, top, "R.i(N, %s)")
	case strings.HasPrefix(name, "data-"):
		g.set(a, sc, top, "M(R, N, "+jsString(datasetKey(name))+", %s)")
	default:
		// A property of a component, or an attribute of a native node. An update goes
		// through L, which passes a component the value only when it differs from what
		// this binding passed last (see runtimeHelpers).
		g.setWith(a, sc, top, "R.r(N, "+jsString(name)+", %s)", "L(R, N, "+jsString(name)+", %s)")
	}
}

// set prints call (a format with one %s for the value): once on creation when the
// value is static, else whenever what it reads changed.
func (g *generator) set(a *Attribute, sc *scope, top bool, call string) {
	g.setWith(a, sc, top, call, call)
}

// setWith is set with one call for a static value and another for a value that changes.
func (g *generator) setWith(a *Attribute, sc *scope, top bool, call, dynCall string) {
	if !a.HasValue || a.Value.IsStatic() {
		value := "true" // a bare attribute: `disabled`
		if a.HasValue {
			value = jsString(a.Value.Static())
		}
		g.w.line("if (C) " + fmt.Sprintf(call, value) + ";")
		return
	}
	value, _ := attrJS(a.Value, sc)
	stmt := fmt.Sprintf(dynCall, value)
	g.w.line("if (" + guard(valueChanged(a.Value, sc)) + ") " + stmt + ";")
	if fields := g.bindFields(a.Value, sc, top); fields != "" {
		g.w.line("if (C) bind(" + fields + ", (D, E) => { " + stmt + "; E(N); });")
	}
}

// bindFields is the JavaScript list of binding-map fields v should update, or "".
func (g *generator) bindFields(v Value, sc *scope, top bool) string {
	if !top || g.bindable == nil {
		return ""
	}
	roots := map[string]bool{}
	for _, p := range v.Parts {
		if p.Expr != nil {
			dataRoots(p.Expr, sc, roots)
		}
	}
	var fields []string
	for f := range roots {
		if g.bindable[f] {
			fields = append(fields, jsString(f))
		}
	}
	if len(fields) == 0 {
		return ""
	}
	slices.Sort(fields)
	g.usedBind = true
	return "[" + strings.Join(fields, ", ") + "]"
}

// event prints R.v(N, name, handler, final, mutated, capture, isDynamic) for a handler
// named statically, bound once. A handler given by {{ }} goes through V, re-bound when it
// changes: V hands a WXS function to the page layer, anything else to R.v with isDynamic,
// which makes glass-easel drop the previous one.
func (g *generator) event(a *Attribute, ev eventBinding, sc *scope) {
	if !a.HasValue {
		g.rep.errorf(a.NameSpan.Start, "%s needs a handler: write %s=\"methodName\"", a.Name, a.Name)
		return
	}
	g.usedEvent = true
	handler, static := attrJS(a.Value, sc)
	if static {
		g.w.line(fmt.Sprintf("if (C) R.v(N, %s, %s, %t, %t, %t, false);", jsString(ev.name), handler, ev.final, ev.mutated, ev.capture))
		return
	}
	g.usedWxsFn = true
	call := fmt.Sprintf("V(R, N, %s, %s, %t, %t, %t);", jsString(ev.name), handler, ev.final, ev.mutated, ev.capture)
	g.w.line("if (" + guard(valueChanged(a.Value, sc)) + ") " + call)
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ifGroup prints a wx:if chain: the branch key is the number of the branch taken (0 for
// none, or for wx:else), and B re-creates the content when it changes.
func (g *generator) ifGroup(n *tIf, sc *scope) {
	key := g.fresh("b")
	var test strings.Builder
	for i, br := range n.branches {
		if br.cond == nil {
			break
		}
		cond := "true"
		if br.cond.HasValue {
			cond, _ = attrJS(br.cond.Value, sc)
		}
		fmt.Fprintf(&test, "%s ? %d : ", parenCond(cond), i+1)
	}
	test.WriteString("0")
	g.w.line(fmt.Sprintf("const %s = %s;", key, test.String()))
	g.w.open(fmt.Sprintf("B(%s, (C, T, E, B, F, S, J) => {", key))
	for i, br := range n.branches {
		switch {
		case br.cond == nil:
			g.w.reopen("} else {")
		case i == 0:
			g.w.open(fmt.Sprintf("if (%s === %d) {", key, i+1))
		default:
			g.w.reopen(fmt.Sprintf("} else if (%s === %d) {", key, i+1))
		}
		g.nodes(br.body, sc, false)
	}
	g.w.close("}")
	g.w.close("});")
}

// parenCond wraps a condition that contains a ternary or a logical operator, so that
// chaining it in a ?: reads unambiguously.
func parenCond(js string) string {
	if strings.ContainsAny(js, "?|&,") {
		return "(" + js + ")"
	}
	return js
}

// forLoop prints F(list, key, listUpdateTree, listPath, itemCallback). The item
// callback receives the item and index with their own update trees, which the item's
// bindings read instead of U.
func (g *generator) forLoop(n *tFor, sc *scope) {
	list, tree, path := `""`, "", lvalue{}
	if n.list.HasValue {
		list, _ = attrJS(n.list.Value, sc)
		if x := n.list.Value.Single(); x != nil {
			tree, path = treeJS(x, sc), lvalueOf(x, sc)
		} else {
			tree = valueChanged(n.list.Value, sc)
			if tree != "" {
				tree = "(" + tree + " ? true : undefined)"
			}
		}
	}
	key := "null"
	if n.key != "" {
		key = jsString(n.key)
	}
	id := g.fresh("")
	item, index, itemTree, indexTree, itemPath := "x"+id, "i"+id, "xu"+id, "iu"+id, "lv"+id
	inner := sc.child(map[string]binding{
		n.item:  {value: item, tree: itemTree, lvalue: lvalue{ok: true, base: itemPath}},
		n.index: {value: index, tree: indexTree},
	})
	if tree != "" {
		tree = "U ? " + tree + " : undefined" // no tree on creation
	}
	g.w.open(fmt.Sprintf("F(%s, %s, %s, %s, (C, %s, %s, %s, %s, %s, T, E, B, F, S, J) => {",
		list, key, or(tree, "undefined"), path.js(), item, index, itemTree, indexTree, itemPath))
	g.nodes(n.body, inner, false)
	g.w.close("});")
}

// templateCall prints <template is>: an if-group keyed by the template name, so that a
// new name re-creates the content, running the template found by I with its data and
// the data's update tree.
func (g *generator) templateCall(n *tCall, sc *scope) {
	name := g.fresh("t")
	is, _ := attrJS(n.is.Value, sc)
	data, tree := `""`, "Object.create(null)"
	if n.data != nil {
		data = exprJS(n.data, sc, precCond)
		if o, ok := n.data.(*Object); ok {
			whole, parts := objectTree(o, sc)
			if parts == "" {
				parts = "{}"
			}
			tree = "K || (U ? " + whole + parts + " : {})"
			if parts == "{}" {
				tree = "K || {}"
			}
		} else {
			tree = "K || (U ? " + or(treeJS(n.data, sc), "undefined") + " || {} : {})"
		}
	}
	g.w.line(fmt.Sprintf("const %s = %s;", name, is))
	g.w.open(fmt.Sprintf("B(%s, (C, T, E, B, F, S, J) => {", name))
	g.w.line(fmt.Sprintf("const template = I(%s);", name))
	g.w.line(fmt.Sprintf("if (%s && template) template(R, C, %s, %s).C(C, T, E, B, F, S, J);", name, data, tree))
	g.w.close("});")
}

// slot prints S(name, init, slot): a slot of this component, with the values it passes.
func (g *generator) slot(n *tSlot, sc *scope) {
	name := `""`
	if n.name != nil && n.name.HasValue {
		v := n.name.Value
		name = jsString(v.Static())
		if !v.IsStatic() {
			value, _ := attrJS(v, sc)
			name = guard(valueChanged(v, sc)) + " ? Y(" + value + ") : undefined"
		}
	}
	slotArg := g.slotArg(n.slot, sc)
	if len(n.values) == 0 {
		if slotArg != "" {
			g.w.line("S(" + name + ", undefined" + slotArg + ");")
		} else {
			g.w.line("S(" + name + ");")
		}
		return
	}
	g.w.open("S(" + name + ", (N) => {")
	for _, a := range n.values {
		g.set(a, sc, false, "R.l(N, "+jsString(a.Name)+", %s)")
	}
	g.w.close("}" + slotArg + ");")
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

// valueChanged is the condition under which a value with interpolations may have
// changed, "" when it cannot.
func valueChanged(v Value, sc *scope) string {
	var parts []string
	for _, p := range v.Parts {
		if p.Expr != nil {
			if c := changedJS(p.Expr, sc); c != "" {
				parts = append(parts, c)
			}
		}
	}
	return strings.Join(parts, " || ")
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

// insert adds a line before line i, at the current depth.
func (w *writer) insert(i int, s string) {
	w.lines = slices.Insert(w.lines, i, strings.Repeat("  ", w.depth)+s)
	for j, at := range w.opened {
		if at >= i {
			w.opened[j]++
		}
	}
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
