package api

import (
	"context"
	"fmt"
	"sync"
)

// Device describes the simulated phone: what getSystemInfo reports and what the shell
// sizes its frame to.
type Device struct {
	Brand           string  `json:"brand"`
	Model           string  `json:"model"`
	System          string  `json:"system"`
	Platform        string  `json:"platform"`
	PixelRatio      float64 `json:"pixelRatio"`
	ScreenWidth     int     `json:"screenWidth"`
	ScreenHeight    int     `json:"screenHeight"`
	StatusBarHeight int     `json:"statusBarHeight"`
}

// IPhone12 is the default device, as in the official tools.
var IPhone12 = Device{
	Brand: "devtools", Model: "iPhone 12/13 (Pro)", System: "iOS 10.0.1", Platform: "devtools",
	PixelRatio: 3, ScreenWidth: 390, ScreenHeight: 844, StatusBarHeight: 47,
}

// Devices are the phones the shell's device picker offers, by Model, with the sizes the
// official tools give them.
var Devices = []Device{
	{Brand: "devtools", Model: "iPhone SE", System: "iOS 10.0.1", Platform: "devtools",
		PixelRatio: 2, ScreenWidth: 375, ScreenHeight: 667, StatusBarHeight: 20},
	IPhone12,
	{Brand: "devtools", Model: "iPhone 15 Pro Max", System: "iOS 10.0.1", Platform: "devtools",
		PixelRatio: 3, ScreenWidth: 430, ScreenHeight: 932, StatusBarHeight: 59},
	{Brand: "devtools", Model: "Pixel 5", System: "Android 11", Platform: "devtools",
		PixelRatio: 2.75, ScreenWidth: 393, ScreenHeight: 851, StatusBarHeight: 24},
	{Brand: "devtools", Model: "iPad", System: "iOS 10.0.1", Platform: "devtools",
		PixelRatio: 2, ScreenWidth: 768, ScreenHeight: 1024, StatusBarHeight: 20},
}

// SessionDevices keeps the device each simulator session runs on and the theme it shows:
// the shell picks them, and getSystemInfo answers for them.
type SessionDevices struct {
	def    Device
	mu     sync.Mutex
	by     map[string]Device
	themes map[string]string
}

// NewSessionDevices returns a store in which every session runs on def, in the light
// theme, until it chooses.
func NewSessionDevices(def Device) *SessionDevices {
	return &SessionDevices{def: def, by: map[string]Device{}, themes: map[string]string{}}
}

// Default is the device of a session that has not chosen one.
func (s *SessionDevices) Default() Device { return s.def }

// Choose sets the device of session by its Model; an unknown model is an error naming the
// ones there are.
func (s *SessionDevices) Choose(session, model string) error {
	for _, d := range Devices {
		if d.Model == model {
			s.mu.Lock()
			s.by[session] = d
			s.mu.Unlock()
			return nil
		}
	}
	names := make([]string, len(Devices))
	for i, d := range Devices {
		names[i] = fmt.Sprintf("%q", d.Model)
	}
	return fmt.Errorf("no device %q; the devices are %v", model, names)
}

// For is the device session runs on.
func (s *SessionDevices) For(session string) Device {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d, ok := s.by[session]; ok {
		return d
	}
	return s.def
}

// ChooseTheme sets the theme of session's phone: "light" or "dark".
func (s *SessionDevices) ChooseTheme(session, theme string) error {
	if theme != "light" && theme != "dark" {
		return fmt.Errorf("no theme %q; the themes are \"light\" and \"dark\"", theme)
	}
	s.mu.Lock()
	s.themes[session] = theme
	s.mu.Unlock()
	return nil
}

// Theme is the theme of session's phone.
func (s *SessionDevices) Theme(session string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t, ok := s.themes[session]; ok {
		return t
	}
	return "light"
}

// navigationBarHeight is the height of the default navigation bar under the status bar.
const navigationBarHeight = 44

// SDKVersion is the base library version the runtime reports.
const SDKVersion = "3.3.4"

func registerSystem(r *Registry, devices *SessionDevices) {
	info := func(api string) Handler {
		return func(ctx context.Context, call Call) (Result, error) {
			return OK(api, systemInfo(devices, call.Session)), nil
		}
	}
	r.RegisterNonBlocking("getSystemInfo", info("getSystemInfo"))
	r.RegisterNonBlocking("getSystemInfoSync", info("getSystemInfoSync"))
	// The split-up successors of getSystemInfo, each a subset of its fields.
	subset := func(api string, keys ...string) {
		r.RegisterNonBlocking(api, func(ctx context.Context, call Call) (Result, error) {
			all := systemInfo(devices, call.Session)
			fields := map[string]any{}
			for _, k := range keys {
				fields[k] = all[k]
			}
			return OK(api, fields), nil
		})
	}
	subset("getWindowInfo", "pixelRatio", "screenWidth", "screenHeight", "windowWidth", "windowHeight",
		"statusBarHeight", "safeArea", "screenTop")
	subset("getDeviceInfo", "brand", "model", "system", "platform", "benchmarkLevel", "abi", "cpuType", "memorySize")
	subset("getAppBaseInfo", "SDKVersion", "enableDebug", "host", "language", "version", "theme", "fontSizeSetting")
	r.RegisterNonBlocking("getMenuButtonBoundingClientRect", func(ctx context.Context, call Call) (Result, error) {
		return OK(call.API, menuButton(devices.For(call.Session))), nil
	})
}

// menuButton is the capsule button's rectangle, placed as the phone places it: right
// aligned with a 7px margin, vertically centred in the navigation bar.
func menuButton(d Device) map[string]any {
	const width, height, right = 87, 32, 7
	top := d.StatusBarHeight + (navigationBarHeight-height)/2
	return map[string]any{
		"width": width, "height": height,
		"top": top, "bottom": top + height,
		"left": d.ScreenWidth - right - width, "right": d.ScreenWidth - right,
	}
}

// systemInfo is the res of getSystemInfo for session's phone, with the fields the phone
// reports.
func systemInfo(devices *SessionDevices, session string) map[string]any {
	d := devices.For(session)
	windowHeight := d.ScreenHeight - d.StatusBarHeight - navigationBarHeight
	return map[string]any{
		"brand":           d.Brand,
		"model":           d.Model,
		"system":          d.System,
		"platform":        d.Platform,
		"pixelRatio":      d.PixelRatio,
		"screenWidth":     d.ScreenWidth,
		"screenHeight":    d.ScreenHeight,
		"windowWidth":     d.ScreenWidth,
		"windowHeight":    windowHeight,
		"statusBarHeight": d.StatusBarHeight,
		"language":        "zh_CN",
		"version":         "8.0.5",
		"SDKVersion":      SDKVersion,
		"fontSizeSetting": 16,
		"theme":           devices.Theme(session),
		"screenTop":       0,
		"benchmarkLevel":  1,
		"abi":             "devtools",
		"cpuType":         "devtools",
		"memorySize":      8192,
		"enableDebug":     false,
		"host":            map[string]any{"env": "WeChat"},
		"safeArea": map[string]any{
			"left": 0, "right": d.ScreenWidth, "top": d.StatusBarHeight,
			"bottom": d.ScreenHeight, "width": d.ScreenWidth,
			"height": d.ScreenHeight - d.StatusBarHeight,
		},
	}
}
