package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/mpsim/mpsim/api"
)

// HubOptions configure a Hub.
type HubOptions struct {
	APIs *api.Registry
	// ShellAPIs are answered by the simulator shell (they need the person at the screen):
	// invocations of them are forwarded to the session's controller.
	ShellAPIs map[string]bool
	// QueueLimit bounds the messages waiting for one client; past it the client is
	// dropped (its queue discarded, its socket closed) rather than growing without end.
	QueueLimit int
	// WriteTimeout bounds one write to a socket; a client that does not read within it is
	// disconnected (checked by Run), and its messages wait in its queue.
	WriteTimeout time.Duration
	// SessionGrace is how long a session with no connected client is kept (a reload).
	SessionGrace time.Duration
	Logger       *slog.Logger
}

// Hub routes every frame between the layers of each simulator session and the Go API
// handlers. It keeps one record per Identity that outlives connections: frames for a
// client that is not connected wait, in order, in a bounded queue.
type Hub struct {
	opts HubOptions
	log  *slog.Logger

	mu      sync.Mutex
	clients map[Identity]*client
}

// client is the record of one Identity. Its queue holds frames not yet written; the
// writer goroutine of the current connection drains it.
type client struct {
	id Identity

	mu       sync.Mutex
	writeMu  sync.Mutex // held while writing to conn, so frames go out in queue order
	queue    []queued
	nextSeq  uint64
	wake     chan struct{} // capacity 1: "the queue has something"
	conn     *websocket.Conn
	connGen  uint64    // which connection is current, so an old one cannot detach a new one
	lastSeen time.Time // last time a connection was live; for session expiry
	// writingSince is when the write in progress started (zero: none is). Writes carry no
	// timeout of their own (arming one costs as much as a loopback round trip); the
	// janitor in Run closes a socket whose write takes longer than WriteTimeout.
	writingSince time.Time
	overflown    bool // dropped for overflow and not yet reconnected; log once
}

type queued struct {
	seq  uint64
	data []byte
}

// NewHub returns a hub; call Run to expire sessions.
func NewHub(opts HubOptions) *Hub {
	if opts.APIs == nil {
		opts.APIs = api.NewRegistry()
	}
	if opts.QueueLimit <= 0 {
		opts.QueueLimit = 4096
	}
	if opts.WriteTimeout <= 0 {
		opts.WriteTimeout = 10 * time.Second
	}
	if opts.SessionGrace <= 0 {
		opts.SessionGrace = time.Minute
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	return &Hub{opts: opts, log: opts.Logger, clients: map[Identity]*client{}}
}

// Run expires sessions whose clients have all been gone longer than the grace period,
// and closes sockets stuck in a write, until ctx is done.
func (h *Hub) Run(ctx context.Context) {
	t := time.NewTicker(max(min(h.opts.SessionGrace/4, h.opts.WriteTimeout/2), 10*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			h.expire(now)
		}
	}
}

func (h *Hub) expire(now time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	live := map[string]bool{}
	for id, c := range h.clients {
		c.mu.Lock()
		if c.conn != nil || now.Sub(c.lastSeen) < h.opts.SessionGrace {
			live[id.Session] = true
		}
		if !c.writingSince.IsZero() && now.Sub(c.writingSince) > h.opts.WriteTimeout && c.conn != nil {
			h.log.Warn("hub: client stopped reading; closing its socket, its frames wait for a reconnect",
				"client", id.String(), "write_timeout", h.opts.WriteTimeout)
			go c.conn.CloseNow()
		}
		c.mu.Unlock()
	}
	for id := range h.clients {
		if !live[id.Session] {
			delete(h.clients, id)
		}
	}
}

// record returns the client record for id, creating it: a frame may be sent to a page
// before its iframe has connected, and waits for it.
func (h *Hub) record(id Identity) *client {
	h.mu.Lock()
	defer h.mu.Unlock()
	c := h.clients[id]
	if c == nil {
		c = &client{id: id, wake: make(chan struct{}, 1), lastSeen: time.Now()}
		h.clients[id] = c
	}
	return c
}

// sessionClients lists the records of one session with the given role.
func (h *Hub) sessionClients(session string, role Role) []*client {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []*client
	for id, c := range h.clients {
		if id.Session == session && id.Role == role {
			out = append(out, c)
		}
	}
	return out
}

// known returns the record of id if it has one (it connected, or was sent to).
func (h *Hub) known(id Identity) *client {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.clients[id]
}

// Broadcast queues frame for every connected client of the role, in every session.
func (h *Hub) Broadcast(role Role, frame []byte) {
	h.mu.Lock()
	var targets []*client
	for id, c := range h.clients {
		c.mu.Lock()
		live := c.conn != nil
		c.mu.Unlock()
		if id.Role == role && live {
			targets = append(targets, c)
		}
	}
	h.mu.Unlock()
	for _, c := range targets {
		h.enqueue(c, frame)
	}
}

// Send queues frame for id. It never blocks on the network.
func (h *Hub) Send(id Identity, frame []byte) {
	h.enqueue(h.record(id), frame)
}

func (h *Hub) enqueue(c *client, frame []byte) {
	c.mu.Lock()
	if len(c.queue) >= h.opts.QueueLimit {
		if !c.overflown {
			h.log.Warn("hub: client not reading; dropping its queue and closing its socket",
				"client", c.id.String(), "queued", len(c.queue), "limit", h.opts.QueueLimit)
		}
		c.overflown = true
		c.queue = nil
		if c.conn != nil {
			go c.conn.Close(websocket.StatusPolicyViolation, "message queue overflow")
		}
	}
	c.nextSeq++
	c.queue = append(c.queue, queued{seq: c.nextSeq, data: frame})
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// Serve runs one connection of id until it closes or ctx is done. A newer connection of
// the same identity replaces an older one.
func (h *Hub) Serve(ctx context.Context, id Identity, conn *websocket.Conn) {
	conn.SetReadLimit(64 << 20)
	c := h.record(id)
	c.mu.Lock()
	if c.conn != nil {
		go c.conn.Close(websocket.StatusGoingAway, "replaced by a newer connection")
	}
	c.conn = conn
	c.connGen++
	gen := c.connGen
	c.overflown = false
	c.mu.Unlock()
	h.log.Debug("hub: connected", "client", id.String())

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ctx = withInOrderQueue(ctx)
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		h.writeLoop(ctx, c, conn)
	}()
	// Wake the writer for what was queued while this client was away.
	select {
	case c.wake <- struct{}{}:
	default:
	}

	for {
		_, msg, err := conn.Read(ctx)
		if err != nil {
			if status := websocket.CloseStatus(err); status == -1 && !errors.Is(err, context.Canceled) {
				h.log.Debug("hub: read", "client", id.String(), "err", err)
			}
			break
		}
		h.route(ctx, id, conn, msg)
	}
	cancel()
	<-writerDone
	c.mu.Lock()
	if c.connGen == gen {
		c.conn = nil
		c.lastSeen = time.Now()
	}
	c.mu.Unlock()
	conn.CloseNow()
	h.log.Debug("hub: disconnected", "client", id.String())
}

// writeLoop writes c's queue to conn in order. A frame leaves the queue only once written,
// so what a dropped connection did not get is sent on the next one.
func (h *Hub) writeLoop(ctx context.Context, c *client, conn *websocket.Conn) {
	for {
		c.mu.Lock()
		var next queued
		has := len(c.queue) > 0
		if has {
			next = c.queue[0]
		}
		c.mu.Unlock()
		if !has {
			select {
			case <-ctx.Done():
				return
			case <-c.wake:
				continue
			}
		}
		c.writeMu.Lock()
		err := c.write(ctx, conn, next.data)
		c.writeMu.Unlock()
		if err != nil {
			if ctx.Err() == nil {
				h.log.Warn("hub: write failed; closing the socket, the frame waits for a reconnect",
					"client", c.id.String(), "err", err)
				conn.Close(websocket.StatusGoingAway, "write failed")
			}
			return
		}
		c.mu.Lock()
		if len(c.queue) > 0 && c.queue[0].seq == next.seq {
			c.queue[0] = queued{}
			c.queue = c.queue[1:]
		}
		c.mu.Unlock()
	}
}

// write writes one frame; the caller holds c.writeMu.
func (c *client) write(ctx context.Context, conn *websocket.Conn, frame []byte) error {
	c.mu.Lock()
	c.writingSince = time.Now()
	c.mu.Unlock()
	err := conn.Write(ctx, websocket.MessageText, frame)
	c.mu.Lock()
	c.writingSince = time.Time{}
	c.mu.Unlock()
	return err
}

// reply sends an answer back on the connection its request came in on. When nothing is
// queued before it, the answering goroutine writes it itself: the hop to the writer
// goroutine is most of an invoke's latency, and a client too slow to read its own answer
// only delays its own call. Otherwise the answer joins the queue, keeping order.
func (h *Hub) reply(ctx context.Context, to Identity, conn *websocket.Conn, frame []byte) {
	c := h.record(to)
	c.mu.Lock()
	if len(c.queue) == 0 && c.conn == conn && c.writeMu.TryLock() {
		c.mu.Unlock()
		err := c.write(ctx, conn, frame)
		c.writeMu.Unlock()
		if err == nil {
			return
		}
		// Not delivered: it waits for the client's next connection like any other frame.
	} else {
		c.mu.Unlock()
	}
	h.enqueue(c, frame)
}

// route delivers one frame received from `from`.
func (h *Hub) route(ctx context.Context, from Identity, conn *websocket.Conn, msg []byte) {
	f, err := decodeFrame(msg)
	if err != nil {
		h.reject(from, msg, "frame is not a JSON object: "+err.Error())
		return
	}
	switch f.Command {
	case CmdAppServiceInvoke, CmdWebviewInvoke:
		h.invoke(ctx, from, conn, f, msg)
	case CmdAppServiceInvokeCallback:
		h.fromRole(from, msg, f, RoleController, func() {
			h.Send(Identity{Session: from.Session, Role: RoleService}, msg)
		})
	case CmdWebviewInvokeCallback, CmdWebviewOnEvent:
		h.fromRole(from, msg, f, RoleController, func() {
			if f.WebviewID <= 0 {
				h.reject(from, msg, f.Command+" needs webviewID, the page to deliver it to")
				return
			}
			h.Send(Identity{Session: from.Session, Role: RoleWebview, ID: f.WebviewID}, msg)
		})
	case CmdAppServiceOnEvent:
		h.fromRole(from, msg, f, RoleController, func() {
			h.Send(Identity{Session: from.Session, Role: RoleService}, msg)
		})
	case CmdAppServicePublish:
		h.fromRole(from, msg, f, RoleService, func() { h.publishToPages(from, f, msg) })
	case CmdWebviewPublish:
		h.fromRole(from, msg, f, RoleWebview, func() {
			h.Send(Identity{Session: from.Session, Role: RoleService}, withField(msg, "fromWebviewID", from.ID))
		})
	case CmdAutomationRequest:
		h.fromRole(from, msg, f, RoleAutomator, func() {
			var req struct {
				Method string `json:"method"`
			}
			json.Unmarshal(f.Data, &req)
			to := RoleService
			if req.Method == "Tool.native" {
				to = RoleController // the shell presses its own buttons and dialogs
			}
			h.Send(Identity{Session: from.Session, Role: to}, msg)
		})
	case CmdAutomationResponse, CmdAutomationEvent:
		if from.Role != RoleService && from.Role != RoleController {
			h.reject(from, msg, f.Command+" is sent by the service layer or the shell, not by a "+string(from.Role))
			return
		}
		// Nothing waits for events until an automation client has connected.
		if c := h.known(Identity{Session: from.Session, Role: RoleAutomator}); c != nil {
			h.enqueue(c, msg)
		}
	case "":
		h.reject(from, msg, `frame has no "command"`)
	default:
		h.reject(from, msg, fmt.Sprintf("unknown command %q (see docs/protocol.md)", f.Command))
	}
}

func (h *Hub) fromRole(from Identity, msg []byte, f Frame, want Role, deliver func()) {
	if from.Role != want {
		h.reject(from, msg, fmt.Sprintf("%s is sent by the %s, not by a %s", f.Command, want, from.Role))
		return
	}
	deliver()
}

func (h *Hub) publishToPages(from Identity, f Frame, msg []byte) {
	// Only the event's name and its pages are read: the data, a render batch of tens of
	// kilobytes, is passed on as it came.
	var eventName string
	var targets []int
	if len(f.Data) > 0 {
		m := members(f.Data, "eventName", "webviewIds", "data")
		errName := json.Unmarshal(orNull(m[0]), &eventName)
		errIDs := json.Unmarshal(orNull(m[1]), &targets)
		if (f.Data[0] != '{' && string(f.Data) != "null") || errName != nil || errIDs != nil {
			h.reject(from, msg, `APPSERVICE_PUBLISH data must be an object {"eventName", "data", "webviewIds"}`)
			return
		}
		if eventName == "onAppError" {
			// For the terminal and the shell: the Worker's console, which DevTools shows
			// with the pages', has it once already.
			h.appError(from, m[2])
			return
		}
	}
	if len(targets) == 0 {
		for _, c := range h.sessionClients(from.Session, RoleWebview) {
			targets = append(targets, c.id.ID)
		}
	}
	for _, id := range targets {
		h.Send(Identity{Session: from.Session, Role: RoleWebview, ID: id}, withField(msg, "webviewID", id))
	}
}

// orNull is a member's raw value, or null for one that is not there.
func orNull(raw []byte) []byte {
	if raw == nil {
		return []byte("null")
	}
	return raw
}

// appError reports an exception in the app's code where the developer looks: one line in
// the terminal, and the simulator's error panel.
func (h *Hub) appError(from Identity, data json.RawMessage) {
	var e appError
	if json.Unmarshal(data, &e) != nil || e.Message == "" {
		return
	}
	at := ""
	for _, line := range strings.Split(e.Stack, "\n") {
		if line = strings.TrimSpace(line); strings.HasPrefix(line, "at ") {
			at = strings.TrimPrefix(line, "at ")
			break
		}
	}
	h.opts.Logger.Error("the app threw: "+e.Message, "where", e.Where, "at", at)
	frame, _ := json.Marshal(Frame{Command: CmdShellOnEvent, Data: mustJSON(map[string]any{"eventName": "onAppError", "data": e})})
	h.Send(Identity{Session: from.Session, Role: RoleController}, frame)
}

// invoke answers an APPSERVICE_INVOKE or WEBVIEW_INVOKE: from a Go handler, or by
// forwarding it to the shell; the callback goes back to the caller by callbackID.
func (h *Hub) invoke(ctx context.Context, from Identity, conn *websocket.Conn, f Frame, msg []byte) {
	wantRole, callbackCmd, eventCmd := RoleService, CmdAppServiceInvokeCallback, CmdAppServiceOnEvent
	if f.Command == CmdWebviewInvoke {
		wantRole, callbackCmd, eventCmd = RoleWebview, CmdWebviewInvokeCallback, CmdWebviewOnEvent
	}
	if from.Role != wantRole {
		h.reject(from, msg, fmt.Sprintf("%s is sent by a %s, not by the %s", f.Command, wantRole, from.Role))
		return
	}
	var in invokeData
	if err := json.Unmarshal(f.Data, &in); err != nil || len(f.Data) == 0 {
		h.reject(from, msg, f.Command+` data must be an object {"api", "args", "callbackID"}`)
		return
	}
	if len(in.CallbackID) == 0 || string(in.CallbackID) == "null" {
		h.reject(from, msg, f.Command+` has no "callbackID": its answer could not be delivered`)
		return
	}
	reply := func(res any) {
		out, _ := json.Marshal(Frame{
			Command:   callbackCmd,
			Data:      mustJSON(callbackData{CallbackID: in.CallbackID, Res: res}),
			WebviewID: from.ID,
		})
		h.reply(ctx, from, conn, out)
	}
	switch {
	case in.API == "":
		reply(api.Fail("", `missing "api"`))
	case h.opts.APIs.Has(in.API):
		call := api.Call{API: in.API, Args: in.Args, Session: from.Session}
		// A task's events go the way its answer will, so they arrive before it.
		call.Emit = func(event string, data map[string]any) {
			out, _ := json.Marshal(Frame{Command: eventCmd, Data: mustJSON(map[string]any{"eventName": event, "data": data}), WebviewID: from.ID})
			h.reply(ctx, from, conn, out)
		}
		answer := func() { reply(h.opts.APIs.Invoke(ctx, call)) }
		switch h.opts.APIs.RunOf(in.API) {
		case api.Concurrent:
			// A handler that waits (on the network, say) must not hold up this client's
			// other frames.
			go answer()
		case api.InOrder:
			inOrderQueue(ctx).run(answer)
		default:
			answer()
		}
	case h.opts.ShellAPIs[in.API]:
		f.FromWebviewID = from.ID
		out, _ := json.Marshal(f)
		h.Send(Identity{Session: from.Session, Role: RoleController}, out)
	default:
		reply(api.NotSupported(in.API))
	}
}

// reject answers a frame the hub cannot route with a HUB_ERROR frame and a log line; the
// connection stays open.
func (h *Hub) reject(from Identity, msg []byte, reason string) {
	h.log.Warn("hub: bad frame", "client", from.String(), "reason", reason)
	h.Send(from, hubError(reason, msg))
}

// inOrder runs one connection's InOrder calls one at a time, in the order they came, on a
// goroutine of their own: the file system's calls keep their order, as on a phone,
// without holding up the connection's other frames.
type inOrder struct {
	ctx   context.Context
	once  sync.Once
	calls chan func()
}

type inOrderKey struct{}

// withInOrderQueue gives a connection's context its queue; its worker starts on the
// first call and stops with the context.
func withInOrderQueue(ctx context.Context) context.Context {
	return context.WithValue(ctx, inOrderKey{}, &inOrder{ctx: ctx, calls: make(chan func(), 256)})
}

func inOrderQueue(ctx context.Context) *inOrder {
	return ctx.Value(inOrderKey{}).(*inOrder)
}

// run queues call; a full queue (256 waiting) holds up the connection's reads, as back
// pressure.
func (q *inOrder) run(call func()) {
	q.once.Do(func() {
		go func() {
			for {
				select {
				case <-q.ctx.Done():
					return
				case f := <-q.calls:
					f()
				}
			}
		}()
	})
	select {
	case q.calls <- call:
	case <-q.ctx.Done():
	}
}
