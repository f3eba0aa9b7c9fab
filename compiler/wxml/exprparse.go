package wxml

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// The expression inside {{ }} is read by a small lexer and a Pratt parser. Both work on
// the whole file with offsets, so every error points at its exact column; the end of the
// expression is where the closing "}}" is and is shown as such in messages.

type tokenKind int

const (
	tokEOF    tokenKind = iota // the closing }}
	tokIdent                   // names and keywords
	tokNumber                  // value in token.num
	tokString                  // decoded value in token.text
	tokPunct                   // operators and brackets
)

type token struct {
	kind tokenKind
	text string // the source text; the decoded value for strings
	num  float64
	at   int
}

// describe names a token in "unexpected ..." messages.
func (t token) describe() string {
	switch t.kind {
	case tokEOF:
		return `"}}"`
	case tokString:
		return "string " + strconv.Quote(t.text)
	default:
		return strconv.Quote(t.text)
	}
}

// punctuators, longest first so that "===" wins over "==" and "=".
var punctuators = []string{
	">>>", "===", "!==", "...",
	"==", "!=", "<=", ">=", "&&", "||", "??", "<<", ">>", "?.", "**",
	"+", "-", "*", "/", "%", "<", ">", "!", "~", "&", "|", "^",
	"?", ":", ",", ".", "(", ")", "[", "]", "{", "}", "=",
}

// binaryPrecedence is how tightly each binary operator binds; higher binds tighter.
// ?? sits below || so that the printer can always parenthesize mixes, which JS requires.
var binaryPrecedence = map[string]int{
	"??": 1,
	"||": 2,
	"&&": 3,
	"|":  4,
	"^":  5,
	"&":  6,
	"==": 7, "!=": 7, "===": 7, "!==": 7,
	"<": 8, ">": 8, "<=": 8, ">=": 8,
	"<<": 9, ">>": 9, ">>>": 9,
	"+": 10, "-": 10,
	"*": 11, "/": 11, "%": 11,
}

// reservedWords are JavaScript syntax that WXML expressions do not have, except as data
// names standing alone (parsePrimary). Other keywords (for, class, default ...) are fine
// data names everywhere: component libraries bind {{for}}.
var reservedWords = map[string]bool{
	"this": true, "new": true, "function": true, "delete": true, "void": true, "in": true,
	"instanceof": true, "yield": true, "await": true,
}

// exprError is a positioned parse error; the first one ends the expression.
type exprError struct {
	at  int
	msg string
}

type exprParser struct {
	src      []byte
	pos, end int // the expression is src[pos:end]; end is where "}}" is
	tok      token
}

// parseExpr parses src[start:end], the inside of one {{ }}.
func parseExpr(src []byte, start, end int) (expr Expr, err *exprError) {
	p := &exprParser{src: src, pos: start, end: end}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*exprError)
			if !ok {
				panic(r)
			}
			expr, err = nil, e
		}
	}()
	p.next()
	expr = p.parseTop()
	if p.tok.kind != tokEOF {
		p.fail(p.tok.at, fmt.Sprintf("unexpected %s in expression: expected an operator or \"}}\"", p.tok.describe()))
	}
	return expr, nil
}

// parseTop parses what {{ }} holds: an expression, or the brace-less object form
// "a, b: 1, ...c" that template data uses.
func (p *exprParser) parseTop() Expr {
	at := p.tok.at
	if p.is("...") {
		return p.parseObjectBody(at, tokEOF, true)
	}
	first := p.parseCond()
	if !p.is(",") && !p.is(":") {
		return first
	}
	// Re-read from the start as an object: the first entry is a key.
	p.pos = at
	p.next()
	return p.parseObjectBody(at, tokEOF, true)
}

// parseObjectBody parses "key: value, key, ...spread" up to "}" (or the end of the
// expression for the bare form).
func (p *exprParser) parseObjectBody(at int, _ tokenKind, bare bool) Expr {
	obj := &Object{At: at, Bare: bare}
	end := func() bool {
		if bare {
			return p.tok.kind == tokEOF
		}
		return p.is("}")
	}
	for !end() {
		switch {
		case p.is("..."):
			p.next()
			obj.Props = append(obj.Props, Property{Value: p.parseCond(), Spread: true})
		case p.tok.kind == tokIdent || p.tok.kind == tokString || p.tok.kind == tokNumber:
			key := p.tok
			p.next()
			if p.is(":") {
				p.next()
				obj.Props = append(obj.Props, Property{Key: key.text, Value: p.parseCond()})
			} else if key.kind == tokIdent && !reservedWords[key.text] && !isLiteralKeyword(key.text) {
				obj.Props = append(obj.Props, Property{Key: key.text, Value: &Ident{Name: key.text, At: key.at}})
			} else {
				p.unexpected(`":" after the property name`)
			}
		default:
			p.unexpected("a property name or \"...\"")
		}
		if p.is(",") {
			p.next()
			continue
		}
		if !end() {
			if bare {
				p.unexpected(`"," or "}}"`)
			}
			p.unexpected(`"," or "}"`)
		}
	}
	if !bare {
		p.next()
	}
	return obj
}

func isLiteralKeyword(s string) bool {
	return s == "true" || s == "false" || s == "null" || s == "undefined"
}

func (p *exprParser) fail(at int, msg string) {
	panic(&exprError{at: at, msg: msg})
}

func (p *exprParser) unexpected(expected string) {
	p.fail(p.tok.at, fmt.Sprintf("unexpected %s in expression: expected %s", p.tok.describe(), expected))
}

func (p *exprParser) is(punct string) bool {
	return p.tok.kind == tokPunct && p.tok.text == punct
}

func (p *exprParser) expect(punct, expected string) {
	if !p.is(punct) {
		p.unexpected(expected)
	}
	p.next()
}

// parseCond parses a ternary, the loosest construct allowed.
func (p *exprParser) parseCond() Expr {
	test := p.parseBinary(1)
	if !p.is("?") {
		return test
	}
	p.next()
	then := p.parseCond()
	p.expect(":", `":" of the ?: operator`)
	return &Cond{Test: test, Then: then, Else: p.parseCond()}
}

// parseBinary is precedence climbing over binaryPrecedence (all left-associative).
func (p *exprParser) parseBinary(minPrec int) Expr {
	left := p.parseUnary()
	for {
		prec, ok := binaryPrecedence[p.tok.text]
		if p.tok.kind != tokPunct || !ok || prec < minPrec {
			return left
		}
		op := p.tok.text
		p.next()
		left = &Binary{Op: op, L: left, R: p.parseBinary(prec + 1)}
	}
}

func (p *exprParser) parseUnary() Expr {
	t := p.tok
	isUnary := t.kind == tokPunct && (t.text == "!" || t.text == "-" || t.text == "+" || t.text == "~")
	if isUnary || t.kind == tokIdent && t.text == "typeof" {
		p.next()
		return &Unary{Op: t.text, X: p.parseUnary(), At: t.at}
	}
	return p.parsePostfix(p.parsePrimary())
}

func (p *exprParser) parsePostfix(x Expr) Expr {
	for {
		switch {
		case p.is("."):
			p.next()
			if p.tok.kind != tokIdent {
				p.unexpected("a property name after \".\"")
			}
			x = &Member{Object: x, Name: p.tok.text}
			p.next()
		case p.is("["):
			p.next()
			index := p.parseCond()
			p.expect("]", `"]"`)
			x = &Index{Object: x, Index: index}
		case p.is("("):
			p.next()
			x = &Call{Callee: x, Args: p.parseList(")")}
		case p.is("?."):
			p.fail(p.tok.at, `optional chaining "?." is not supported in WXML; a missing path is already undefined, use "."`)
		default:
			return x
		}
	}
}

// parseList parses "a, b, c" up to and including the closing bracket; a trailing comma
// is allowed as in JavaScript.
func (p *exprParser) parseList(closing string) []Expr {
	var list []Expr
	for !p.is(closing) {
		list = append(list, p.parseCond())
		if p.is(",") {
			p.next()
			continue
		}
		if !p.is(closing) {
			p.unexpected(fmt.Sprintf(`"," or %q`, closing))
		}
	}
	p.next()
	return list
}

func (p *exprParser) parsePrimary() Expr {
	t := p.tok
	switch t.kind {
	case tokNumber:
		p.next()
		return &Number{Value: t.num, At: t.at}
	case tokString:
		p.next()
		return &String{Value: t.text, At: t.at}
	case tokIdent:
		switch {
		case t.text == "true" || t.text == "false" || t.text == "null" || t.text == "undefined":
			p.next()
			return &Keyword{Name: t.text, At: t.at}
		case reservedWords[t.text]:
			// Alone as an operand (`{{ in }}`, `{{ in && list.length }}`, as wux-weapp
			// writes) it is a data name, as glass-easel's compiler reads it; followed by
			// an operand or "(" it is the JavaScript syntax (`new Date()`), which WXML
			// does not have. `void` is always the operator, as there too.
			p.next()
			if t.text == "void" || p.tok.kind == tokIdent || p.tok.kind == tokNumber || p.tok.kind == tokString || p.is("(") {
				p.fail(t.at, fmt.Sprintf("%q is not allowed in a WXML expression", t.text))
			}
			return &Ident{Name: t.text, At: t.at}
		}
		p.next()
		return &Ident{Name: t.text, At: t.at}
	case tokPunct:
		switch t.text {
		case "(":
			p.next()
			x := p.parseCond()
			p.expect(")", `")"`)
			return x
		case "[":
			p.next()
			return &Array{Elems: p.parseList("]"), At: t.at}
		case "{":
			p.next()
			return p.parseObjectBody(t.at, tokPunct, false)
		}
	}
	p.unexpected("an operand")
	return nil
}

// next reads the following token into p.tok.
func (p *exprParser) next() {
	for p.pos < p.end && isSpace(p.src[p.pos]) {
		p.pos++
	}
	start := p.pos
	if start >= p.end {
		p.tok = token{kind: tokEOF, text: "}}", at: p.end}
		return
	}
	c := p.src[start]
	r, size := utf8.DecodeRune(p.src[start:p.end])
	switch {
	case isIdentStart(r):
		p.pos += size
		for p.pos < p.end {
			r, size := utf8.DecodeRune(p.src[p.pos:p.end])
			if !isIdentPart(r) {
				break
			}
			p.pos += size
		}
		p.tok = token{kind: tokIdent, text: string(p.src[start:p.pos]), at: start}
	case isDigit(c) || c == '.' && start+1 < p.end && isDigit(p.src[start+1]):
		p.tok = p.lexNumber()
	case c == '"' || c == '\'':
		p.tok = p.lexString()
	default:
		for _, punct := range punctuators {
			// "?." followed by a digit is "?" and a number: a?.5:1
			optionalChain := punct == "?." && start+2 < p.end && isDigit(p.src[start+2])
			if bytes.HasPrefix(p.src[start:p.end], []byte(punct)) && !optionalChain {
				p.pos += len(punct)
				p.tok = token{kind: tokPunct, text: punct, at: start}
				return
			}
		}
		p.fail(start, fmt.Sprintf("unexpected character %q in expression", string(r)))
	}
}

func (p *exprParser) lexNumber() token {
	start := p.pos
	src := p.src[:p.end]
	digits := func() {
		for p.pos < len(src) && isDigit(src[p.pos]) {
			p.pos++
		}
	}
	var value float64
	if src[p.pos] == '0' && p.pos+1 < len(src) && src[p.pos+1]|0x20 == 'x' {
		p.pos += 2
		for p.pos < len(src) && isHexDigit(src[p.pos]) {
			p.pos++
		}
		n, err := strconv.ParseUint(string(src[start+2:p.pos]), 16, 64)
		if err != nil {
			p.fail(start, "invalid hexadecimal number "+strconv.Quote(string(src[start:p.pos])))
		}
		value = float64(n)
	} else {
		if src[p.pos] == '0' && p.pos+1 < len(src) && isDigit(src[p.pos+1]) {
			p.fail(start, "numbers cannot start with 0: legacy octal literals are not allowed")
		}
		digits()
		if p.pos < len(src) && src[p.pos] == '.' {
			p.pos++
			digits()
		}
		if p.pos < len(src) && src[p.pos]|0x20 == 'e' {
			p.pos++
			if p.pos < len(src) && (src[p.pos] == '+' || src[p.pos] == '-') {
				p.pos++
			}
			if p.pos >= len(src) || !isDigit(src[p.pos]) {
				p.fail(p.pos, "missing exponent digits in number")
			}
			digits()
		}
		var err error
		value, err = strconv.ParseFloat(string(src[start:p.pos]), 64)
		if err != nil && !math.IsInf(value, 0) {
			p.fail(start, "invalid number "+strconv.Quote(string(src[start:p.pos])))
		}
	}
	if p.pos < len(src) {
		if r, _ := utf8.DecodeRune(src[p.pos:]); isIdentPart(r) {
			p.fail(p.pos, "a name cannot start right after a number")
		}
	}
	return token{kind: tokNumber, text: string(src[start:p.pos]), num: value, at: start}
}

// lexString reads a quoted string with JavaScript escapes. A string cannot span lines.
func (p *exprParser) lexString() token {
	start := p.pos
	quote := p.src[p.pos]
	p.pos++
	var b strings.Builder
	for {
		if p.pos >= p.end || p.src[p.pos] == '\n' || p.src[p.pos] == '\r' {
			p.fail(start, "unterminated string literal")
		}
		c := p.src[p.pos]
		if c == quote {
			p.pos++
			return token{kind: tokString, text: b.String(), at: start}
		}
		if c != '\\' {
			b.WriteByte(c)
			p.pos++
			continue
		}
		p.pos++
		if p.pos >= p.end {
			p.fail(start, "unterminated string literal")
		}
		escAt := p.pos - 1
		e := p.src[p.pos]
		p.pos++
		switch e {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '0':
			b.WriteByte(0)
		case '\r':
			if p.pos < p.end && p.src[p.pos] == '\n' {
				p.pos++
			}
		case '\n': // line continuation
		case 'x':
			b.WriteRune(p.hexEscape(escAt, 2))
		case 'u':
			if p.pos < p.end && p.src[p.pos] == '{' {
				close := strings.IndexByte(string(p.src[p.pos:p.end]), '}')
				if close < 0 {
					p.fail(escAt, `invalid \u{...} escape`)
				}
				n, err := strconv.ParseUint(string(p.src[p.pos+1:p.pos+close]), 16, 32)
				if err != nil || n > utf8.MaxRune {
					p.fail(escAt, `invalid \u{...} escape`)
				}
				p.pos += close + 1
				b.WriteRune(rune(n))
			} else {
				r := p.hexEscape(escAt, 4)
				// A surrogate pair written as two escapes ("\uD83D\uDE00") is one character.
				if utf16.IsSurrogate(r) && p.pos+6 <= p.end && string(p.src[p.pos:p.pos+2]) == `\u` {
					save := p.pos
					p.pos += 2
					if pair := utf16.DecodeRune(r, p.hexEscape(escAt, 4)); pair != utf8.RuneError {
						r = pair
					} else {
						p.pos = save
					}
				}
				b.WriteRune(r)
			}
		default:
			b.WriteByte(e) // \\ \' \" and any other character stand for themselves
		}
	}
}

func (p *exprParser) hexEscape(escAt, n int) rune {
	if p.pos+n > p.end {
		p.fail(escAt, "invalid escape sequence")
	}
	v, err := strconv.ParseUint(string(p.src[p.pos:p.pos+n]), 16, 32)
	if err != nil {
		p.fail(escAt, "invalid escape sequence")
	}
	p.pos += n
	return rune(v)
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func isIdentStart(r rune) bool {
	return r == '_' || r == '$' || r < utf8.RuneSelf && isASCIILetter(byte(r)) || r >= utf8.RuneSelf && unicode.IsLetter(r)
}

func isIdentPart(r rune) bool {
	return isIdentStart(r) || r < utf8.RuneSelf && isDigit(byte(r)) || r >= utf8.RuneSelf && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}
