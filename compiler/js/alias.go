package js

import (
	"sort"
	"strings"
)

// Aliases is app.json's resolveAlias: module path prefixes mapped to folders of the
// mini-program root ({"@utils/*": "utils/*", "~/*": "/*"}). The longest prefix that
// matches a spec wins, as the official tools choose.
type Aliases []Alias

// Alias is one rule, without the "*" both sides end with.
type Alias struct {
	From string `json:"from"` // "@utils/"
	To   string `json:"to"`   // "utils/", relative to the root (a leading "/" is dropped)
}

// NewAliases sorts rules longest prefix first. Keys and values must end with "/*" (the
// caller reports those that do not); each loses the "*".
func NewAliases(rules map[string]string) Aliases {
	var a Aliases
	for from, to := range rules {
		a = append(a, Alias{From: strings.TrimSuffix(from, "*"), To: strings.TrimPrefix(strings.TrimSuffix(to, "*"), "/")})
	}
	sort.Slice(a, func(i, j int) bool {
		if len(a[i].From) != len(a[j].From) {
			return len(a[i].From) > len(a[j].From)
		}
		return a[i].From < a[j].From
	})
	return a
}

// Apply maps spec by the first rule whose prefix it starts with, to a /-absolute path.
func (a Aliases) Apply(spec string) (string, bool) {
	for _, r := range a {
		if strings.HasPrefix(spec, r.From) {
			return "/" + r.To + spec[len(r.From):], true
		}
	}
	return spec, false
}
