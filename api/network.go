package api

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
)

// Network configures wx.request, wx.downloadFile and wx.uploadFile.
type Network struct {
	// Refused are host:port addresses requests may not reach: the simulator's own, so
	// that a mini-program cannot drive the simulator's API.
	Refused []string
	// Client makes the requests; nil: one with a cookie jar, as the phone keeps cookies
	// per mini-program. Its redirects are checked against Refused too.
	Client *http.Client
	// AppID names the mini-program in the Referer every request carries, as the official
	// tools send it; "" is their tourist app.
	AppID string
	// Domains checks URLs against the account's domain lists (setting.urlCheck); nil:
	// the registry's Mocks.
	Domains *Mocks
}

// The most a request's answer may be; past it the call fails rather than fill memory.
const responseLimit = 64 << 20

type requestArgs struct {
	URL           string          `json:"url"`
	Data          json.RawMessage `json:"data"`
	Header        map[string]any  `json:"header"`
	Method        string          `json:"method"`
	DataType      string          `json:"dataType"`
	ResponseType  string          `json:"responseType"`
	Timeout       int             `json:"timeout"` // ms; the runtime puts app.json's networkTimeout here
	EnableChunked bool            `json:"enableChunked"`
	Task          string          `json:"__task"` // the runtime's id of the task, for abort and events
	// enableHttp2, enableCache, enableQuic ... are accepted and change nothing: Go speaks
	// HTTP/2 to a server that offers it, and the simulator keeps no HTTP cache.
}

// registerNetwork adds wx.request, made by the server so that no browser CORS rule
// stands between a mini-program and its backend, as none does on a phone.
func registerNetwork(r *Registry, n Network, files *Files) {
	client := n.Client
	if client == nil {
		jar, _ := cookiejar.New(nil)
		client = &http.Client{Jar: jar}
	}
	if client.CheckRedirect == nil {
		// A backend's redirect must not lead to the simulator's own address either.
		c := *client
		c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
			if len(via) >= 10 {
				return errTooManyRedirects
			}
			return refusal(req.URL, n.Refused)
		}
		client = &c
	}
	tk := &tasks{cancel: map[string]context.CancelCauseFunc{}}
	st := &starter{n: n, client: client, tasks: tk}
	if files != nil {
		registerTransfer(r, st, files)
	}
	// RequestTask.abort (and the download and upload tasks'): the call fails with abort.
	r.RegisterNonBlocking("abortTask", func(ctx context.Context, call Call) (Result, error) {
		var a struct {
			Task string `json:"__task"`
		}
		if err := decodeArgs(call, &a); err != nil {
			return Fail(call.API, "parameter error: "+err.Error()), nil
		}
		tk.abort(call.Session, a.Task)
		return OK(call.API, nil), nil
	})
	r.Register("request", func(ctx context.Context, call Call) (Result, error) {
		var a requestArgs
		if err := decodeArgs(call, &a); err != nil {
			return Fail(call.API, "parameter error: "+err.Error()), nil
		}
		a.Header = withDefaultContentType(a.Header)
		t, res := st.start(ctx, call, a, "onRequestTaskStateChange")
		if res != nil {
			return res, nil
		}
		defer t.done()
		x, err := t.send(a.Timeout)
		if err != nil {
			return x.fail(call.API, err), nil
		}
		defer x.close()
		resp := x.resp
		cookies := resp.Header.Values("Set-Cookie")
		if cookies == nil {
			cookies = []string{}
		}
		t.ev.send("headersReceived", map[string]any{"header": flatHeader(resp.Header), "statusCode": resp.StatusCode, "cookies": cookies})
		var body []byte
		if a.EnableChunked {
			// The answer goes out chunk by chunk (RequestTask.onChunkReceived); the success
			// that follows carries none of it, as a stream may be endless.
			err = readChunks(resp.Body, func(chunk []byte) error {
				t.ev.send("chunkReceived", map[string]any{"data": arrayBuffer(chunk)})
				return nil
			})
		} else {
			body, err = readLimited(resp.Body, responseLimit)
		}
		if err != nil {
			return x.fail(call.API, err), nil
		}
		return OK(call.API, map[string]any{
			"statusCode": resp.StatusCode, "header": flatHeader(resp.Header), "cookies": cookies,
			"data": responseData(body, a.DataType, a.ResponseType),
		}), nil
	})
}

// starter starts the HTTP exchanges of request, downloadFile and uploadFile, with one
// client (and its cookies), the same refusals, and one registry of tasks for abortTask.
type starter struct {
	n      Network
	client *http.Client
	tasks  *tasks
}

// netTask is a task whose request is made and not yet sent.
type netTask struct {
	ctx    context.Context // cancelled by abortTask
	done   func()          // forgets the task; the caller defers it
	req    *http.Request
	ev     taskEvents
	client *http.Client
}

// start checks a.URL against the domain lists, registers the task and builds its request;
// a failure is the call's answer. event names the task's state events.
func (s *starter) start(ctx context.Context, call Call, a requestArgs, event string) (*netTask, Result) {
	if res := s.n.Domains.CheckURL(call.API, a.URL); res != nil {
		return nil, res
	}
	ctx, done := s.tasks.start(ctx, call, a.Task)
	req, err := buildRequest(ctx, a, s.n)
	if err != nil {
		done()
		return nil, failWith(call.API, err)
	}
	return &netTask{ctx: ctx, done: done, req: req, ev: taskEvents{emit: call.Emit, name: event, task: a.Task}, client: s.client}, nil
}

// send makes the task's request (send, below).
func (t *netTask) send(timeoutMs int) (*exchange, error) {
	return send(t.ctx, t.client, t.req, timeoutMs)
}

// responseData is res.data: an ArrayBuffer, the parsed JSON, or the text when the body
// is not JSON or dataType is not json.
func responseData(body []byte, dataType, responseType string) any {
	if responseType == "arraybuffer" {
		return arrayBuffer(body) // the runtime turns this back into an ArrayBuffer
	}
	if dataType == "" || dataType == "json" {
		var v any
		if json.Unmarshal(body, &v) == nil {
			return v
		}
	}
	return string(body)
}

// readChunks hands each piece of body to onChunk as it arrives, stopping at onChunk's
// error. A piece is valid only during the call.
func readChunks(body io.Reader, onChunk func([]byte) error) error {
	buf := make([]byte, 64<<10)
	for {
		n, err := body.Read(buf)
		if n > 0 {
			if err := onChunk(buf[:n]); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

var errTooLarge = errors.New("exceed max file size")

// readLimited reads all of body, failing past limit bytes.
func readLimited(body io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(body, limit+1))
	if err == nil && int64(len(b)) > limit {
		return nil, errTooLarge
	}
	return b, err
}

// refusal is why u may not be requested, or nil.
func refusal(u *url.URL, refused []string) error {
	host := u.Host
	if u.Port() == "" {
		host = net.JoinHostPort(u.Hostname(), map[string]string{"http": "80", "https": "443"}[u.Scheme])
	}
	for _, r := range refused {
		if strings.EqualFold(r, host) || strings.EqualFold(r, u.Host) {
			return refusedError{"url not in domain list: the simulator's own address is refused"}
		}
	}
	return nil
}

// buildRequest makes the HTTP request the phone would send for a, or says why it cannot
// (invalidURLError, refusedError).
func buildRequest(ctx context.Context, a requestArgs, n Network) (*http.Request, error) {
	u, err := url.Parse(a.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, invalidURLError{a.URL}
	}
	if err := refusal(u, n.Refused); err != nil {
		return nil, err
	}
	method := strings.ToUpper(a.Method)
	if method == "" {
		method = "GET"
	}
	header := http.Header{}
	for k, v := range a.Header {
		if strings.EqualFold(k, "referer") {
			continue // the phone sets its own (below); the docs say it cannot be set
		}
		header.Set(k, jsString(v)) // a number or a boolean as its text
	}
	appID := n.AppID
	if appID == "" {
		appID = "touristappid"
	}
	header.Set("Referer", "https://servicewechat.com/"+appID+"/devtools/page-frame.html")
	var body []byte
	if method == "GET" || method == "HEAD" {
		// The data goes into the query string.
		if q := queryString(a.Data); q != "" {
			if u.RawQuery != "" {
				u.RawQuery += "&"
			}
			u.RawQuery += q
		}
	} else {
		body = requestBody(a.Data, header.Get("Content-Type"))
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), rd)
	if err != nil {
		return nil, invalidURLError{a.URL}
	}
	req.Header = header
	return req, nil
}

// withDefaultContentType is header with wx.request's default content-type,
// application/json, unless it names one.
func withDefaultContentType(header map[string]any) map[string]any {
	for k := range header {
		if strings.EqualFold(k, "content-type") {
			return header
		}
	}
	out := map[string]any{"content-type": "application/json"}
	for k, v := range header {
		out[k] = v
	}
	return out
}

// requestBody is the body the phone sends for data: a string or an ArrayBuffer as is; an
// object as a form when the content-type says so, JSON otherwise.
func requestBody(data json.RawMessage, contentType string) []byte {
	if len(data) == 0 || string(data) == "null" {
		return nil
	}
	var s string
	if json.Unmarshal(data, &s) == nil {
		return []byte(s)
	}
	if b, ok := binaryArg(data); ok {
		return b
	}
	if strings.Contains(strings.ToLower(contentType), "application/x-www-form-urlencoded") {
		if fields, ok := objectFields(data); ok {
			return []byte(encodeFields(fields))
		}
	}
	return data
}

// queryString is data as the phone appends it to a GET's URL: an object's fields as
// encodeURIComponent(k)=encodeURIComponent(String(v)) in their order, a string as is.
func queryString(data json.RawMessage) string {
	var s string
	if json.Unmarshal(data, &s) == nil {
		return s
	}
	if fields, ok := objectFields(data); ok {
		return encodeFields(fields)
	}
	return ""
}

type field struct {
	key   string
	value json.RawMessage
}

// objectFields are the fields of a JSON object in the order written (a Go map would lose
// it, and the phone keeps the object's order).
func objectFields(data json.RawMessage) ([]field, bool) {
	if _, ok := binaryArg(data); ok {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var fields []field
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, false
		}
		fields = append(fields, field{tok.(string), v})
	}
	return fields, true
}

func encodeFields(fields []field) string {
	parts := make([]string, 0, len(fields))
	for _, f := range fields {
		var v any
		json.Unmarshal(f.value, &v)
		parts = append(parts, encodeURIComponent(f.key)+"="+encodeURIComponent(jsString(v)))
	}
	return strings.Join(parts, "&")
}

// jsString is String(v) in JavaScript for a decoded JSON value: what encodeURIComponent
// sees, and what a header or form field of another type becomes.
func jsString(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return x
	case bool:
		return fmt.Sprint(x)
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e21 {
			return fmt.Sprintf("%.0f", x)
		}
		return fmt.Sprint(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			if e != nil {
				parts[i] = jsString(e)
			}
		}
		return strings.Join(parts, ",")
	}
	return "[object Object]"
}

// encodeURIComponent escapes as JavaScript's function does: all but A-Z a-z 0-9 - _ . ! ~ * ' ( ).
func encodeURIComponent(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.IndexByte("-_.!~*'()", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// binaryArg decodes an ArrayBuffer argument ({"__mpsimArrayBuffer": base64}).
func binaryArg(raw json.RawMessage) ([]byte, bool) {
	if !bytes.Contains(raw, []byte(`"__mpsimArrayBuffer"`)) {
		return nil, false
	}
	var bin binary
	if json.Unmarshal(raw, &bin) != nil {
		return nil, false
	}
	b, err := base64.StdEncoding.DecodeString(bin.B64)
	return b, err == nil
}
