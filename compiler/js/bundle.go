package js

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Bundle assembles one script (appservice.js) from plain text and compiled modules, with
// one source map for the whole file: V8 numbers the lines of a script loaded by
// importScripts from the file's first line, so every module's map is shifted by the lines
// written before it and merged. DevTools reads that one map through the script's
// sourceMappingURL comment; a stack trace (Error.stack) keeps the generated positions,
// which SourceMap.MapStack turns into the user's files and lines.
//
// The zero Bundle is empty and ready to use.
type Bundle struct {
	code     strings.Builder
	lines    int // newlines in code so far: the 0-based line being written
	sources  []string
	contents []*string
	names    []string
	segments []segment
	source   map[string]int // index of a source in sources
}

// WriteString appends text that maps to no source: the runtime's glue, templates.
func (b *Bundle) WriteString(s string) {
	b.code.WriteString(s)
	b.lines += strings.Count(s, "\n")
}

// WriteModule appends m.Code on a line of its own, and its source map, shifted to where
// the code lands. The module's map is its own (Transform's), so its sources and names
// are added to the bundle's.
func (b *Bundle) WriteModule(m Module) error {
	if b.code.Len() > 0 && !strings.HasSuffix(b.code.String(), "\n") {
		b.WriteString("\n")
	}
	if len(m.Map) > 0 {
		sm, err := ParseSourceMap(m.Map)
		if err != nil {
			return fmt.Errorf("%s: %w", m.Path, err)
		}
		sourceIndex := make([]int, len(sm.Sources))
		for i, s := range sm.Sources {
			var content *string
			if i < len(sm.SourcesContent) {
				content = sm.SourcesContent[i]
			}
			sourceIndex[i] = b.addSource(sm.SourceRoot+s, content)
		}
		nameIndex := make([]int, len(sm.Names))
		for i, n := range sm.Names {
			nameIndex[i] = len(b.names)
			b.names = append(b.names, n)
		}
		for _, s := range sm.segments {
			s.genLine += b.lines
			if s.source >= 0 {
				s.source = sourceIndex[s.source]
			}
			if s.name >= 0 {
				s.name = nameIndex[s.name]
			}
			b.segments = append(b.segments, s)
		}
	}
	b.WriteString(m.Code)
	if !strings.HasSuffix(m.Code, "\n") {
		b.WriteString("\n")
	}
	return nil
}

func (b *Bundle) addSource(name string, content *string) int {
	if i, ok := b.source[name]; ok {
		return i
	}
	if b.source == nil {
		b.source = map[string]int{}
	}
	b.source[name] = len(b.sources)
	b.sources = append(b.sources, name)
	b.contents = append(b.contents, content)
	return len(b.sources) - 1
}

// Finish returns the script and its source map (JSON). The script ends with a
// sourceMappingURL comment naming mapURL (relative to the script's URL, e.g.
// "appservice.js.map") unless mapURL is empty. file names the script in the map.
func (b *Bundle) Finish(file, mapURL string) (code, sourceMap []byte) {
	text := b.code.String()
	if mapURL != "" {
		if !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		text += "//# sourceMappingURL=" + mapURL + "\n"
	}
	sm := SourceMap{
		Version: 3, File: file, Sources: b.sources, SourcesContent: b.contents,
		Names: b.names, Mappings: encodeMappings(b.segments),
	}
	if sm.Sources == nil {
		sm.Sources = []string{}
	}
	if sm.Names == nil {
		sm.Names = []string{}
	}
	out, _ := json.Marshal(sm) // cannot fail: strings and slices only
	return []byte(text), out
}
