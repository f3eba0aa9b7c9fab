package wxss

import (
	"strings"

	"github.com/tdewolff/parse/v2/css"
)

// fnKind is what the arguments of a parenthesis in a selector are.
type fnKind uint8

const (
	fnSelector fnKind = iota // :not(...), :is(...): a selector list, rewritten like the rest
	fnHost                   // :host(...): the host's own selector, copied as written
	fnOther                  // :nth-child(2n+1), anything else: copied as written
)

// selectorFns are the pseudo-classes whose arguments are selectors.
var selectorFns = map[string]bool{
	"not(": true, "is(": true, "where(": true, "has(": true, "matches(": true,
	"-webkit-any(": true, "-moz-any(": true,
}

// selector copies a selector list, mapping tags to the elements the page layer creates,
// marking class names for the scope prefix and rewriting :host (see the package doc).
func (c *compiler) selector(toks []token) {
	var fns []fnKind
	brackets := 0
	tagPos := true // an identifier here is a type selector
	warned := false
	warn := func(t *token, what string) {
		if c.opts.Component && !warned {
			warned = true
			c.warnAt(t.off, what+" in a component's style sheet applies to the whole page, not only to the component",
				"use class selectors in components")
		}
	}
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.tt == css.CommentToken {
			c.write(t)
			continue
		}
		verbatim := brackets > 0 || len(fns) > 0 && fns[len(fns)-1] != fnSelector
		switch t.tt {
		case css.LeftBracketToken:
			if brackets == 0 {
				warn(t, "an attribute selector")
			}
			brackets++
		case css.RightBracketToken:
			brackets = max(0, brackets-1)
			c.write(t)
			tagPos = false
			continue
		}
		if brackets > 0 {
			c.write(t)
			continue
		}
		next := nextToken(toks, i)
		switch t.tt {
		case css.WhitespaceToken, css.CommaToken:
			c.write(t)
			tagPos = true
			continue
		case css.DelimToken:
			switch t.text[0] {
			case '.':
				if next != nil && (next.tt == css.IdentToken || next.tt == css.CustomPropertyNameToken) {
					c.write(t)
					if len(fns) == 0 || fns[len(fns)-1] == fnSelector {
						pos := c.out.Len()
						c.marks = append(c.marks, mark{kind: markClass, pos: pos, end: pos})
					}
					c.write(next)
					i++
					tagPos = false
					continue
				}
			case '>', '+', '~':
				c.write(t)
				tagPos = true
				continue
			}
		case css.ColonToken:
			if next != nil && !verbatim {
				if next.tt == css.IdentToken && strings.EqualFold(string(next.text), "host") {
					c.host()
					i++
					tagPos = false
					continue
				}
				if next.tt == css.FunctionToken && strings.EqualFold(string(next.text), "host(") {
					c.host()
					fns = append(fns, fnHost)
					i++
					tagPos = false
					continue
				}
			}
			if next != nil && next.tt == css.ColonToken { // ::pseudo-element
				c.write(t)
				i++
				t, next = next, nextToken(toks, i)
			}
			c.write(t)
			if next != nil && next.tt == css.FunctionToken {
				kind := fnOther
				if !verbatim && selectorFns[strings.ToLower(string(next.text))] {
					kind = fnSelector
				}
				fns = append(fns, kind)
				c.write(next)
				i++
				tagPos = kind == fnSelector
				continue
			}
			if next != nil && next.tt == css.IdentToken { // the pseudo-class's name is no tag
				c.write(next)
				i++
			}
			tagPos = false
			continue
		case css.FunctionToken, css.LeftParenthesisToken:
			fns = append(fns, fnOther)
		case css.RightParenthesisToken:
			if len(fns) > 0 {
				kind := fns[len(fns)-1]
				fns = fns[:len(fns)-1]
				if kind == fnHost {
					continue // :host(.a) became [wx-host="s"].a
				}
			}
		case css.IdentToken:
			if tagPos && !verbatim {
				warn(t, "a tag selector")
				c.out.WriteString(tagName(t.text))
				tagPos = false
				continue
			}
		case css.HashToken:
			if !verbatim {
				warn(t, "an ID selector")
			}
		}
		c.write(t)
		tagPos = false
	}
}

// host writes :host's selector for the sheet's scope, which Link fills in.
func (c *compiler) host() {
	pos := c.out.Len()
	c.out.WriteString(hostSelector(""))
	c.marks = append(c.marks, mark{kind: markHost, pos: pos, end: c.out.Len()})
}

// nextToken is the token after toks[i], or nil.
func nextToken(toks []token, i int) *token {
	if i+1 < len(toks) {
		return &toks[i+1]
	}
	return nil
}

// tagName is the element the page layer renders for a WXML tag (runtime/view): a
// built-in component <view> is <wx-view>; the page's root is <page>; a custom
// component's host keeps the name it is used by (<van-button>), so its tag stays.
func tagName(tag []byte) string {
	lower := strings.ToLower(string(tag))
	if builtinComponents[lower] {
		return "wx-" + lower
	}
	return string(tag)
}

// builtinComponents are the mini-program's built-in components (the official docs'
// component list), which the page layer renders as wx-<name>.
var builtinComponents = map[string]bool{}

func init() {
	for _, name := range strings.Fields(`
		view scroll-view swiper swiper-item movable-area movable-view cover-view cover-image
		match-media page-container root-portal grid-view list-view sticky-header sticky-section
		icon progress rich-text text selection
		button checkbox checkbox-group editor form input keyboard-accessory label picker
		picker-view picker-view-column radio radio-group slider switch textarea
		functional-page-navigator navigator
		audio camera channel-live channel-video image live-player live-pusher video voip-room
		map canvas web-view ad ad-custom official-account open-data store-home store-product
		navigation-bar page-meta block slot`) {
		builtinComponents[name] = true
	}
}
