package e2e

import (
	"encoding/json"
	"github.com/coder/websocket"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"
)

// wx.request reaches a real server through the simulator; wx storage lives in the
// project's data folder and survives a restart.
func TestRequestAndStorage(t *testing.T) {
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

	for visit := 1; visit <= 2; visit++ {
		srv := StartServer(t, mpsimBin, RepoPath("testdata/network"), "--data", data)
		port := srv.URL[strings.LastIndex(srv.URL, ":")+1 : len(srv.URL)-1]
		b := OpenBrowser(t, srv.URL+"?page=pages/index/index&api="+backend.URL+"&self="+port)
		b.WaitText(".visits", "visits: "+string(rune('0'+visit)), wait)
		b.WaitText(".when", "a Date", wait)
		b.WaitText(".promise", "promise "+string(rune('0'+visit)), wait)
		b.WaitText(".reply", "200 hello mpsim", wait)
		b.WaitContains(".refused", "request:fail url not in domain list", wait)
		b.WaitText(".downloaded", "shown 2x1", wait) // wx.downloadFile's temporary file in an <image>
		b.WaitText(".aborted", "request:fail abort fast", wait)
		srv.Stop(t)
	}
}

// wx.connectSocket opens a real WebSocket: it connects, sends, receives and closes with
// the phone's callbacks; the simulator's own address is refused.
func TestConnectSocket(t *testing.T) {
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
