package api

import (
	"bytes"
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"syscall"
	"time"
)

// The most a download or an upload carries, as on a phone.
const transferLimit = 200 << 20

// progressEvery is the least time between two progress events of a task: the phone
// reports progress a few times a second, not once per network read.
const progressEvery = 100 * time.Millisecond

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
func registerTransfer(r *Registry, st *starter, f *Files) {
	r.Register("downloadFile", func(ctx context.Context, call Call) (Result, error) {
		var a downloadArgs
		if err := decodeArgs(call, &a); err != nil {
			return Fail(call.API, "parameter error: "+err.Error()), nil
		}
		t, res := st.start(ctx, call, requestArgs{URL: a.URL, Method: "GET", Header: a.Header, Task: a.Task}, "onDownloadTaskStateChange")
		if res != nil {
			return res, nil
		}
		defer t.done()
		x, err := t.send(a.Timeout)
		if err != nil {
			return x.fail(call.API, err), nil
		}
		defer x.close()
		t.ev.send("headersReceived", map[string]any{"header": flatHeader(x.resp.Header)})
		p := t.ev.progress("totalBytesWritten", "totalBytesExpectedToWrite")
		body, err := readWithProgress(x.resp.Body, x.resp.ContentLength, p)
		if err != nil {
			return x.fail(call.API, err), nil
		}
		res = map[string]any{"statusCode": x.resp.StatusCode, "header": flatHeader(x.resp.Header)}
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
		temp, err := f.TempFile(path.Ext(t.req.URL.Path), body)
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
		// A parameter error comes first: the base library checks the parameters before it
		// asks for anything.
		if a.Name == "" {
			return Fail(call.API, "parameter error: parameter.name should be String instead of Undefined;"), nil
		}
		t, res := st.start(ctx, call, requestArgs{URL: a.URL, Method: "POST", Header: a.Header, Task: a.Task}, "onUploadTaskStateChange")
		if res != nil {
			return res, nil
		}
		defer t.done()
		loc, err := resolve(a.FilePath)
		var data []byte
		if err == nil {
			data, err = f.readFile(loc)
		}
		if err != nil {
			return Fail(call.API, classify(err).Error()+`, open "`+a.FilePath+`"`), nil
		}
		if len(data) > transferLimit {
			return Fail(call.API, errTooLarge.Error()), nil
		}
		// The body is a multipart form, the file under name and formData beside it.
		var form bytes.Buffer
		mw := multipart.NewWriter(&form)
		for k, v := range a.FormData {
			mw.WriteField(k, jsString(v))
		}
		part, err := mw.CreateFormFile(a.Name, path.Base(loc.name))
		if err != nil {
			return nil, err
		}
		part.Write(data)
		mw.Close()
		p := t.ev.progress("totalBytesSent", "totalBytesExpectedToSend")
		total := int64(form.Len())
		t.req.Body = io.NopCloser(&countingReader{r: &form, onRead: func(sent int64) { p.update(sent, total) }})
		t.req.ContentLength = total
		t.req.Header.Set("Content-Type", mw.FormDataContentType())
		x, err := t.send(a.Timeout)
		if err != nil {
			return x.fail(call.API, err), nil
		}
		defer x.close()
		// The answer has come: everything was sent, and no later read may report otherwise.
		p.finish(total)
		t.ev.send("headersReceived", map[string]any{"header": flatHeader(x.resp.Header)})
		reply, err := readLimited(x.resp.Body, responseLimit)
		if err != nil {
			return x.fail(call.API, err), nil
		}
		// The phone gives the answer as a string, whatever its type.
		return OK(call.API, map[string]any{"statusCode": x.resp.StatusCode, "data": string(reply), "header": flatHeader(x.resp.Header)}), nil
	})
}

// readWithProgress reads body (of size total, -1 when unknown) up to transferLimit,
// reporting progress as it goes.
func readWithProgress(body io.Reader, total int64, p *progress) ([]byte, error) {
	var buf bytes.Buffer
	if total > 0 && total <= transferLimit {
		buf.Grow(int(total))
	}
	err := readChunks(body, func(chunk []byte) error {
		buf.Write(chunk)
		if buf.Len() > transferLimit {
			return errTooLarge
		}
		p.update(int64(buf.Len()), total)
		return nil
	})
	if err != nil {
		return nil, err
	}
	p.finish(int64(buf.Len()))
	return buf.Bytes(), nil
}

// countingReader reports the running count of bytes read from r.
type countingReader struct {
	r      io.Reader
	n      int64
	onRead func(n int64)
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	if n > 0 {
		c.onRead(c.n)
	}
	return n, err
}

// taskEvents sends the events of one task (docs/protocol.md, "Task events").
type taskEvents struct {
	emit func(string, map[string]any)
	name string // onRequestTaskStateChange, onDownloadTaskStateChange, onUploadTaskStateChange
	task string
}

func (e taskEvents) send(state string, fields map[string]any) {
	if e.emit == nil || e.task == "" {
		return
	}
	fields["__task"] = e.task
	fields["state"] = state
	e.emit(e.name, fields)
}

// progress makes the task's progressUpdate events, whose byte counts are named done and
// total (totalBytesWritten and totalBytesExpectedToWrite for a download).
func (e taskEvents) progress(done, total string) *progress {
	return &progress{every: progressEvery, lastPct: -1, send: func(pct int, d, t int64) {
		e.send("progressUpdate", map[string]any{"progress": pct, done: d, total: t})
	}}
}

// progress lets through the progress events the phone would send: the first, the last
// (100), and between them at most one per progressEvery, only when the whole percent
// has moved (or the size is unknown). It is safe for the transport's goroutine.
type progress struct {
	every time.Duration
	send  func(pct int, done, total int64)

	mu       sync.Mutex
	lastPct  int
	last     time.Time
	finished bool
}

func (p *progress) update(done, total int64) {
	pct := 0
	if total > 0 {
		pct = int(min(done*100/total, 100))
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	first := p.lastPct < 0
	moved := pct != p.lastPct || total <= 0
	if p.finished || pct == 100 || !(first || moved && now.Sub(p.last) >= p.every) {
		return // 100 is finish's to send, once everything has come
	}
	p.lastPct, p.last = pct, now
	p.send(pct, done, max(total, 0))
}

// finish sends the 100% event, once; later updates are dropped.
func (p *progress) finish(total int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.finished {
		return
	}
	p.finished = true
	p.send(100, total, total)
}

// exchange is one HTTP exchange of a task under way: its answer, and the contexts that
// tell a timeout from an abort.
type exchange struct {
	task    context.Context // cancelled by abortTask
	timeout context.Context // the task's with its timeout
	cancel  context.CancelFunc
	resp    *http.Response // nil until the headers have come
}

// send makes req with the phone's default timeout of 60 s unless timeoutMs says; the
// timeout covers the whole exchange, body included. The caller closes the exchange.
func send(ctx context.Context, client *http.Client, req *http.Request, timeoutMs int) (*exchange, error) {
	timeout := 60 * time.Second
	if timeoutMs > 0 {
		timeout = time.Duration(timeoutMs) * time.Millisecond
	}
	tctx, cancel := context.WithTimeout(ctx, timeout)
	x := &exchange{task: ctx, timeout: tctx, cancel: cancel}
	resp, err := client.Do(req.WithContext(tctx))
	if err != nil {
		cancel()
		return x, err
	}
	x.resp = resp
	return x, nil
}

func (x *exchange) close() {
	x.resp.Body.Close()
	x.cancel()
}

// fail is the phone's answer to err, met during the exchange: abort, timeout, or the
// network error as the phone's network stack (Chromium's, in the official tools) names it.
func (x *exchange) fail(api string, err error) Result {
	switch {
	case errors.Is(context.Cause(x.task), errAborted):
		return Fail(api, "abort")
	case x.task.Err() == nil && errors.Is(x.timeout.Err(), context.DeadlineExceeded):
		return Result{"errMsg": api + ":fail timeout", "errno": 5}
	case errors.Is(err, errTooLarge):
		return Fail(api, err.Error())
	case x.resp != nil && (errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)):
		return netFail(api, "-100:net::ERR_CONNECTION_CLOSED") // the answer broke off
	}
	return failWith(api, err)
}

// failWith answers err of making or sending a request: a refusal, or a network error.
func failWith(api string, err error) Result {
	var refused refusedError
	if errors.As(err, &refused) {
		return Result{"errMsg": api + ":fail " + refused.reason, "errno": 600002}
	}
	var invalid invalidURLError
	if errors.As(err, &invalid) {
		return Fail(api, invalid.Error())
	}
	return netFail(api, netReason(err))
}

func netFail(api, reason string) Result {
	return Result{"errMsg": api + ":fail " + reason, "errno": 600001}
}

// netReason names a network error as Chromium does ("-102:net::ERR_CONNECTION_REFUSED"),
// which is what the official tools and Android phones report.
func netReason(err error) string {
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var badName x509.HostnameError
	var badCert x509.CertificateInvalidError
	switch {
	case errors.As(err, &dns):
		return "-105:net::ERR_NAME_NOT_RESOLVED"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "-102:net::ERR_CONNECTION_REFUSED"
	case errors.Is(err, syscall.ECONNRESET):
		return "-101:net::ERR_CONNECTION_RESET"
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return "-109:net::ERR_ADDRESS_UNREACHABLE"
	case errors.As(err, &unknownCA):
		return "-202:net::ERR_CERT_AUTHORITY_INVALID"
	case errors.As(err, &badName):
		return "-200:net::ERR_CERT_COMMON_NAME_INVALID"
	case errors.As(err, &badCert) && badCert.Reason == x509.Expired:
		return "-201:net::ERR_CERT_DATE_INVALID"
	case errors.Is(err, errTooManyRedirects):
		return "-310:net::ERR_TOO_MANY_REDIRECTS"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "-324:net::ERR_EMPTY_RESPONSE" // closed before any answer
	}
	return "-2:net::ERR_FAILED (" + err.Error() + ")"
}

var (
	errAborted          = errors.New("abort")
	errTooManyRedirects = errors.New("stopped after 10 redirects")
)

// refusedError is a request the simulator will not make; its reason is the errMsg's.
type refusedError struct{ reason string }

func (e refusedError) Error() string { return e.reason }

type invalidURLError struct{ url string }

func (e invalidURLError) Error() string { return fmt.Sprintf("invalid url %q", e.url) }

// Tasks are the requests, downloads and uploads under way, by session and the task id the
// runtime gives them (args.__task), so that RequestTask.abort can stop one.
type tasks struct {
	mu     sync.Mutex
	cancel map[string]context.CancelCauseFunc
}

// start gives the call a context that abortTask cancels; done forgets it.
func (t *tasks) start(ctx context.Context, call Call, id string) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	if id == "" {
		return ctx, func() { cancel(nil) }
	}
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

// abort stops the task, if it is still under way.
func (t *tasks) abort(session, id string) {
	t.mu.Lock()
	cancel, ok := t.cancel[session+"/"+id]
	t.mu.Unlock()
	if ok {
		cancel(errAborted)
	}
}

// flatHeader is a response header as the phone gives it: one string per name, repeated
// values joined by commas.
func flatHeader(h http.Header) map[string]string {
	out := map[string]string{}
	for k, v := range h {
		out[k] = strings.Join(v, ",")
	}
	return out
}
