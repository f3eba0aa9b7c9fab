package api

import (
	"context"
	"encoding/json"
	"testing"
)

func TestInvokeAnswersEveryCall(t *testing.T) {
	r := Default(Options{Device: IPhone12})
	ctx := context.Background()
	cases := []struct {
		call   Call
		errMsg string
	}{
		{Call{API: "getSystemInfoSync"}, "getSystemInfoSync:ok"},
		{Call{API: "operateWXData", Args: json.RawMessage(`{"data":{"api_name":"webapi_getuserinfo","data":{}}}`)}, "operateWXData:ok"},
		{Call{API: "operateWXData", Args: json.RawMessage(`{"data":{"api_name":"webapi_nope"}}`)}, "operateWXData:fail unknown api_name webapi_nope (mocked open data covers webapi_getuserinfo, webapi_getuserprofile and webapi_getwerundata)"},
		{Call{API: "operateWXData", Args: json.RawMessage(`[1]`)}, ""},
		{Call{API: "makeCoffee"}, "makeCoffee:fail not supported in simulator"},
	}
	for _, c := range cases {
		res := r.Invoke(ctx, c.call)
		got, _ := res["errMsg"].(string)
		if c.errMsg == "" {
			if len(got) < len("operateWXData:fail") || got[:18] != "operateWXData:fail" {
				t.Errorf("%s(%s): errMsg %q, want a fail", c.call.API, c.call.Args, got)
			}
			continue
		}
		if got != c.errMsg {
			t.Errorf("%s(%s): errMsg %q, want %q", c.call.API, c.call.Args, got, c.errMsg)
		}
	}
}

func TestSystemInfoMatchesDevice(t *testing.T) {
	res := Default(Options{Device: IPhone12}).Invoke(context.Background(), Call{API: "getSystemInfoSync"})
	if res["screenWidth"] != 390 || res["pixelRatio"] != 3.0 || res["windowHeight"] != 844-47-44 {
		t.Fatalf("system info %v does not describe the iPhone 12", res)
	}
}

// The theme a session's device panel picks is in the answers of getSystemInfo and
// getAppBaseInfo; other sessions keep theirs.
func TestSystemInfoTheme(t *testing.T) {
	devices := NewSessionDevices(IPhone12)
	r := Default(Options{Device: IPhone12, Devices: devices})
	if err := devices.ChooseTheme("s1", "dark"); err != nil {
		t.Fatal(err)
	}
	for _, api := range []string{"getSystemInfo", "getSystemInfoSync", "getAppBaseInfo"} {
		if res := r.Invoke(context.Background(), Call{API: api, Session: "s1"}); res["theme"] != "dark" {
			t.Errorf("%s in the dark session: theme %v", api, res["theme"])
		}
	}
	if res := r.Invoke(context.Background(), Call{API: "getSystemInfoSync", Session: "s2"}); res["theme"] != "light" {
		t.Errorf("another session: theme %v, want light", res["theme"])
	}
}
