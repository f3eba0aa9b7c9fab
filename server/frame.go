package server

import (
	"encoding/json"
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

// publishData is the part of APPSERVICE_PUBLISH data the hub reads: which pages get it.
type publishData struct {
	EventName  string          `json:"eventName"`
	Data       json.RawMessage `json:"data"`
	WebviewIDs []int           `json:"webviewIds"`
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
