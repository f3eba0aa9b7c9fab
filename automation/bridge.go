// Package automation serves the automation port that the official miniprogram-automator
// client connects to (`mpsim auto --auto-port 9420`). It speaks the client's protocol
// ({id, method, params} requests, {id, result} / {id, error} answers, {method, params}
// events; docs/automation.md) and passes each request to the simulator through the hub as
// one more client of it: the service layer answers App/Page/Element methods, the shell the
// Tool.native actions. What only the process can do (Tool.getInfo, Tool.close, the
// screenshot) is answered here.
package automation

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/mpsim/mpsim/server"
)

// Options configure a Bridge.
type Options struct {
	// HubURL is the hub's socket for the automator of the simulated session:
	// ws://127.0.0.1:PORT/ws/automator?session=S.
	HubURL string
	// SDKVersion is what Tool.getInfo reports; the client wants "dev" or >= 2.7.3.
	SDKVersion string
	// Screenshot captures the simulated screen as a PNG (App.captureScreenshot).
	Screenshot func(ctx context.Context) ([]byte, error)
	// Close ends the simulator (Tool.close), after the answer has been written.
	Close func()
	// Timeout bounds how long a request waits for the simulator's answer.
	Timeout time.Duration
	Logger  *slog.Logger
}

// Bridge serves the automation port.
type Bridge struct {
	opts Options
	log  *slog.Logger
}

// New returns a bridge.
func New(opts Options) *Bridge {
	if opts.Timeout <= 0 {
		opts.Timeout = time.Minute
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.SDKVersion == "" {
		opts.SDKVersion = "dev"
	}
	return &Bridge{opts: opts, log: opts.Logger}
}

// Serve accepts automation clients on l until ctx is done. One client is served at a
// time, as the official tools serve one; a new one replaces the old.
func (b *Bridge) Serve(ctx context.Context, l net.Listener) error {
	srv := &http.Server{
		Handler:     http.HandlerFunc(b.accept),
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	err := srv.Serve(l)
	if errors.Is(err, http.ErrServerClosed) {
		return ctx.Err()
	}
	return err
}

func (b *Bridge) accept(w http.ResponseWriter, r *http.Request) {
	// The client is a Node.js program, which sends no Origin; a page of another origin
	// (a browser tab) may not drive the simulator.
	if origin := r.Header.Get("Origin"); origin != "" {
		http.Error(w, "mpsim: the automation port takes no browser connections", http.StatusForbidden)
		return
	}
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		b.log.Warn("automation: websocket upgrade refused", "err", err)
		return
	}
	conn.SetReadLimit(64 << 20)
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	hub, _, err := websocket.Dial(ctx, b.opts.HubURL, nil)
	if err != nil {
		conn.Close(websocket.StatusInternalError, "the simulator is not reachable")
		b.log.Error("automation: cannot reach the hub", "err", err)
		return
	}
	hub.SetReadLimit(64 << 20)
	defer hub.CloseNow()
	c := &client{b: b, conn: conn, hub: hub, pending: map[string]chan struct{}{}}
	b.log.Info("automation: client connected", "remote", r.RemoteAddr)
	go c.fromHub(ctx, cancel)
	c.fromClient(ctx)
	conn.CloseNow()
	b.log.Info("automation: client gone", "remote", r.RemoteAddr)
}

// client is one automation connection and its link to the hub.
type client struct {
	b    *Bridge
	conn *websocket.Conn
	hub  *websocket.Conn

	writeMu sync.Mutex
	mu      sync.Mutex
	pending map[string]chan struct{} // requests sent to the hub, closed when answered
}

// request is a frame from the automation client.
type request struct {
	ID     string          `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params,omitempty"`
}

// answer is a frame to the automation client: a result, an error, or an event.
type answer struct {
	ID     string    `json:"id,omitempty"`
	Method string    `json:"method,omitempty"`
	Params any       `json:"params,omitempty"`
	Result any       `json:"result,omitempty"`
	Error  *errorMsg `json:"error,omitempty"`
}

type errorMsg struct {
	Message string `json:"message"`
}

func (c *client) write(ctx context.Context, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	return c.conn.Write(ctx, websocket.MessageText, b)
}

func (c *client) fail(ctx context.Context, id, format string, args ...any) {
	c.write(ctx, answer{ID: id, Error: &errorMsg{Message: fmt.Sprintf(format, args...)}})
}

// unsupported are the Tool methods that need WeChat's servers or a phone.
var unsupported = map[string]string{
	"Tool.enableRemoteDebug": "remote debugging needs a phone and WeChat's servers",
	"Tool.getTestAccounts":   "test accounts live on WeChat's servers",
	"Tool.stopAudits":        "audits are not part of mpsim",
	"Tool.getTicket":         "tickets are WeChat's login, which mpsim does not have",
	"Tool.setTicket":         "tickets are WeChat's login, which mpsim does not have",
	"Tool.refreshTicket":     "tickets are WeChat's login, which mpsim does not have",
}

func (c *client) fromClient(ctx context.Context) {
	for {
		_, msg, err := c.conn.Read(ctx)
		if err != nil {
			return
		}
		var req request
		if err := json.Unmarshal(msg, &req); err != nil || req.ID == "" || req.Method == "" {
			// Without an id there is no one to answer: say so in the log.
			c.b.log.Warn("automation: bad request; want {\"id\", \"method\", \"params\"}", "frame", truncate(msg))
			if req.ID != "" {
				c.fail(ctx, req.ID, "a request needs a method")
			}
			continue
		}
		c.handle(ctx, req)
	}
}

func (c *client) handle(ctx context.Context, req request) {
	switch req.Method {
	case "Tool.getInfo":
		c.write(ctx, answer{ID: req.ID, Result: map[string]any{"SDKVersion": c.b.opts.SDKVersion}})
	case "Tool.close":
		c.write(ctx, answer{ID: req.ID, Result: map[string]any{}})
		if c.b.opts.Close != nil {
			c.b.opts.Close()
		}
	case "App.captureScreenshot":
		go func() {
			if c.b.opts.Screenshot == nil {
				c.fail(ctx, req.ID, "App.captureScreenshot: this simulator has no browser to capture (run `mpsim auto`)")
				return
			}
			png, err := c.b.opts.Screenshot(ctx)
			if err != nil {
				c.fail(ctx, req.ID, "App.captureScreenshot: %v", err)
				return
			}
			c.write(ctx, answer{ID: req.ID, Result: map[string]any{"data": base64.StdEncoding.EncodeToString(png)}})
		}()
	default:
		if why, ok := unsupported[req.Method]; ok {
			c.fail(ctx, req.ID, "%s is not supported by mpsim: %s", req.Method, why)
			return
		}
		if !strings.HasPrefix(req.Method, "App.") && !strings.HasPrefix(req.Method, "Page.") &&
			!strings.HasPrefix(req.Method, "Element.") && req.Method != "Tool.native" {
			c.fail(ctx, req.ID, "unknown method %s (docs/automation.md lists the methods)", req.Method)
			return
		}
		c.forward(ctx, req)
	}
}

// forward sends a request to the simulator through the hub, and fails it if no answer
// comes in time (the app may be stuck in a loop, or not loaded).
func (c *client) forward(ctx context.Context, req request) {
	if len(req.Params) == 0 {
		req.Params = json.RawMessage("{}")
	}
	data, _ := json.Marshal(req)
	frame, _ := json.Marshal(server.Frame{Command: server.CmdAutomationRequest, Data: data})
	done := make(chan struct{})
	c.mu.Lock()
	c.pending[req.ID] = done
	c.mu.Unlock()
	if err := c.hub.Write(ctx, websocket.MessageText, frame); err != nil {
		c.answered(req.ID)
		c.fail(ctx, req.ID, "%s: the simulator is not reachable: %v", req.Method, err)
		return
	}
	go func() {
		t := time.NewTimer(c.b.opts.Timeout)
		defer t.Stop()
		select {
		case <-done:
		case <-ctx.Done():
		case <-t.C:
			if c.answered(req.ID) {
				c.fail(ctx, req.ID, "%s: the simulator did not answer within %s", req.Method, c.b.opts.Timeout)
			}
		}
	}()
}

// answered marks a request as answered; false if it already was (or timed out).
func (c *client) answered(id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	done, ok := c.pending[id]
	if ok {
		delete(c.pending, id)
		close(done)
	}
	return ok
}

// fromHub passes the simulator's answers and events on to the client.
func (c *client) fromHub(ctx context.Context, stop context.CancelFunc) {
	defer stop()
	for {
		_, msg, err := c.hub.Read(ctx)
		if err != nil {
			if ctx.Err() == nil {
				c.b.log.Warn("automation: the hub closed the link", "err", err)
			}
			return
		}
		var f server.Frame
		if json.Unmarshal(msg, &f) != nil {
			continue
		}
		switch f.Command {
		case server.CmdAutomationResponse:
			var a answer
			if json.Unmarshal(f.Data, &a) != nil || a.ID == "" || !c.answered(a.ID) {
				continue
			}
			if a.Error == nil && a.Result == nil {
				a.Result = map[string]any{}
			}
			c.write(ctx, a)
		case server.CmdAutomationEvent:
			var a answer
			if json.Unmarshal(f.Data, &a) != nil || a.Method == "" {
				continue
			}
			if a.Params == nil {
				a.Params = map[string]any{}
			}
			c.write(ctx, answer{Method: a.Method, Params: a.Params})
		case server.CmdHubError:
			c.b.log.Warn("automation: the hub refused a frame", "frame", truncate(f.Data))
		}
	}
}

func truncate(b []byte) string {
	if len(b) > 200 {
		return string(b[:200]) + "…"
	}
	return string(b)
}
