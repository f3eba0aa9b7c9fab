package js

import (
	"encoding/json"
	"strings"
)

// Bundle assembles one script (appservice.js) from plain text and compiled modules, with
// one source map for the whole file: V8 numbers the lines of a script loaded by
// importScripts from the file's first line, so every module's map is shifted by the lines
// written before it and merged. DevTools reads that one map through the script's
// sourceMappingURL comment; a stack trace (Error.stack) keeps the generated positions,
// which SourceMap.MapStack turns into the user's files and lines.
//
// The map is made only when asked for (Finish's sourceMap): merging the maps of a few
// thousand modules costs more than writing the script, and is needed only when DevTools
// or an error's stack trace reads it.
//
// The zero Bundle is empty and ready to use.
type Bundle struct {
	code    strings.Builder
	lines   int // newlines in code so far: the 0-based line being written
	modules []placedModule
}

// placedModule is a module's own source map and the line where its code starts.
type placedModule struct {
	path string
	line int
	sm   []byte
}

// mapMerger merges the placed modules' maps into one.
type mapMerger struct {
	sources  []string
	contents []*string
	names    []string
	segments []segment
	source   map[string]int // index of a source in sources
}

// Grow makes room for n more bytes, so that writing a large bundle copies it once.
func (b *Bundle) Grow(n int) { b.code.Grow(n) }

// WriteString appends text that maps to no source: the runtime's glue, templates.
func (b *Bundle) WriteString(s string) {
	b.code.WriteString(s)
	b.lines += strings.Count(s, "\n")
}

// WriteModule appends m.Code on a line of its own, and notes where, for its source map.
func (b *Bundle) WriteModule(m Module) {
	if b.code.Len() > 0 && !strings.HasSuffix(b.code.String(), "\n") {
		b.WriteString("\n")
	}
	if len(m.Map) > 0 {
		b.modules = append(b.modules, placedModule{path: m.Path, line: b.lines, sm: m.Map})
	}
	b.code.WriteString(m.Code)
	b.lines += m.Lines
	if !strings.HasSuffix(m.Code, "\n") {
		b.WriteString("\n")
	}
}

// add merges one module's map, shifted to the line its code starts on. The module's
// sources and names are added to the bundle's. A map that does not parse is left out:
// its module's lines then map nowhere.
func (mm *mapMerger) add(p placedModule) {
	sm, err := ParseSourceMap(p.sm)
	if err != nil {
		return
	}
	sourceIndex := make([]int, len(sm.Sources))
	for i, s := range sm.Sources {
		var content *string
		if i < len(sm.SourcesContent) {
			content = sm.SourcesContent[i]
		}
		sourceIndex[i] = mm.addSource(sm.SourceRoot+s, content)
	}
	nameIndex := make([]int, len(sm.Names))
	for i, n := range sm.Names {
		nameIndex[i] = len(mm.names)
		mm.names = append(mm.names, n)
	}
	for _, s := range sm.segments {
		s.genLine += p.line
		if s.source >= 0 {
			s.source = sourceIndex[s.source]
		}
		if s.name >= 0 {
			s.name = nameIndex[s.name]
		}
		mm.segments = append(mm.segments, s)
	}
}

func (mm *mapMerger) addSource(name string, content *string) int {
	if i, ok := mm.source[name]; ok {
		return i
	}
	if mm.source == nil {
		mm.source = map[string]int{}
	}
	mm.source[name] = len(mm.sources)
	mm.sources = append(mm.sources, name)
	mm.contents = append(mm.contents, content)
	return len(mm.sources) - 1
}

// Finish returns the script, and a function that makes its source map (JSON) when
// called. The script ends with a sourceMappingURL comment naming mapURL (relative to the
// script's URL, e.g. "appservice.js.map") unless mapURL is empty. file names the script
// in the map.
func (b *Bundle) Finish(file, mapURL string) (code string, sourceMap func() []byte) {
	if mapURL != "" {
		if b.code.Len() > 0 && !strings.HasSuffix(b.code.String(), "\n") {
			b.code.WriteString("\n")
		}
		b.code.WriteString("//# sourceMappingURL=" + mapURL + "\n")
	}
	text := b.code.String()
	modules := b.modules
	return text, func() []byte {
		var mm mapMerger
		for _, p := range modules {
			mm.add(p)
		}
		sm := SourceMap{
			Version: 3, File: file, Sources: mm.sources, SourcesContent: mm.contents,
			Names: mm.names, Mappings: encodeMappings(mm.segments),
		}
		if sm.Sources == nil {
			sm.Sources = []string{}
		}
		if sm.Names == nil {
			sm.Names = []string{}
		}
		out, _ := json.Marshal(sm) // cannot fail: strings and slices only
		return out
	}
}
