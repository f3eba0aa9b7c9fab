package server

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mpsim/mpsim/api"
)

// POST /apihelper/tempfile keeps the body as a new temporary file, named with the given
// extension when it is a plain one, which /wxfile/ then serves.
func TestTempFileUpload(t *testing.T) {
	files, err := api.OpenFiles(t.TempDir(), "default", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer files.Close()
	s := New(Options{Runtime: fstest.MapFS{}, Shell: fstest.MapFS{}, Files: files})
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	post := func(name, body string) (path string, size int) {
		t.Helper()
		res, err := http.Post(ts.URL+"/apihelper/tempfile?name="+name, "application/octet-stream", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out struct {
			TempFilePath string `json:"tempFilePath"`
			Size         int    `json:"size"`
		}
		if err := json.NewDecoder(res.Body).Decode(&out); err != nil || res.StatusCode != 200 {
			t.Fatalf("POST %s: %d %v", name, res.StatusCode, err)
		}
		return out.TempFilePath, out.Size
	}
	p, size := post("photo.PNG", "picture")
	if !strings.HasPrefix(p, "wxfile://tmp_") || !strings.HasSuffix(p, ".png") || size != 7 {
		t.Errorf("photo.PNG: %q %d, want a wxfile://tmp_*.png of 7 bytes", p, size)
	}
	res, err := http.Get(ts.URL + "/wxfile/" + strings.TrimPrefix(p, "wxfile://"))
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("serving %s: %v %v", p, err, res)
	}
	res.Body.Close()
	for _, name := range []string{"a.p/ng", "x.%2e%2e", "no-extension", "a.verylongextension"} {
		if p, _ := post(name, "x"); strings.Contains(strings.TrimPrefix(p, "wxfile://tmp_"), ".") {
			t.Errorf("name %q gave %q: want no extension", name, p)
		}
	}
	// A page of another origin may not leave files.
	req, _ := http.NewRequest("POST", ts.URL+"/apihelper/tempfile?name=a.txt", strings.NewReader("x"))
	req.Header.Set("Origin", "http://evil.example")
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusForbidden {
		t.Errorf("a foreign origin: %v %v, want 403", err, res)
	}
}
