package e2e

import (
	"testing"
)

// waitRows waits until each `.r-NAME` row of the page reads `NAME: want`.
func waitRows(b *Browser, rows [][2]string) {
	for _, r := range rows {
		b.WaitText(".r-"+r[0], r[0]+": "+r[1], wait)
	}
}

// The storage, system and base APIs answer a page at once as on a phone
// (testdata/apis/pages/sync): the Sync and callback forms of storage see one store; the
// split-up system APIs agree with getSystemInfoSync and with the page the iframe shows;
// an exported animation plays on its node; an intersection observer sees its node. The
// simulated device's answers (pages/device): the Bluetooth, Wi-Fi and iBeacon listeners
// hear what their calls cause until off*; the phone-only settings answer ok.
func TestSweepSyncAndDeviceAPIs(t *testing.T) {
	srv := StartServer(t, mpsimBin, RepoPath("testdata/apis"), "--data", t.TempDir())
	b := OpenBrowser(t, srv.URL+"?page=pages/sync/sync")
	b.WaitText(".title", "sync", wait)
	// 844 - 47 (status bar) - 44 (navigation bar): the page's height, read from the iframe below.
	waitRows(b, [][2]string{
		{"storage", `a,when true 10240 | "" | batchSetStorage:ok | getStorageInfo:ok when,x,y | removeStorage:ok | "" two true | clearStorage:ok | 0 | 0`},
		{"getSystemInfo", "getSystemInfo:ok iPhone 12/13 (Pro) 390x753 true"},
		{"getWindowInfo", "390x753 390x844 3 47 47 true"},
		{"getDeviceInfo", "devtools iPhone 12/13 (Pro) devtools true"},
		{"getAppBaseInfo", "3.3.4 zh_CN light true"},
		{"getMenuButtonBoundingClientRect", "87x32 53,383 true"},
		{"getSkylineInfo", "getSkylineInfo:ok false"},
		{"getDeviceBenchmarkInfo", "getDeviceBenchmarkInfo:ok 1"},
		{"canIUse", "true true false"},
		{"nextTick", "now tick"},
		{"cancelIdleCallback", "kept"},
		{"checkIsPictureInPictureActive", "false"},
	})
	if size, err := Eval[string](b, inPage(`return doc.defaultView.innerWidth + 'x' + doc.defaultView.innerHeight`)); err != nil || size != "390x753" {
		t.Errorf("the page iframe is %q (%v), want the 390x753 getWindowInfo reports", size, err)
	}
	b.WaitText(".animation", "1 style,translateX", wait)
	b.WaitStyle(".box", "opacity", "0.5", wait)
	b.WaitText(".intersection", "1 40", wait)

	b = OpenBrowser(t, srv.URL+"?page=pages/device/device")
	b.WaitText(".title", "device", wait)
	waitRows(b, [][2]string{
		{"bluetooth", "getBluetoothAdapterState:ok true false | getConnectedBluetoothDevices:ok 0 | stopBluetoothDevicesDiscovery:ok | true false,true true,true false | getBluetoothAdapterState:fail not init"},
		{"wifi", `{"SSID":"mpsim-guest"} | setWifiList:ok | stopWifi:ok | getConnectedWifi:fail not init`},
		{"beacons", "true true"},
		{"getAvailableAudioSources", "getAvailableAudioSources:ok auto,buildInMic,headsetMic"},
		{"getCommonConfig", "getCommonConfig:ok 2 {}"},
		{"vibrateLong", "vibrateLong:ok"},
		{"answersOK", "11 ok"},
		{"reportPerformance", "undefined"},
	})
	b.WaitConsole("[mpsim] reportPerformance 1101 680 custom", wait)
}
