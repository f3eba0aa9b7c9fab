// Package diag is the one error type every mpsim compiler reports: a position in a
// user's file, a message, an optional hint on what to do, and a code frame.
package diag

import (
	"fmt"
	"strings"
)

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is a positioned message about a user's file. Line and Column are 1-based;
// Column counts characters (runes), not bytes, as editors do.
type Diagnostic struct {
	Severity Severity `json:"severity"`
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
	Frame    string   `json:"frame,omitempty"` // code frame, filled by WithFrame
}

// Error formats the diagnostic as "file:line:col: error: message", as compilers do.
func (d Diagnostic) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: %s: %s", d.File, d.Line, d.Column, d.Severity, d.Message)
	if d.Frame != "" {
		b.WriteString("\n")
		b.WriteString(d.Frame)
	}
	if d.Hint != "" {
		b.WriteString("\n  hint: ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// WithFrame returns d with its code frame cut from src, the text of d.File.
func (d Diagnostic) WithFrame(src []byte) Diagnostic {
	d.Frame = CodeFrame(src, d.Line, d.Column)
	return d
}

// List is a set of diagnostics that is itself an error when it holds any error.
type List []Diagnostic

// HasErrors reports whether any diagnostic in l is an error (not a warning).
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

func (l List) Error() string {
	parts := make([]string, len(l))
	for i, d := range l {
		parts[i] = d.Error()
	}
	return strings.Join(parts, "\n")
}

// Err returns l as an error when it holds an error, nil otherwise.
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

// CodeFrame renders the line before, the line of and the line after a position, with a
// caret under the column:
//
//	  2 | <view>
//	> 3 |   <text>{{ a + }}</text>
//	    |               ^
//	  4 | </view>
//
// Tabs are shown as two spaces, and the caret is padded by the width each character
// takes on screen: one cell for most, two for wide (CJK, fullwidth, emoji) ones, so that
// it stays under the column in a terminal. Line is 1-based and column counts runes; a
// line out of range gives "", a column past the end of the line puts the caret just
// after it.
func CodeFrame(src []byte, line, column int) string {
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	first, last := max(1, line-1), min(len(lines), line+1)
	width := len(fmt.Sprint(last))
	var b strings.Builder
	for n := first; n <= last; n++ {
		// A lone CR (old Mac line ends) would move a terminal's cursor back: drop it.
		text := strings.ReplaceAll(strings.ReplaceAll(lines[n-1], "\r", ""), "\t", "  ")
		marker := "  "
		if n == line {
			marker = "> "
		}
		fmt.Fprintf(&b, "%s%*d | %s\n", marker, width, n, text)
		if n == line {
			prefix := []rune(lines[n-1])
			col := min(max(column, 1), len(prefix)+1)
			pad := 0
			for _, r := range prefix[:col-1] {
				pad += cells(r)
			}
			fmt.Fprintf(&b, "  %s | %s^\n", strings.Repeat(" ", width), strings.Repeat(" ", pad))
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// cells is how many columns r takes in the frame: a tab is widened to two spaces, wide
// East Asian characters and emoji take two cells in a monospace font, a CR is dropped.
func cells(r rune) int {
	switch {
	case r == '\t':
		return 2
	case r == '\r':
		return 0
	case r >= 0x1100 && r <= 0x115F, // Hangul Jamo
		r >= 0x2E80 && r <= 0x303E,   // CJK radicals, punctuation
		r >= 0x3041 && r <= 0x33FF,   // kana, CJK symbols
		r >= 0x3400 && r <= 0x4DBF,   // CJK extension A
		r >= 0x4E00 && r <= 0x9FFF,   // CJK ideographs
		r >= 0xA000 && r <= 0xA4CF,   // Yi
		r >= 0xAC00 && r <= 0xD7A3,   // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF,   // CJK compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F,   // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFF60,   // fullwidth forms
		r >= 0xFFE0 && r <= 0xFFE6,   // fullwidth signs
		r >= 0x1F300 && r <= 0x1F64F, // emoji
		r >= 0x1F900 && r <= 0x1F9FF, // emoji
		r >= 0x20000 && r <= 0x3FFFD: // CJK extensions B and later
		return 2
	}
	return 1
}

// Position converts a byte offset in src to a 1-based line and rune column. An offset
// below 0 is the start of src, one past its end is the end.
func Position(src []byte, offset int) (line, column int) {
	line, column = 1, 1
	for _, r := range string(src[:min(max(offset, 0), len(src))]) {
		if r == '\n' {
			line++
			column = 1
		} else {
			column++
		}
	}
	return line, column
}
