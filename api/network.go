package api

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"sort"
	"strings"
)

// Network configures wx.request.
type Network struct {
	// Refused are host:port addresses requests may not reach: the simulator's own, so
	// that a mini-program cannot drive the simulator's API.
	Refused []string
	// Client makes the requests; nil: one with a cookie jar, as the phone keeps cookies
	// per mini-program.
	Client *http.Client
}

type requestArgs struct {
	URL          string          `json:"url"`
	Data         json.RawMessage `json:"data"`
	Header       map[string]any  `json:"header"`
	Method       string          `json:"method"`
	DataType     string          `json:"dataType"`
	ResponseType string          `json:"responseType"`
	Timeout      int             `json:"timeout"` // ms
	Task         string          `json:"__task"`  // the runtime's id of the task, for abort
}

// registerNetwork adds wx.request, made by the server so that no browser CORS rule
// stands between a mini-program and its backend, as none does on a phone.
func registerNetwork(r *Registry, n Network, files *Files) {
	client := n.Client
	if client == nil {
		jar, _ := cookiejar.New(nil)
		client = &http.Client{Jar: jar}
	}
	tk := &tasks{cancel: map[string]context.CancelCauseFunc{}}
	if files != nil {
		registerTransfer(r, n, client, files, tk)
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
		ctx, done := tk.start(ctx, call, a.Task)
		defer done()
		req, reason := buildRequest(ctx, a, n.Refused)
		if reason != "" {
			return Fail(call.API, reason), nil
		}
		resp, cancel, err := send(ctx, client, req, a.Timeout)
		if err != nil {
			return Fail(call.API, err.Error()), nil
		}
		defer cancel()
		defer resp.Body.Close()
		body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
		if err != nil {
			return Fail(call.API, err.Error()), nil
		}
		res := map[string]any{"statusCode": resp.StatusCode, "header": flatHeader(resp.Header), "cookies": resp.Header.Values("Set-Cookie")}
		switch {
		case a.ResponseType == "arraybuffer":
			// JSON carries no bytes: the runtime turns this back into an ArrayBuffer.
			res["data"] = map[string]any{"__mpsimArrayBuffer": base64.StdEncoding.EncodeToString(body)}
		case a.DataType == "" || a.DataType == "json":
			var v any
			if json.Unmarshal(body, &v) == nil {
				res["data"] = v
			} else {
				res["data"] = string(body)
			}
		default:
			res["data"] = string(body)
		}
		return OK(call.API, res), nil
	})
}

// buildRequest makes the HTTP request the phone would send for a, or the reason it fails.
func buildRequest(ctx context.Context, a requestArgs, refused []string) (*http.Request, string) {
	u, err := url.Parse(a.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, "invalid url \"" + a.URL + "\""
	}
	host := u.Host
	if u.Port() == "" {
		host = net.JoinHostPort(u.Hostname(), map[string]string{"http": "80", "https": "443"}[u.Scheme])
	}
	for _, r := range refused {
		if strings.EqualFold(r, host) || strings.EqualFold(r, u.Host) {
			return nil, "url not in domain list: the simulator's own address is refused"
		}
	}
	method := strings.ToUpper(a.Method)
	if method == "" {
		method = "GET"
	}
	header := http.Header{}
	contentType := "application/json"
	for k, v := range a.Header {
		s := fmt.Sprint(v)
		header.Set(k, s)
		if strings.EqualFold(k, "content-type") {
			contentType = s
		}
	}
	var data any
	if len(a.Data) > 0 {
		json.Unmarshal(a.Data, &data)
	}
	var body io.Reader
	if method == "GET" || method == "HEAD" {
		// The phone puts an object's fields in the query string.
		if obj, ok := data.(map[string]any); ok && len(obj) > 0 {
			q := u.Query()
			for _, k := range sortedMapKeys(obj) {
				q.Set(k, queryValue(obj[k]))
			}
			u.RawQuery = q.Encode()
		}
	} else if data != nil {
		switch v := data.(type) {
		case string:
			body = strings.NewReader(v)
		case map[string]any:
			if strings.Contains(strings.ToLower(contentType), "x-www-form-urlencoded") {
				form := url.Values{}
				for _, k := range sortedMapKeys(v) {
					form.Set(k, queryValue(v[k]))
				}
				body = strings.NewReader(form.Encode())
			} else {
				body = bytes.NewReader(a.Data)
			}
		default:
			body = bytes.NewReader(a.Data)
		}
		if header.Get("Content-Type") == "" {
			header.Set("Content-Type", contentType)
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return nil, err.Error()
	}
	req.Header = header
	return req, ""
}

func queryValue(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	case float64, bool:
		return fmt.Sprint(x)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func sortedMapKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
