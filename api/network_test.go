package api

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestRequestReachesARealServer(t *testing.T) {
	var got struct{ method, query, contentType, body, cookie string }
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got.method, got.query, got.contentType, got.body = r.Method, r.URL.RawQuery, r.Header.Get("Content-Type"), string(b)
		if c, err := r.Cookie("sid"); err == nil {
			got.cookie = c.Value
		}
		http.SetCookie(w, &http.Cookie{Name: "sid", Value: "s1"})
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/slow" {
			time.Sleep(300 * time.Millisecond)
		}
		if r.URL.Path == "/text" {
			io.WriteString(w, "not json")
			return
		}
		io.WriteString(w, `{"ok":true,"n":2}`)
	}))
	defer backend.Close()
	r := Default(Options{Device: IPhone12, Network: Network{Refused: []string{"127.0.0.1:1"}}})
	call := func(args string) Result {
		return r.Invoke(context.Background(), Call{API: "request", Args: json.RawMessage(args)})
	}

	res := call(`{"url":"` + backend.URL + `/a","data":{"q":"x y","n":1}}`)
	if res["errMsg"] != "request:ok" || res["statusCode"] != 200 || got.method != "GET" || got.query != "n=1&q=x+y" {
		t.Fatalf("GET: %v %+v", res, got)
	}
	if data, _ := res["data"].(map[string]any); data["n"] != 2.0 {
		t.Fatalf("json data: %v", res["data"])
	}
	res = call(`{"url":"` + backend.URL + `/a","method":"post","data":{"a":[1,2]}}`)
	if got.method != "POST" || got.contentType != "application/json" || got.body != `{"a":[1,2]}` || got.cookie != "s1" {
		t.Fatalf("POST: %+v (the cookie set by the first answer must come back)", got)
	}
	call(`{"url":"` + backend.URL + `/a","method":"POST","header":{"content-type":"application/x-www-form-urlencoded"},"data":{"a":"1","b":"x y"}}`)
	if got.body != "a=1&b=x+y" {
		t.Fatalf("form body: %q", got.body)
	}
	if res := call(`{"url":"` + backend.URL + `/text"}`); res["data"] != "not json" {
		t.Fatalf("a body that is not JSON stays text: %v", res["data"])
	}
	for _, bad := range []string{`{"url":"ftp://x/y"}`, `{"url":"http://127.0.0.1:1/apihelper/assdk"}`, `{}`} {
		if res := call(bad); !strings.HasPrefix(res["errMsg"].(string), "request:fail ") {
			t.Errorf("%s: %v, want a fail", bad, res["errMsg"])
		}
	}
	if res := call(`{"url":"` + backend.URL + `/slow","timeout":50}`); res["errMsg"] != "request:fail timeout" {
		t.Errorf("a server slower than the timeout: %v, want request:fail timeout", res["errMsg"])
	}
}

// RequestTask.abort stops the request under way: the call fails with abort at once.
func TestAbortTask(t *testing.T) {
	release := make(chan struct{})
	backend := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer backend.Close()
	defer close(release)
	r := Default(Options{Device: IPhone12})
	done := make(chan Result, 1)
	start := time.Now()
	go func() {
		done <- r.Invoke(context.Background(), Call{API: "request", Session: "s", Args: json.RawMessage(`{"url":"` + backend.URL + `","__task":"t1"}`)})
	}()
	time.Sleep(100 * time.Millisecond)
	if res := r.Invoke(context.Background(), Call{API: "abortTask", Session: "s", Args: json.RawMessage(`{"__task":"t1"}`)}); res["errMsg"] != "abortTask:ok" {
		t.Fatal(res)
	}
	select {
	case res := <-done:
		if res["errMsg"] != "request:fail abort" || time.Since(start) > 2*time.Second {
			t.Fatalf("aborted request: %v after %v", res, time.Since(start))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the aborted request is still running")
	}
}
