package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
)

// Commands of the protocol (docs/protocol.md). The names are the official tools'.
const (
	CmdAppServiceInvoke         = "APPSERVICE_INVOKE"
	CmdAppServiceInvokeCallback = "APPSERVICE_INVOKE_CALLBACK"
	CmdWebviewInvoke            = "WEBVIEW_INVOKE"
	CmdWebviewInvokeCallback    = "WEBVIEW_INVOKE_CALLBACK"
	CmdAppServicePublish        = "APPSERVICE_PUBLISH"
	CmdWebviewPublish           = "WEBVIEW_PUBLISH"
	CmdAppServiceOnEvent        = "APPSERVICE_ON_EVENT"
	CmdWebviewOnEvent           = "WEBVIEW_ON_EVENT"
	// CmdHubError is mpsim's own: the hub's answer to a frame it cannot route.
	CmdHubError = "HUB_ERROR"
	// CmdShellOnEvent is mpsim's own: the server tells the shell (controller) of a build.
	CmdShellOnEvent = "SHELL_ON_EVENT"
	// The automation port's (docs/automation.md): a request of the automation client to
	// the service layer (or, for Tool.native, the shell), its answer, and events for it.
	CmdAutomationRequest  = "AUTOMATION_REQUEST"
	CmdAutomationResponse = "AUTOMATION_RESPONSE"
	CmdAutomationEvent    = "AUTOMATION_EVENT"
)

// Frame is one message on a socket: a JSON object with a command, its data, and the
// envelope fields the hub sets or reads for routing between pages.
type Frame struct {
	Command       string          `json:"command"`
	Data          json.RawMessage `json:"data,omitempty"`
	WebviewID     int             `json:"webviewID,omitempty"`     // on delivery to a page; target of a callback or event for a page
	FromWebviewID int             `json:"fromWebviewID,omitempty"` // on delivery from a page
}

// invokeData is the data of an *_INVOKE frame.
type invokeData struct {
	API        string          `json:"api"`
	Args       json.RawMessage `json:"args,omitempty"`
	CallbackID json.RawMessage `json:"callbackID"`
}

// callbackData is the data of an *_INVOKE_CALLBACK frame.
type callbackData struct {
	CallbackID json.RawMessage `json:"callbackID"`
	Res        any             `json:"res"`
}

// appError is the data of an onAppError publish: an exception in the app's code.
type appError struct {
	Message string `json:"message"`
	Stack   string `json:"stack"`
	Where   string `json:"where"`
}

// Role is the kind of browser context at one end of a socket.
type Role string

const (
	RoleService    Role = "service"    // the Web Worker running the app's logic
	RoleWebview    Role = "webview"    // one page iframe
	RoleController Role = "controller" // the simulator shell
	RoleAutomator  Role = "automator"  // the automation port's link (package automation)
)

// Identity names one client of the hub. It outlives connections: a page that reloads
// reconnects as the same identity and receives what was queued for it.
type Identity struct {
	Session string
	Role    Role
	ID      int // the webview id; 0 for the service and the controller
}

func (id Identity) String() string {
	if id.Role == RoleWebview {
		return fmt.Sprintf("%s/webview/%d", id.Session, id.ID)
	}
	return id.Session + "/" + string(id.Role)
}

var sessionPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// ParseIdentity validates the parts of a socket URL /ws/{role}[/{id}]?session=S.
func ParseIdentity(session, role, id string) (Identity, error) {
	if !sessionPattern.MatchString(session) {
		return Identity{}, fmt.Errorf("session %q: want 1-64 letters, digits, '-' or '_'", session)
	}
	switch Role(role) {
	case RoleService, RoleController, RoleAutomator:
		if id != "" && id != "0" {
			return Identity{}, fmt.Errorf("role %s takes no id, got %q", role, id)
		}
		return Identity{Session: session, Role: Role(role)}, nil
	case RoleWebview:
		n, err := strconv.Atoi(id)
		if err != nil || n <= 0 {
			return Identity{}, fmt.Errorf("webview id %q: want a positive integer", id)
		}
		return Identity{Session: session, Role: RoleWebview, ID: n}, nil
	}
	return Identity{}, fmt.Errorf("unknown role %q: want service, webview, controller or automator", role)
}

// hubError is the frame the hub sends back for a frame it could not route.
func hubError(message string, frame []byte) []byte {
	const maxEcho = 200
	if len(frame) > maxEcho {
		frame = frame[:maxEcho]
	}
	b, _ := json.Marshal(Frame{Command: CmdHubError, Data: mustJSON(map[string]string{
		"message": message, "frame": string(frame),
	})})
	return b
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only called on values built here, which always marshal
	}
	return b
}

// decodeFrame reads a frame's envelope: it checks once that the frame is JSON, then
// decodes only the envelope's members. The data stays as it came (a render batch is tens
// of kilobytes), a slice of msg.
func decodeFrame(msg []byte) (Frame, error) {
	var f Frame
	if !json.Valid(msg) || msg[skipSpace(msg, 0)] != '{' {
		err := json.Unmarshal(msg, &f) // says what is wrong, and where
		if err == nil {
			err = errors.New("not an object")
		}
		return f, err
	}
	m := members(msg, "command", "data", "webviewID", "fromWebviewID")
	f.Data = m[1]
	for _, field := range []struct {
		raw []byte
		to  any
	}{{m[0], &f.Command}, {m[2], &f.WebviewID}, {m[3], &f.FromWebviewID}} {
		if field.raw != nil {
			if err := json.Unmarshal(field.raw, field.to); err != nil {
				return f, err
			}
		}
	}
	return f, nil
}

// withField returns frame, a JSON object, with the member "name": n added at its end. The
// hub passes frames on this way instead of decoding and encoding them again (a render
// batch is tens of kilobytes); a member of the same name the sender wrote comes first,
// and JSON.parse keeps the last.
func withField(frame []byte, name string, n int) []byte {
	end := bytes.LastIndexByte(frame, '}')
	body := bytes.TrimRight(frame[:end], " \t\r\n")
	out := make([]byte, 0, end+len(name)+24)
	out = append(out, body...)
	if body[len(body)-1] != '{' {
		out = append(out, ',')
	}
	out = append(out, '"')
	out = append(out, name...)
	out = append(out, `":`...)
	out = strconv.AppendInt(out, int64(n), 10)
	return append(out, '}')
}

// members finds the raw values of the named members of obj, a JSON object already
// checked to be valid, in one pass that steps over the others without decoding them. A
// member that is not there is nil.
func members(obj []byte, names ...string) [][]byte {
	out := make([][]byte, len(names))
	i := skipSpace(obj, bytes.IndexByte(obj, '{')+1)
	for i < len(obj) && obj[i] == '"' {
		keyEnd := skipValue(obj, i)
		key := obj[i+1 : keyEnd-1]
		if !plainKey(key) {
			var k string
			json.Unmarshal(obj[i:keyEnd], &k)
			key = []byte(k)
		}
		start := skipSpace(obj, skipSpace(obj, keyEnd)+1) // past the colon
		end := skipValue(obj, start)
		for k, name := range names {
			if string(key) == name {
				out[k] = obj[start:end]
			}
		}
		i = skipSpace(obj, skipSpace(obj, end)+1) // past the comma
	}
	return out
}

// plainKey reports whether a member's name is its bytes as written: no escapes, and
// ASCII (a decoder turns bytes that are not UTF-8 into U+FFFD).
func plainKey(key []byte) bool {
	for _, c := range key {
		if c == '\\' || c >= 0x80 {
			return false
		}
	}
	return true
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// skipValue returns where the valid JSON value that starts at i ends.
func skipValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for ; i < len(b); i++ {
			switch b[i] {
			case '"':
				i = skipString(b, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
		}
		return i
	}
	// A number, true, false or null.
	for ; i < len(b); i++ {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			return i
		}
	}
	return i
}

// skipString returns where the string whose opening quote is at i ends.
func skipString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return i
}
