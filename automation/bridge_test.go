package automation

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coder/websocket"

	"github.com/mpsim/mpsim/api"
	"github.com/mpsim/mpsim/server"
)

// rig is a real server (hub) on 127.0.0.1, a bridge in front of it, and a socket that
// plays the service layer of session "auto".
type rig struct {
	bridgeURL string
	service   *websocket.Conn
	closed    atomic.Bool
}

func newRig(t *testing.T, timeout time.Duration) *rig {
	t.Helper()
	srv := server.New(server.Options{
		Runtime: fstest.MapFS{},
		Shell:   fstest.MapFS{"index.html": {Data: []byte("shell")}},
		APIs:    api.NewRegistry(),
		Logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	hubURL := "ws" + strings.TrimPrefix(ts.URL, "http") + "/ws/automator?session=auto"
	r := &rig{}
	b := New(Options{
		HubURL:     hubURL,
		SDKVersion: "3.3.4",
		Screenshot: func(context.Context) ([]byte, error) { return []byte("\x89PNG fake"), nil },
		Close:      func() { r.closed.Store(true) },
		Timeout:    timeout,
		Logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go b.Serve(ctx, l)
	r.bridgeURL = "ws://" + l.Addr().String()
	r.service = dialWS(t, "ws"+strings.TrimPrefix(ts.URL, "http")+"/ws/service?session=auto", nil)
	return r
}

func dialWS(t *testing.T, url string, h http.Header) *websocket.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{HTTPHeader: h})
	if err != nil {
		t.Fatalf("dial %s: %v", url, err)
	}
	t.Cleanup(func() { c.CloseNow() })
	return c
}

func write(t *testing.T, c *websocket.Conn, s string) {
	t.Helper()
	if err := c.Write(context.Background(), websocket.MessageText, []byte(s)); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, c *websocket.Conn) map[string]any {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, msg, err := c.Read(ctx)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	var v map[string]any
	if err := json.Unmarshal(msg, &v); err != nil {
		t.Fatalf("%s: %v", msg, err)
	}
	return v
}

func errorOf(v map[string]any) string {
	e, _ := v["error"].(map[string]any)
	s, _ := e["message"].(string)
	return s
}

func TestRequestsReachTheServiceLayerAndAnswersComeBack(t *testing.T) {
	r := newRig(t, time.Minute)
	client := dialWS(t, r.bridgeURL, nil)

	write(t, client, `{"id":"1","method":"Tool.getInfo","params":{}}`)
	if v := read(t, client); v["id"] != "1" || v["result"].(map[string]any)["SDKVersion"] != "3.3.4" {
		t.Fatalf("Tool.getInfo: %v", v)
	}

	write(t, client, `{"id":"2","method":"Page.getData","params":{"pageId":1}}`)
	f := read(t, r.service)
	if f["command"] != "AUTOMATION_REQUEST" || f["data"].(map[string]any)["method"] != "Page.getData" {
		t.Fatalf("service got %v", f)
	}
	write(t, r.service, `{"command":"AUTOMATION_RESPONSE","data":{"id":"2","result":{"data":{"count":3}}}}`)
	if v := read(t, client); v["id"] != "2" || v["result"].(map[string]any)["data"].(map[string]any)["count"] != 3.0 {
		t.Fatalf("answer: %v", v)
	}

	// Events of the app reach the client without an id.
	write(t, r.service, `{"command":"AUTOMATION_EVENT","data":{"method":"App.exceptionThrown","params":{"message":"boom"}}}`)
	if v := read(t, client); v["method"] != "App.exceptionThrown" || v["id"] != nil {
		t.Fatalf("event: %v", v)
	}

	write(t, client, `{"id":"3","method":"App.captureScreenshot"}`)
	if v := read(t, client); !strings.HasPrefix(v["result"].(map[string]any)["data"].(string), "iVBOR") {
		t.Fatalf("screenshot: %v", v)
	}

	write(t, client, `{"id":"4","method":"Tool.close"}`)
	if v := read(t, client); v["id"] != "4" || v["error"] != nil {
		t.Fatalf("Tool.close: %v", v)
	}
	// The answer is written before the simulator ends (the client waits for it): wait.
	for end := time.Now().Add(2 * time.Second); !r.closed.Load() && time.Now().Before(end); {
		time.Sleep(5 * time.Millisecond)
	}
	if !r.closed.Load() {
		t.Error("Tool.close did not end the simulator")
	}
}

// Bad input on the socket is answered where it can be, and the connection lives on.
func TestBadRequestsFailClearly(t *testing.T) {
	r := newRig(t, 300*time.Millisecond)
	client := dialWS(t, r.bridgeURL, nil)

	write(t, client, `not json`)
	write(t, client, `{"method":"App.exit"}`) // no id: no one to answer
	write(t, client, `{"id":"1"}`)
	if v := read(t, client); v["id"] != "1" || !strings.Contains(errorOf(v), "needs a method") {
		t.Fatalf("no method: %v", v)
	}
	write(t, client, `{"id":"2","method":"Nope.nothing"}`)
	if v := read(t, client); !strings.Contains(errorOf(v), "unknown method Nope.nothing") {
		t.Fatalf("unknown: %v", v)
	}
	write(t, client, `{"id":"3","method":"Tool.getTestAccounts"}`)
	if v := read(t, client); !strings.Contains(errorOf(v), "not supported by mpsim") {
		t.Fatalf("unsupported: %v", v)
	}
	// The service layer never answers: the request fails after the timeout, and a late
	// answer is dropped.
	write(t, client, `{"id":"4","method":"App.getCurrentPage"}`)
	read(t, r.service)
	if v := read(t, client); v["id"] != "4" || !strings.Contains(errorOf(v), "did not answer within") {
		t.Fatalf("timeout: %v", v)
	}
	write(t, r.service, `{"command":"AUTOMATION_RESPONSE","data":{"id":"4","result":{}}}`)
	write(t, client, `{"id":"5","method":"Tool.getInfo"}`)
	if v := read(t, client); v["id"] != "5" {
		t.Fatalf("after a late answer the next frame is %v, want the answer to 5", v)
	}
}

func TestBrowserPagesMayNotDriveTheSimulator(t *testing.T) {
	r := newRig(t, time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, resp, err := websocket.Dial(ctx, r.bridgeURL, &websocket.DialOptions{HTTPHeader: http.Header{"Origin": {"http://evil.example"}}})
	if err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
		t.Fatalf("a connection with an Origin: err %v, response %v; want 403", err, resp)
	}
}
