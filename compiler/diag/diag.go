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
func CodeFrame(src []byte, line, column int) string {
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	first, last := max(1, line-1), min(len(lines), line+1)
	width := len(fmt.Sprint(last))
	var b strings.Builder
	for n := first; n <= last; n++ {
		text := strings.ReplaceAll(lines[n-1], "\t", "  ")
		marker := "  "
		if n == line {
			marker = "> "
		}
		fmt.Fprintf(&b, "%s%*d | %s\n", marker, width, n, text)
		if n == line {
			// Tabs were widened to two spaces above; widen them in the caret's offset too.
			prefix := []rune(lines[n-1])
			col := min(max(column, 1), len(prefix)+1)
			pad := 0
			for _, r := range prefix[:col-1] {
				if r == '\t' {
					pad += 2
				} else {
					pad++
				}
			}
			fmt.Fprintf(&b, "  %s | %s^\n", strings.Repeat(" ", width), strings.Repeat(" ", pad))
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// Position converts a byte offset in src to a 1-based line and rune column.
func Position(src []byte, offset int) (line, column int) {
	line, column = 1, 1
	for i, r := range string(src[:min(offset, len(src))]) {
		_ = i
		if r == '\n' {
			line++
			column = 1
		} else {
			column++
		}
	}
	return line, column
}
