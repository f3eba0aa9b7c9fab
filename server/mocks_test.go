package server

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/fstest"

	"github.com/mpsim/mpsim/api"
	"github.com/mpsim/mpsim/compiler/diag"
)

// The mock file's errors show over the simulator beside the build's until it is good
// again, and its reloads never relaunch the app.
func TestMockErrorsShowUntilFixed(t *testing.T) {
	s := New(Options{Runtime: fstest.MapFS{}, Shell: fstest.MapFS{}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ts := httptest.NewServer(s.Handler())
	hubs.Store(ts.URL, s.hub)
	ctx, cancel := context.WithCancel(context.Background())
	go s.hub.Run(ctx)
	t.Cleanup(func() { cancel(); ts.Close() })
	shell := dial(t, ts, "controller")
	waitFor(t, func() bool { return connected(ts, "s1/controller") })

	type build struct {
		Relaunch bool              `json:"relaunch"`
		Changed  []string          `json:"changed"`
		Errors   []diag.Diagnostic `json:"errors"`
	}
	next := func() build {
		t.Helper()
		f := recv(t, shell)
		var ev struct {
			EventName string `json:"eventName"`
			Data      build  `json:"data"`
		}
		if err := json.Unmarshal(f.Data, &ev); err != nil || f.Command != CmdShellOnEvent || ev.EventName != "onBuild" {
			t.Fatalf("frame %s %s, want onBuild", f.Command, f.Data)
		}
		return ev.Data
	}
	broken := diag.List{{File: api.MockFileName, Line: 3, Column: 3, Message: "invalid JSON"}}
	s.MocksLoaded(broken)
	if b := next(); b.Relaunch || len(b.Errors) != 1 || b.Errors[0].File != api.MockFileName || b.Changed[0] != api.MockFileName {
		t.Fatalf("broken mock file: %+v", b)
	}
	// A shell that loads now shows it from the start.
	resp, err := http.Get(ts.URL + "/app-config.json")
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		MockErrors []diag.Diagnostic `json:"mockErrors"`
	}
	json.NewDecoder(resp.Body).Decode(&cfg)
	resp.Body.Close()
	if len(cfg.MockErrors) != 1 || cfg.MockErrors[0].Line != 3 {
		t.Fatalf("app-config.json mockErrors: %+v", cfg.MockErrors)
	}
	// A rebuild of the app keeps the mock file's error on screen.
	s.Built([]string{"pages/a/a.wxml"}, true, nil)
	if b := next(); len(b.Errors) != 1 || b.Errors[0].Line != 3 {
		t.Fatalf("rebuild: %+v, want the mock file's error still", b)
	}
	s.MocksLoaded(nil)
	if b := next(); b.Relaunch || len(b.Errors) != 0 {
		t.Fatalf("fixed mock file: %+v", b)
	}
}
