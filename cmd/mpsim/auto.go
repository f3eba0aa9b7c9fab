package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/mpsim/mpsim/api"
	"github.com/mpsim/mpsim/automation"
	"github.com/mpsim/mpsim/internal/headless"
)

// autoSession names the simulator session that the automation port drives.
const autoSession = "auto"

// officialFlags are flags of the official CLI's `auto` that mpsim has no use for, with
// whether they take a value; they are accepted, so that automator.launch works unchanged.
var officialFlags = map[string]bool{
	"ticket": true, "lang": true, "appid": true, "debug": false,
	"trust-project": false, "disable-gpu": false, "auto-env": true,
}

// auto is `mpsim auto --project DIR --auto-port N`: the simulator in a headless chromium,
// driven by miniprogram-automator through the automation port (docs/automation.md).
func auto(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("mpsim auto", flag.ContinueOnError)
	fset.SetOutput(stderr)
	projectFlag := fset.String("project", "", "the project folder")
	autoPort := fset.Int("auto-port", 9420, "the automation port, on 127.0.0.1")
	port := fset.Int("port", 0, "the simulator's HTTP port (0: a free one)")
	verbose := fset.Bool("verbose", false, "log every connection")
	dataDir := fset.String("data", "", "the folder for the project's storage and files")
	// automator.launch({account}) passes the official tools' test account here: in mpsim
	// it names the simulated account whose storage and files the app sees.
	account := fset.String("auto-account", "default", "the simulated account (its own storage and files)")
	known, ignored := splitOfficialFlags(fset, args)
	for _, f := range ignored {
		fmt.Fprintf(stderr, "mpsim auto: %s is a flag of the official tools that mpsim ignores\n", f)
	}
	positional, err := parseInterspersed(fset, known)
	if err != nil {
		return 2
	}
	autoL, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(*autoPort)))
	if err != nil {
		fmt.Fprintf(stderr, "mpsim auto: the automation port: %v (is another simulator on it? choose another with --auto-port)\n", err)
		return 1
	}
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	cfg := serveConfig{positional: positional, project: *projectFlag, host: "127.0.0.1", port: *port, dataDir: *dataDir, account: *account, verbose: *verbose}
	var failed atomic.Bool
	// The browser ends with drive: wait for it, so that no Chromium (or its profile
	// folder) outlives mpsim.
	driven := make(chan struct{})
	var driving atomic.Bool
	code := serve(ctx, cfg, stdout, stderr, func(url string, built bool) {
		if !built {
			// Nothing could run: say so at once rather than serve an app that is not there.
			fmt.Fprintln(stderr, "mpsim auto: the project does not build; fix the errors above")
			failed.Store(true)
			stop()
			return
		}
		driving.Store(true)
		go func() {
			defer close(driven)
			if err := drive(ctx, url, autoL, stop, stdout); err != nil && ctx.Err() == nil {
				fmt.Fprintln(stderr, "mpsim auto:", err)
				failed.Store(true)
				stop()
			}
		}()
	})
	stop()
	if driving.Load() {
		select {
		case <-driven:
		case <-time.After(10 * time.Second):
			fmt.Fprintln(stderr, "mpsim auto: the browser did not close within 10s")
		}
	}
	if failed.Load() && code == 0 {
		return 1
	}
	return code
}

// splitOfficialFlags takes out the official CLI's flags that mpsim ignores (and any other
// unknown --flag), keeping the rest for fset, mpsim's own.
func splitOfficialFlags(fset *flag.FlagSet, args []string) (known, ignored []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" || a == "--" {
			known = append(known, a)
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if fset.Lookup(name) != nil {
			known = append(known, a)
			continue
		}
		takesValue, official := officialFlags[name]
		if !official {
			// An unknown flag: a value follows unless the next argument is a flag.
			takesValue = i+1 < len(args) && !strings.HasPrefix(args[i+1], "-")
		}
		ignored = append(ignored, a)
		if takesValue && !hasValue && i+1 < len(args) {
			i++
		}
	}
	return known, ignored
}

// drive opens the simulator in a headless chromium, waits for the app's first page, and
// serves the automation port until ctx ends; Tool.close calls stop.
func drive(ctx context.Context, url string, autoL net.Listener, stop func(), stdout io.Writer) error {
	profile, err := os.MkdirTemp("", "mpsim-auto-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	tab, closeBrowser, err := headless.Launch(ctx, profile, 1280, 1000)
	if err != nil {
		return err
	}
	defer closeBrowser()
	if err := chromedp.Do(tab, chromedp.Navigate(url+"?session="+autoSession)); err != nil {
		return fmt.Errorf("open the simulator: %w", err)
	}
	if err := waitReady(tab, time.Minute); err != nil {
		return err
	}
	hubURL := "ws" + strings.TrimPrefix(strings.TrimSuffix(url, "/"), "http") + "/ws/automator?session=" + autoSession
	bridge := automation.New(automation.Options{
		HubURL:     hubURL,
		SDKVersion: api.SDKVersion,
		Screenshot: func(context.Context) ([]byte, error) { return screenshot(tab) },
		Close:      stop,
	})
	fmt.Fprintf(stdout, "mpsim: automation on ws://%s\n", autoL.Addr())
	return bridge.Serve(ctx, autoL)
}

// waitReady waits until the shell has opened the app's first page.
func waitReady(tab context.Context, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		ready, err := chromedp.Run(tab, chromedp.Evaluate[bool](`!!(window.mpsimAutomation && window.mpsimAutomation.ready())`))
		if err == nil && ready {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the simulator did not open the app's first page within %s (err: %v)", limit, err)
		}
		select {
		case <-tab.Done():
			return tab.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// screenshot captures the simulated screen: the shell's device frame.
func screenshot(tab context.Context) ([]byte, error) {
	ctx, cancel := context.WithTimeout(tab, 15*time.Second)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS("#device")))
}
