// Package api answers the wx.* invocations that the simulator handles in Go. Each family
// of APIs lives in its own file and registers its handlers by name in a Registry; the hub
// only routes calls here and results back.
package api

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
)

// Call is one invocation of a wx.* API from a layer of one simulator session.
type Call struct {
	API     string          // "operateWXData"
	Args    json.RawMessage // the user's arguments, as sent; may be empty
	Session string          // the simulator session that made the call
	// Emit sends an event about this call to the layer that made it, while the call runs
	// (a task's headers, chunks, progress: docs/protocol.md); nil when that layer cannot
	// hear one (a call through /apihelper/assdk). Events sent before the handler returns
	// arrive before its answer.
	Emit func(event string, data map[string]any)
}

// Result is the res object of an invocation callback. It always carries errMsg;
// handlers set the rest of the fields as the phone would.
type Result map[string]any

// OK returns the res of a successful call with the given fields.
func OK(api string, fields map[string]any) Result {
	r := Result{}
	for k, v := range fields {
		r[k] = v
	}
	r["errMsg"] = api + ":ok"
	return r
}

// Fail returns the res of a failed call; reason follows the phone's "<api>:fail <reason>".
func Fail(api, reason string) Result {
	return Result{"errMsg": api + ":fail " + reason}
}

// NotSupported is the answer for an API that the simulator does not have.
func NotSupported(api string) Result {
	return Fail(api, "not supported in simulator")
}

// Handler answers one API. A non-nil error is a bug or an outage in the simulator (not a
// user mistake, which is a Fail result): the caller reports it and answers with a fail.
type Handler func(ctx context.Context, call Call) (Result, error)

// Registry maps API names to handlers. It is filled at start-up and read-only afterwards.
type Registry struct {
	handlers map[string]entry
}

type entry struct {
	h   Handler
	run Run
}

// Run says how a caller runs a handler.
type Run int

const (
	// Inline handlers answer at once from memory: callers may run them on their own
	// goroutine, which saves a hop on every call.
	Inline Run = iota
	// Concurrent handlers may block (on the network, a timer): each call on a goroutine of
	// its own, so that it holds up nothing else.
	Concurrent
	// InOrder handlers work on the disk (the file system): off the caller's goroutine, but
	// one at a time in the order one client called them, as a phone's file system runs
	// its calls on one thread.
	InOrder
)

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{handlers: map[string]entry{}}
}

// Register adds a handler that may block (on the network, a file, a timer): callers run
// it on its own goroutine. Registering a name twice is a programming error.
func (r *Registry) Register(name string, h Handler) {
	r.add(name, entry{h: h, run: Concurrent})
}

// RegisterInOrder adds a handler whose calls from one client must keep their order (see
// InOrder).
func (r *Registry) RegisterInOrder(name string, h Handler) {
	r.add(name, entry{h: h, run: InOrder})
}

// RegisterNonBlocking adds a handler that answers at once from memory: callers may run it
// inline, which saves a goroutine hop on every call (docs/bench.md).
func (r *Registry) RegisterNonBlocking(name string, h Handler) {
	r.add(name, entry{h: h, run: Inline})
}

func (r *Registry) add(name string, e entry) {
	if _, dup := r.handlers[name]; dup {
		panic(fmt.Sprintf("api: %q registered twice", name))
	}
	r.handlers[name] = e
}

// RunOf says how a caller runs the handler of name.
func (r *Registry) RunOf(name string) Run {
	return r.handlers[name].run
}

// Has reports whether name has a Go handler.
func (r *Registry) Has(name string) bool {
	_, ok := r.handlers[name]
	return ok
}

// Invoke runs the handler for call.API. It never returns an unanswered call: an unknown API
// answers NotSupported, a handler error answers a fail naming it.
func (r *Registry) Invoke(ctx context.Context, call Call) Result {
	e, ok := r.handlers[call.API]
	if !ok {
		return NotSupported(call.API)
	}
	res, err := e.h(ctx, call)
	if err != nil {
		return Fail(call.API, "simulator error: "+strings.ReplaceAll(err.Error(), "\n", " "))
	}
	if res == nil {
		res = OK(call.API, nil)
	}
	return res
}

// Options configure the handlers: what the simulated phone and account look like.
type Options struct {
	// Devices is the device of each session; nil runs every session on Device.
	Devices *SessionDevices
	Device  Device
	// Mocks stand in for the WeChat account (mpsim.mock.json); nil: a tourist's.
	Mocks *Mocks
	// Storage keeps wx.setStorage's data; nil leaves the storage APIs out.
	Storage *Storage
	// Network configures wx.request.
	Network Network
	// Files is the mini-program's file sandbox; nil leaves the file APIs out.
	Files *Files
}

// Default returns a registry with every handler of this package.
func Default(opts Options) *Registry {
	r := NewRegistry()
	devices := opts.Devices
	if devices == nil {
		devices = NewSessionDevices(opts.Device)
	}
	registerSystem(r, devices)
	mocks := opts.Mocks
	if mocks == nil {
		mocks = NewMocks()
	}
	registerOpenData(r, mocks)
	registerOpenAPI(r, mocks)
	registerLocation(r, mocks)
	registerDomainCheck(r, mocks)
	registerCloud(r, mocks, opts.Files)
	if opts.Storage != nil {
		registerStorage(r, opts.Storage)
	}
	network := opts.Network
	if network.Domains == nil {
		network.Domains = mocks
	}
	registerNetwork(r, network, opts.Files)
	if opts.Files != nil {
		registerFiles(r, opts.Files)
		registerMedia(r, opts.Files)
	}
	return r
}

// decodeArgs unmarshals call.Args into v; empty args leave v untouched.
func decodeArgs(call Call, v any) error {
	if len(call.Args) == 0 || string(call.Args) == "null" {
		return nil
	}
	if err := json.Unmarshal(call.Args, v); err != nil {
		return fmt.Errorf("%s: arguments are not an object: %w", call.API, err)
	}
	return nil
}

// jsType names the JavaScript type of a JSON value, as parameter errors do.
func jsType(raw json.RawMessage) string {
	switch {
	case len(raw) == 0:
		return "Undefined"
	case raw[0] == '"':
		return "String"
	case raw[0] == '{':
		return "Object"
	case raw[0] == '[':
		return "Array"
	case string(raw) == "null":
		return "Null"
	case string(raw) == "true" || string(raw) == "false":
		return "Boolean"
	}
	return "Number"
}
