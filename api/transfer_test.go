package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
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

// A download reports its headers and its progress while it runs: the first and the last
// (100) event, and between them a few a second, each percent at most once — not one per
// network read.
func TestDownloadProgress(t *testing.T) {
	const size = 1 << 20
	const piece = 16 << 10 // 64 pieces, one every 10ms: about 640ms in all
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(size))
		w.Header().Set("X-Kind", "big")
		for sent := 0; sent < size; sent += piece {
			w.Write(bytes.Repeat([]byte{'x'}, piece))
			w.(http.Flusher).Flush()
			time.Sleep(10 * time.Millisecond)
		}
	}))
	defer backend.Close()
	e := newFilesEnv(t)
	rec := newRecorder()
	b, _ := json.Marshal(map[string]any{"url": backend.URL + "/big.bin", "__task": "d1"})
	res := e.r.Invoke(context.Background(), Call{API: "downloadFile", Args: b, Session: "s", Emit: rec.emit})
	if res["errMsg"] != "downloadFile:ok" {
		t.Fatal(res)
	}
	states := rec.states()
	if states[0] != "headersReceived" || rec.byState("headersReceived")[0]["header"].(map[string]string)["X-Kind"] != "big" {
		t.Fatalf("events: %v", rec.events[0])
	}
	ups := rec.byState("progressUpdate")
	last := ups[len(ups)-1]
	if last["progress"] != 100 || last["totalBytesWritten"] != int64(size) || last["totalBytesExpectedToWrite"] != int64(size) {
		t.Fatalf("last progress: %v", last)
	}
	// Throttled: ~640ms at 100ms apart is about 7, far fewer than the 64 reads.
	if len(ups) < 4 || len(ups) > 12 {
		t.Fatalf("%d progress events for 64 reads over ~640ms: %v", len(ups), ups)
	}
	prev := -1
	for _, u := range ups {
		pct := u["progress"].(int)
		if pct <= prev || u["totalBytesWritten"].(int64) > size {
			t.Fatalf("progress not increasing: %v", ups)
		}
		prev = pct
	}
	for _, name := range rec.names {
		if name != "onDownloadTaskStateChange" {
			t.Fatalf("event %q", name)
		}
	}
	// A fast download of the same size: only the first and the last.
	fast := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(bytes.Repeat([]byte{'y'}, size)) // no Content-Length: chunked, size unknown
	}))
	defer fast.Close()
	rec = newRecorder()
	b, _ = json.Marshal(map[string]any{"url": fast.URL + "/f", "__task": "d2"})
	e.r.Invoke(context.Background(), Call{API: "downloadFile", Args: b, Session: "s", Emit: rec.emit})
	ups = rec.byState("progressUpdate")
	if len(ups) < 2 || len(ups) > 3 || ups[0]["totalBytesExpectedToWrite"] != int64(0) || !equalJSON(ups[len(ups)-1], map[string]any{"__task": "d2", "progress": 100, "state": "progressUpdate", "totalBytesExpectedToWrite": size, "totalBytesWritten": size}) {
		t.Fatalf("a fast download of unknown size: %v", ups)
	}
}

// An upload reports its progress over the whole multipart body, ending at 100 before the
// answer.
func TestUploadProgress(t *testing.T) {
	var received int
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		buf := make([]byte, 32<<10)
		for {
			n, err := r.Body.Read(buf)
			received += n
			if err != nil {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		io.WriteString(w, "stored")
	}))
	defer backend.Close()
	e := newFilesEnv(t)
	e.ok("FileSystemManager.writeFile", map[string]any{"filePath": "wxfile://usr/big.bin", "data": strings.Repeat("z", 8<<20)})
	rec := newRecorder()
	b, _ := json.Marshal(map[string]any{"url": backend.URL + "/up", "filePath": "wxfile://usr/big.bin", "name": "file", "__task": "u1"})
	res := e.r.Invoke(context.Background(), Call{API: "uploadFile", Args: b, Session: "s", Emit: rec.emit})
	if res["errMsg"] != "uploadFile:ok" || res["data"] != "stored" {
		t.Fatal(res)
	}
	ups := rec.byState("progressUpdate")
	last := ups[len(ups)-1]
	total := last["totalBytesExpectedToSend"].(int64)
	if last["progress"] != 100 || last["totalBytesSent"] != total || total != int64(received) || total < 8<<20 {
		t.Fatalf("last progress %v; the server received %d", last, received)
	}
	// Sent over ~2s in 32 KB reads: some events in between, far fewer than the 256 reads.
	if len(ups) < 4 || len(ups) > 30 {
		t.Fatalf("%d progress events for ~256 reads: %v", len(ups), ups)
	}
	states := rec.states()
	if states[len(states)-1] != "headersReceived" {
		t.Fatalf("the headers come after the last progress: %v", states)
	}
}
