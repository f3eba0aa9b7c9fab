package wxs

import "testing"

// TestRegExpOrDivision: a "/" is a regular expression where an expression starts and a
// division after one; the cases are those where only the brackets around tell.
func TestRegExpOrDivision(t *testing.T) {
	for _, c := range []struct {
		src     string
		regexps int
	}{
		{"a = b / c / d", 0},
		{"x = (a) / 2", 0},
		{"x = a[0] / 2 + 's' / 2 + 1 / 2 + this / 2", 0},
		{"a++ / 2", 0},
		{"x = {a: 1} / 2", 0},
		{"var f = function () {} / 2", 0},
		{"o = { a: function () {} / 2 }", 0},
		{"x = a\n/re/g", 0}, // no semicolon insertion: a division
		{"x = c ? a : {n: 1} / 2", 0},
		{"x = c ? {n: 1} : {m: 2} / 2", 0},
		{"switch (a) { case 1: {} /re/.test(b) }", 1},
		{"if (a) /x/.test(b)", 1},
		{"while (a) /x/.exec(b)", 1},
		{"return /re/", 1},
		{"x = typeof /x/", 1},
		{"x = y ? /a/ : /b/", 2},
		{"f(/a/, [/b/])", 2},
		{"function f() {}\n/re/.test(s)", 1},
		{"{}\n/re/.test(a)", 1},
		{"if (a) {} /re/.test(a)", 1},
		{"x = /[/]/.source / 2", 1},
		{"x = /a\\/b/", 1},
	} {
		n := 0
		for _, tok := range tokenize(c.src) {
			if tok.kind == tokRegExp {
				n++
			}
		}
		if n != c.regexps {
			t.Errorf("%q: %d regexps, want %d", c.src, n, c.regexps)
		}
	}
}

func TestStringValue(t *testing.T) {
	for lit, want := range map[string]string{
		`'./a.wxs'`:      "./a.wxs",
		`"a\"b"`:         `a"b`,
		`'\x41\u0042\n'`: "AB\n",
		`'\u00'`:         "u00",
		`'unterminated`:  "unterminated",
		`"`:              "",
		`'constructor'`:  "constructor",
		`"\c\o\n\s"`:     "co\ns",
	} {
		if got := stringValue(lit); got != want {
			t.Errorf("stringValue(%s) = %q, want %q", lit, got, want)
		}
	}
}
