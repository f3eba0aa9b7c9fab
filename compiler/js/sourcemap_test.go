package js

import (
	"strings"
	"testing"
)

func TestMapStackKeepsOtherFrames(t *testing.T) {
	m, errs := Transform("a.ts", []byte("type T = number\n\nexport function f(): T {\n  throw new Error('x')\n}\n"))
	if errs != nil {
		t.Fatal(errs)
	}
	var b Bundle
	b.WriteString("// glue\n")
	b.WriteString("__mpsim.define(\"a.js\", function () {\n")
	b.WriteModule(m)
	b.WriteString("});\n")
	code, makeMap := b.Finish("appservice.js", "")
	mapJSON := makeMap()
	sm, err := ParseSourceMap(mapJSON)
	if err != nil {
		t.Fatal(err)
	}
	line, col := find(t, string(code), "new Error")
	stack := "Error: x\n    at f (http://127.0.0.1:1/appservice.js:" + itoa(line) + ":" + itoa(col) + ")\n    at http://127.0.0.1:1/worker.js:3:1"
	want := "Error: x\n    at f (a.ts:4:9)\n    at http://127.0.0.1:1/worker.js:3:1"
	if got := sm.MapStack(stack, "appservice.js"); got != want {
		t.Fatalf("MapStack:\n%s\nwant\n%s", got, want)
	}
}

func itoa(n int) string {
	var b []byte
	for ; n > 0 || len(b) == 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// FuzzMappings checks that decoding never panics and that what decodes re-encodes to
// the same segments.
func FuzzMappings(f *testing.F) {
	for _, s := range []string{"", ";;AAAA;AACA,EAAE", "AAAAA,CAACA;;gBAAgB", "A", "//", "+/+/", "AAAA;;;;AAAA", "A1AAA"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, mappings string) {
		segs, err := decodeMappings(mappings)
		if err != nil {
			return
		}
		again, err := decodeMappings(encodeMappings(segs))
		if err != nil {
			t.Fatalf("re-encoded mappings do not decode: %v", err)
		}
		if len(again) != len(segs) {
			t.Fatalf("%d segments, %d after a round trip", len(segs), len(again))
		}
		for i := range segs {
			a, b := segs[i], again[i]
			// A name only survives with a source, as the format says.
			if a.source < 0 {
				a.name = -1
			}
			if a != b {
				t.Fatalf("segment %d: %+v became %+v (%q)", i, a, b, strings.TrimSpace(mappings))
			}
		}
	})
}
