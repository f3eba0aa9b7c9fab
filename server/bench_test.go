package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/coder/websocket"

	"github.com/mpsim/mpsim/api"
)

// BenchmarkInvokeVsEcho measures the round trip of an APPSERVICE_INVOKE through the hub to
// a Go handler and back, against a raw coder/websocket echo of a frame of the same size,
// interleaved in one run so that a noisy machine slows both alike. It reports both
// latencies and their ratio (docs/bench.md; target: ratio within 1.5).
func BenchmarkInvokeVsEcho(b *testing.B) {
	// The hub, with a handler that does no work of its own: what is measured is the hub.
	reg := api.NewRegistry()
	reg.RegisterNonBlocking("ping", func(ctx context.Context, call api.Call) (api.Result, error) {
		return api.OK("ping", nil), nil
	})
	s := New(Options{Runtime: fstest.MapFS{}, Shell: fstest.MapFS{}, APIs: reg,
		Logger: slog.New(slog.DiscardHandler)})
	hubSrv := httptest.NewServer(s.Handler())
	defer hubSrv.Close()

	// The baseline: a bare echo server on the same library.
	echoSrv := echoServer()
	defer echoSrv.Close()

	svc := dial(b, hubSrv, "service")
	echo := dial(b, echoSrv, "echo")
	ctx := context.Background()
	request := func(i int) []byte {
		return []byte(fmt.Sprintf(`{"command":"APPSERVICE_INVOKE","data":{"api":"ping","args":{},"callbackID":%d}}`, i))
	}
	roundTrip := func(c *websocket.Conn, msg []byte) time.Duration {
		start := time.Now()
		if err := c.Write(ctx, websocket.MessageText, msg); err != nil {
			b.Fatal(err)
		}
		_, reply, err := c.Read(ctx)
		if err != nil {
			b.Fatal(err)
		}
		d := time.Since(start)
		if c == svc && !strings.Contains(string(reply), `"errMsg":"ping:ok"`) {
			b.Fatalf("unexpected reply %s", reply)
		}
		return d
	}
	// Warm both paths up (connections, goroutines, buffers).
	for i := 0; i < 200; i++ {
		roundTrip(svc, request(i))
		roundTrip(echo, request(i))
	}

	b.ResetTimer()
	invoke, raw := interleaved(b.N,
		func(i int) time.Duration { return roundTrip(svc, request(i)) },
		func(i int) time.Duration { return roundTrip(echo, request(i)) })
	b.StopTimer()
	b.ReportMetric(float64(invoke.Nanoseconds())/float64(b.N), "invoke-ns/rt")
	b.ReportMetric(float64(raw.Nanoseconds())/float64(b.N), "echo-ns/rt")
	b.ReportMetric(float64(invoke)/float64(raw), "ratio")
}

// BenchmarkPublishRelay measures a render batch of a 1,000-row list (about 100 KB of
// JSON) going from the service layer through the hub to a page, against a raw
// coder/websocket echo of the same frame, interleaved as in BenchmarkInvokeVsEcho: the
// hub's share of a big render's way to the page.
func BenchmarkPublishRelay(b *testing.B) {
	s := New(Options{Runtime: fstest.MapFS{}, Shell: fstest.MapFS{}, APIs: api.NewRegistry(),
		Logger: slog.New(slog.DiscardHandler)})
	hubSrv := httptest.NewServer(s.Handler())
	defer hubSrv.Close()
	echoSrv := echoServer()
	defer echoSrv.Close()

	svc := dial(b, hubSrv, "service")
	page := dial(b, hubSrv, "webview/1")
	echo := dial(b, echoSrv, "echo")
	// The ops of 1,000 rows as runtime/service/backend.ts writes them.
	var ops strings.Builder
	ops.WriteString(`[0,2,"page",1`)
	for i := 0; i < 1000; i++ {
		v, t, x := 3*i+3, 3*i+4, 3*i+5
		fmt.Fprintf(&ops, `,0,%d,"view",0,12,%d,"row row-%d",0,%d,"text",0,1,%d,"row %d",3,%d,%d,3,%d,%d`, v, v, i, t, x, i, t, x, v, t)
	}
	ops.WriteString(`]`)
	frame := []byte(`{"command":"APPSERVICE_PUBLISH","data":{"eventName":"vdSync","data":{"ops":` + ops.String() + `},"webviewIds":[1]}}`)
	ctx := context.Background()
	relay := func(from, to *websocket.Conn) time.Duration {
		start := time.Now()
		if err := from.Write(ctx, websocket.MessageText, frame); err != nil {
			b.Fatal(err)
		}
		if _, _, err := to.Read(ctx); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	for i := 0; i < 20; i++ {
		relay(svc, page)
		relay(echo, echo)
	}
	b.SetBytes(int64(len(frame)))
	b.ResetTimer()
	hub, raw := interleaved(b.N,
		func(int) time.Duration { return relay(svc, page) },
		func(int) time.Duration { return relay(echo, echo) })
	b.StopTimer()
	b.ReportMetric(float64(hub.Microseconds())/float64(b.N), "hub-µs/batch")
	b.ReportMetric(float64(raw.Microseconds())/float64(b.N), "echo-µs/batch")
	b.ReportMetric(float64(hub)/float64(raw), "ratio")
}

// interleaved runs a and b n times each and sums their times, alternating which goes
// first so that neither always runs on a warmer cache.
func interleaved(n int, a, b func(i int) time.Duration) (ta, tb time.Duration) {
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			ta += a(i)
			tb += b(i)
		} else {
			tb += b(i)
			ta += a(i)
		}
	}
	return ta, tb
}

// echoServer is the baselines' WebSocket server: it writes back every message it reads.
func echoServer() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		defer c.CloseNow()
		c.SetReadLimit(1 << 24)
		for {
			typ, msg, err := c.Read(r.Context())
			if err != nil {
				return
			}
			if err := c.Write(r.Context(), typ, msg); err != nil {
				return
			}
		}
	}))
}
