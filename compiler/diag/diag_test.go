package diag

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestCodeFrame(t *testing.T) {
	ten := strings.Repeat("x\n", 9) + "last"
	tests := []struct {
		name         string
		src          string
		line, column int
		want         string
	}{
		{
			name: "middle line shows the lines around it",
			src:  "a\nbb\nccc\ndddd", line: 2, column: 2,
			want: "" +
				"  1 | a\n" +
				"> 2 | bb\n" +
				"    |  ^\n" +
				"  3 | ccc",
		},
		{
			name: "first line has no line before",
			src:  "{\n  \"pages\": []\n}", line: 1, column: 1,
			want: "" +
				"> 1 | {\n" +
				"    | ^\n" +
				"  2 |   \"pages\": []",
		},
		{
			name: "last line has no line after",
			src:  "a\nbb\nccc", line: 3, column: 3,
			want: "" +
				"  2 | bb\n" +
				"> 3 | ccc\n" +
				"    |   ^",
		},
		{
			name: "one-line file",
			src:  `{"pages": "x"}`, line: 1, column: 11,
			want: "" +
				"> 1 | {\"pages\": \"x\"}\n" +
				"    |           ^",
		},
		{
			name: "empty file",
			src:  "", line: 1, column: 1,
			want: "" +
				"> 1 | \n" +
				"    | ^",
		},
		{
			name: "the empty line after a final newline is a line",
			src:  "a\nb\n", line: 3, column: 1,
			want: "" +
				"  2 | b\n" +
				"> 3 | \n" +
				"    | ^",
		},
		{
			name: "gutter is as wide as the largest line number shown",
			src:  ten, line: 9, column: 1,
			want: "" +
				"   8 | x\n" +
				">  9 | x\n" +
				"     | ^\n" +
				"  10 | last",
		},
		{
			name: "a tab is two spaces in the line and before the caret",
			src:  "{\n\t\"pages\": [\n\t\t\"a\",\n\t]\n}", line: 3, column: 3,
			want: "" +
				"  2 |   \"pages\": [\n" +
				"> 3 |     \"a\",\n" +
				"    |     ^\n" +
				"  4 |   ]",
		},
		{
			name: "tab after text",
			src:  "ab\tc", line: 1, column: 4,
			want: "" +
				"> 1 | ab  c\n" +
				"    |     ^",
		},
		{
			name: "accented letters are one character, not their bytes",
			src:  "é = été + x", line: 1, column: 11,
			want: "" +
				"> 1 | é = été + x\n" +
				"    |           ^",
		},
		{
			name: "CJK characters take two cells before the caret",
			src:  `{"title": "标题", "x": 1}`, line: 1, column: 17,
			want: "" +
				"> 1 | {\"title\": \"标题\", \"x\": 1}\n" +
				"    |                   ^",
		},
		{
			name: "caret on a CJK character",
			src:  "标题标题", line: 1, column: 3,
			want: "" +
				"> 1 | 标题标题\n" +
				"    |     ^",
		},
		{
			name: "fullwidth punctuation and emoji take two cells",
			src:  "a，😀b", line: 1, column: 4,
			want: "" +
				"> 1 | a，😀b\n" +
				"    |      ^",
		},
		{
			name: "CRLF line ends are not shown and do not move the caret",
			src:  "a\r\nbb\r\nccc\r\n", line: 2, column: 3,
			want: "" +
				"  1 | a\n" +
				"> 2 | bb\n" +
				"    |   ^\n" +
				"  3 | ccc",
		},
		{
			name: "lone CR is not printed",
			src:  "a\rb\nc", line: 1, column: 3,
			want: "" +
				"> 1 | ab\n" +
				"    |  ^\n" +
				"  2 | c",
		},
		{
			name: "column past the end of the line puts the caret just after it",
			src:  "abc\nd", line: 1, column: 40,
			want: "" +
				"> 1 | abc\n" +
				"    |    ^\n" +
				"  2 | d",
		},
		{
			name: "column 0 is the first column",
			src:  "abc", line: 1, column: 0,
			want: "" +
				"> 1 | abc\n" +
				"    | ^",
		},
		{name: "line 0 has no frame", src: "abc", line: 0, column: 1, want: ""},
		{name: "negative line has no frame", src: "abc", line: -3, column: 1, want: ""},
		{name: "line after the end has no frame", src: "a\nb", line: 3, column: 1, want: ""},
		{name: "line far after the end has no frame", src: "a\r\nb\r\n", line: 9, column: 1, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CodeFrame([]byte(tt.src), tt.line, tt.column); got != tt.want {
				t.Errorf("CodeFrame(%q, %d, %d) =\n%s\nwant\n%s", tt.src, tt.line, tt.column, got, tt.want)
			}
		})
	}
}

func TestPosition(t *testing.T) {
	tests := []struct {
		name         string
		src          string
		offset       int
		line, column int
	}{
		{"start", "abc", 0, 1, 1},
		{"within the first line", "abc", 2, 1, 3},
		{"end of the file", "abc", 3, 1, 4},
		{"past the end is the end", "abc", 99, 1, 4},
		{"negative is the start", "abc", -5, 1, 1},
		{"empty file", "", 0, 1, 1},
		{"on the newline", "ab\ncd", 2, 1, 3},
		{"start of the second line", "ab\ncd", 3, 2, 1},
		{"third line", "a\n\nxyz", 4, 3, 2},
		{"after a final newline", "a\n", 2, 2, 1},
		{"two-byte letter counts once", "é: x", 4, 1, 4},                   // é is 2 bytes
		{"three-byte CJK counts once", "标题: x", 8, 1, 5},                   // 标题 is 6 bytes
		{"four-byte emoji counts once", "😀x", 4, 1, 2},                     // 😀 is 4 bytes
		{"multibyte on an earlier line does not count", "标题\nab", 8, 2, 2}, // 6 + \n + a
		{"CRLF: the CR ends the line", "ab\r\ncd", 2, 1, 3},
		{"CRLF: next line", "ab\r\ncd", 5, 2, 2},
		{"tab is one column", "\tx", 1, 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			line, column := Position([]byte(tt.src), tt.offset)
			if line != tt.line || column != tt.column {
				t.Errorf("Position(%q, %d) = %d:%d, want %d:%d", tt.src, tt.offset, line, column, tt.line, tt.column)
			}
		})
	}
}

// A position found by Position, framed by CodeFrame, puts the caret under the byte at
// the offset, whatever comes before it on the line.
func TestPositionAndFrameAgree(t *testing.T) {
	src := "{\n\t\"标题\": \"é😀\",\r\n  \"k\": 1 }"
	for _, target := range []string{`"标题"`, `"é😀"`, "😀", `"k"`, "1", "}"} {
		offset := strings.Index(src, target)
		line, column := Position([]byte(src), offset)
		frame := CodeFrame([]byte(src), line, column)
		lines := strings.Split(frame, "\n")
		var marked, caret string
		for i, l := range lines {
			if strings.HasPrefix(l, "> ") {
				marked, caret = l, lines[i+1]
			}
		}
		// Cells before the caret in the caret line must equal cells before the target
		// in the marked line.
		bar := strings.Index(marked, " | ") + 3
		text := marked[bar:]
		want := strings.Index(text, strings.ReplaceAll(target, "\t", "  "))
		cellsBefore := 0
		for _, r := range text[:want] {
			cellsBefore += cells(r)
		}
		if got := strings.Index(caret, "^") - bar; got != cellsBefore {
			t.Errorf("%q at %d:%d: caret at cell %d, want %d\n%s", target, line, column, got, cellsBefore, frame)
		}
	}
}

func TestDiagnosticError(t *testing.T) {
	src := []byte("{\n  \"pages\": \"x\"\n}")
	tests := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{
			name: "message only",
			d:    Diagnostic{File: "app.json", Line: 2, Column: 12, Message: `"pages" must be an array`},
			want: `app.json:2:12: error: "pages" must be an array`,
		},
		{
			name: "with frame and hint",
			d: Diagnostic{File: "app.json", Line: 2, Column: 12, Message: `"pages" must be an array`,
				Hint: `write "pages": ["pages/index/index"]`}.WithFrame(src),
			want: "" +
				"app.json:2:12: error: \"pages\" must be an array\n" +
				"  1 | {\n" +
				"> 2 |   \"pages\": \"x\"\n" +
				"    |            ^\n" +
				"  3 | }\n" +
				"  hint: write \"pages\": [\"pages/index/index\"]",
		},
		{
			name: "hint without frame",
			d:    Diagnostic{File: "a.wxml", Line: 1, Column: 1, Message: "m", Hint: "h"},
			want: "a.wxml:1:1: error: m\n  hint: h",
		},
		{
			name: "warning",
			d:    Diagnostic{Severity: Warning, File: "a.js", Line: 3, Column: 7, Message: "unused"},
			want: "a.js:3:7: warning: unused",
		},
		{
			name: "frame out of range is left out",
			d:    Diagnostic{File: "app.json", Line: 9, Column: 1, Message: "m"}.WithFrame(src),
			want: "app.json:9:1: error: m",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.Error(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestWithFrameLeavesTheRestAlone(t *testing.T) {
	d := Diagnostic{Severity: Warning, File: "f", Line: 1, Column: 2, Message: "m", Hint: "h"}
	got := d.WithFrame([]byte("abc"))
	if got.Frame != CodeFrame([]byte("abc"), 1, 2) || got.Frame == "" {
		t.Errorf("frame %q", got.Frame)
	}
	got.Frame = ""
	if got != d {
		t.Errorf("WithFrame changed other fields: %+v", got)
	}
	if d.Frame != "" {
		t.Error("WithFrame changed its receiver")
	}
}

func TestSeverity(t *testing.T) {
	var zero Diagnostic
	if zero.Severity != Error || Error.String() != "error" || Warning.String() != "warning" {
		t.Errorf("zero severity %v, Error %q, Warning %q", zero.Severity, Error, Warning)
	}
}

func TestList(t *testing.T) {
	warn := Diagnostic{Severity: Warning, File: "a.js", Line: 1, Column: 1, Message: "w"}
	fail := Diagnostic{File: "b.js", Line: 2, Column: 3, Message: "e"}
	tests := []struct {
		name      string
		list      List
		hasErrors bool
	}{
		{"nil", nil, false},
		{"empty", List{}, false},
		{"warnings only", List{warn, warn}, false},
		{"one error", List{fail}, true},
		{"error after warnings", List{warn, warn, fail}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.list.HasErrors(); got != tt.hasErrors {
				t.Errorf("HasErrors() = %v, want %v", got, tt.hasErrors)
			}
			err := tt.list.Err()
			if (err != nil) != tt.hasErrors {
				t.Fatalf("Err() = %v, want an error: %v", err, tt.hasErrors)
			}
			if err == nil {
				return
			}
			var l List
			if !errors.As(err, &l) || len(l) != len(tt.list) {
				t.Errorf("Err() is not the list: %#v", err)
			}
		})
	}
}

func TestListErrorJoinsEveryDiagnostic(t *testing.T) {
	l := List{
		{Severity: Warning, File: "a.js", Line: 1, Column: 1, Message: "w"},
		{File: "b.js", Line: 2, Column: 3, Message: "e", Hint: "fix it"},
	}
	want := "a.js:1:1: warning: w\nb.js:2:3: error: e\n  hint: fix it"
	if got := l.Err().Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestDiagnosticJSON(t *testing.T) {
	b, err := json.Marshal(Diagnostic{File: "app.json", Line: 1, Column: 2, Message: "m"})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"severity":0,"file":"app.json","line":1,"column":2,"message":"m"}`; string(b) != want {
		t.Errorf("got %s, want %s", b, want)
	}
}
