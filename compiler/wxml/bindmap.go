package wxml

import "strings"

// bindableFields decides which data fields the main template's binding map covers. A
// field qualifies when every place that reads it is plain text or a plain attribute of
// an element that exists for the template's whole life: then running those setters is
// all an update of that field needs. Anything read by a wx:if, wx:for, template, slot or
// event handler, or anywhere under them, is left to the full update. An <include>
// anywhere reads all of the data, so it turns the binding map off.
func bindableFields(low *lowered, sc *scope) map[string]bool {
	a := &bindAnalysis{sc: sc, used: map[string]bool{}, excluded: map[string]bool{}}
	a.nodes(low.main, true)
	if a.include {
		return nil
	}
	fields := map[string]bool{}
	for f := range a.used {
		if !a.excluded[f] {
			fields[f] = true
		}
	}
	return fields
}

type bindAnalysis struct {
	sc             *scope
	used, excluded map[string]bool
	include        bool
}

func (a *bindAnalysis) value(v Value, bindable bool) {
	into := a.excluded
	if bindable {
		into = a.used
	}
	for _, p := range v.Parts {
		if p.Expr != nil {
			dataRoots(p.Expr, a.sc, into)
		}
	}
}

func (a *bindAnalysis) attr(at *Attribute, bindable bool) {
	if at != nil {
		a.value(at.Value, bindable)
	}
}

func (a *bindAnalysis) nodes(nodes []tnode, top bool) {
	for _, n := range nodes {
		switch n := n.(type) {
		case *tText:
			a.value(n.text.Value, top)
		case *tElement:
			for _, at := range n.attrs {
				_, isEvent, _ := parseEventName(at.Name)
				plain := !isEvent && !strings.HasPrefix(at.Name, "let:") && !strings.HasPrefix(at.Name, "slot:")
				a.attr(at, top && plain)
			}
			a.attr(n.slot, false)
			a.nodes(n.children, top)
		case *tBlock:
			a.attr(n.slot, false)
			a.nodes(n.children, false)
		case *tIf:
			for _, br := range n.branches {
				a.attr(br.cond, false)
				a.nodes(br.body, false)
			}
		case *tFor:
			a.attr(n.list, false)
			// Inside the loop, names may be loop variables; excluding them too is safe.
			a.nodes(n.body, false)
		case *tCall:
			a.attr(n.is, false)
			if n.data != nil {
				dataRoots(n.data, a.sc, a.excluded)
			}
		case *tInclude:
			a.include = true
		case *tSlot:
			a.attr(n.name, false)
			a.attr(n.slot, false)
			for _, at := range n.values {
				a.attr(at, false)
			}
		}
	}
}
