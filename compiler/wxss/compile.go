package wxss

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mpsim/mpsim/compiler/diag"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/css"
)

// maxDepth bounds the nesting of blocks: deeper input is surely not a style sheet, and
// the parser recurses once per level.
const maxDepth = 256

var utf8BOM = []byte("\xEF\xBB\xBF")

// token is one CSS token with its byte offset in the source.
type token struct {
	tt   css.TokenType
	text []byte
	off  int
}

// Compile compiles one WXSS file; path is its project path ("pages/index/index.wxss"),
// against which @import paths resolve. Every problem is reported with its position and a
// code frame, and parsing goes on after it; when there is an error the Output must not be
// used.
func Compile(path string, src []byte, opts Options) (Output, diag.List) {
	src = bytes.TrimPrefix(src, utf8BOM) // a BOM is no column in an editor
	// Our own copy: the lexer writes a NUL after the input when there is room, and Link
	// cuts code frames from it long after the caller's bytes may have changed.
	src = append(make([]byte, 0, len(src)+1), src...)
	c := &compiler{path: path, src: src, opts: opts}
	c.tokenize()
	c.out.Grow(len(src) + len(src)/4)
	c.rules(ctxTop, 0)
	// The lexer's findings come first in the list; a reader wants them in file order.
	slices.SortStableFunc(c.diags, func(a, b diag.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return Output{CSS: c.out.String(), Imports: c.imports, marks: c.marks, src: c.src}, c.diags
}

type compiler struct {
	path    string
	src     []byte
	opts    Options
	toks    []token
	i       int // next token
	out     strings.Builder
	marks   []mark
	imports []Ref
	diags   diag.List
	// cutShort is set by a string or url() left open: the blocks it swallowed the end of
	// are then reported no more, being that error's consequence.
	cutShort   bool
	lineStarts []int // offsets of the lines, made on the first position asked for
}

// tokenize splits the source with tdewolff's CSS lexer and reports the tokens that the
// lexer accepts but a browser would silently cut short: strings and url()s left open.
func (c *compiler) tokenize() {
	lex := css.NewLexer(parse.NewInputBytes(c.src))
	c.toks = make([]token, 0, len(c.src)/3)
	off := 0
	for {
		tt, text := lex.Next()
		if tt == css.ErrorToken {
			break
		}
		switch tt {
		case css.BadStringToken:
			c.cutShort = true
			c.errorAt(off, "unclosed string: a string cannot span lines", `close it with `+string(text[0])+` on the same line, or end the line with \ to continue it`)
		case css.StringToken:
			if !closedString(text) {
				c.cutShort = true
				c.errorAt(off, "unclosed string", "close it with "+string(text[0]))
			}
		case css.BadURLToken:
			c.cutShort = true
			c.errorAt(off, "bad url(): quote the address, or escape its spaces, quotes and parentheses", "")
		case css.URLToken:
			if text[len(text)-1] != ')' {
				c.cutShort = true
				c.errorAt(off, `unclosed url(): it has no ")"`, "")
			}
		case css.CommentToken:
			if !closedComment(text) {
				c.warnAt(off, "unclosed comment: it hides everything up to the end of the file", `close it with "*/"`)
			}
		}
		c.toks = append(c.toks, token{tt, text, off})
		off += len(text)
	}
}

// closedString reports whether a string token ends with its quote (an unescaped one).
func closedString(text []byte) bool {
	if len(text) < 2 || text[len(text)-1] != text[0] {
		return false
	}
	backslashes := 0
	for i := len(text) - 2; i > 0 && text[i] == '\\'; i-- {
		backslashes++
	}
	return backslashes%2 == 0
}

func closedComment(text []byte) bool {
	return len(text) >= 4 && bytes.HasSuffix(text, []byte("*/"))
}

func (c *compiler) errorAt(off int, msg, hint string) { c.report(diag.Error, off, msg, hint) }
func (c *compiler) warnAt(off int, msg, hint string)  { c.report(diag.Warning, off, msg, hint) }

// maxDiags bounds the diagnostics of one file: past a hundred, more say nothing new, and
// each costs a scan of the file for its position and frame.
const maxDiags = 100

func (c *compiler) report(sev diag.Severity, off int, msg, hint string) {
	if len(c.diags) >= maxDiags {
		if len(c.diags) == maxDiags {
			c.diags = append(c.diags, diag.Diagnostic{Severity: diag.Error, File: c.path, Line: 1, Column: 1,
				Message: "too many errors in this file; the first 100 are shown"})
		}
		return
	}
	line, col := c.position(off)
	d := diag.Diagnostic{Severity: sev, File: c.path, Line: line, Column: col, Message: msg, Hint: hint}
	c.diags = append(c.diags, d.WithFrame(c.src))
}

// position is diag.Position without its scan from the start of the file, which made
// a file with thousands of @imports or errors quadratic.
func (c *compiler) position(off int) (line, column int) {
	if c.lineStarts == nil {
		c.lineStarts = []int{0}
		for i, b := range c.src {
			if b == '\n' {
				c.lineStarts = append(c.lineStarts, i+1)
			}
		}
	}
	off = min(off, len(c.src))
	i := sort.Search(len(c.lineStarts), func(i int) bool { return c.lineStarts[i] > off }) - 1
	return i + 1, utf8.RuneCount(c.src[c.lineStarts[i]:off]) + 1
}

// eofOff is the offset reported for "end of file".
func (c *compiler) eofOff() int { return len(c.src) }

func (c *compiler) peek() *token {
	if c.i < len(c.toks) {
		return &c.toks[c.i]
	}
	return nil
}

func (c *compiler) write(t *token) {
	if t.tt == css.CommentToken && !closedComment(t.text) {
		// An unclosed comment is closed, so that CSS linked after this file stays visible.
		c.out.Write(t.text)
		c.out.WriteString("*/")
		return
	}
	c.out.Write(t.text)
}

// skipSpace copies whitespace and comments.
func (c *compiler) skipSpace() {
	for t := c.peek(); t != nil && (t.tt == css.WhitespaceToken || t.tt == css.CommentToken); t = c.peek() {
		c.write(t)
		c.i++
	}
}

// blockCtx says what a block holds.
type blockCtx uint8

const (
	ctxTop       blockCtx = iota // the file: rules and at-rules, @import allowed
	ctxRules                     // @media and the like at the top: rules and at-rules
	ctxKeyframes                 // @keyframes: keyframe selectors, verbatim
	ctxNested                    // an at-rule inside a style rule (nested @media): declarations
)

// rules parses a list of rules up to the "}" that closes it (left for the caller) or the
// end of the file.
func (c *compiler) rules(ctx blockCtx, depth int) {
	for {
		c.skipSpace()
		t := c.peek()
		if t == nil {
			return
		}
		switch t.tt {
		case css.RightBraceToken:
			if ctx != ctxTop {
				return
			}
			c.errorAt(t.off, `unexpected "}": there is no block to close here`, `remove it, or look for a "{" missing before it`)
			c.i++
		case css.SemicolonToken:
			c.errorAt(t.off, `unexpected ";" between rules`, "remove it")
			c.i++
		case css.CDOToken, css.CDCToken:
			c.i++ // <!-- and --> are allowed, and meaningless, between top-level rules
		case css.AtKeywordToken:
			c.atRule(ctx, depth)
		default:
			c.qualifiedRule(ctx, depth)
		}
	}
}

// closes reports whether the closing token closer matches the opening token opener.
func closes(closer, opener css.TokenType) bool {
	if closer == css.RightBracketToken {
		return opener == css.LeftBracketToken
	}
	return opener == css.LeftParenthesisToken || opener == css.FunctionToken
}

// prelude collects the tokens before a block or the end of a statement: it stops, without
// consuming it, at "{", ";" or "}" outside parentheses and brackets, or at the end. An
// unclosed "(" or "[" is reported when the statement ends inside it. In a custom property
// value braces nest too ("--x: { a: b }" is a valid value).
func (c *compiler) prelude(customProperty bool) []token {
	start := c.i
	var open []int // indexes of the unclosed ( [ and, in custom properties, {
	for ; c.i < len(c.toks); c.i++ {
		t := &c.toks[c.i]
		switch t.tt {
		case css.LeftParenthesisToken, css.FunctionToken, css.LeftBracketToken:
			open = append(open, c.i)
		case css.RightParenthesisToken, css.RightBracketToken:
			// Only a closer of the right kind closes: "--x: {)}" keeps its brace open.
			if len(open) > 0 && closes(t.tt, c.toks[open[len(open)-1]].tt) {
				open = open[:len(open)-1]
			}
		case css.LeftBraceToken:
			if customProperty {
				open = append(open, c.i)
				continue
			}
			if len(open) > 0 {
				c.unclosed(open)
			}
			return c.toks[start:c.i]
		case css.RightBraceToken:
			if customProperty && len(open) > 0 && c.toks[open[len(open)-1]].tt == css.LeftBraceToken {
				open = open[:len(open)-1]
				continue
			}
			if len(open) > 0 {
				c.unclosed(open)
			}
			return c.toks[start:c.i]
		case css.SemicolonToken:
			if len(open) > 0 {
				if customProperty && c.toks[open[0]].tt == css.LeftBraceToken {
					continue
				}
				c.unclosed(open)
			}
			return c.toks[start:c.i]
		}
	}
	if len(open) > 0 {
		c.unclosed(open)
	}
	return c.toks[start:c.i]
}

func (c *compiler) unclosed(open []int) {
	t := &c.toks[open[len(open)-1]]
	want := ")"
	if t.tt == css.LeftBracketToken {
		want = "]"
	} else if t.tt == css.LeftBraceToken {
		want = "}"
	}
	c.errorAt(t.off, "unclosed "+quote(string(t.text[len(t.text)-1:]))+": it has no matching "+quote(want), "")
}

// qualifiedRule is "selector { declarations }" (or a keyframe "50% { ... }").
func (c *compiler) qualifiedRule(ctx blockCtx, depth int) {
	sel := c.prelude(false)
	t := c.peek()
	if t == nil || t.tt != css.LeftBraceToken {
		off := c.eofOff()
		what := "the end of the file"
		if t != nil {
			off, what = t.off, quote(string(t.text))
			if t.tt == css.SemicolonToken {
				c.i++
			}
		}
		text := strings.TrimSpace(tokensText(sel))
		if r := []rune(text); len(r) > 60 {
			text = string(r[:57]) + "..."
		}
		c.errorAt(off, `expected "{" after the selector `+quote(text)+", found "+what, "")
		return
	}
	if blank(sel) {
		c.errorAt(t.off, `expected a selector before "{"`, "")
	}
	if ctx == ctxKeyframes {
		c.writeAll(sel)
	} else {
		c.selector(sel)
	}
	c.block(depth, c.declarations)
}

// block copies "{", runs body, and expects the "}" that closes it.
func (c *compiler) block(depth int, body func(depth int)) {
	open := c.peek()
	c.write(open)
	c.i++
	if depth+1 > maxDepth {
		c.errorAt(open.off, "blocks nested too deeply", "")
		c.i = len(c.toks)
		return
	}
	body(depth + 1)
	if t := c.peek(); t != nil && t.tt == css.RightBraceToken {
		c.write(t)
		c.i++
		return
	}
	if !c.cutShort {
		c.errorAt(open.off, `unclosed block: this "{" has no matching "}"`, `add "}" where the block ends`)
	}
}

// declarations parses the inside of a style rule: declarations, and nested rules and
// at-rules (CSS nesting), up to the "}" that closes it.
func (c *compiler) declarations(depth int) {
	for {
		c.skipSpace()
		t := c.peek()
		if t == nil || t.tt == css.RightBraceToken {
			return
		}
		switch t.tt {
		case css.SemicolonToken:
			c.write(t)
			c.i++
			continue
		case css.AtKeywordToken:
			c.atRule(ctxNested, depth)
			continue
		}
		stmt := c.prelude(t.tt == css.CustomPropertyNameToken)
		if end := c.peek(); end != nil && end.tt == css.LeftBraceToken {
			c.selector(stmt) // a nested rule
			c.block(depth, c.declarations)
			continue
		}
		c.value(stmt)
	}
}

// atRule parses @name prelude; or @name prelude { ... }.
func (c *compiler) atRule(ctx blockCtx, depth int) {
	at := c.peek()
	name := strings.ToLower(string(at.text[1:]))
	if name == "import" {
		c.importRule(ctx)
		return
	}
	c.write(at)
	c.i++
	pre := c.prelude(false)
	c.writeAll(pre) // preludes are copied: wcsc converts no rpx in @media (min-width: 300rpx)
	t := c.peek()
	if t == nil {
		return
	}
	if t.tt != css.LeftBraceToken {
		// A statement at-rule (@charset, @layer a, b;) ends at ";", or at the "}" of the
		// block around it, which is the caller's.
		if t.tt == css.SemicolonToken {
			c.write(t)
			c.i++
		}
		return
	}
	switch {
	case ctx == ctxNested:
		c.block(depth, c.declarations)
	case strings.HasSuffix(name, "keyframes"):
		c.block(depth, func(d int) { c.rules(ctxKeyframes, d) })
	case groupingRules[name]:
		c.block(depth, func(d int) { c.rules(ctxRules, d) })
	default: // @font-face, @page, @property, @counter-style, ... hold declarations
		c.block(depth, c.declarations)
	}
}

// groupingRules are the at-rules whose block holds rules.
var groupingRules = map[string]bool{
	"media": true, "supports": true, "document": true, "-moz-document": true, "layer": true,
	"container": true, "scope": true, "starting-style": true,
}

// importRule parses @import "path"; (or url("path")), which Link replaces by the file.
func (c *compiler) importRule(ctx blockCtx) {
	at := c.peek()
	c.i++
	if ctx != ctxTop {
		c.errorAt(at.off, "@import is allowed only at the top level of a file, outside any block", "")
		c.prelude(false)
		if t := c.peek(); t != nil && t.tt == css.SemicolonToken {
			c.i++
		}
		return
	}
	c.skipSpaceQuiet()
	t := c.peek()
	var spec string
	ok := false
	if t != nil {
		switch t.tt {
		case css.StringToken:
			spec, ok = unquote(t.text), true
		case css.URLToken:
			spec, ok = urlValue(t.text), true
		}
	}
	if !ok {
		off := c.eofOff()
		if t != nil {
			off = t.off
		}
		c.errorAt(off, `@import needs a path in quotes: @import "other.wxss";`, "")
		c.prelude(false)
		if t := c.peek(); t != nil && t.tt == css.SemicolonToken {
			c.i++
		}
		return
	}
	c.i++
	c.skipSpaceQuiet()
	if end := c.peek(); end != nil && end.tt != css.SemicolonToken {
		c.errorAt(end.off, `expected ";" after @import `+quote(spec)+`, found `+quote(string(end.text)),
			"media queries and layers on @import are not supported in WXSS; wrap the rules in @media instead")
		c.prelude(false)
	}
	if end := c.peek(); end != nil && end.tt == css.SemicolonToken {
		c.i++
	}
	p, err := Resolve(c.path, spec)
	if err != nil {
		c.errorAt(t.off, err.Error(), "")
		return
	}
	line, col := c.position(at.off)
	ref := Ref{Path: p, Spec: spec, Line: line, Column: col}
	pos := c.out.Len()
	c.marks = append(c.marks, mark{kind: markImport, pos: pos, end: pos, ref: len(c.imports)})
	c.imports = append(c.imports, ref)
}

// skipSpaceQuiet skips whitespace and comments without copying them.
func (c *compiler) skipSpaceQuiet() {
	for t := c.peek(); t != nil && (t.tt == css.WhitespaceToken || t.tt == css.CommentToken); t = c.peek() {
		c.i++
	}
}

func (c *compiler) writeAll(toks []token) {
	for i := range toks {
		c.write(&toks[i])
	}
}

// value copies a declaration (or anything that is not a rule), converting rpx.
func (c *compiler) value(toks []token) {
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.tt == css.NumberToken && i+2 < len(toks) && toks[i+1].tt == css.DelimToken && toks[i+1].text[0] == '.' &&
			toks[i+2].tt == css.IdentToken && string(toks[i+2].text) == "rpx" {
			// "1.rpx": the CSS lexer leaves the "." out of the number, wcsc does not.
			if n, ok := rpxNumber(append(append([]byte{}, t.text...), ".rpx"...)); ok {
				c.out.WriteString(rpx(n))
				i += 2
				continue
			}
		}
		if t.tt == css.DimensionToken {
			if n, ok := rpxNumber(t.text); ok {
				c.out.WriteString(rpx(n))
				continue
			}
		}
		c.write(t)
	}
}

// rpxNumber returns N of a dimension "Nrpx" that wcsc converts: a plain decimal number
// (no exponent) and the unit in lower case.
func rpxNumber(text []byte) (float64, bool) {
	num, ok := bytes.CutSuffix(text, []byte("rpx"))
	if !ok || len(num) == 0 {
		return 0, false
	}
	digits := false
	for i, ch := range num {
		switch {
		case ch >= '0' && ch <= '9':
			digits = true
		case ch == '.' || (ch == '+' || ch == '-') && i == 0:
		default:
			return 0, false // an exponent, or an escape in the unit
		}
	}
	if !digits {
		return 0, false
	}
	n, err := strconv.ParseFloat(string(num), 64)
	return n, err == nil
}

// rpx is the CSS for n rpx: see the package documentation for why this shape.
func rpx(n float64) string {
	if n == 0 {
		return "0px"
	}
	px := "round(down, " + strconv.FormatFloat(n, 'f', -1, 64) + " * 100vw / 750 + 0.0001px, 1px)"
	if n < 0 {
		return px
	}
	return "max(1px, " + px + ")"
}

// blank reports whether toks are only whitespace and comments.
func blank(toks []token) bool {
	for _, t := range toks {
		if t.tt != css.WhitespaceToken && t.tt != css.CommentToken {
			return false
		}
	}
	return true
}

func tokensText(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		b.Write(t.text)
	}
	return b.String()
}

// unquote returns the text of a closed string token, with escapes of the quote and
// backslash undone (an import path has no other escapes in practice).
func unquote(text []byte) string {
	if len(text) < 2 {
		return ""
	}
	s := string(text[1 : len(text)-1])
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// urlValue returns the address inside url(...).
func urlValue(text []byte) string {
	open := bytes.IndexByte(text, '(')
	inner := bytes.TrimSpace(bytes.TrimSuffix(text[open+1:], []byte(")")))
	if len(inner) > 0 && (inner[0] == '"' || inner[0] == '\'') {
		return unquote(inner)
	}
	return string(inner)
}
