// Package wxss compiles WXSS, the mini-program style language, to the CSS that a page
// iframe of the simulator loads.
//
// # What changes between WXSS and CSS
//
//   - rpx. 750rpx is the screen width, and the page iframe is exactly as wide as the
//     simulated screen, so N rpx becomes CSS that scales with the iframe (100vw) and is
//     rounded as the official runtime rounds: wcsc's transformRPX computes
//     floor(N/750*width + 1e-4) and turns a result of 0 into 1px. We emit
//
//     N > 0:  max(1px, round(down, N * 100vw / 750 + 0.0001px, 1px))
//     N < 0:  round(down, N * 100vw / 750 + 0.0001px, 1px)
//     N = 0:  0px
//
//     Like wcsc, only lower-case "rpx" with a plain decimal number is converted, in
//     declarations (custom properties, var() and env() fallbacks included) but not in
//     at-rule preludes such as @media; an "RPX" or "1e2rpx" stays, and the browser drops it
//     as wcsc's output makes it do. On iOS with a device pixel ratio above 1 the official
//     runtime writes 0.5px instead of 1px for a positive value that floors to 0; we always
//     write 1px (what it does everywhere else, and what Chromium's user agent gets).
//
//   - Tags. The page layer renders a built-in component <x> as the element <wx-x>, so
//     the type selector x becomes wx-x; a custom component's host keeps the name it is
//     used by (<van-button>) and the page's root is <page>, so those selectors stay as
//     written (selector.go, tagName). Keyframe selectors (from, to, 50%) are left alone.
//
//   - Style scopes (class names). glass-easel writes a class of an element that belongs
//     to a component with a style scope as "{scope}--{class}" (ClassList's
//     _$addClassToBackend; the runtime's composed backend, runtime/service/backend.ts,
//     writes the same string from addClass(name, scopeId) using the StyleScopeManager's
//     name for scopeId). A sheet linked with a non-empty scope therefore has every class
//     selector .c rewritten to .{scope}--c, escaped as a CSS identifier. A scope of ""
//     (app.wxss, pages, styleIsolation shared and page-shared) leaves classes as they are:
//     glass-easel's shared scope is registered under the name "", so it writes no prefix.
//     StyleScope says which scope a page's or component's sheet is linked with; ScopeName
//     is the scope name the build must also hand the runtime (defineStyleSheet), which
//     passes it to the adapter's CodeSpace.addStyleSheet(path, url, scopeName).
//
//     What follows from glass-easel without anything here: apply-shared (and
//     addGlobalClass) components get each class twice, in their own scope and in the
//     shared one ("" — unprefixed), so app and page sheets reach them; externalClasses and
//     the ~ and ^ class prefixes are resolved by ClassList to the owner's scope before the
//     backend sees them.
//
//   - :host. glass-easel's DOM backend marks the host element of a component that has a
//     dedicated scope with the attribute wx-host="{scope}" (component.ts). The composed
//     backend receives the same information as setStyleScope(scope, extra, hostScope):
//     the runtime must set wx-host to the name of hostScope when hostScope is defined.
//     :host becomes [wx-host="{scope}"] and :host(sel) becomes [wx-host="{scope}"]sel
//     (sel as written: the host's own classes are in its owner's scope). In a sheet linked
//     without a scope :host becomes [wx-host=""], which matches nothing, as glass-easel
//     gives a shared-scope component no wx-host (wcsc drops such rules).
//
//   - @import "x.wxss" (relative to the file, or /-absolute from the project root; the
//     .wxss extension may be left out) is replaced by the imported file's CSS, each file
//     at most once per linked sheet. Which @import of a file imported twice counts is
//     wcsc's runtime's answer: it assembles a sheet from its end backwards, so the last
//     one, in that order, wins (see linker.link).
//
// Everything else is copied as written: custom properties, var() and env() (apart from
// the rpx in them), url(), strings, comments and whitespace. Local url() paths are not
// rewritten (wcsc spoils them on purpose; the simulator serves the project's files).
//
// # API: compile per file, link per sheet
//
// Compile turns one file into an Output: its own CSS (imports left out, classes not yet
// scoped) with the places where Link inserts things, and Imports, the files it @imports,
// resolved to project paths. It reads no file, so the build graph caches its Output by the
// file's content and learns the @import edges from Imports. Link then assembles the sheet
// for one page, component or app.wxss from a map of compiled files, inlining imports and
// applying the scope; it reports missing files and cycles at the @import that causes
// them. Link is cheap (string concatenation), so it runs again whenever any file of the
// sheet changed.
package wxss

import (
	"cmp"
	"path"
	"slices"
	"strings"

	"github.com/mpsim/mpsim/compiler/diag"
)

// Options are what Compile needs to know beyond the source.
type Options struct {
	// Component says the file belongs to a component's sheet. Tag, ID and attribute
	// selectors then get a warning: the page frame has no shadow DOM, so such a rule
	// reaches every matching element of the page, not only the component's (wcsc warns
	// the same way).
	Component bool
}

// Ref is one @import of a file.
type Ref struct {
	Path   string `json:"path"`   // the imported file, project-relative ("common/base.wxss")
	Spec   string `json:"spec"`   // the path as written in the @import
	Line   int    `json:"line"`   // position of the @import, 1-based
	Column int    `json:"column"` // in runes, 1-based
}

// Output is one compiled file.
type Output struct {
	// CSS is the file's own CSS: rpx converted, tags mapped, classes unscoped, each
	// @import left out. It is what a sheet of this file alone, with no imports and no
	// scope, links to.
	CSS string
	// Imports are the files this one @imports, in order.
	Imports []Ref
	marks   []mark
	src     []byte // the source, for the code frames of the errors Link reports
}

// markKind says what Link puts at a mark.
type markKind uint8

const (
	markClass  markKind = iota // the scope prefix "{scope}--" of a class selector
	markHost                   // :host's attribute selector, replacing CSS[pos:end]
	markImport                 // the CSS of Imports[ref]
)

// mark is a place in Output.CSS where Link inserts something: CSS[pos:end] is replaced.
type mark struct {
	kind     markKind
	pos, end int
	ref      int
}

// hostSelector is :host's selector for a scope.
func hostSelector(scope string) string {
	return `[wx-host="` + cssStringEscape(scope) + `"]`
}

// Link assembles the sheet whose first file is entry, from files compiled by Compile
// (keyed by project path), with class selectors in scope ("" for none). An @import of a
// file that is not in files, or that closes a cycle, is an error at that @import; the
// rest of the sheet is still produced.
func Link(entry string, files map[string]*Output, scope string) (string, diag.List) {
	l := linker{files: files, scope: scope, seen: map[string]bool{entry: true}}
	if scope != "" {
		l.prefix = identPrefix(scope + "--")
	}
	root := files[entry]
	if root == nil {
		return "", diag.List{{File: entry, Line: 1, Column: 1, Message: "no compiled style sheet " + entry}}
	}
	l.link(entry, root)
	// The pieces were collected from the end backwards; put them in order.
	var b strings.Builder
	n := 0
	for _, p := range l.rev {
		n += len(p)
	}
	b.Grow(n)
	for i := len(l.rev) - 1; i >= 0; i-- {
		b.WriteString(l.rev[i])
	}
	slices.SortStableFunc(l.diags, func(a, b diag.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return b.String(), l.diags
}

type linker struct {
	files  map[string]*Output
	scope  string
	prefix string
	seen   map[string]bool // files already inlined (or being inlined)
	stack  []string        // the chain of imports being inlined, for cycle messages
	rev    []string        // the sheet's pieces, last first
	diags  diag.List
}

// link walks a file from its end to its start, as wcsc's runtime (makeup in its
// setCssToHead) does: a file imported more than once is inlined at its last @import in
// that order, which decides the cascade when two imports style the same class.
func (l *linker) link(file string, out *Output) {
	l.stack = append(l.stack, file)
	defer func() { l.stack = l.stack[:len(l.stack)-1] }()
	end := len(out.CSS)
	for i := len(out.marks) - 1; i >= 0; i-- {
		m := out.marks[i]
		l.rev = append(l.rev, out.CSS[m.end:end])
		end = m.pos
		switch m.kind {
		case markClass:
			l.rev = append(l.rev, l.prefix)
		case markHost:
			l.rev = append(l.rev, hostSelector(l.scope))
		case markImport:
			ref := out.Imports[m.ref]
			if i := indexOf(l.stack, ref.Path); i >= 0 {
				chain := append(append([]string{}, l.stack[i:]...), ref.Path)
				l.report(file, out, ref, "@import cycle: "+strings.Join(chain, " -> "),
					"a file cannot import itself, directly or through others; remove one of these imports")
				continue
			}
			if l.seen[ref.Path] {
				continue // each file once per sheet
			}
			dep := l.files[ref.Path]
			if dep == nil {
				l.report(file, out, ref, "@import "+quote(ref.Spec)+": file "+ref.Path+" not found",
					"the path is relative to this file, or to the project root when it starts with /")
				l.seen[ref.Path] = true // one error per missing file is enough
				continue
			}
			l.seen[ref.Path] = true
			l.link(ref.Path, dep)
		}
	}
	l.rev = append(l.rev, out.CSS[:end])
}

func (l *linker) report(file string, out *Output, ref Ref, msg, hint string) {
	if len(l.diags) >= maxDiags {
		return // each costs a scan of the file for its code frame
	}
	l.diags = append(l.diags, diag.Diagnostic{
		File: file, Line: ref.Line, Column: ref.Column, Message: msg, Hint: hint,
		Frame: diag.CodeFrame(out.src, ref.Line, ref.Column),
	})
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// Resolve turns the path of an @import in file from into a project path: relative to
// from's folder, or to the project root when spec starts with "/". ".wxss" is added when
// spec names no .wxss or .css file, as wcsc does. A path that leaves the project is an
// error.
func Resolve(from, spec string) (string, error) {
	if spec == "" {
		return "", errString("empty @import path")
	}
	var p string
	if strings.HasPrefix(spec, "/") {
		p = path.Clean(spec[1:])
	} else {
		p = path.Join(path.Dir(from), spec)
	}
	if p == ".." || strings.HasPrefix(p, "../") || p == "." || p == "" {
		return "", errString("@import path " + quote(spec) + " leaves the project folder")
	}
	if !strings.HasSuffix(p, ".wxss") && !strings.HasSuffix(p, ".css") {
		p += ".wxss"
	}
	return p, nil
}

type errString string

func (e errString) Error() string { return string(e) }

// ScopeName is the style scope name of the page or component at path ("components/
// card/index", with or without .wxss), for StyleScope and for the runtime's
// defineStyleSheet. It is a CSS identifier made only of [A-Za-z0-9_-], readable, and
// distinct for distinct paths: "/" becomes "__", any other byte outside [A-Za-z0-9-]
// becomes "_" and two hex digits.
func ScopeName(p string) string {
	p = strings.TrimSuffix(strings.TrimPrefix(p, "/"), ".wxss")
	const hex = "0123456789abcdef"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-':
			b.WriteByte(c)
		case c == '/':
			b.WriteString("__")
		default:
			b.WriteByte('_')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// StyleScope is the scope that the sheet of the page or component at path is linked
// with, given its .json: "" where glass-easel uses the shared scope (pages by default,
// styleIsolation "shared" and "page-shared"), ScopeName(path) where it registers a scope
// of its own (components by default, "isolated", "apply-shared", addGlobalClass,
// "page-isolated", "page-apply-shared"). It mirrors the adapter's
// CodeSpace.prepareComponentOptions for the main code space.
func StyleScope(path string, component bool, styleIsolation string, addGlobalClass bool) string {
	if styleIsolation == "" {
		switch {
		case !component:
			styleIsolation = "shared"
		case addGlobalClass:
			styleIsolation = "apply-shared"
		default:
			styleIsolation = "isolated"
		}
	}
	if styleIsolation == "shared" || styleIsolation == "page-shared" {
		return ""
	}
	return ScopeName(path)
}

func quote(s string) string { return `"` + s + `"` }
