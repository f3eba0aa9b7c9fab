package api

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// downloadFile writes what a real server answers into the sandbox (a temporary file, or
// the user's file it names); uploadFile sends a sandbox file as a multipart form.
func TestDownloadAndUploadFile(t *testing.T) {
	var upload struct{ name, file, field, contentType string }
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/pic.png":
			w.Header().Set("X-Kind", "picture")
			io.WriteString(w, "PNG-BYTES")
		case "/slow":
			time.Sleep(300 * time.Millisecond)
		case "/upload":
			upload.contentType = r.Header.Get("Content-Type")
			f, h, err := r.FormFile("photo")
			if err == nil {
				b, _ := io.ReadAll(f)
				upload.name, upload.file = h.Filename, string(b)
			}
			upload.field = r.FormValue("user")
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"saved":true}`)
		}
	}))
	defer backend.Close()
	e := newFilesEnv(t)

	res := e.call("downloadFile", map[string]any{"url": backend.URL + "/pic.png"})
	temp, _ := res["tempFilePath"].(string)
	if res["errMsg"] != "downloadFile:ok" || res["statusCode"] != 200 || !strings.HasPrefix(temp, "wxfile://tmp_") || !strings.HasSuffix(temp, ".png") {
		t.Fatalf("download: %v", res)
	}
	if h, _ := res["header"].(map[string]string); h["X-Kind"] != "picture" {
		t.Fatalf("download header: %v", res["header"])
	}
	if got := e.ok("FileSystemManager.readFile", map[string]any{"filePath": temp, "encoding": "utf8"}); got["data"] != "PNG-BYTES" {
		t.Fatalf("the temporary file holds %v", got["data"])
	}
	res = e.call("downloadFile", map[string]any{"url": backend.URL + "/pic.png", "filePath": "wxfile://usr/pic.png"})
	if res["errMsg"] != "downloadFile:ok" || res["filePath"] != "wxfile://usr/pic.png" {
		t.Fatalf("download to a user file: %v", res)
	}
	if res := e.call("downloadFile", map[string]any{"url": backend.URL + "/pic.png", "filePath": "images/b.png"}); res["errMsg"] != `downloadFile:fail permission denied, open "images/b.png"` {
		t.Fatalf("download into the code package: %v", res)
	}
	if res := e.call("downloadFile", map[string]any{"url": backend.URL + "/slow", "timeout": 50}); res["errMsg"] != "downloadFile:fail timeout" {
		t.Fatalf("timeout: %v", res)
	}

	res = e.call("uploadFile", map[string]any{"url": backend.URL + "/upload", "filePath": "wxfile://usr/pic.png", "name": "photo", "formData": map[string]any{"user": "ann"}})
	if res["errMsg"] != "uploadFile:ok" || res["statusCode"] != 200 || res["data"] != `{"saved":true}` {
		t.Fatalf("upload: %v", res)
	}
	if upload.name != "pic.png" || upload.file != "PNG-BYTES" || upload.field != "ann" || !strings.HasPrefix(upload.contentType, "multipart/form-data; boundary=") {
		t.Fatalf("the server got %+v", upload)
	}
	if res := e.call("uploadFile", map[string]any{"url": backend.URL + "/upload", "filePath": "wxfile://usr/none.png", "name": "photo"}); res["errMsg"] != `uploadFile:fail no such file or directory, open "wxfile://usr/none.png"` {
		t.Fatalf("upload of a missing file: %v", res)
	}
	if res := e.call("uploadFile", map[string]any{"url": backend.URL + "/upload", "filePath": "wxfile://usr/pic.png"}); !strings.HasPrefix(res["errMsg"].(string), "uploadFile:fail parameter error") {
		t.Fatalf("upload without a name: %v", res)
	}
}
