package wxs

import (
	"strings"
	"unicode/utf8"
)

// tokenKind is the class of a lexical token of WXS (ES5) source.
type tokenKind int

const (
	tokEOF tokenKind = iota
	tokIdent
	tokPunct
	tokString
	tokNumber
	tokTemplate // `...`, an ES6 construct, scanned only to be reported
	tokRegExp
)

// token is one token of the source; start and end are byte offsets.
type token struct {
	kind       tokenKind
	start, end int
	text       string
	// afterDot is set on an identifier that names a property (a.b), not a variable.
	afterDot bool
	// openAt, on a ")" token, is the offset of the "(" it closes: an arrow function's
	// parameter list is reported from there.
	openAt int
	// propertyStart is set on a token where an object literal's property name goes
	// (right after "{" or ","): an identifier there followed by "," or "}" is ES6
	// shorthand.
	propertyStart bool
	// member is set on a "[" that indexes a value (a[k]) rather than opening an array
	// literal.
	member bool
}

// braceKind tells what a "{" opened: the lexer needs it to know whether a "/" after the
// matching "}" starts a regular expression (after a block) or divides (after an object
// literal or a function expression).
type braceKind int

const (
	braceBlock braceKind = iota
	braceObject
	braceFuncExpr
)

// bracket is an open "(", "[" or "{" with what the lexer needs to remember about it.
type bracket struct {
	char      byte
	at        int
	brace     braceKind // for "{"
	control   bool      // for "(": the head of if/while/for/with, after which "/" is a regexp
	ternaries int       // "?" seen at this level whose ":" has not come yet
	// propStart is true while the next token would be a property name of an object
	// literal (after "{" or ",").
	propStart bool
}

// lexer splits WXS source into tokens. esbuild has already checked the syntax, so it
// does not validate: it only tells regular expressions from divisions, the one thing a
// JavaScript tokenizer cannot do without knowing the grammar around it, by keeping track
// of what each bracket opened.
type lexer struct {
	src   string
	pos   int
	prev  token // last token, kind tokEOF at the start
	stack []bracket
	// funcPending is set between the "function" keyword and the "{" of its body, to
	// the kind that body gets.
	funcPending *braceKind
	// lastClosed is the bracket the previous ")" or "}" token closed.
	lastClosed bracket
	// colonIsTernary tells, for a ":" token, whether it belonged to a "?".
	colonIsTernary bool
}

func newLexer(src string) *lexer {
	return &lexer{src: src, stack: []bracket{{char: 0, brace: braceBlock}}}
}

// punctuators, longest first so that the first match is the longest.
var punctuators = []string{
	">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
	"=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=",
	"/=", "%=", "&=", "|=", "^=", "<<", ">>", "**",
}

// keywordsBeforeExpression are the identifiers after which an expression starts, so a
// "/" there is a regular expression.
var keywordsBeforeExpression = map[string]bool{
	"return": true, "typeof": true, "instanceof": true, "in": true, "of": true, "new": true,
	"delete": true, "void": true, "throw": true, "case": true, "do": true, "else": true,
	"yield": true, "await": true,
}

func (l *lexer) top() *bracket { return &l.stack[len(l.stack)-1] }

// expressionStart reports whether the next token begins an expression (where "/"
// starts a regular expression and "{" an object literal) rather than continuing one.
func (l *lexer) expressionStart() bool {
	p := l.prev
	switch p.kind {
	case tokEOF:
		return true
	case tokIdent:
		return !p.afterDot && keywordsBeforeExpression[p.text]
	case tokNumber, tokString, tokTemplate, tokRegExp:
		return false
	}
	switch p.text {
	case ")":
		return l.lastClosed.control
	case "]", "++", "--":
		return false
	case "}":
		return l.lastClosed.brace == braceBlock
	}
	return true
}

// statementStart reports whether the next token begins a statement: there "function"
// declares, and "{" opens a block.
func (l *lexer) statementStart() bool {
	p := l.prev
	switch p.kind {
	case tokEOF:
		return true
	case tokIdent:
		return !p.afterDot && (p.text == "else" || p.text == "do")
	case tokPunct:
		switch p.text {
		case ";", "}":
			return true
		case "{":
			return l.top().brace == braceBlock
		case ")":
			return l.lastClosed.control
		case ":":
			return !l.colonIsTernary && l.top().brace != braceObject
		}
	}
	return false
}

// braceAfter decides what a "{" at the current position opens.
func (l *lexer) braceAfter(afterTernaryColon bool) braceKind {
	if l.funcPending != nil && l.prev.text == ")" {
		kind := *l.funcPending
		l.funcPending = nil
		return kind
	}
	p := l.prev
	switch {
	case p.kind == tokEOF:
		return braceBlock
	case p.kind == tokIdent && !p.afterDot:
		switch p.text {
		case "else", "do", "try", "finally":
			return braceBlock
		}
	case p.kind == tokPunct:
		switch p.text {
		case ";", "{", "}", ")", "=>":
			return braceBlock
		case ":":
			// A property value or the end of a ?: is an expression; a label or a
			// case is followed by a statement.
			if afterTernaryColon || l.top().brace == braceObject && l.top().char == '{' {
				return braceObject
			}
			return braceBlock
		}
	}
	if l.expressionStart() {
		return braceObject
	}
	return braceBlock
}

// next returns the next token, tokEOF at the end.
func (l *lexer) next() token {
	l.skipSpaceAndComments()
	t := token{start: l.pos}
	if l.pos >= len(l.src) {
		t.kind = tokEOF
		t.end = l.pos
		return t
	}
	c := l.src[l.pos]
	switch {
	case isIdentStart(c):
		l.scanIdent()
		t.kind = tokIdent
		t.afterDot = l.prev.kind == tokPunct && (l.prev.text == "." || l.prev.text == "?.")
	case c >= '0' && c <= '9' || c == '.' && l.pos+1 < len(l.src) && isDigit(l.src[l.pos+1]):
		l.scanNumber()
		t.kind = tokNumber
	case c == '"' || c == '\'':
		l.scanString(c)
		t.kind = tokString
	case c == '`':
		l.scanTemplate()
		t.kind = tokTemplate
	case c == '/' && l.expressionStart():
		l.scanRegExp()
		t.kind = tokRegExp
	default:
		t.kind = tokPunct
		l.scanPunct()
	}
	t.end = l.pos
	t.text = l.src[t.start:t.end]
	l.track(&t)
	l.prev = t
	return t
}

// track updates the bracket stack and the function/ternary state for token t.
func (l *lexer) track(t *token) {
	if t.kind == tokIdent && !t.afterDot && t.text == "function" {
		kind := braceFuncExpr
		if l.statementStart() {
			kind = braceBlock // a declaration
		}
		l.funcPending = &kind
	}
	t.propertyStart = l.top().propStart
	l.top().propStart = false
	if t.kind != tokPunct {
		return
	}
	afterTernaryColon := l.colonIsTernary
	l.colonIsTernary = false
	switch t.text {
	case "(":
		control := l.prev.kind == tokIdent && !l.prev.afterDot &&
			(l.prev.text == "if" || l.prev.text == "while" || l.prev.text == "for" || l.prev.text == "with")
		l.stack = append(l.stack, bracket{char: '(', at: t.start, control: control})
	case "[":
		t.member = !l.expressionStart()
		l.stack = append(l.stack, bracket{char: '[', at: t.start})
	case "{":
		kind := l.braceAfter(afterTernaryColon)
		l.stack = append(l.stack, bracket{char: '{', at: t.start, brace: kind, propStart: kind == braceObject})
	case ")", "]", "}":
		if len(l.stack) > 1 {
			l.lastClosed = l.stack[len(l.stack)-1]
			l.stack = l.stack[:len(l.stack)-1]
		} else {
			l.lastClosed = bracket{}
		}
		t.openAt = l.lastClosed.at
	case "?":
		l.top().ternaries++
	case ":":
		if l.top().ternaries > 0 {
			l.top().ternaries--
			l.colonIsTernary = true
		}
	case ",":
		l.top().propStart = l.top().brace == braceObject && l.top().char == '{'
	}
}

func (l *lexer) skipSpaceAndComments() {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			l.pos++
		case c == '/' && strings.HasPrefix(l.src[l.pos:], "//"):
			end := strings.IndexByte(l.src[l.pos:], '\n')
			if end < 0 {
				l.pos = len(l.src)
			} else {
				l.pos += end
			}
		case c == '/' && strings.HasPrefix(l.src[l.pos:], "/*"):
			end := strings.Index(l.src[l.pos+2:], "*/")
			if end < 0 {
				l.pos = len(l.src)
			} else {
				l.pos += 2 + end + 2
			}
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(l.src[l.pos:])
			if !isUnicodeSpace(r) {
				return
			}
			l.pos += size
		default:
			return
		}
	}
}

func isUnicodeSpace(r rune) bool {
	switch r {
	case 0xA0, 0xFEFF, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isIdentStart accepts any non-ASCII byte: esbuild has vetted the identifiers, and
// non-ASCII letters are legal in ES5 names.
func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c == '\\' || c >= utf8.RuneSelf
}

func isIdentPart(c byte) bool { return isIdentStart(c) || isDigit(c) }

func (l *lexer) scanIdent() {
	for l.pos < len(l.src) && isIdentPart(l.src[l.pos]) {
		if l.src[l.pos] >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(l.src[l.pos:])
			if isUnicodeSpace(r) {
				return
			}
			l.pos += size
			continue
		}
		l.pos++
	}
}

// scanNumber takes digits, letters (hex digits, 0b/0o prefixes, exponents, the BigInt
// n), "_" separators and dots, and a sign right after a decimal exponent.
func (l *lexer) scanNumber() {
	hex := strings.HasPrefix(l.src[l.pos:], "0x") || strings.HasPrefix(l.src[l.pos:], "0X")
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '.':
			l.pos++
			if (c == 'e' || c == 'E') && !hex && l.pos < len(l.src) && (l.src[l.pos] == '+' || l.src[l.pos] == '-') {
				l.pos++
			}
		default:
			return
		}
	}
}

func (l *lexer) scanString(quote byte) {
	l.pos++
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch c {
		case '\\':
			l.pos += 2
			continue
		case quote:
			l.pos++
			return
		case '\n':
			return // unterminated: esbuild reports it
		}
		l.pos++
	}
	l.pos = min(l.pos, len(l.src))
}

// scanTemplate skips a template literal, with the expressions in its ${...} (which may
// hold strings and templates of their own).
func (l *lexer) scanTemplate() {
	l.pos++
	for l.pos < len(l.src) {
		switch l.src[l.pos] {
		case '\\':
			l.pos += 2
			continue
		case '`':
			l.pos++
			return
		case '$':
			if l.pos+1 < len(l.src) && l.src[l.pos+1] == '{' {
				l.pos += 2
				l.skipTemplateExpression()
				continue
			}
		}
		l.pos++
	}
	l.pos = min(l.pos, len(l.src))
}

func (l *lexer) skipTemplateExpression() {
	depth := 1
	for l.pos < len(l.src) {
		switch c := l.src[l.pos]; c {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				l.pos++
				return
			}
		case '\'', '"':
			l.scanString(c)
			continue
		case '`':
			l.scanTemplate()
			continue
		}
		l.pos++
	}
}

func (l *lexer) scanRegExp() {
	l.pos++
	inClass := false
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '\\':
			l.pos += 2
			continue
		case c == '\n':
			return
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '/' && !inClass:
			l.pos++
			for l.pos < len(l.src) && isIdentPart(l.src[l.pos]) && l.src[l.pos] < utf8.RuneSelf {
				l.pos++
			}
			return
		}
		l.pos++
	}
	l.pos = min(l.pos, len(l.src))
}

func (l *lexer) scanPunct() {
	rest := l.src[l.pos:]
	for _, p := range punctuators {
		if strings.HasPrefix(rest, p) {
			// "?." followed by a digit is "?" then a number: a ? .5 : 1.
			if p == "?." && len(rest) > 2 && isDigit(rest[2]) {
				continue
			}
			l.pos += len(p)
			return
		}
	}
	_, size := utf8.DecodeRuneInString(rest)
	l.pos += size
}

// tokenize returns all tokens of src, without the final tokEOF.
func tokenize(src string) []token {
	l := newLexer(src)
	var toks []token
	for {
		t := l.next()
		if t.kind == tokEOF {
			return toks
		}
		toks = append(toks, t)
	}
}
