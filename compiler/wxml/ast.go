package wxml

// Span is a half-open range of byte offsets [Start, End) into the file as it was given
// to Parse (a leading BOM included), so tools can map any node back to the source.
type Span struct {
	Start, End int
}

// Document is one parsed WXML file.
type Document struct {
	File     string
	Source   []byte // the file as given to Parse
	Children []Node
}

// Node is an *Element or a *Text.
type Node interface {
	Span() Span
}

// Element is a tag with its attributes and children. Directives (wx:if, wx:for) and
// special tags (<block>, <template>, <wxs>) are parsed as plain elements and attributes;
// the generator gives them their meaning.
type Element struct {
	Tag         string // as written, case kept
	TagSpan     Span   // the tag name in the opening tag
	Attrs       []*Attribute
	Children    []Node
	SelfClosing bool // written as <x />
	Whole       Span // from '<' of the opening tag to '>' of the closing one
}

func (e *Element) Span() Span { return e.Whole }

// Attr returns the first attribute named name, or nil.
func (e *Element) Attr(name string) *Attribute {
	for _, a := range e.Attrs {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// Attribute is name="value", name='value', name=value or a bare name.
type Attribute struct {
	Name     string
	NameSpan Span
	// HasValue is false for a bare attribute (`disabled`), which means boolean true.
	HasValue  bool
	Value     Value
	ValueSpan Span // inside the quotes
}

// Text is character data between tags, with its interpolations. The raw body of a
// <wxs> element is a Text with Raw set and a single static part.
type Text struct {
	Value Value
	Raw   bool
	Whole Span
}

func (t *Text) Span() Span { return t.Whole }

// Value is text with interpolations: "a {{b}} c" is three parts.
type Value struct {
	Parts []Part
}

// Part is either static text (entities decoded) or one {{ }} interpolation.
type Part struct {
	Text string
	Expr Expr // nil for static text, and for an empty or broken {{ }}
	// Interp is true for a {{ }} part, even an empty one.
	Interp bool
	Whole  Span // the raw text, or the interpolation with its braces
}

// IsStatic reports whether v has no interpolation.
func (v Value) IsStatic() bool {
	for _, p := range v.Parts {
		if p.Interp {
			return false
		}
	}
	return true
}

// Static returns the text of a value without interpolations.
func (v Value) Static() string {
	s := ""
	for _, p := range v.Parts {
		s += p.Text
	}
	return s
}

// Single returns the expression of a value that is exactly one {{expr}}, with no text
// around it: such an attribute takes the expression's value rather than a string.
func (v Value) Single() Expr {
	if len(v.Parts) == 1 && v.Parts[0].Interp {
		return v.Parts[0].Expr
	}
	return nil
}
