package wxml

// Expr is the JavaScript subset allowed inside {{ }}. Every node keeps the byte offset
// of its first character in the file.
type Expr interface {
	Pos() int
}

type (
	// Ident is a bare name: a field of the template's data (or later a loop variable).
	Ident struct {
		Name string
		At   int
	}
	// Number is a numeric literal.
	Number struct {
		Value float64
		At    int
	}
	// String is a string literal, escapes decoded.
	String struct {
		Value string
		At    int
	}
	// Keyword is one of the literal keywords true, false, null, undefined.
	Keyword struct {
		Name string
		At   int
	}
	// Array is [a, b, c].
	Array struct {
		Elems []Expr
		At    int
	}
	// Object is {a: 1, b, ...c}. Bare is set for the brace-less form written directly in
	// {{ }}, as in <template is="t" data="{{a, b: 1}}">.
	Object struct {
		Props []Property
		Bare  bool
		At    int
	}
	// Member is a.name.
	Member struct {
		Object Expr
		Name   string
	}
	// Index is a[i].
	Index struct {
		Object, Index Expr
	}
	// Call is f(a, b).
	Call struct {
		Callee Expr
		Args   []Expr
	}
	// Unary is !x, -x, +x, ~x or typeof x.
	Unary struct {
		Op string
		X  Expr
		At int
	}
	// Binary is l op r, including && || and ??.
	Binary struct {
		Op   string
		L, R Expr
	}
	// Cond is test ? then : else.
	Cond struct {
		Test, Then, Else Expr
	}
)

// Property is one entry of an Object: Key: Value, a shorthand Key (Value is the Ident
// of the same name), or ...Value when Spread.
type Property struct {
	Key    string
	Value  Expr
	Spread bool
}

func (e *Ident) Pos() int   { return e.At }
func (e *Object) Pos() int  { return e.At }
func (e *Number) Pos() int  { return e.At }
func (e *String) Pos() int  { return e.At }
func (e *Keyword) Pos() int { return e.At }
func (e *Array) Pos() int   { return e.At }
func (e *Member) Pos() int  { return e.Object.Pos() }
func (e *Index) Pos() int   { return e.Object.Pos() }
func (e *Call) Pos() int    { return e.Callee.Pos() }
func (e *Unary) Pos() int   { return e.At }
func (e *Binary) Pos() int  { return e.L.Pos() }
func (e *Cond) Pos() int    { return e.Test.Pos() }
