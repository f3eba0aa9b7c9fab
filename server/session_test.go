package server

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// The shell's session endpoints refuse what they cannot do, saying why.
func TestSessionEndpointsRefuseBadInput(t *testing.T) {
	ts, _ := testServer(t, HubOptions{})
	post := func(path, body string) (int, string) {
		res, err := http.Post(ts.URL+path, "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, body := post("/session/device", `{"session": "s1", "model": "iPhone 12/13 (Pro)"}`); code != 200 || !strings.Contains(body, `"screenWidth":390`) {
		t.Errorf("a known device: %d %s", code, body)
	}
	if code, body := post("/session/device", `{"session": "s1", "model": "Nokia 3310"}`); code != 400 || !strings.Contains(body, `no device \"Nokia 3310\"`) || !strings.Contains(body, "iPhone SE") {
		t.Errorf("an unknown device: %d %s", code, body)
	}
	if code, body := post("/session/device", `not json`); code != 400 {
		t.Errorf("a bad body: %d %s", code, body)
	}
	if code, body := post("/project/conditions", `{"name": "a", "pathName": "pages/a/a"}`); code != 409 || !strings.Contains(body, "no project folder") {
		t.Errorf("a compile mode without a project folder: %d %s", code, body)
	}
	if code, body := post("/project/conditions", `{"name": ""}`); code != 400 {
		t.Errorf("a compile mode without a name: %d %s", code, body)
	}
}
