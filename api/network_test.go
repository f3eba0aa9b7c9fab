package api

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// seen is what the backend got of the last request.
type seen struct {
	method, path, query, contentType, referer, custom, body, cookie string
}

// recorder keeps the events a call emits, in order.
type recorder struct {
	mu     sync.Mutex
	events []map[string]any
	names  []string
	notify chan struct{}
}

func newRecorder() *recorder { return &recorder{notify: make(chan struct{}, 1024)} }

func (r *recorder) emit(name string, data map[string]any) {
	r.mu.Lock()
	r.names = append(r.names, name)
	r.events = append(r.events, data)
	r.mu.Unlock()
	r.notify <- struct{}{}
}

func (r *recorder) states() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, e := range r.events {
		out = append(out, e["state"].(string))
	}
	return out
}

func (r *recorder) byState(state string) []map[string]any {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []map[string]any
	for _, e := range r.events {
		if e["state"] == state {
			out = append(out, e)
		}
	}
	return out
}

type netEnv struct {
	t *testing.T
	r *Registry
}

func newNetEnv(t *testing.T, refused ...string) *netEnv {
	return &netEnv{t: t, r: Default(Options{Device: IPhone12, Network: Network{Refused: refused, AppID: "wx123"}})}
}

func (e *netEnv) call(api string, args map[string]any, rec *recorder) Result {
	e.t.Helper()
	b, err := json.Marshal(args)
	if err != nil {
		e.t.Fatal(err)
	}
	call := Call{API: api, Args: b, Session: "s"}
	if rec != nil {
		call.Emit = rec.emit
	}
	return e.r.Invoke(context.Background(), call)
}

// The request the phone sends: data as a query string (GET) or a body by content-type,
// the user's headers with the phone's Referer, cookies kept across calls.
func TestRequestSendsWhatThePhoneSends(t *testing.T) {
	var got seen
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = seen{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Get("Content-Type"), r.Header.Get("Referer"), r.Header.Get("X-Custom"), string(b), ""}
		if c, err := r.Cookie("sid"); err == nil {
			got.cookie = c.Value
		}
		if r.URL.Path == "/login" {
			http.SetCookie(w, &http.Cookie{Name: "sid", Value: "s1", Path: "/"})
		}
	}))
	defer backend.Close()
	e := newNetEnv(t)
	type m = map[string]any

	// (json.RawMessage keeps an object's order, as the runtime sends it; a Go map sorts.)
	cases := []struct {
		name string
		args m
		want seen
	}{
		{"GET object: a query string in the object's order, encodeURIComponent",
			m{"url": backend.URL + "/a?x=1", "data": json.RawMessage(`{"q": "x y&z", "n": 1, "ok": true, "list": [1, "b"], "o": {"k": 1}, "zh": "中"}`)},
			seen{method: "GET", path: "/a", query: "x=1&q=x%20y%26z&n=1&ok=true&list=1%2Cb&o=%5Bobject%20Object%5D&zh=%E4%B8%AD", contentType: "application/json"}},
		{"GET string: appended as is",
			m{"url": backend.URL + "/a", "data": "a=1&b=2"},
			seen{method: "GET", path: "/a", query: "a=1&b=2", contentType: "application/json"}},
		{"POST object, default content-type: JSON",
			m{"url": backend.URL + "/a", "method": "post", "data": json.RawMessage(`{"b":[1,2],"a":"x"}`)},
			seen{method: "POST", path: "/a", contentType: "application/json", body: `{"b":[1,2],"a":"x"}`}},
		{"POST object as a form",
			m{"url": backend.URL + "/a", "method": "POST", "header": m{"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"}, "data": m{"a": "1", "b": "x y"}},
			seen{method: "POST", path: "/a", contentType: "application/x-www-form-urlencoded; charset=UTF-8", body: "a=1&b=x%20y"}},
		{"PUT string: the body as is",
			m{"url": backend.URL + "/a", "method": "PUT", "header": m{"content-type": "text/plain"}, "data": "raw text"},
			seen{method: "PUT", path: "/a", contentType: "text/plain", body: "raw text"}},
		{"POST ArrayBuffer: the bytes",
			m{"url": backend.URL + "/a", "method": "POST", "header": m{"content-type": "application/octet-stream"}, "data": m{"__mpsimArrayBuffer": base64.StdEncoding.EncodeToString([]byte{0, 1, 2, 255})}},
			seen{method: "POST", path: "/a", contentType: "application/octet-stream", body: "\x00\x01\x02\xff"}},
		{"headers: the user's pass, a number as its string; Referer is the phone's",
			m{"url": backend.URL + "/a", "header": m{"x-custom": 42, "Referer": "https://evil.example/"}},
			seen{method: "GET", path: "/a", contentType: "application/json", custom: "42"}},
	}
	for _, c := range cases {
		res := e.call("request", c.args, nil)
		if res["errMsg"] != "request:ok" {
			t.Fatalf("%s: %v", c.name, res)
		}
		got.referer = strings.TrimSpace(got.referer)
		if got.referer != "https://servicewechat.com/wx123/devtools/page-frame.html" {
			t.Errorf("%s: Referer %q", c.name, got.referer)
		}
		got.referer = ""
		if got != c.want {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, c.want)
		}
	}

	// Cookies: a Set-Cookie is kept and sent back on the next calls.
	if res := e.call("request", m{"url": backend.URL + "/login"}, nil); !equalJSON(res["cookies"], []string{"sid=s1; Path=/"}) {
		t.Fatalf("cookies of the answer: %v", res["cookies"])
	}
	e.call("request", m{"url": backend.URL + "/next", "method": "POST"}, nil)
	if got.cookie != "s1" {
		t.Fatalf("the cookie set by /login did not come back: %+v", got)
	}
}

// What the phone gives back: status codes as answers, JSON parsed or left as text,
// binary bodies, headers, redirects followed.
func TestRequestAnswers(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/json", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, `{"n":2,"s":"x"}`) })
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "not json") })
	mux.HandleFunc("/bin", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte{0, 0xff, 0x10}) })
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(404)
		io.WriteString(w, `{"error":"none"}`)
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(500) })
	mux.HandleFunc("/headers", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("X-Many", "a")
		w.Header().Add("X-Many", "b")
		w.Header().Set("X-One", "1")
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "step", Value: "1", Path: "/"})
		http.Redirect(w, r, "/json", http.StatusFound)
	})
	backend := httptest.NewServer(mux)
	defer backend.Close()
	e := newNetEnv(t)
	type m = map[string]any
	u := backend.URL

	check := func(name string, res Result, status int, data any) {
		t.Helper()
		if res["errMsg"] != "request:ok" || res["statusCode"] != status || !equalJSON(res["data"], data) {
			t.Errorf("%s: %v, want status %d data %v", name, res, status, data)
		}
	}
	check("json", e.call("request", m{"url": u + "/json"}, nil), 200, m{"n": 2, "s": "x"})
	check("dataType other: text", e.call("request", m{"url": u + "/json", "dataType": "text"}, nil), 200, `{"n":2,"s":"x"}`)
	check("not JSON falls back to text", e.call("request", m{"url": u + "/text"}, nil), 200, "not json")
	check("arraybuffer", e.call("request", m{"url": u + "/bin", "responseType": "arraybuffer"}, nil), 200, m{"__mpsimArrayBuffer": base64.StdEncoding.EncodeToString([]byte{0, 0xff, 0x10})})
	check("404 is an answer", e.call("request", m{"url": u + "/missing"}, nil), 404, m{"error": "none"})
	check("500 is an answer", e.call("request", m{"url": u + "/broken"}, nil), 500, "")
	check("redirect followed", e.call("request", m{"url": u + "/moved", "enableHttp2": true, "enableCache": true}, nil), 200, m{"n": 2, "s": "x"})
	res := e.call("request", m{"url": u + "/headers"}, nil)
	if h := res["header"].(map[string]string); h["X-Many"] != "a,b" || h["X-One"] != "1" {
		t.Errorf("header: %v", res["header"])
	}
}

// Failures as the phone words them: refused connections, unknown hosts, timeouts,
// empty answers, refused addresses (also behind a redirect).
func TestRequestFailures(t *testing.T) {
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	closedAddr := closed.Addr().String()
	closed.Close() // nothing listens there any more
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/to-self" {
			http.Redirect(w, r, "http://127.0.0.1:1/apihelper/assdk", http.StatusFound)
			return
		}
		if r.URL.Path == "/body" {
			w.Header().Set("Content-Length", "1000")
			w.Write([]byte("partial"))
			w.(http.Flusher).Flush()
		}
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	hangup := rawServer(t, func(c net.Conn) { bufio.NewReader(c).ReadString('\n'); c.Close() })
	e := newNetEnv(t, "127.0.0.1:1")
	type m = map[string]any

	cases := []struct {
		args   m
		errMsg string
		errno  any
	}{
		{m{"url": "http://" + closedAddr + "/"}, "request:fail -102:net::ERR_CONNECTION_REFUSED", 600001},
		{m{"url": "http://no-such-host.invalid/"}, "request:fail -105:net::ERR_NAME_NOT_RESOLVED", 600001},
		{m{"url": "http://" + hangup + "/"}, "request:fail -324:net::ERR_EMPTY_RESPONSE", 600001},
		{m{"url": slow.URL + "/", "timeout": 100}, "request:fail timeout", 5},
		{m{"url": slow.URL + "/body", "timeout": 200}, "request:fail timeout", 5}, // the timeout covers the body too
		{m{"url": "http://127.0.0.1:1/apihelper/assdk"}, "request:fail url not in domain list: the simulator's own address is refused", 600002},
		{m{"url": slow.URL + "/to-self"}, "request:fail url not in domain list: the simulator's own address is refused", 600002},
		{m{"url": "ftp://example.com/x"}, `request:fail invalid url "ftp://example.com/x"`, nil},
		{m{}, `request:fail invalid url ""`, nil},
	}
	for _, c := range cases {
		start := time.Now()
		res := e.call("request", c.args, nil)
		if res["errMsg"] != c.errMsg || res["errno"] != c.errno {
			t.Errorf("%v: %v, want %q errno %v", c.args, res, c.errMsg, c.errno)
		}
		if time.Since(start) > 2*time.Second {
			t.Errorf("%v took %v", c.args, time.Since(start))
		}
	}
}

// rawServer accepts TCP connections on 127.0.0.1 and hands each to serve.
func rawServer(t *testing.T, serve func(net.Conn)) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go serve(c)
		}
	}()
	return l.Addr().String()
}

// RequestTask.abort (and a DownloadTask's) stops the task under way, before its answer
// or while its body comes: the call fails with abort at once.
func TestAbortTask(t *testing.T) {
	release := make(chan struct{})
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/body" {
			w.Header().Set("Content-Length", "100000")
			w.Write([]byte("a start"))
			w.(http.Flusher).Flush()
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer backend.Close()
	defer close(release)
	dir := t.TempDir()
	files, err := OpenFiles(dir, "default", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer files.Close()
	e := &netEnv{t: t, r: Default(Options{Device: IPhone12, Files: files})}
	for i, c := range []struct{ api, path string }{
		{"request", "/"}, {"request", "/body"}, {"downloadFile", "/"}, {"downloadFile", "/body"},
	} {
		task := fmt.Sprint("t", i)
		done := make(chan Result, 1)
		start := time.Now()
		rec := newRecorder()
		go func() { done <- e.call(c.api, map[string]any{"url": backend.URL + c.path, "__task": task}, rec) }()
		if c.path == "/body" {
			<-rec.notify // the headers have come
		} else {
			time.Sleep(100 * time.Millisecond)
		}
		if res := e.call("abortTask", map[string]any{"__task": task}, nil); res["errMsg"] != "abortTask:ok" {
			t.Fatal(res)
		}
		select {
		case res := <-done:
			if res["errMsg"] != c.api+":fail abort" || time.Since(start) > 2*time.Second {
				t.Fatalf("%s %s: aborted: %v after %v", c.api, c.path, res, time.Since(start))
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s %s: the aborted task is still running", c.api, c.path)
		}
	}
}

// onHeadersReceived comes before the answer; with enableChunked each piece of the body
// comes as it is sent, while the call still runs.
func TestRequestStreamsHeadersAndChunks(t *testing.T) {
	next := make(chan struct{})
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "a", Value: "1"})
		w.Header().Set("Content-Type", "text/event-stream")
		for _, part := range []string{"data: one\n\n", "data: two\n\n", "data: three\n\n"} {
			io.WriteString(w, part)
			w.(http.Flusher).Flush()
			<-next // the test saw this chunk arrive before the call ended
		}
	}))
	defer backend.Close()
	e := newNetEnv(t)
	rec := newRecorder()
	done := make(chan Result, 1)
	go func() {
		done <- e.call("request", map[string]any{"url": backend.URL, "enableChunked": true, "__task": "7"}, rec)
	}()
	parts := []string{"data: one\n\n", "data: two\n\n", "data: three\n\n"}
	received := func() string {
		var b strings.Builder
		for _, ev := range rec.byState("chunkReceived") {
			d, _ := base64.StdEncoding.DecodeString(ev["data"].(binary).B64)
			b.Write(d)
		}
		return b.String()
	}
	for i := range parts {
		for received() != strings.Join(parts[:i+1], "") {
			select {
			case <-rec.notify:
			case res := <-done:
				t.Fatalf("the call ended before its chunks: %v, got %q", res, received())
			case <-time.After(5 * time.Second):
				t.Fatalf("chunk %d did not come; got %q", i, received())
			}
		}
		next <- struct{}{}
	}
	res := <-done
	if res["errMsg"] != "request:ok" || res["data"] != "" {
		t.Fatalf("the answer after the chunks: %v", res)
	}
	headers := rec.byState("headersReceived")
	if s := rec.states(); s[0] != "headersReceived" || len(headers) != 1 {
		t.Fatalf("events: %v", s)
	}
	h := headers[0]
	if h["statusCode"] != 200 || h["header"].(map[string]string)["Content-Type"] != "text/event-stream" || !equalJSON(h["cookies"], []string{"a=1"}) || h["__task"] != "7" {
		t.Fatalf("headersReceived: %v", h)
	}
	for _, name := range rec.names {
		if name != "onRequestTaskStateChange" {
			t.Fatalf("event %q", name)
		}
	}
}

// Without a task id or an event channel (a call through /apihelper/assdk), no event is sent
// and the call still answers.
func TestRequestWithoutEvents(t *testing.T) {
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "x") }))
	defer backend.Close()
	e := newNetEnv(t)
	rec := newRecorder()
	if res := e.call("request", map[string]any{"url": backend.URL}, rec); res["errMsg"] != "request:ok" || len(rec.events) != 0 {
		t.Fatalf("%v, events %v", res, rec.events)
	}
	if res := e.call("request", map[string]any{"url": backend.URL, "__task": "1"}, nil); res["errMsg"] != "request:ok" {
		t.Fatal(res)
	}
}

func equalJSON(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb)
}
