package wxml

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mpsim/mpsim/compiler/diag"
)

// parser reads markup: tags, attributes, text, comments. It never stops at an error: it
// records it, recovers at the nearest sensible point and goes on, so one run reports
// every problem in the file.
type parser struct {
	rep  *reporter
	src  []byte
	pos  int
	open []*Element // elements whose closing tag has not been seen yet
	root []Node
}

func (p *parser) parseDocument() []Node {
	for p.pos < len(p.src) {
		switch {
		case p.startsWith("<!--"):
			p.parseComment()
		case p.startsWith("</"):
			p.parseClosingTag()
		case p.startsWith("<") && p.pos+1 < len(p.src) && isNameStart(p.src[p.pos+1]):
			p.parseOpeningTag()
		case p.startsWith("<!") || p.startsWith("<?"):
			p.rep.errorf(p.pos, "unsupported markup %q: only elements, text and <!-- comments --> are allowed", p.peekWord())
			p.skipPast(">")
		default:
			p.parseText()
		}
	}
	for i := len(p.open) - 1; i >= 0; i-- {
		e := p.open[i]
		p.rep.errorf(e.Whole.Start, "unclosed tag <%s>: expected </%s> before the end of the file", e.Tag, e.Tag)
		e.Whole.End = len(p.src)
	}
	return p.root
}

func (p *parser) startsWith(s string) bool {
	return bytes.HasPrefix(p.src[p.pos:], []byte(s))
}

// peekWord is the markup at pos up to the next space or '>', for messages.
func (p *parser) peekWord() string {
	end := p.pos
	for end < len(p.src) && end-p.pos < 20 && !isSpace(p.src[end]) && p.src[end] != '>' {
		end++
	}
	return string(p.src[p.pos:end])
}

// skipPast moves after the next s, or to the end of the file.
func (p *parser) skipPast(s string) {
	if i := bytes.Index(p.src[p.pos:], []byte(s)); i >= 0 {
		p.pos += i + len(s)
	} else {
		p.pos = len(p.src)
	}
}

func (p *parser) appendNode(n Node) {
	if len(p.open) == 0 {
		p.root = append(p.root, n)
		return
	}
	parent := p.open[len(p.open)-1]
	parent.Children = append(parent.Children, n)
}

func (p *parser) parseComment() {
	start := p.pos
	p.pos += len("<!--")
	if i := bytes.Index(p.src[p.pos:], []byte("-->")); i >= 0 {
		p.pos += i + len("-->")
		return
	}
	p.rep.errorf(start, "unterminated comment: expected \"-->\"")
	p.pos = len(p.src)
}

// parseText reads character data up to the next tag. {{ }} may contain '<' (a < b), so
// the text is read interpolation by interpolation rather than up to the first '<'.
func (p *parser) parseText() {
	start := p.pos
	value := p.scanValue(func(i int) bool { return isTagStart(p.src, i) }, true)
	if value.IsStatic() && isBlank(p.src[start:p.pos]) {
		return // whitespace between tags is layout, not content
	}
	p.appendNode(&Text{Value: value, Whole: Span{start, p.pos}})
}

// isTagStart reports whether src[i:] begins markup that ends a run of text. A '<' that
// is not followed by a name, '/' or '!' is text, as in "a < b".
func isTagStart(src []byte, i int) bool {
	if src[i] != '<' || i+1 >= len(src) {
		return false
	}
	c := src[i+1]
	return isNameStart(c) || c == '/' || c == '!' || c == '?'
}

func (p *parser) parseOpeningTag() {
	start := p.pos
	p.pos++ // '<'
	nameStart := p.pos
	for p.pos < len(p.src) && isTagNameChar(p.src[p.pos]) {
		p.pos++
	}
	e := &Element{
		Tag:     string(p.src[nameStart:p.pos]),
		TagSpan: Span{nameStart, p.pos},
		Whole:   Span{Start: start},
	}
	closed := p.parseAttributes(e)
	p.appendNode(e)
	if closed {
		e.Whole.End = p.pos
		return
	}
	p.open = append(p.open, e)
	if e.Tag == "wxs" {
		p.parseRawBody(e)
	}
}

// parseAttributes reads attributes up to '>' or '/>' and reports whether the element
// closed itself.
func (p *parser) parseAttributes(e *Element) (selfClosed bool) {
	for {
		p.skipSpace()
		switch {
		case p.pos >= len(p.src):
			p.rep.errorf(e.Whole.Start, "unclosed tag <%s>: expected \">\" or \"/>\" before the end of the file", e.Tag)
			return true
		case p.startsWith(">"):
			p.pos++
			return false
		case p.startsWith("/>"):
			p.pos += 2
			e.SelfClosing = true
			return true
		case p.src[p.pos] == '<':
			// "<view <text>": the tag was never finished; treat it as open and let the
			// next tag start here.
			p.rep.errorf(p.pos, "unfinished tag <%s>: expected \">\" or \"/>\" before \"<\"", e.Tag)
			return false
		case isNameStart(p.src[p.pos]):
			p.parseAttribute(e) // a="1"b="2" without a space is accepted, as glass-easel does
		case p.src[p.pos] == ':' && p.pos+1 < len(p.src) && isNameStart(p.src[p.pos+1]):
			// `:disable-scroll="true"` (Lin UI's image-clipper): an empty prefix, which
			// glass-easel's compiler drops, leaving the plain attribute.
			p.pos++
			p.parseAttribute(e)
		default:
			r := p.peekRune()
			p.rep.errorf(p.pos, "unexpected %q in <%s>: expected an attribute name, \">\" or \"/>\"", r, e.Tag)
			// Skip the rest of the garbage so that it is reported once.
			for p.pos < len(p.src) && !isSpace(p.src[p.pos]) && p.src[p.pos] != '>' && !p.startsWith("/>") && p.src[p.pos] != '<' {
				p.pos++
			}
		}
	}
}

func (p *parser) peekAttrName() string {
	end := p.pos
	for end < len(p.src) && isAttrNameChar(p.src[end]) {
		end++
	}
	return string(p.src[p.pos:end])
}

func (p *parser) peekRune() string {
	r := []rune(string(p.src[p.pos:min(p.pos+4, len(p.src))]))
	if len(r) == 0 {
		return ""
	}
	return string(r[0])
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) && isSpace(p.src[p.pos]) {
		p.pos++
	}
}

func (p *parser) parseAttribute(e *Element) {
	nameStart := p.pos
	name := p.peekAttrName()
	p.pos += len(name)
	a := &Attribute{Name: name, NameSpan: Span{nameStart, p.pos}}
	if prev := e.Attr(name); prev != nil {
		line, _ := p.rep.position(prev.NameSpan.Start)
		p.rep.warnf(nameStart, "duplicate attribute %q: the first one, on line %d, is used", name, line)
	}
	e.Attrs = append(e.Attrs, a)

	afterName := p.pos
	p.skipSpace()
	if !p.startsWith("=") {
		p.pos = afterName // a bare attribute: `disabled`
		return
	}
	p.pos++
	p.skipSpace()
	if p.pos >= len(p.src) || p.src[p.pos] == '>' || p.startsWith("/>") {
		p.rep.errorf(p.pos, "missing value for attribute %q after \"=\"", name)
		return
	}
	a.HasValue = true
	quote := p.src[p.pos]
	if quote != '"' && quote != '\'' {
		start := p.pos
		a.Value = p.scanValue(func(i int) bool {
			c := p.src[i]
			return isSpace(c) || c == '>' || c == '<' || bytes.HasPrefix(p.src[i:], []byte("/>"))
		}, false)
		a.ValueSpan = Span{start, p.pos}
		return
	}
	quoteAt := p.pos
	p.pos++
	a.Value = p.scanValue(func(i int) bool { return p.src[i] == quote }, false)
	a.ValueSpan = Span{quoteAt + 1, p.pos}
	if p.pos >= len(p.src) {
		p.rep.errorf(quoteAt, "unterminated value of attribute %q: expected a closing %c", name, quote)
		return
	}
	p.pos++
}

// parseRawBody keeps the body of <wxs> as written: it is a script, not markup.
func (p *parser) parseRawBody(e *Element) {
	start := p.pos
	end := len(p.src)
	if i := indexFold(p.src[p.pos:], "</"+e.Tag); i >= 0 {
		end = p.pos + i
	}
	if end > start {
		body := string(p.src[start:end])
		p.appendNode(&Text{Value: Value{Parts: []Part{{Text: body, Whole: Span{start, end}}}}, Raw: true, Whole: Span{start, end}})
	}
	p.pos = end
}

func (p *parser) parseClosingTag() {
	start := p.pos
	p.pos += len("</")
	nameStart := p.pos
	for p.pos < len(p.src) && isTagNameChar(p.src[p.pos]) {
		p.pos++
	}
	name := string(p.src[nameStart:p.pos])
	if name == "" {
		p.rep.errorf(start, "expected a tag name after \"</\"")
		p.skipPast(">")
		return
	}
	p.skipSpace()
	if p.startsWith(">") {
		p.pos++
	} else {
		p.rep.errorf(p.pos, "expected \">\" to end the closing tag </%s>", name)
		for p.pos < len(p.src) && p.src[p.pos] != '>' && p.src[p.pos] != '<' {
			p.pos++
		}
		if p.startsWith(">") {
			p.pos++
		}
	}
	p.closeElement(name, start)
}

// closeElement matches </name> with the innermost open element of that name. Tag names
// match case-insensitively, as glass-easel's compiler does. An element left open inside
// it is reported once, here, rather than again at the end of the file.
func (p *parser) closeElement(name string, at int) {
	if len(p.open) == 0 {
		p.rep.errorf(at, "unexpected closing tag </%s>: no element is open", name)
		return
	}
	innermost := p.open[len(p.open)-1]
	match := -1
	for i := len(p.open) - 1; i >= 0; i-- {
		if strings.EqualFold(p.open[i].Tag, name) {
			match = i
			break
		}
	}
	if match != len(p.open)-1 {
		line, _ := p.rep.position(innermost.Whole.Start)
		p.rep.report(diag.Diagnostic{
			Severity: diag.Error,
			Message:  fmt.Sprintf("closing tag </%s> does not match <%s> opened on line %d", name, innermost.Tag, line),
			Hint:     fmt.Sprintf("close <%s> first with </%s>, or write it as <%s />", innermost.Tag, innermost.Tag, innermost.Tag),
		}, at)
	}
	if match < 0 {
		return // a stray closing tag: ignore it, the open elements stay open
	}
	for _, e := range p.open[match:] {
		e.Whole.End = p.pos
	}
	p.open = p.open[:match]
}

// scanValue reads text with {{ }} interpolations from pos until stop(i) is true outside
// an interpolation. In text a '<' inside {{ }} does not end the text; in a quoted
// attribute neither does the quote: class="{{a ? "x" : "y"}}" is one value.
func (p *parser) scanValue(stop func(i int) bool, inText bool) Value {
	var v Value
	runStart := p.pos
	flush := func(end int) {
		if end > runStart {
			text := decodeEntities(string(p.src[runStart:end]), runStart, func(off int, msg string) {
				p.rep.errorf(off, "%s", msg)
			})
			v.Parts = append(v.Parts, Part{Text: text, Whole: Span{runStart, end}})
		}
	}
	for p.pos < len(p.src) && !stop(p.pos) {
		if !p.startsWith("{{") {
			p.pos++
			continue
		}
		open := p.pos
		close, badQuote := findInterpolationEnd(p.src, open+2, inText)
		if close < 0 {
			if badQuote >= 0 {
				p.rep.errorf(badQuote, "unterminated string in expression: expected a closing %c on the same line", p.src[badQuote])
			} else {
				p.rep.errorf(open, `unclosed "{{": expected "}}" to end the expression`)
			}
			p.pos += 2 // keep "{{" as text and go on
			continue
		}
		flush(open)
		part := Part{Interp: true, Whole: Span{open, close + 2}}
		if isBlank(p.src[open+2 : close]) {
			p.rep.warnf(open, "empty expression {{ }}: it renders as an empty string")
		} else if expr, err := parseExpr(p.src, open+2, close); err != nil {
			p.rep.errorf(err.at, "%s", err.msg)
		} else {
			part.Expr = expr
		}
		v.Parts = append(v.Parts, part)
		p.pos = close + 2
		runStart = p.pos
	}
	flush(p.pos)
	return v
}

// findInterpolationEnd finds the "}}" that closes an interpolation whose expression
// starts at from, skipping string literals and the braces of object literals (so that
// data="{{o: {k: 1}}}" ends at the last two). It gives up (-1) at the end of the file, in
// text at "</", which no expression contains, and at a line break inside a string, as
// JavaScript strings cannot span lines: badQuote is then where that string started.
func findInterpolationEnd(src []byte, from int, inText bool) (end, badQuote int) {
	depth := 0
	for i := from; i < len(src); i++ {
		switch c := src[i]; {
		case c == '{':
			depth++
		case c == '}' && depth > 0:
			depth--
		case c == '}' && i+1 < len(src) && src[i+1] == '}':
			return i, -1
		case c == '"' || c == '\'':
			quote := i
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\n' || src[i] == '\r' {
					return -1, quote
				}
				if src[i] == '\\' {
					i++
				}
			}
			if i >= len(src) {
				return -1, quote
			}
		case inText && c == '<' && i+1 < len(src) && src[i+1] == '/':
			return -1, -1
		}
	}
	return -1, -1
}

func isBlank(b []byte) bool {
	return len(bytes.TrimLeft(b, " \t\r\n\f")) == 0
}

// indexFold is bytes.Index ignoring ASCII case.
func indexFold(s []byte, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(string(s[i:i+len(sub)]), sub) {
			return i
		}
	}
	return -1
}

func isNameStart(c byte) bool    { return isASCIILetter(c) || c == '_' }
func isTagNameChar(c byte) bool  { return isASCIILetter(c) || isDigit(c) || c == '_' || c == '-' }
func isAttrNameChar(c byte) bool { return isTagNameChar(c) || c == ':' || c == '.' }
