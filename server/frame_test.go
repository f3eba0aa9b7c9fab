package server

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestWithField(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`{"command":"X","data":{"a":[1,"}"]}}`, `{"command":"X","data":{"a":[1,"}"]},"webviewID":7}`},
		{"{}", `{"webviewID":7}`},
		{"{ } \n", `{"webviewID":7}`},
		{"{\"command\":\"X\"}\n", `{"command":"X","webviewID":7}`},
		// The sender's own member comes first; the hub's, last, is the one a reader keeps.
		{`{"webviewID":2}`, `{"webviewID":2,"webviewID":7}`},
	} {
		got := withField([]byte(c.in), "webviewID", 7)
		if string(got) != c.want {
			t.Errorf("withField(%s) = %s, want %s", c.in, got, c.want)
		}
		var v map[string]any
		if err := json.Unmarshal(got, &v); err != nil || v["webviewID"] != float64(7) {
			t.Errorf("withField(%s) = %s: not JSON with webviewID 7 (%v)", c.in, got, err)
		}
	}
}

func TestMembers(t *testing.T) {
	obj := []byte(` { "eventName" : "vdSync", "data":{"ops":[0,2,"a\"]}{[",{"x":[[]]}],"n":-1.5e3},` +
		"\n" + `"w\u0065bviewIds":[3, 4], "t":true,"z":null } `)
	got := members(obj, "eventName", "data", "webviewIds", "t", "z", "missing")
	want := []string{`"vdSync"`, `{"ops":[0,2,"a\"]}{[",{"x":[[]]}],"n":-1.5e3}`, `[3, 4]`, `true`, `null`, ""}
	for i := range want {
		if string(got[i]) != want[i] {
			t.Errorf("member %d = %q, want %q", i, got[i], want[i])
		}
	}
	if got[5] != nil {
		t.Errorf("a missing member = %q, want nil", got[5])
	}
}

// FuzzMembers checks members against encoding/json on every valid JSON object.
func FuzzMembers(f *testing.F) {
	f.Add([]byte(`{"eventName":"vdSync","data":{"ops":[0,"x\\\"]",{}]},"webviewIds":[1]}`))
	f.Add([]byte(`{"a":1,"b":[true,false,null],"c":"\u00e9"}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, obj []byte) {
		var want map[string]json.RawMessage
		if json.Unmarshal(obj, &want) != nil || want == nil {
			return
		}
		names := make([]string, 0, len(want))
		for k := range want {
			names = append(names, k)
		}
		got := members(obj, names...)
		for i, k := range names {
			// encoding/json keeps the last of two members of one name, so does members.
			if !bytes.Equal(got[i], want[k]) {
				t.Fatalf("members(%s)[%q] = %q, want %q", obj, k, got[i], want[k])
			}
		}
	})
}
