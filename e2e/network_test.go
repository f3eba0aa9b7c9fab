package e2e

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// wx.request reaches a real server through the simulator; wx storage lives in the
// project's data folder, survives a restart, and is per simulated account.
func TestRequestAndStorage(t *testing.T) {
	t.Parallel()
	png, err := os.ReadFile(RepoPath("testdata/forms/images/dot.png"))
	if err != nil {
		t.Fatal(err)
	}
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/dot.png" {
			w.Write(png)
			return
		}
		if r.URL.Path == "/slow" {
			select {
			case <-time.After(3 * time.Second):
			case <-r.Context().Done(): // the simulator stopped the request
			}
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]string{"greeting": "hello " + r.URL.Query().Get("who")})
	}))
	defer backend.Close()
	data := t.TempDir()

	// Two visits as the default account, then one as another account, which has its own
	// storage in the same data folder.
	for run, visit := range []int{1, 2, 1} {
		args := []string{RepoPath("testdata/network"), "--data", data}
		if run == 2 {
			args = append(args, "--account", "bob")
		}
		srv := StartServer(t, mpsimBin, args...)
		port := srv.URL[strings.LastIndex(srv.URL, ":")+1 : len(srv.URL)-1]
		b := OpenBrowser(t, srv.URL+"?page=pages/index/index&api="+backend.URL+"&self="+port)
		b.WaitText(".visits", "visits: "+string(rune('0'+visit)), wait)
		b.WaitText(".when", "a Date", wait)
		b.WaitText(".promise", "promise "+string(rune('0'+visit)), wait)
		b.WaitText(".reply", "200 hello mpsim", wait)
		b.WaitContains(".refused", "request:fail url not in domain list", wait)
		b.WaitText(".downloaded", "shown 2x1", wait) // wx.downloadFile's temporary file in an <image>
		b.WaitText(".aborted", "request:fail abort fast", wait)
		b.WaitText(".batch", `1 true "" 1`, wait)
		b.WaitText(".sealed", "1234 sealed", wait)
		srv.Stop(t)
	}
}

// wx.connectSocket opens a real WebSocket: it connects, sends, receives and closes with
// the phone's callbacks; the simulator's own address is refused.
func TestConnectSocket(t *testing.T) {
	t.Parallel()
	echo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, &websocket.AcceptOptions{InsecureSkipVerify: true})
		if err != nil {
			return
		}
		defer c.CloseNow()
		typ, msg, err := c.Read(r.Context())
		if err != nil {
			return
		}
		c.Write(r.Context(), typ, msg)
		c.Read(r.Context()) // until the client closes
	}))
	defer echo.Close()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/network"))
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1 : len(srv.URL)-1]
	b := OpenBrowser(t, srv.URL+"?page=pages/socket/socket&ws=ws"+strings.TrimPrefix(echo.URL, "http")+"&self="+port)
	b.WaitText(".log", "connectSocket:ok|open|sendSocketMessage:ok|echo hi|close 1000", wait)
	b.WaitContains(".refused", "connectSocket:fail url not in domain list", wait)
}

// A page sees the events of its tasks while they run: a download's and an upload's
// progress, a request's headers and streamed chunks; a request without a timeout has
// app.json's networkTimeout.
func TestTaskEvents(t *testing.T) {
	t.Parallel()
	const size = 512 << 10
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big.bin": // 32 pieces, one every 15ms
			w.Header().Set("Content-Length", strconv.Itoa(size))
			for sent := 0; sent < size; sent += 16 << 10 {
				w.Write(bytes.Repeat([]byte{'b'}, 16<<10))
				w.(http.Flusher).Flush()
				time.Sleep(15 * time.Millisecond)
			}
		case "/upload":
			n, _ := io.Copy(io.Discard, r.Body)
			io.WriteString(w, "got "+strconv.FormatInt(n/1024, 10)+"k")
		case "/stream":
			http.SetCookie(w, &http.Cookie{Name: "s", Value: "1"})
			w.Header().Set("Content-Type", "text/plain")
			for _, part := range []string{"one", "two", "three"} {
				io.WriteString(w, part)
				w.(http.Flusher).Flush()
				time.Sleep(100 * time.Millisecond)
			}
		case "/slow":
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		}
	}))
	defer backend.Close()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/network"))
	b := OpenBrowser(t, srv.URL+"?page=pages/tasks/tasks&api="+backend.URL)
	b.WaitText(".download", "200 some events, rising to 100: 524288/524288", wait)
	b.WaitContains(".upload", " 100 true", wait)
	b.WaitContains(".upload", "got 2048k", wait)
	b.WaitText(".headers", "200 text/plain s=1", wait)
	b.WaitText(".chunks", "one|two|three then request:ok", wait)
	b.WaitText(".timeout", "request:fail timeout from app.json", wait)
}
