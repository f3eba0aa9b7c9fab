package wxml

import (
	"html"
	"strconv"
	"strings"
	"unicode/utf8"
)

// decodeEntities decodes character references in static text: the HTML5 named ones
// (&amp; &lt; &nbsp; &copy; ...) and numeric ones (&#123; &#x1F;). Like glass-easel's
// compiler, an '&' that does not start a reference ("Tom & Jerry", "&b c") is kept as
// written, and a well-formed but unknown or invalid reference is reported at offset base+i.
func decodeEntities(raw string, base int, report func(offset int, msg string)) string {
	if !strings.Contains(raw, "&") {
		return raw
	}
	var b strings.Builder
	for i := 0; i < len(raw); {
		if raw[i] != '&' {
			b.WriteByte(raw[i])
			i++
			continue
		}
		ref, end, ok := scanReference(raw, i)
		if !ok {
			b.WriteByte('&')
			i++
			continue
		}
		if s, known := decodeReference(ref); known {
			b.WriteString(s)
		} else {
			report(base+i, "unknown or invalid character reference "+strconv.Quote(raw[i:end]))
			b.WriteString(raw[i:end])
		}
		i = end
	}
	return b.String()
}

// scanReference finds "&name;", "&#digits;" or "&#xhex;" at raw[i] and returns what is
// between '&' and ';' and the offset after ';'.
func scanReference(raw string, i int) (ref string, end int, ok bool) {
	j := i + 1
	isRefChar := func(c byte) bool { return isASCIILetter(c) || isDigit(c) }
	if j < len(raw) && raw[j] == '#' {
		j++
		if j < len(raw) && (raw[j] == 'x' || raw[j] == 'X') {
			j++
			isRefChar = isHexDigit
		} else {
			isRefChar = isDigit
		}
	}
	start := j
	for j < len(raw) && isRefChar(raw[j]) {
		j++
	}
	if j == start || j >= len(raw) || raw[j] != ';' {
		return "", 0, false
	}
	return raw[i+1 : j], j + 1, true
}

// decodeReference decodes the inside of one well-formed reference.
func decodeReference(ref string) (string, bool) {
	if ref[0] == '#' {
		var n uint64
		var err error
		if ref[1] == 'x' || ref[1] == 'X' {
			n, err = strconv.ParseUint(ref[2:], 16, 32)
		} else {
			n, err = strconv.ParseUint(ref[1:], 10, 32)
		}
		r := rune(n)
		if err != nil || n > utf8.MaxRune || !utf8.ValidRune(r) {
			return "", false
		}
		return string(r), true
	}
	// html has the full HTML5 table but does not export it: ask it to decode. A known
	// name decodes to one or two code points; a longer result is html's legacy prefix
	// matching ("&notit;" -> "¬it;"), which WXML does not do.
	whole := "&" + ref + ";"
	s := html.UnescapeString(whole)
	if s == whole || utf8.RuneCountInString(s) > 2 {
		return "", false
	}
	return s, true
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isHexDigit(c byte) bool    { return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'f' }
