package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// The most a download or an upload carries, as on a phone.
const transferLimit = 200 << 20

type downloadArgs struct {
	Task     string         `json:"__task"`
	URL      string         `json:"url"`
	Header   map[string]any `json:"header"`
	Timeout  int            `json:"timeout"` // ms
	FilePath string         `json:"filePath"`
}

type uploadArgs struct {
	Task     string         `json:"__task"`
	URL      string         `json:"url"`
	FilePath string         `json:"filePath"`
	Name     string         `json:"name"`
	Header   map[string]any `json:"header"`
	FormData map[string]any `json:"formData"`
	Timeout  int            `json:"timeout"` // ms
}

// registerTransfer adds wx.downloadFile and wx.uploadFile: the server moves the bytes
// between the network and the mini-program's file sandbox, with the same client (and
// cookies) and refusals as wx.request.
func registerTransfer(r *Registry, n Network, client *http.Client, f *Files, tk *tasks) {
	r.Register("downloadFile", func(ctx context.Context, call Call) (Result, error) {
		var a downloadArgs
		if err := decodeArgs(call, &a); err != nil {
			return Fail(call.API, "parameter error: "+err.Error()), nil
		}
		ctx, done := tk.start(ctx, call, a.Task)
		defer done()
		req, reason := buildRequest(ctx, requestArgs{URL: a.URL, Method: "GET", Header: a.Header}, n.Refused)
		if reason != "" {
			return Fail(call.API, reason), nil
		}
		resp, cancel, err := send(ctx, client, req, a.Timeout)
		if err != nil {
			return Fail(call.API, err.Error()), nil
		}
		defer cancel()
		defer resp.Body.Close()
		body, err := io.ReadAll(io.LimitReader(resp.Body, transferLimit+1))
		if err != nil {
			return Fail(call.API, err.Error()), nil
		}
		if len(body) > transferLimit {
			return Fail(call.API, "exceed max file size"), nil
		}
		res := map[string]any{"statusCode": resp.StatusCode, "header": flatHeader(resp.Header)}
		if a.FilePath != "" {
			// A named destination is a file of the user's folder.
			loc, err := resolve(a.FilePath)
			if err == nil {
				err = writable(loc)
			}
			if err == nil {
				err = f.writeFile(loc, body, false)
			}
			if err != nil {
				return Fail(call.API, classify(err).Error()+`, open "`+a.FilePath+`"`), nil
			}
			res["filePath"] = a.FilePath
			return OK(call.API, res), nil
		}
		temp, err := f.TempFile(path.Ext(req.URL.Path), body)
		if err != nil {
			return nil, err
		}
		res["tempFilePath"] = temp
		return OK(call.API, res), nil
	})

	r.Register("uploadFile", func(ctx context.Context, call Call) (Result, error) {
		var a uploadArgs
		if err := decodeArgs(call, &a); err != nil {
			return Fail(call.API, "parameter error: "+err.Error()), nil
		}
		ctx, done := tk.start(ctx, call, a.Task)
		defer done()
		if a.Name == "" {
			return Fail(call.API, "parameter error: parameter.name should be String instead of Undefined;"), nil
		}
		loc, err := resolve(a.FilePath)
		var data []byte
		if err == nil {
			data, err = f.readFile(loc)
		}
		if err != nil {
			return Fail(call.API, classify(err).Error()+`, open "`+a.FilePath+`"`), nil
		}
		// The body is a multipart form, the file under name and formData beside it.
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		for k, v := range a.FormData {
			mw.WriteField(k, fmt.Sprint(v))
		}
		part, err := mw.CreateFormFile(a.Name, path.Base(loc.name))
		if err != nil {
			return nil, err
		}
		part.Write(data)
		mw.Close()
		req, reason := buildRequest(ctx, requestArgs{URL: a.URL, Method: "POST", Header: a.Header}, n.Refused)
		if reason != "" {
			return Fail(call.API, reason), nil
		}
		req.Body = io.NopCloser(&body)
		req.ContentLength = int64(body.Len())
		req.Header.Set("Content-Type", mw.FormDataContentType())
		resp, cancel, err := send(ctx, client, req, a.Timeout)
		if err != nil {
			return Fail(call.API, err.Error()), nil
		}
		defer cancel()
		defer resp.Body.Close()
		reply, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
		if err != nil {
			return Fail(call.API, err.Error()), nil
		}
		// The phone gives the answer as a string, whatever its type.
		return OK(call.API, map[string]any{"statusCode": resp.StatusCode, "data": string(reply), "header": flatHeader(resp.Header)}), nil
	})
}

// send makes req with the phone's default timeout of 60 s unless timeoutMs says; the
// caller calls cancel once it has read the body. A timeout is the phone's "timeout", an
// abort of the task (abortTask) its "abort".
func send(ctx context.Context, client *http.Client, req *http.Request, timeoutMs int) (*http.Response, context.CancelFunc, error) {
	timeout := 60 * time.Second
	if timeoutMs > 0 {
		timeout = time.Duration(timeoutMs) * time.Millisecond
	}
	tctx, cancel := context.WithTimeout(ctx, timeout)
	resp, err := client.Do(req.WithContext(tctx))
	if err != nil {
		cancel()
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			return nil, nil, errors.New("timeout")
		case errors.Is(context.Cause(ctx), errAborted):
			return nil, nil, errAborted
		}
		return nil, nil, err
	}
	return resp, cancel, nil
}

var errAborted = errors.New("abort")

// Tasks are the requests, downloads and uploads under way, by session and the task id the
// runtime gives them (args.__task), so that RequestTask.abort can stop one.
type tasks struct {
	mu     sync.Mutex
	cancel map[string]context.CancelCauseFunc
}

// start gives the call a context that abortTask cancels; done forgets it.
func (t *tasks) start(ctx context.Context, call Call, id string) (context.Context, func()) {
	if id == "" {
		return ctx, func() {}
	}
	ctx, cancel := context.WithCancelCause(ctx)
	key := call.Session + "/" + id
	t.mu.Lock()
	t.cancel[key] = cancel
	t.mu.Unlock()
	return ctx, func() {
		t.mu.Lock()
		delete(t.cancel, key)
		t.mu.Unlock()
		cancel(nil)
	}
}

func (t *tasks) abort(session, id string) bool {
	t.mu.Lock()
	cancel, ok := t.cancel[session+"/"+id]
	t.mu.Unlock()
	if ok {
		cancel(errAborted)
	}
	return ok
}

func flatHeader(h http.Header) map[string]string {
	out := map[string]string{}
	for k, v := range h {
		out[k] = strings.Join(v, ",")
	}
	return out
}
