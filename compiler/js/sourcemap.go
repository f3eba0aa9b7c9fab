package js

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// SourceMap is a source map, version 3 (https://tc39.es/ecma426/), without index maps.
type SourceMap struct {
	Version        int       `json:"version"`
	File           string    `json:"file,omitempty"`
	SourceRoot     string    `json:"sourceRoot,omitempty"`
	Sources        []string  `json:"sources"`
	SourcesContent []*string `json:"sourcesContent,omitempty"`
	Names          []string  `json:"names"`
	Mappings       string    `json:"mappings"`

	segments []segment // Mappings decoded, by Lookup
}

// segment is one decoded mapping, all fields absolute and 0-based. A segment with
// source -1 maps its generated text to no source.
type segment struct {
	genLine, genCol           int
	source, origLine, origCol int
	name                      int // -1: none
}

// ParseSourceMap decodes a source map's JSON.
func ParseSourceMap(data []byte) (*SourceMap, error) {
	var sm SourceMap
	if err := json.Unmarshal(data, &sm); err != nil {
		return nil, fmt.Errorf("source map: %w", err)
	}
	if sm.Version != 3 {
		return nil, fmt.Errorf("source map: version %d, want 3", sm.Version)
	}
	segs, err := decodeMappings(sm.Mappings)
	if err != nil {
		return nil, fmt.Errorf("source map: %w", err)
	}
	sm.segments = segs
	return &sm, nil
}

// Position is a place in an original source: 1-based line, 0-based column, as stack
// traces and source map consumers print them (Column counts UTF-16 units, as JavaScript).
type Position struct {
	Source       string
	Line, Column int
}

// Lookup maps a generated position (1-based line and column, as in an Error's stack) to
// the original position of the nearest segment at or before it on that line.
func (sm *SourceMap) Lookup(line, column int) (Position, bool) {
	genLine, genCol := line-1, column-1
	i := sort.Search(len(sm.segments), func(i int) bool {
		s := sm.segments[i]
		return s.genLine > genLine || s.genLine == genLine && s.genCol > genCol
	}) - 1
	if i < 0 || sm.segments[i].genLine != genLine || sm.segments[i].source < 0 {
		return Position{}, false
	}
	s := sm.segments[i]
	if s.source >= len(sm.Sources) {
		return Position{}, false
	}
	return Position{Source: sm.SourceRoot + sm.Sources[s.source], Line: s.origLine + 1, Column: s.origCol}, true
}

// stackFrame matches "<url>:<line>:<column>" in a V8 stack trace.
var stackFrame = regexp.MustCompile(`(\S+?):(\d+):(\d+)`)

// MapStack rewrites the frames of a V8 stack trace (an Error's stack) that are in the
// generated file named file (the script URL, or its last element: "appservice.js") to
// the original sources' positions, and leaves the other frames as they are.
func (sm *SourceMap) MapStack(stack, file string) string {
	return stackFrame.ReplaceAllStringFunc(stack, func(frame string) string {
		m := stackFrame.FindStringSubmatch(frame)
		url := strings.TrimPrefix(m[1], "(")
		if url != file && !strings.HasSuffix(url, "/"+file) {
			return frame
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		pos, ok := sm.Lookup(line, col)
		if !ok {
			return frame
		}
		return fmt.Sprintf("%s%s:%d:%d", m[1][:len(m[1])-len(url)], pos.Source, pos.Line, pos.Column+1)
	})
}

const base64Digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

var base64Value = func() (v [256]int8) {
	for i := range v {
		v[i] = -1
	}
	for i := range len(base64Digits) {
		v[base64Digits[i]] = int8(i)
	}
	return v
}()

// decodeMappings decodes a "mappings" string into absolute segments, ordered by
// generated position.
func decodeMappings(s string) ([]segment, error) {
	var segs []segment
	var genLine, source, origLine, origCol, name int
	for _, line := range strings.Split(s, ";") {
		genCol := 0
		for _, field := range strings.Split(line, ",") {
			if field == "" {
				continue
			}
			var vals [5]int
			n := 0
			for rest := field; rest != ""; n++ {
				if n == len(vals) {
					return nil, fmt.Errorf("mapping %q has more than 5 fields", field)
				}
				v, tail, err := decodeVLQ(rest)
				if err != nil {
					return nil, err
				}
				vals[n], rest = v, tail
			}
			genCol += vals[0]
			seg := segment{genLine: genLine, genCol: genCol, source: -1, name: -1}
			if n == 2 || n == 3 {
				return nil, fmt.Errorf("mapping %q has %d fields: 1, 4 or 5 expected", field, n)
			}
			if n >= 4 {
				source += vals[1]
				origLine += vals[2]
				origCol += vals[3]
				seg.source, seg.origLine, seg.origCol = source, origLine, origCol
			}
			if n == 5 {
				name += vals[4]
				seg.name = name
			}
			if seg.genCol < 0 || seg.origLine < 0 || seg.origCol < 0 || n >= 4 && seg.source < 0 || n == 5 && seg.name < 0 {
				return nil, fmt.Errorf("mapping %q makes a negative position or index", field)
			}
			segs = append(segs, seg)
		}
		genLine++
	}
	sort.SliceStable(segs, func(i, j int) bool {
		return segs[i].genLine < segs[j].genLine || segs[i].genLine == segs[j].genLine && segs[i].genCol < segs[j].genCol
	})
	return segs, nil
}

func decodeVLQ(s string) (value int, rest string, err error) {
	shift, v := 0, 0
	for i := 0; i < len(s); i++ {
		digit := base64Value[s[i]]
		if digit < 0 {
			return 0, "", fmt.Errorf("bad base64 digit %q in mappings", s[i])
		}
		v |= int(digit&31) << shift
		if digit&32 == 0 {
			if v&1 != 0 {
				return -(v >> 1), s[i+1:], nil
			}
			return v >> 1, s[i+1:], nil
		}
		shift += 5
		if shift > 60 {
			break
		}
	}
	return 0, "", errors.New("truncated VLQ in mappings")
}

// encodeMappings encodes segments ordered by generated position.
func encodeMappings(segs []segment) string {
	var b strings.Builder
	var genLine, source, origLine, origCol, name int
	genCol := 0
	first := true
	for _, s := range segs {
		for genLine < s.genLine {
			b.WriteByte(';')
			genLine++
			genCol, first = 0, true
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		encodeVLQ(&b, s.genCol-genCol)
		genCol = s.genCol
		if s.source < 0 {
			continue
		}
		encodeVLQ(&b, s.source-source)
		encodeVLQ(&b, s.origLine-origLine)
		encodeVLQ(&b, s.origCol-origCol)
		source, origLine, origCol = s.source, s.origLine, s.origCol
		if s.name >= 0 {
			encodeVLQ(&b, s.name-name)
			name = s.name
		}
	}
	return b.String()
}

func encodeVLQ(b *strings.Builder, v int) {
	u := v << 1
	if v < 0 {
		u = (-v << 1) | 1
	}
	for {
		digit := u & 31
		u >>= 5
		if u > 0 {
			digit |= 32
		}
		b.WriteByte(base64Digits[digit])
		if u == 0 {
			return
		}
	}
}
