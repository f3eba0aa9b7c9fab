package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/mpsim/mpsim/api"
	"github.com/mpsim/mpsim/compiler"
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
	if code, body := post("/session/theme", `{"session": "s1", "theme": "sepia"}`); code != 400 || !strings.Contains(body, `no theme \"sepia\"`) {
		t.Errorf("an unknown theme: %d %s", code, body)
	}
	if code, body := post("/session/theme", `{"session": "s1", "theme": "dark"}`); code != 200 {
		t.Errorf("the dark theme: %d %s", code, body)
	}
	if code, body := post("/project/conditions", `{"name": "a", "pathName": "pages/a/a"}`); code != 409 || !strings.Contains(body, "no project folder") {
		t.Errorf("a compile mode without a project folder: %d %s", code, body)
	}
	if code, body := post("/project/conditions", `{"name": ""}`); code != 400 {
		t.Errorf("a compile mode without a name: %d %s", code, body)
	}
}

// The mini-program's own files are served by path from the root of the last good build;
// folders and paths outside it are not.
func TestProjectFilesAreServed(t *testing.T) {
	s := New(Options{Runtime: fstest.MapFS{}, Shell: fstest.MapFS{}})
	s.SetBuild(&compiler.Output{Files: fstest.MapFS{
		"images/a.png":       {Data: []byte("PNG")},
		"pages/index/x.json": {Data: []byte("{}")},
	}}, nil)
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	get := func(p string) (int, string) {
		res, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, body := get("/images/a.png"); code != 200 || body != "PNG" {
		t.Errorf("/images/a.png: %d %q", code, body)
	}
	for _, p := range []string{"/images", "/images/", "/missing.png"} {
		if code, _ := get(p); code != 404 {
			t.Errorf("%s: %d, want 404", p, code)
		}
	}
	// A path climbing out is refused.
	if code, _ := get("/%2e%2e/%2e%2e/etc/passwd"); code == 200 {
		t.Errorf("/../../etc/passwd: %d", code)
	}
}

// The sandbox's files are served read-only under /wxfile/ by their wxfile:// path; nothing
// outside it, and no file of the code package, is.
func TestSandboxFilesAreServed(t *testing.T) {
	dir := t.TempDir()
	files, err := api.OpenFiles(dir, "default", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer files.Close()
	os.WriteFile(filepath.Join(dir, "files", "default", "usr", "a.png"), []byte("PNG"), 0o644)
	os.WriteFile(filepath.Join(dir, "secret"), []byte("secret"), 0o644)
	tmp, _ := files.TempFile(".txt", []byte("temp"))
	s := New(Options{Runtime: fstest.MapFS{}, Shell: fstest.MapFS{}, Files: files})
	s.SetBuild(&compiler.Output{Files: fstest.MapFS{"images/a.png": {Data: []byte("CODE")}}}, nil)
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	get := func(p string) (int, string) {
		res, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, body := get("/wxfile/usr/a.png"); code != 200 || body != "PNG" {
		t.Errorf("/wxfile/usr/a.png: %d %q", code, body)
	}
	if code, body := get("/wxfile/" + strings.TrimPrefix(tmp, "wxfile://")); code != 200 || body != "temp" {
		t.Errorf("a temp file: %d %q", code, body)
	}
	for _, p := range []string{"/wxfile/usr", "/wxfile/usr/none.png", "/wxfile/usr/%2e%2e/%2e%2e/secret", "/wxfile/images/a.png", "/wxfile/"} {
		if code, body := get(p); code != 404 {
			t.Errorf("%s: %d %q, want 404", p, code, body)
		}
	}
	res, err := http.Post(ts.URL+"/wxfile/usr/a.png", "image/png", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode == 200 {
		t.Error("POST /wxfile/usr/a.png was accepted")
	}
}

// A project file saved again within the same second is not answered "not modified": the
// browser's revalidation (both If-None-Match and If-Modified-Since, as Chromium sends
// them) gets the new content.
func TestProjectFileSavedTwiceInASecondIsServedAgain(t *testing.T) {
	files := fstest.MapFS{"ext.json": {Data: []byte(`{"v": 1}`), ModTime: time.Unix(1000, 100)}}
	s := New(Options{Runtime: fstest.MapFS{}, Shell: fstest.MapFS{}})
	s.SetBuild(&compiler.Output{Files: files}, nil)
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	get := func(etag, lastModified string) (*http.Response, string) {
		req, _ := http.NewRequest("GET", ts.URL+"/ext.json", nil)
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
			req.Header.Set("If-Modified-Since", lastModified)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	first, _ := get("", "")
	etag, lastModified := first.Header.Get("ETag"), first.Header.Get("Last-Modified")
	if res, _ := get(etag, lastModified); res.StatusCode != http.StatusNotModified {
		t.Errorf("unchanged: %d, want 304", res.StatusCode)
	}
	files["ext.json"] = &fstest.MapFile{Data: []byte(`{"v": 2}`), ModTime: time.Unix(1000, 900)}
	if res, body := get(etag, lastModified); res.StatusCode != 200 || body != `{"v": 2}` {
		t.Errorf("saved again in the same second: %d %q, want 200 and the new content", res.StatusCode, body)
	}
}
