package wxml

import (
	"path"
	"strings"
)

// Lowering is the stage between the parser and the generator: it gives WXML's directives
// and special tags their meaning. A run of sibling elements wx:if / wx:elif / wx:else
// becomes one ifGroup, wx:for wraps its element in a forLoop, <template name>, <import>
// and <wxs> are taken out of the tree and recorded, and every misuse is reported. The
// generator then only prints what it is given.

// tnode is one node of the lowered tree.
type tnode interface{}

type (
	// tText is character data with its interpolations.
	tText struct{ text *Text }
	// tElement is a native node or a component: E(tag, generics, init, children, slot).
	tElement struct {
		el       *Element
		attrs    []*Attribute // what the init callback sets, directives removed
		slot     *Attribute   // slot="name": which slot of the parent component it goes to
		generics []*Attribute // generic:name="impl"
		children []tnode
	}
	// tBlock is a <block> without wx:if or wx:for: a virtual node, J(children, slot).
	tBlock struct {
		children []tnode
		slot     *Attribute
	}
	// tIf is a wx:if / wx:elif / wx:else chain: B(branchKey, children).
	tIf struct {
		branches []tBranch
		hasElse  bool
	}
	tBranch struct {
		cond *Attribute // nil for wx:else
		body []tnode
	}
	// tFor is wx:for: F(list, key, listUpdates, lvaluePath, itemCallback).
	tFor struct {
		list        *Attribute
		item, index string
		key         string // "" for no key
		body        []tnode
	}
	// tCall is <template is="name" data="...">.
	tCall struct {
		is   *Attribute
		data Expr // nil without data
	}
	// tInclude is <include src>: the included file's main template, with this data.
	tInclude struct{ target string }
	// tSlot is <slot name="n" other="value"/> in a component's template.
	tSlot struct {
		name   *Attribute
		values []*Attribute
		slot   *Attribute
	}
)

// wxsModule is one <wxs module="name">, inline (body) or from a file (src).
type wxsModule struct {
	name     string
	src      string // project path with .wxs, for src modules
	body     *Text  // for inline modules
	filename string // the name it is defined under: "pages/a/a.wxml#m" or the src path
}

// lowered is what the lowering stage gives the generator and Compile.
type lowered struct {
	main      []tnode
	templates []loweredTemplate
	wxs       []*wxsModule
	imports   []Ref
	includes  []Ref
	wxsSrcs   []Ref
	calls     []Ref    // static <template is>
	slots     []string // the names of its <slot>s, "" for the default one and "?" for {{ }}
}

type loweredTemplate struct {
	name string
	body []tnode
}

type lowerer struct {
	rep  *reporter
	file string // project path, e.g. "pages/a/a.wxml"
	out  *lowered
	// templateAt remembers where each template name was defined, for duplicates.
	templateAt map[string]int
}

func lower(doc *Document, rep *reporter) *lowered {
	l := &lowerer{rep: rep, file: doc.File, out: &lowered{}, templateAt: map[string]int{}}
	l.out.main = l.children(doc.Children, true)
	return l.out
}

// directive attributes are consumed by lowering; everything else reaches the generator.
var directives = map[string]bool{
	"wx:if": true, "wx:elif": true, "wx:else": true, "wx:for": true,
	"wx:for-item": true, "wx:for-index": true, "wx:key": true,
}

// children lowers a list of sibling nodes, joining if-chains.
func (l *lowerer) children(nodes []Node, root bool) []tnode {
	var out []tnode
	var chain *tIf // the open if-chain that a wx:elif or wx:else may continue
	for _, n := range nodes {
		switch n := n.(type) {
		case *Text:
			chain = nil
			if !n.Raw {
				out = append(out, &tText{text: n})
			}
		case *Element:
			ifAttr, elifAttr, elseAttr := n.Attr("wx:if"), n.Attr("wx:elif"), n.Attr("wx:else")
			l.checkExclusive(n, ifAttr, elifAttr, elseAttr)
			switch {
			case n.Attr("wx:for") != nil:
				chain = nil
				out = append(out, l.forLoop(n, ifAttr))
			case ifAttr != nil:
				chain = &tIf{branches: []tBranch{{cond: ifAttr, body: l.inner(n, root)}}}
				out = append(out, chain)
			case elifAttr != nil:
				switch {
				case chain == nil:
					l.rep.errorf(elifAttr.NameSpan.Start, "wx:elif without a wx:if: it must follow an element with wx:if or wx:elif")
				case chain.hasElse:
					l.rep.errorf(elifAttr.NameSpan.Start, "wx:elif after wx:else: the wx:else must come last")
				default:
					chain.branches = append(chain.branches, tBranch{cond: elifAttr, body: l.inner(n, root)})
				}
			case elseAttr != nil:
				if elseAttr.HasValue && !isBlank([]byte(elseAttr.Value.Static())) {
					l.rep.warnf(elseAttr.NameSpan.Start, "wx:else takes no value: the value is ignored")
				}
				switch {
				case chain == nil:
					l.rep.errorf(elseAttr.NameSpan.Start, "wx:else without a wx:if: it must follow an element with wx:if or wx:elif")
				case chain.hasElse:
					l.rep.errorf(elseAttr.NameSpan.Start, "duplicate wx:else: this chain already has one")
				default:
					chain.branches = append(chain.branches, tBranch{body: l.inner(n, root)})
					chain.hasElse = true
				}
			default:
				chain = nil
				if body := l.inner(n, root); len(body) > 0 {
					out = append(out, body...)
				}
			}
		}
	}
	return out
}

func (l *lowerer) checkExclusive(e *Element, attrs ...*Attribute) {
	var seen *Attribute
	for _, a := range attrs {
		if a == nil {
			continue
		}
		if seen != nil {
			l.rep.errorf(a.NameSpan.Start, "%s and %s on the same element: use one of them", seen.Name, a.Name)
		}
		seen = a
	}
	for _, a := range e.Attrs {
		if strings.HasPrefix(a.Name, "wx:") && !directives[a.Name] {
			l.rep.warnf(a.NameSpan.Start, "unknown directive %q: it is ignored", a.Name)
		}
	}
	for _, name := range []string{"wx:for-item", "wx:for-index", "wx:key"} {
		if a := e.Attr(name); a != nil && e.Attr("wx:for") == nil {
			l.rep.errorf(a.NameSpan.Start, "%s without wx:for on the same element", name)
		}
	}
}

// forLoop lowers an element with wx:for. A wx:if on the same element is tested for each
// item, inside the loop.
func (l *lowerer) forLoop(e *Element, ifAttr *Attribute) tnode {
	list := e.Attr("wx:for")
	f := &tFor{list: list, item: "item", index: "index"}
	if !list.HasValue || list.Value.IsStatic() && list.Value.Static() == "" {
		l.rep.errorf(list.NameSpan.Start, "%s needs a list: write %s=\"{{list}}\"", list.Name, list.Name)
	}
	f.item = l.loopName(e.Attr("wx:for-item"), "item")
	f.index = l.loopName(e.Attr("wx:for-index"), "index")
	if f.item == f.index {
		a := e.Attr("wx:for-index")
		if a == nil {
			a = e.Attr("wx:for-item")
		}
		l.rep.errorf(a.ValueSpan.Start, "wx:for-item and wx:for-index are both %q: give them different names", f.item)
	}
	if k := e.Attr("wx:key"); k != nil {
		switch {
		case !k.HasValue || k.Value.Static() == "" && k.Value.IsStatic():
			l.rep.errorf(k.NameSpan.Start, "wx:key needs a value: a field of each item (wx:key=\"id\") or *this")
		case !k.Value.IsStatic():
			// The official tools build it and only warn when rendering, the list unkeyed;
			// libraries (iView Weapp) ship such keys.
			l.rep.warnf(k.ValueSpan.Start, "wx:key takes a field name or *this, not {{ }}: the key is ignored; write wx:key=\"id\" for item.id")
		default:
			f.key = strings.TrimSpace(k.Value.Static())
		}
	}
	body := l.inner(e, false)
	if ifAttr != nil {
		body = []tnode{&tIf{branches: []tBranch{{cond: ifAttr, body: body}}}}
	}
	f.body = body
	return f
}

// loopName reads wx:for-item or wx:for-index, which name a variable.
func (l *lowerer) loopName(a *Attribute, def string) string {
	if a == nil {
		return def
	}
	name := strings.TrimSpace(a.Value.Static())
	switch {
	case !a.HasValue || name == "" && a.Value.IsStatic():
		l.rep.errorf(a.NameSpan.Start, "%s needs a name", a.Name)
	case !a.Value.IsStatic():
		l.rep.errorf(a.ValueSpan.Start, "%s takes a plain name, not {{ }}: write %s=\"%s\"", a.Name, a.Name, def)
	case !isIdentifier(name) || reservedWords[name] || isLiteralKeyword(name):
		l.rep.errorf(a.ValueSpan.Start, "%s %q is not a valid variable name", a.Name, name)
	default:
		return name
	}
	return def
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if i == 0 && !isIdentStart(r) || i > 0 && !isIdentPart(r) {
			return false
		}
	}
	return true
}

// inner lowers one element without its wx:if / wx:for: what one branch or one item holds.
// Elements that render nothing (<template name>, <import>, <wxs>) return nil.
func (l *lowerer) inner(e *Element, root bool) []tnode {
	switch e.Tag {
	case "template":
		if name := e.Attr("name"); name != nil {
			l.templateDef(e, name)
			return nil
		}
		return []tnode{l.templateCall(e)}
	case "import":
		l.srcRef(e, &l.out.imports, ".wxml")
		l.noChildren(e)
		return nil
	case "include":
		ref, ok := l.srcRef(e, &l.out.includes, ".wxml")
		l.noChildren(e)
		if !ok {
			return nil
		}
		return []tnode{&tInclude{target: ref.Path}}
	case "wxs":
		l.wxs(e)
		return nil
	case "slot":
		s := &tSlot{}
		for _, a := range e.Attrs {
			switch {
			case directives[a.Name]:
			case a.Name == "name":
				s.name = a
			case a.Name == "slot":
				s.slot = a
			default:
				s.values = append(s.values, a)
			}
		}
		l.noChildren(e)
		name := ""
		if s.name != nil && s.name.HasValue {
			name = "?"
			if s.name.Value.IsStatic() {
				name = s.name.Value.Static()
			}
		}
		l.out.slots = append(l.out.slots, name)
		return []tnode{s}
	case "block":
		children := l.children(e.Children, false)
		if e.Attr("wx:if") != nil || e.Attr("wx:elif") != nil || e.Attr("wx:else") != nil || e.Attr("wx:for") != nil {
			return children // the branch or item itself is the virtual node
		}
		return []tnode{&tBlock{children: children, slot: e.Attr("slot")}}
	}
	t := &tElement{el: e}
	for i, a := range e.Attrs {
		if e.Attr(a.Name) != e.Attrs[i] || directives[a.Name] || strings.HasPrefix(a.Name, "wx:") {
			continue // a duplicate (the parser warned) or a directive
		}
		switch {
		case a.Name == "slot":
			t.slot = a
		case strings.HasPrefix(a.Name, "generic:"):
			if !a.Value.IsStatic() {
				l.rep.errorf(a.ValueSpan.Start, "%s takes a component name, not {{ }}", a.Name)
				continue
			}
			t.generics = append(t.generics, a)
		default:
			t.attrs = append(t.attrs, a)
		}
	}
	t.children = l.children(e.Children, false)
	return []tnode{t}
}

func (l *lowerer) noChildren(e *Element) {
	for _, c := range e.Children {
		if t, ok := c.(*Text); ok && t.Raw {
			continue
		}
		l.rep.warnf(c.Span().Start, "<%s> has no content: what is inside it is ignored", e.Tag)
		return
	}
}

func (l *lowerer) templateDef(e *Element, name *Attribute) {
	n := strings.TrimSpace(name.Value.Static())
	switch {
	case !name.Value.IsStatic():
		l.rep.errorf(name.ValueSpan.Start, "<template name> takes a plain name, not {{ }}")
		return
	case n == "":
		l.rep.errorf(name.NameSpan.Start, "<template name> needs a name")
		return
	}
	for _, d := range []string{"wx:if", "wx:elif", "wx:else", "wx:for"} {
		if a := e.Attr(d); a != nil {
			l.rep.errorf(a.NameSpan.Start, "%s on a <template name> definition has no effect: put it on <template is>", d)
		}
	}
	if at, dup := l.templateAt[n]; dup {
		line, _ := l.rep.position(at)
		l.rep.errorf(name.ValueSpan.Start, "duplicate template %q: it is already defined on line %d", n, line)
		return
	}
	l.templateAt[n] = name.ValueSpan.Start
	l.out.templates = append(l.out.templates, loweredTemplate{name: n, body: l.children(e.Children, false)})
}

func (l *lowerer) templateCall(e *Element) tnode {
	is := e.Attr("is")
	if is == nil || !is.HasValue {
		l.rep.errorf(e.TagSpan.Start, "<template> needs name=\"...\" to define a template or is=\"...\" to use one")
		return &tBlock{}
	}
	c := &tCall{is: is}
	if is.Value.IsStatic() {
		line, col := l.rep.position(is.ValueSpan.Start)
		l.out.calls = append(l.out.calls, Ref{Path: is.Value.Static(), Line: line, Column: col})
	}
	if d := e.Attr("data"); d != nil && d.HasValue {
		x := d.Value.Single()
		switch {
		case x == nil && d.Value.IsStatic():
			l.rep.errorf(d.ValueSpan.Start, "template data is an object in {{ }}: write data=\"{{key: value}}\" or data=\"{{...object}}\"")
		case x == nil:
			if !hasBrokenPart(d.Value) {
				l.rep.errorf(d.ValueSpan.Start, "template data must be exactly one {{ }} with nothing around it")
			}
		default:
			if id, ok := x.(*Ident); ok { // data="{{item}}" is {item: item}
				x = &Object{Props: []Property{{Key: id.Name, Value: id}}, Bare: true, At: id.At}
			}
			c.data = x
		}
	}
	if len(e.Children) > 0 {
		l.noChildren(e)
	}
	return c
}

func hasBrokenPart(v Value) bool {
	for _, p := range v.Parts {
		if p.Interp && p.Expr == nil {
			return true
		}
	}
	return false
}

// srcRef records the src of <import>, <include> or <wxs>.
func (l *lowerer) srcRef(e *Element, into *[]Ref, ext string) (Ref, bool) {
	src := e.Attr("src")
	switch {
	case src == nil || !src.HasValue || strings.TrimSpace(src.Value.Static()) == "" && src.Value.IsStatic():
		l.rep.errorf(e.TagSpan.Start, "<%s> needs src=\"path\"", e.Tag)
		return Ref{}, false
	case !src.Value.IsStatic():
		l.rep.errorf(src.ValueSpan.Start, "%s src is resolved when compiling: it takes a path, not {{ }}", e.Tag)
		return Ref{}, false
	}
	p, ok := resolveSrc(l.file, strings.TrimSpace(src.Value.Static()), ext)
	if !ok {
		l.rep.errorf(src.ValueSpan.Start, "src %q points outside the mini-program", src.Value.Static())
		return Ref{}, false
	}
	line, col := l.rep.position(src.ValueSpan.Start)
	r := Ref{Path: p, Line: line, Column: col}
	*into = append(*into, r)
	return r, true
}

// resolveSrc turns a src written in file into a project path: "/a/b.wxml" is relative to
// the mini-program root, anything else to file's folder. For .wxml the extension is
// dropped (G is keyed without it); for .wxs it is kept, and added when missing.
func resolveSrc(file, src, ext string) (string, bool) {
	var p string
	if strings.HasPrefix(src, "/") {
		p = path.Clean(src[1:])
	} else {
		p = path.Join(path.Dir(file), src)
	}
	if p == ".." || strings.HasPrefix(p, "../") || p == "." || p == "" {
		return "", false
	}
	switch ext {
	case ".wxml":
		p = strings.TrimSuffix(p, ".wxml")
	case ".wxs":
		if path.Ext(p) != ".wxs" {
			p += ".wxs"
		}
	}
	return p, true
}

func (l *lowerer) wxs(e *Element) {
	mod := e.Attr("module")
	if mod == nil || !mod.HasValue || !mod.Value.IsStatic() {
		l.rep.errorf(e.TagSpan.Start, "<wxs> needs module=\"name\": the name its exports are used by")
		return
	}
	name := strings.TrimSpace(mod.Value.Static())
	if !isIdentifier(name) || reservedWords[name] || isLiteralKeyword(name) {
		l.rep.errorf(mod.ValueSpan.Start, "wxs module name %q is not a valid name", name)
		return
	}
	for _, m := range l.out.wxs {
		if m.name == name {
			l.rep.errorf(mod.ValueSpan.Start, "duplicate wxs module %q", name)
			return
		}
	}
	m := &wxsModule{name: name}
	if e.Attr("src") != nil {
		ref, ok := l.srcRef(e, &l.out.wxsSrcs, ".wxs")
		if !ok {
			return
		}
		m.src, m.filename = ref.Path, ref.Path
		for _, c := range e.Children {
			if t, ok := c.(*Text); ok && !isBlank([]byte(t.Value.Static())) {
				l.rep.warnf(t.Whole.Start, "<wxs> with src has no body: the inline code is ignored")
			}
		}
	} else {
		m.filename = l.file + "#" + name
		for _, c := range e.Children {
			if t, ok := c.(*Text); ok && t.Raw {
				m.body = t
			}
		}
		if m.body == nil {
			m.body = &Text{Raw: true, Whole: Span{e.Whole.End, e.Whole.End}}
		}
	}
	l.out.wxs = append(l.out.wxs, m)
}
