package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coder/websocket"

	"github.com/mpsim/mpsim/api"
)

// testServer starts a real server on 127.0.0.1 with the Go API handlers.
func testServer(t testing.TB, hub HubOptions) (*httptest.Server, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	s := New(Options{
		Runtime:   fstest.MapFS{},
		Shell:     fstest.MapFS{"index.html": {Data: []byte("shell")}},
		APIs:      api.Default(api.Options{Device: api.IPhone12}),
		ShellAPIs: map[string]bool{"showModal": true},
		Logger:    slog.New(slog.NewTextHandler(logs, nil)),
		Hub:       hub,
	})
	ts := httptest.NewServer(s.Handler())
	hubs.Store(ts.URL, s.hub)
	ctx, cancel := context.WithCancel(context.Background())
	go s.hub.Run(ctx)
	t.Cleanup(func() { cancel(); ts.Close() })
	return ts, logs
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// dial connects as one layer of session "s1" unless path names another.
func dial(t testing.TB, ts *httptest.Server, path string) *websocket.Conn {
	t.Helper()
	if !strings.Contains(path, "session=") {
		path += "?session=s1"
	}
	url := "ws" + strings.TrimPrefix(ts.URL, "http") + "/ws/" + path
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		t.Fatalf("dial %s: %v", path, err)
	}
	c.SetReadLimit(1 << 24)
	t.Cleanup(func() { c.CloseNow() })
	return c
}

func send(t testing.TB, c *websocket.Conn, frame string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := c.Write(ctx, websocket.MessageText, []byte(frame)); err != nil {
		t.Fatalf("write: %v", err)
	}
}

func recv(t testing.TB, c *websocket.Conn) Frame {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, msg, err := c.Read(ctx)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	var f Frame
	if err := json.Unmarshal(msg, &f); err != nil {
		t.Fatalf("frame %s: %v", msg, err)
	}
	return f
}

func TestInvokeIsAnsweredByCallbackID(t *testing.T) {
	ts, _ := testServer(t, HubOptions{})
	svc := dial(t, ts, "service")
	send(t, svc, `{"command":"APPSERVICE_INVOKE","data":{"api":"operateWXData","args":{"data":{"api_name":"webapi_getuserinfo"}},"callbackID":20}}`)
	f := recv(t, svc)
	var cb struct {
		CallbackID int `json:"callbackID"`
		Res        struct {
			ErrMsg string `json:"errMsg"`
			Data   struct {
				UserInfo api.UserInfo `json:"userInfo"`
			} `json:"data"`
		} `json:"res"`
	}
	json.Unmarshal(f.Data, &cb)
	if f.Command != CmdAppServiceInvokeCallback || cb.CallbackID != 20 || cb.Res.ErrMsg != "operateWXData:ok" || cb.Res.Data.UserInfo.NickName != api.DefaultUser.NickName {
		t.Fatalf("got %s %s", f.Command, f.Data)
	}

	// An API nobody has answers at once, never hangs.
	send(t, svc, `{"command":"APPSERVICE_INVOKE","data":{"api":"startHCE","callbackID":21}}`)
	f = recv(t, svc)
	if !strings.Contains(string(f.Data), `"callbackID":21`) || !strings.Contains(string(f.Data), "startHCE:fail not supported in simulator") {
		t.Fatalf("got %s", f.Data)
	}
}

func TestShellAPIsAreForwardedToTheControllerAndBack(t *testing.T) {
	ts, _ := testServer(t, HubOptions{})
	svc, page, ctl := dial(t, ts, "service"), dial(t, ts, "webview/2"), dial(t, ts, "controller")

	send(t, svc, `{"command":"APPSERVICE_INVOKE","data":{"api":"showModal","args":{"title":"t"},"callbackID":7}}`)
	if f := recv(t, ctl); f.Command != CmdAppServiceInvoke || !strings.Contains(string(f.Data), `"callbackID":7`) {
		t.Fatalf("controller got %s %s", f.Command, f.Data)
	}
	send(t, ctl, `{"command":"APPSERVICE_INVOKE_CALLBACK","data":{"callbackID":7,"res":{"errMsg":"showModal:ok","confirm":true}}}`)
	if f := recv(t, svc); f.Command != CmdAppServiceInvokeCallback || !strings.Contains(string(f.Data), `"confirm":true`) {
		t.Fatalf("service got %s %s", f.Command, f.Data)
	}

	send(t, page, `{"command":"WEBVIEW_INVOKE","data":{"api":"showModal","callbackID":3}}`)
	f := recv(t, ctl)
	if f.Command != CmdWebviewInvoke || f.FromWebviewID != 2 {
		t.Fatalf("controller got %+v", f)
	}
	send(t, ctl, `{"command":"WEBVIEW_INVOKE_CALLBACK","webviewID":2,"data":{"callbackID":3,"res":{"errMsg":"showModal:ok"}}}`)
	if f := recv(t, page); f.Command != CmdWebviewInvokeCallback || !strings.Contains(string(f.Data), `"callbackID":3`) {
		t.Fatalf("page got %s %s", f.Command, f.Data)
	}
}

func TestPublishReachesPagesOfItsSessionOnly(t *testing.T) {
	ts, _ := testServer(t, HubOptions{})
	svc := dial(t, ts, "service")
	p1, p2 := dial(t, ts, "webview/1"), dial(t, ts, "webview/2")
	other := dial(t, ts, "webview/1?session=s2")
	// A broadcast goes to the pages the hub knows: wait until both have got in (a dial
	// returns once the handshake is done, maybe before the hub has the client).
	waitFor(t, func() bool { return connected(ts, "s1/webview/1") && connected(ts, "s1/webview/2") })

	send(t, svc, `{"command":"APPSERVICE_PUBLISH","data":{"eventName":"vdSync","data":{"n":1},"webviewIds":[2]}}`)
	if f := recv(t, p2); f.WebviewID != 2 || !strings.Contains(string(f.Data), `"n":1`) {
		t.Fatalf("page 2 got %+v", f)
	}
	send(t, svc, `{"command":"APPSERVICE_PUBLISH","data":{"eventName":"vdSync","data":{"n":2},"webviewIds":[]}}`)
	for _, p := range []*websocket.Conn{p1, p2} {
		if f := recv(t, p); !strings.Contains(string(f.Data), `"n":2`) {
			t.Fatalf("broadcast got %+v", f)
		}
	}
	send(t, p1, `{"command":"WEBVIEW_PUBLISH","data":{"eventName":"PAGE_EVENT","data":{"id":3}}}`)
	if f := recv(t, svc); f.FromWebviewID != 1 || f.Command != CmdWebviewPublish {
		t.Fatalf("service got %+v", f)
	}
	// Session s2 got nothing of s1's.
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, msg, err := other.Read(ctx); err == nil {
		t.Fatalf("another session's page received %s", msg)
	}
}

// An exception of the app goes to the session's shell (and the terminal), not to the
// pages: the Worker's console has it already, and DevTools shows that one.
func TestAppErrorGoesToTheShellOnly(t *testing.T) {
	ts, _ := testServer(t, HubOptions{})
	svc := dial(t, ts, "service")
	shell := dial(t, ts, "controller")
	page := dial(t, ts, "webview/1")
	waitFor(t, func() bool { return connected(ts, "s1/webview/1") && connected(ts, "s1/controller") })

	send(t, svc, `{"command":"APPSERVICE_PUBLISH","data":{"eventName":"onAppError","data":{"message":"boom","stack":"Error: boom\n    at pages/a/a.js:3:9","where":"onLoad"},"webviewIds":[]}}`)
	if f := recv(t, shell); f.Command != CmdShellOnEvent || !strings.Contains(string(f.Data), `"message":"boom"`) {
		t.Fatalf("the shell got %+v", f)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, msg, err := page.Read(ctx); err == nil {
		t.Fatalf("a page received the app's error: %s", msg)
	}
}

func TestReconnectingClientGetsEveryFrameInOrder(t *testing.T) {
	ts, _ := testServer(t, HubOptions{})
	svc := dial(t, ts, "service")
	page := dial(t, ts, "webview/1")
	send(t, svc, `{"command":"APPSERVICE_PUBLISH","data":{"eventName":"vdSync","data":{"seq":0},"webviewIds":[1]}}`)
	recv(t, page)
	page.Close(websocket.StatusNormalClosure, "reload")
	waitFor(t, func() bool { return !connected(ts, "s1/webview/1") })

	const n = 300
	for i := 1; i <= n; i++ {
		send(t, svc, fmt.Sprintf(`{"command":"APPSERVICE_PUBLISH","data":{"eventName":"vdSync","data":{"seq":%d},"webviewIds":[1]}}`, i))
	}
	page = dial(t, ts, "webview/1")
	for i := 1; i <= n; i++ {
		f := recv(t, page)
		if want := fmt.Sprintf(`"seq":%d}`, i); !strings.Contains(string(f.Data), want) {
			t.Fatalf("frame %d after reconnect: %s", i, f.Data)
		}
	}
}

// hubs lets tests look inside the hub of each test server.
var hubs sync.Map // *httptest.Server URL -> *Hub

func connected(ts *httptest.Server, id string) bool {
	h, _ := hubs.Load(ts.URL)
	if h == nil {
		return false
	}
	hub := h.(*Hub)
	hub.mu.Lock()
	defer hub.mu.Unlock()
	for k, c := range hub.clients {
		if k.String() == id {
			c.mu.Lock()
			defer c.mu.Unlock()
			return c.conn != nil
		}
	}
	return false
}

func waitFor(t testing.TB, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 5s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestClientThatStopsReadingDelaysNoOne(t *testing.T) {
	ts, logs := testServer(t, HubOptions{QueueLimit: 64, WriteTimeout: 300 * time.Millisecond})
	svc := dial(t, ts, "service")
	stalled := dial(t, ts, "webview/1") // never reads
	_ = stalled
	other := dial(t, ts, "webview/2")

	big := strings.Repeat("x", 64<<10)
	start := time.Now()
	for i := 0; i < 200; i++ {
		send(t, svc, fmt.Sprintf(`{"command":"APPSERVICE_PUBLISH","data":{"eventName":"vdSync","data":{"pad":%q},"webviewIds":[1]}}`, big))
	}
	// Meanwhile the service's own calls and the other page are served at once.
	send(t, svc, `{"command":"APPSERVICE_INVOKE","data":{"api":"getSystemInfo","callbackID":1}}`)
	if f := recv(t, svc); f.Command != CmdAppServiceInvokeCallback {
		t.Fatalf("service got %+v", f)
	}
	send(t, svc, `{"command":"APPSERVICE_PUBLISH","data":{"eventName":"vdSync","data":{"to":2},"webviewIds":[2]}}`)
	if f := recv(t, other); !strings.Contains(string(f.Data), `"to":2`) {
		t.Fatalf("page 2 got %+v", f)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("others waited %v behind a client that does not read", d)
	}
	// The stalled client's queue stays within its bound, and the hub says so.
	waitFor(t, func() bool { return strings.Contains(logs.String(), "client not reading") })
	h, _ := hubs.Load(ts.URL)
	hub := h.(*Hub)
	hub.mu.Lock()
	c := hub.clients[Identity{Session: "s1", Role: RoleWebview, ID: 1}]
	hub.mu.Unlock()
	c.mu.Lock()
	queued := len(c.queue)
	c.mu.Unlock()
	if queued > 64 {
		t.Fatalf("queue holds %d frames, limit 64", queued)
	}
	if !strings.Contains(logs.String(), "limit=64") || !strings.Contains(logs.String(), "client=s1/webview/1") {
		t.Fatalf("log line does not name the client and the limit:\n%s", logs.String())
	}
}

func TestMalformedFramesAreAnsweredAndTheSocketLives(t *testing.T) {
	ts, logs := testServer(t, HubOptions{})
	svc := dial(t, ts, "service")
	cases := []struct{ frame, want string }{
		{`not json`, "not a JSON object"},
		{`[1,2]`, "not a JSON object"},
		{`{"data":{}}`, `no \"command\"`},
		{`{"command":"FLY_TO_MOON"}`, `unknown command \"FLY_TO_MOON\"`},
		{`{"command":"APPSERVICE_INVOKE","data":{"api":"getSystemInfo"}}`, `no \"callbackID\"`},
		{`{"command":"APPSERVICE_INVOKE","data":"x"}`, "data must be an object"},
		{`{"command":"WEBVIEW_PUBLISH","data":{}}`, "sent by the webview, not by a service"},
		{`{"command":"APPSERVICE_PUBLISH","data":{"webviewIds":"all"}}`, "APPSERVICE_PUBLISH data"},
	}
	for _, c := range cases {
		send(t, svc, c.frame)
		f := recv(t, svc)
		if f.Command != CmdHubError || !strings.Contains(string(f.Data), c.want) {
			t.Errorf("%s: got %s %s, want HUB_ERROR containing %s", c.frame, f.Command, f.Data, c.want)
		}
	}
	if !strings.Contains(logs.String(), "hub: bad frame") {
		t.Errorf("bad frames were not logged:\n%s", logs.String())
	}
	// The same connection still works.
	send(t, svc, `{"command":"APPSERVICE_INVOKE","data":{"api":"getSystemInfo","callbackID":"abc"}}`)
	if f := recv(t, svc); f.Command != CmdAppServiceInvokeCallback || !strings.Contains(string(f.Data), `"callbackID":"abc"`) {
		t.Fatalf("after bad frames: %s %s", f.Command, f.Data)
	}
}

func TestForeignOriginIsRefused(t *testing.T) {
	ts, _ := testServer(t, HubOptions{})
	url := "ws" + strings.TrimPrefix(ts.URL, "http") + "/ws/service?session=s1"
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, resp, err := websocket.Dial(ctx, url, &websocket.DialOptions{HTTPHeader: http.Header{"Origin": {"http://evil.example"}}})
	if err == nil || resp == nil || resp.StatusCode != http.StatusForbidden {
		t.Fatalf("upgrade from a foreign origin: err %v, response %v; want 403", err, resp)
	}
	// The server's own origin is accepted.
	c, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{HTTPHeader: http.Header{"Origin": {ts.URL}}})
	if err != nil {
		t.Fatalf("same-origin upgrade refused: %v", err)
	}
	c.CloseNow()

	req, _ := http.NewRequest("POST", ts.URL+"/apihelper/assdk", strings.NewReader(`{"api":"getSystemInfoSync"}`))
	req.Header.Set("Origin", "http://evil.example")
	resp, err = http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusForbidden {
		t.Fatalf("assdk from a foreign origin: %v %v; want 403", err, resp)
	}
}

func TestSyncAPIOverAssdk(t *testing.T) {
	ts, _ := testServer(t, HubOptions{})
	resp, err := http.Post(ts.URL+"/apihelper/assdk", "application/json", strings.NewReader(`{"api":"getSystemInfoSync","args":{}}`))
	if err != nil {
		t.Fatal(err)
	}
	var res map[string]any
	json.NewDecoder(resp.Body).Decode(&res)
	if res["errMsg"] != "getSystemInfoSync:ok" || res["screenWidth"] != 390.0 {
		t.Fatalf("got %v", res)
	}
	resp, _ = http.Post(ts.URL+"/apihelper/assdk", "application/json", strings.NewReader(`{`))
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("bad body: status %d", resp.StatusCode)
	}
}

func TestBadSocketURLs(t *testing.T) {
	ts, _ := testServer(t, HubOptions{})
	for _, path := range []string{"/ws/service", "/ws/pilot?session=s", "/ws/webview/x?session=s", "/ws/service?session=a/b"} {
		resp, err := http.Get(ts.URL + path)
		if err != nil || resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: %v %v, want 400", path, err, resp)
		}
	}
}

// A handler that blocks (the network) runs beside the client's other frames: a later
// call is answered while it waits.
// serviceWithAPIs starts a server whose hub answers from apis and connects its service
// layer; both stop when the test ends.
func serviceWithAPIs(t *testing.T, apis *api.Registry) *websocket.Conn {
	t.Helper()
	s := New(Options{Runtime: fstest.MapFS{}, Shell: fstest.MapFS{}, APIs: apis, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ts := httptest.NewServer(s.Handler())
	hubs.Store(ts.URL, s.hub)
	ctx, cancel := context.WithCancel(context.Background())
	go s.hub.Run(ctx)
	t.Cleanup(func() { cancel(); ts.Close() })
	return dial(t, ts, "service")
}

func TestBlockingHandlerDoesNotHoldUpTheClient(t *testing.T) {
	release := make(chan struct{})
	apis := api.NewRegistry()
	apis.Register("slow", func(ctx context.Context, call api.Call) (api.Result, error) {
		<-release
		return api.OK(call.API, nil), nil
	})
	apis.RegisterNonBlocking("quick", func(ctx context.Context, call api.Call) (api.Result, error) {
		return api.OK(call.API, nil), nil
	})
	svc := serviceWithAPIs(t, apis)

	send(t, svc, `{"command":"APPSERVICE_INVOKE","data":{"api":"slow","callbackID":1}}`)
	send(t, svc, `{"command":"APPSERVICE_INVOKE","data":{"api":"quick","callbackID":2}}`)
	if f := recv(t, svc); !strings.Contains(string(f.Data), `"callbackID":2`) {
		t.Fatalf("the quick call waited for the slow one: first answer %s", f.Data)
	}
	close(release)
	if f := recv(t, svc); !strings.Contains(string(f.Data), `"callbackID":1`) {
		t.Fatalf("then the slow one: %s", f.Data)
	}
}

// InOrder calls (the file system's) of one client are answered in the order they came,
// however long each takes, while an Inline one does not wait for them.
func TestInOrderCallsKeepTheirOrder(t *testing.T) {
	apis := api.NewRegistry()
	apis.RegisterInOrder("disk", func(ctx context.Context, call api.Call) (api.Result, error) {
		var a struct{ Wait int }
		json.Unmarshal(call.Args, &a)
		time.Sleep(time.Duration(a.Wait) * time.Millisecond)
		return api.OK(call.API, nil), nil
	})
	apis.RegisterNonBlocking("quick", func(ctx context.Context, call api.Call) (api.Result, error) {
		return api.OK(call.API, nil), nil
	})
	svc := serviceWithAPIs(t, apis)

	send(t, svc, `{"command":"APPSERVICE_INVOKE","data":{"api":"disk","args":{"wait":100},"callbackID":1}}`)
	send(t, svc, `{"command":"APPSERVICE_INVOKE","data":{"api":"disk","args":{"wait":0},"callbackID":2}}`)
	send(t, svc, `{"command":"APPSERVICE_INVOKE","data":{"api":"quick","callbackID":3}}`)
	for _, want := range []string{`"callbackID":3`, `"callbackID":1`, `"callbackID":2`} {
		if f := recv(t, svc); !strings.Contains(string(f.Data), want) {
			t.Fatalf("want the answer with %s next, got %s", want, f.Data)
		}
	}
}

// The automation port's link is one more client: its requests reach the service layer
// (Tool.native the shell), their answers and the app's events come back to it only.
func TestAutomationFramesAreRoutedByRole(t *testing.T) {
	ts, logs := testServer(t, HubOptions{})
	svc, ctl := dial(t, ts, "service"), dial(t, ts, "controller")

	// Before an automation client ever connected, events wait for no one.
	send(t, svc, `{"command":"AUTOMATION_EVENT","data":{"method":"App.logAdded","params":{"type":"log","args":["early"]}}}`)
	// The hub routes a client's frames in order: once it answers the next one, the event
	// has been handled before the automation client connects.
	send(t, svc, `{}`)
	if f := recv(t, svc); f.Command != CmdHubError {
		t.Fatalf("service got %s, want HUB_ERROR", f.Command)
	}

	auto := dial(t, ts, "automator")
	send(t, auto, `{"command":"AUTOMATION_REQUEST","data":{"id":"a1","method":"Page.getData","params":{"pageId":1}}}`)
	if f := recv(t, svc); f.Command != CmdAutomationRequest || !strings.Contains(string(f.Data), `"id":"a1"`) {
		t.Fatalf("service got %s %s", f.Command, f.Data)
	}
	send(t, auto, `{"command":"AUTOMATION_REQUEST","data":{"id":"a2","method":"Tool.native","params":{"method":"confirmModal"}}}`)
	if f := recv(t, ctl); f.Command != CmdAutomationRequest || !strings.Contains(string(f.Data), `"id":"a2"`) {
		t.Fatalf("controller got %s %s", f.Command, f.Data)
	}
	send(t, svc, `{"command":"AUTOMATION_RESPONSE","data":{"id":"a1","result":{"data":{"n":1}}}}`)
	if f := recv(t, auto); f.Command != CmdAutomationResponse || !strings.Contains(string(f.Data), `"n":1`) {
		t.Fatalf("automator got %s %s", f.Command, f.Data)
	}
	send(t, svc, `{"command":"AUTOMATION_EVENT","data":{"method":"App.logAdded","params":{"type":"log","args":["late"]}}}`)
	if f := recv(t, auto); f.Command != CmdAutomationEvent || !strings.Contains(string(f.Data), "late") {
		t.Fatalf("automator got %s %s (the early event must not be queued for it)", f.Command, f.Data)
	}

	// Roles may not stand in for each other.
	send(t, svc, `{"command":"AUTOMATION_REQUEST","data":{"id":"x","method":"App.exit"}}`)
	if f := recv(t, svc); f.Command != CmdHubError {
		t.Fatalf("service sending a request got %s, want HUB_ERROR", f.Command)
	}
	send(t, auto, `{"command":"AUTOMATION_RESPONSE","data":{"id":"x","result":{}}}`)
	if f := recv(t, auto); f.Command != CmdHubError {
		t.Fatalf("automator sending a response got %s, want HUB_ERROR", f.Command)
	}
	if !strings.Contains(logs.String(), "bad frame") {
		t.Errorf("refused frames are not logged:\n%s", logs.String())
	}
}

// A task's events (api.Call.Emit) reach the layer that made the call, each as an
// *_ON_EVENT frame, before its callback.
func TestTaskEventsComeBeforeTheAnswer(t *testing.T) {
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, part := range []string{"a", "b"} {
			io.WriteString(w, part)
			w.(http.Flusher).Flush()
			time.Sleep(20 * time.Millisecond)
		}
	}))
	defer backend.Close()
	ts, _ := testServer(t, HubOptions{})
	for _, caller := range []struct{ path, invoke, event, callback string }{
		{"service", CmdAppServiceInvoke, CmdAppServiceOnEvent, CmdAppServiceInvokeCallback},
		{"webview/2", CmdWebviewInvoke, CmdWebviewOnEvent, CmdWebviewInvokeCallback},
	} {
		c := dial(t, ts, caller.path)
		send(t, c, fmt.Sprintf(`{"command":%q,"data":{"api":"request","args":{"url":%q,"enableChunked":true,"__task":"9"},"callbackID":5}}`, caller.invoke, backend.URL))
		var got []string
		for {
			f := recv(t, c)
			var ev struct {
				EventName string `json:"eventName"`
				Data      struct {
					Task  string `json:"__task"`
					State string `json:"state"`
				} `json:"data"`
			}
			json.Unmarshal(f.Data, &ev)
			if f.Command == caller.callback {
				break
			}
			if f.Command != caller.event || ev.EventName != "onRequestTaskStateChange" || ev.Data.Task != "9" || (caller.path != "service" && f.WebviewID != 2) {
				t.Fatalf("%s: frame %s %s (webviewID %d)", caller.path, f.Command, f.Data, f.WebviewID)
			}
			got = append(got, ev.Data.State)
		}
		if strings.Join(got, " ") != "headersReceived chunkReceived chunkReceived" {
			t.Fatalf("%s: events before the answer: %v", caller.path, got)
		}
	}
}
