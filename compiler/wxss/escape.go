package wxss

import (
	"strconv"
	"strings"
)

// identPrefix escapes s for the start of a CSS identifier (a class selector whose rest
// follows as written), so that any scope name makes a valid selector.
func identPrefix(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9' && (i == 0 || i == 1 && s[0] == '-'):
			// An identifier cannot start with a digit, nor with "-" and a digit.
			b.WriteString(`\3` + string(c) + ` `)
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_', c >= 0x80:
			b.WriteByte(c)
		case c < 0x20 || c == 0x7f:
			b.WriteString(`\` + strconv.FormatInt(int64(c), 16) + ` `)
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
	return b.String()
}

// cssStringEscape escapes s for the inside of a double-quoted CSS string.
func cssStringEscape(s string) string {
	if !strings.ContainsAny(s, "\"\\\n\r\f") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n', '\r', '\f':
			b.WriteString(`\` + strconv.FormatInt(int64(c), 16) + ` `)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
