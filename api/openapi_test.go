package api

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/mpsim/mpsim/compiler/project"
)

// want checks fields of a result; a field that must be absent is nil.
func want(t *testing.T, what string, res Result, fields map[string]any) {
	t.Helper()
	for k, v := range fields {
		got := res[k]
		if v == nil && got != nil || v != nil && fmt.Sprint(got) != fmt.Sprint(v) {
			t.Errorf("%s: %s = %v, want %v (res %v)", what, k, got, v, res)
		}
	}
}

// dialogOf is the dialog a result waits on, or nil.
func dialogOf(res Result) map[string]any {
	d, _ := res["__dialog"].(map[string]any)
	return d
}

// answered calls api again with the person's answer to its dialog.
func answered(r *Registry, api, args string, answer any) Result {
	var a map[string]any
	json.Unmarshal([]byte(args), &a)
	if a == nil {
		a = map[string]any{}
	}
	a["__answer"] = answer
	b, _ := json.Marshal(a)
	return invoke(r, api, string(b))
}

// As a tourist (no mock file) the official tools mock wx.login with a fixed code and
// print a warning; the session of such a code never holds.
func TestLoginAndSession(t *testing.T) {
	tourist := Default(Options{Device: IPhone12})
	want(t, "tourist login", invoke(tourist, "login", `{}`), map[string]any{"errMsg": "login:ok", "code": touristCode})
	if note, _ := invoke(tourist, "login", `{}`)["__note"].(string); !strings.Contains(note, "游客模式") {
		t.Errorf("tourist login: no note for the console: %q", note)
	}
	want(t, "tourist checkSession", invoke(tourist, "checkSession", `{}`), map[string]any{"errMsg": "checkSession:fail session time out, need relogin"})

	account := Default(Options{Device: IPhone12, Mocks: mocksWith(t, `{}`)})
	want(t, "login", invoke(account, "login", `{}`), map[string]any{"errMsg": "login:ok", "code": "mpsim-code-1", "__note": nil})
	want(t, "login again", invoke(account, "login", `{}`), map[string]any{"code": "mpsim-code-2"})
	want(t, "checkSession", invoke(account, "checkSession", `{}`), map[string]any{"errMsg": "checkSession:ok"})

	mocked := Default(Options{Device: IPhone12, Mocks: mocksWith(t, `{"apis": {"login": {"code": "c0de"}, "checkSession": {"fail": "session time out, need relogin", "errno": 1}}}`)})
	want(t, "mocked login", invoke(mocked, "login", `{}`), map[string]any{"errMsg": "login:ok", "code": "c0de"})
	want(t, "mocked checkSession", invoke(mocked, "checkSession", `{}`), map[string]any{"errMsg": "checkSession:fail session time out, need relogin", "errno": 1})
}

func TestOpenData(t *testing.T) {
	userInfo := `{"data": {"api_name": "webapi_getuserinfo", "data": {"lang": "en"}}}`
	tourist := Default(Options{Device: IPhone12})
	res := invoke(tourist, "operateWXData", userInfo)
	data, _ := res["data"].(map[string]any)
	if res["errMsg"] != "operateWXData:ok" || data["userInfo"].(UserInfo).NickName != "微信用户" || res["__note"] == nil {
		t.Fatalf("tourist getUserInfo: %v", res)
	}
	var raw UserInfo
	if json.Unmarshal([]byte(data["rawData"].(string)), &raw) != nil || raw != DefaultUser || len(data["signature"].(string)) != 40 {
		t.Fatalf("rawData and signature: %v", data)
	}

	account := Default(Options{Device: IPhone12, Mocks: mocksWith(t, `{"user": {"nickName": "Ada", "gender": 2}, "apis": {"getWeRunData": {"cloudID": "run-1"}}}`)})
	data = invoke(account, "operateWXData", userInfo)["data"].(map[string]any)
	if u := data["userInfo"].(UserInfo); u.NickName != "Ada" || u.Gender != 2 {
		t.Fatalf("the mock file's user: %v", data)
	}
	// getUserProfile asks every time, with the page's reason; a reason of 1 to 30
	// characters is required.
	profile := `{"data": {"api_name": "webapi_getuserprofile", "data": {"desc": "用于完善会员资料"}}}`
	res = invoke(account, "operateWXData", profile)
	if d := dialogOf(res); d["kind"] != "authorize" || d["scope"] != "scope.userInfo" || d["desc"] != "用于完善会员资料" {
		t.Fatalf("getUserProfile: %v, want the authorization dialog", res)
	}
	want(t, "getUserProfile denied", answered(account, "operateWXData", profile, false), map[string]any{"errMsg": "operateWXData:fail auth deny"})
	res = answered(account, "operateWXData", profile, true)
	if res["errMsg"] != "operateWXData:ok" || res["data"].(map[string]any)["userInfo"].(UserInfo).NickName != "Ada" {
		t.Fatalf("getUserProfile allowed: %v", res)
	}
	if d := dialogOf(invoke(account, "operateWXData", profile)); d == nil {
		t.Fatal("getUserProfile did not ask again")
	}
	want(t, "getUserProfile without desc", invoke(account, "operateWXData", `{"data": {"api_name": "webapi_getuserprofile", "data": {}}}`),
		map[string]any{"errMsg": "operateWXData:fail desc length does not meet the requirements"})
	// getWeRunData is behind scope.werun, remembered once answered.
	werun := `{"data": {"api_name": "webapi_getwerundata"}}`
	if d := dialogOf(invoke(account, "operateWXData", werun)); d["scope"] != "scope.werun" {
		t.Fatalf("getWeRunData does not ask for scope.werun: %v", d)
	}
	res = answered(account, "operateWXData", werun, true)
	data = res["data"].(map[string]any)
	if res["errMsg"] != "operateWXData:ok" || data["cloudID"] != "run-1" || data["encryptedData"] == "" || data["userInfo"] != nil {
		t.Fatalf("getWeRunData: %v", res)
	}
	want(t, "getWeRunData remembered", invoke(account, "operateWXData", werun), map[string]any{"errMsg": "operateWXData:ok"})

	failing := Default(Options{Device: IPhone12, Mocks: mocksWith(t, `{"apis": {"getUserInfo": {"fail": "system error", "errno": 3}}}`)})
	want(t, "mocked getUserInfo failure", invoke(failing, "operateWXData", userInfo), map[string]any{"errMsg": "operateWXData:fail system error", "errno": 3})
}

func TestPhoneNumberButtons(t *testing.T) {
	tourist := Default(Options{Device: IPhone12})
	res := invoke(tourist, "getPhoneNumber", `{}`)
	want(t, "tourist", res, map[string]any{"errMsg": "getPhoneNumber:ok", "code": touristCode})
	if res["encryptedData"] == nil || res["iv"] == nil || res["__note"] == nil {
		t.Errorf("tourist getPhoneNumber: %v", res)
	}
	account := Default(Options{Device: IPhone12, Mocks: mocksWith(t, `{"apis": {"getRealtimePhoneNumber": {"fail": "user deny"}}}`)})
	want(t, "account", invoke(account, "getPhoneNumber", `{}`), map[string]any{"errMsg": "getPhoneNumber:ok", "code": "mpsim-phone-code"})
	want(t, "realtime denied", invoke(account, "getRealtimePhoneNumber", `{}`), map[string]any{"errMsg": "getRealtimePhoneNumber:fail user deny"})
}

// authorize asks once per scope; the answer holds for the run, getSetting shows it, and
// openSetting changes it.
func TestAuthorizeAndSettings(t *testing.T) {
	m := withProject(mocksWith(t, `{"authSetting": {"scope.camera": false}}`), `{}`, `{"permission": {"scope.userLocation": {"desc": "for the map"}}}`)
	r := Default(Options{Device: IPhone12, Mocks: m})
	want(t, "getSetting", invoke(r, "getSetting", `{}`), map[string]any{"errMsg": "getSetting:ok", "authSetting": map[string]bool{"scope.camera": false}})
	want(t, "no scope", invoke(r, "authorize", `{}`), map[string]any{"errMsg": "authorize:fail parameter error: parameter.scope should be String instead of Undefined;"})
	// An explicit null is named Null, as the storage and file APIs name it.
	want(t, "null scope", invoke(r, "authorize", `{"scope": null}`), map[string]any{"errMsg": "authorize:fail parameter error: parameter.scope should be String instead of Null;"})
	want(t, "bad scope", invoke(r, "authorize", `{"scope": "scope.everything"}`), map[string]any{"errMsg": "authorize:fail invalid scope"})
	want(t, "denied in the file", invoke(r, "authorize", `{"scope": "scope.camera"}`), map[string]any{"errMsg": "authorize:fail auth deny", "__dialog": nil})

	loc := `{"scope": "scope.userLocation"}`
	res := invoke(r, "authorize", loc)
	if d := dialogOf(res); d["kind"] != "authorize" || d["scope"] != "scope.userLocation" || d["desc"] != "for the map" || !strings.HasPrefix(res["errMsg"].(string), "authorize:fail") {
		t.Fatalf("first authorize: %v, want the dialog with app.json's desc", res)
	}
	want(t, "allowed", answered(r, "authorize", loc, true), map[string]any{"errMsg": "authorize:ok"})
	want(t, "asked once", invoke(r, "authorize", loc), map[string]any{"errMsg": "authorize:ok", "__dialog": nil})
	want(t, "with subscriptions", invoke(r, "getSetting", `{"withSubscriptions": true}`), map[string]any{
		"authSetting":          map[string]bool{"scope.camera": false, "scope.userLocation": true},
		"subscriptionsSetting": map[string]any{"mainSwitch": true, "itemSettings": map[string]any{}}})

	res = invoke(r, "openSetting", `{}`)
	if d := dialogOf(res); d["kind"] != "setting" || !reflect.DeepEqual(d["authSetting"], map[string]bool{"scope.camera": false, "scope.userLocation": true}) {
		t.Fatalf("openSetting: %v", res)
	}
	// A scope never asked for cannot be switched on from the settings page.
	want(t, "openSetting answered", answered(r, "openSetting", `{}`, map[string]bool{"scope.userLocation": false, "scope.camera": true, "scope.werun": true}),
		map[string]any{"errMsg": "openSetting:ok", "authSetting": map[string]bool{"scope.camera": true, "scope.userLocation": false}})
	want(t, "switched off", invoke(r, "authorize", loc), map[string]any{"errMsg": "authorize:fail auth deny"})

	// Saving the file with other authSetting starts the answers again from it; a save that
	// leaves authSetting alone keeps them.
	m.Load([]byte(`{"authSetting": {"scope.camera": false}, "apis": {"login": {}}}`))
	want(t, "kept", invoke(r, "getSetting", `{}`), map[string]any{"authSetting": map[string]bool{"scope.camera": true, "scope.userLocation": false}})
	m.Load([]byte(`{"authSetting": {"scope.werun": true}}`))
	want(t, "restarted", invoke(r, "getSetting", `{}`), map[string]any{"authSetting": map[string]bool{"scope.werun": true}})

	mocked := Default(Options{Device: IPhone12, Mocks: mocksWith(t, `{"apis": {"authorize": {"fail": "system error"}}}`)})
	want(t, "mocked failure, no dialog", invoke(mocked, "authorize", loc), map[string]any{"errMsg": "authorize:fail system error", "__dialog": nil})
}

func TestSubscribeMessage(t *testing.T) {
	tourist := Default(Options{Device: IPhone12})
	account := Default(Options{Device: IPhone12, Mocks: mocksWith(t, `{"apis": {"requestSubscribeMessage": {"T2": "reject"}}}`)})
	want(t, "tourist", invoke(tourist, "requestSubscribeMessage", `{"tmplIds": ["T1"]}`),
		map[string]any{"errMsg": "requestSubscribeMessage:fail No template data return, verify the template id exist", "errCode": 20001})
	want(t, "account", invoke(account, "requestSubscribeMessage", `{"tmplIds": ["T1", "T2"]}`),
		map[string]any{"errMsg": "requestSubscribeMessage:ok", "T1": "accept", "T2": "reject"})
	want(t, "no ids", invoke(account, "requestSubscribeMessage", `{}`),
		map[string]any{"errMsg": "requestSubscribeMessage:fail parameter error: parameter.tmplIds should be Array instead of Undefined;"})
	want(t, "empty", invoke(account, "requestSubscribeMessage", `{"tmplIds": []}`), map[string]any{"errCode": 10001})
	want(t, "too many", invoke(account, "requestSubscribeDeviceMessage", `{"tmplIds": ["a", "b", "c", "d"]}`),
		map[string]any{"errMsg": "requestSubscribeDeviceMessage:fail Templates count out of max bounds", "errCode": 20003})
}

// The payment dialog: confirmed pays, closed cancels; the mock file can fail the payment
// without a dialog.
func TestPayment(t *testing.T) {
	pay := `{"timeStamp": "1700000000", "nonceStr": "n", "package": "prepay_id=wx1", "signType": "RSA", "paySign": "s"}`
	r := Default(Options{Device: IPhone12})
	res := invoke(r, "requestPayment", pay)
	if d := dialogOf(res); d["kind"] != "payment" || d["package"] != "prepay_id=wx1" || d["signType"] != "RSA" || d["paySign"] != "s" {
		t.Fatalf("requestPayment: %v, want the payment dialog", res)
	}
	want(t, "confirmed", answered(r, "requestPayment", pay, true), map[string]any{"errMsg": "requestPayment:ok"})
	want(t, "closed", answered(r, "requestPayment", pay, false), map[string]any{"errMsg": "requestPayment:fail cancel"})
	want(t, "timeStamp a number", invoke(r, "requestPayment", `{"timeStamp": 1, "nonceStr": "n", "package": "p", "paySign": "s"}`),
		map[string]any{"errMsg": "requestPayment:fail parameter error: parameter.timeStamp should be String instead of Number;"})
	want(t, "virtual payment", invoke(r, "requestVirtualPayment", `{"signData": "{}", "paySig": "p", "mode": "short_series_goods"}`),
		map[string]any{"errMsg": "requestVirtualPayment:fail parameter error: parameter.signature should be String instead of Undefined;"})
	mocked := Default(Options{Device: IPhone12, Mocks: mocksWith(t, `{"apis": {"requestPayment": {"fail": "cancel"}}}`)})
	want(t, "mocked", invoke(mocked, "requestPayment", pay), map[string]any{"errMsg": "requestPayment:fail cancel", "__dialog": nil})
}

func TestLocation(t *testing.T) {
	m := withProject(mocksWith(t, `{"apis": {"getLocation": {"latitude": 31.23041, "longitude": 121.47374, "name": "外滩"}}}`), `{}`,
		`{"requiredPrivateInfos": ["getLocation", "chooseLocation", "onLocationChange", "startLocationUpdate"]}`)
	r := Default(Options{Device: IPhone12, Mocks: m})
	if d := dialogOf(invoke(r, "getLocation", `{"type": "gcj02"}`)); d["scope"] != "scope.userLocation" {
		t.Fatalf("getLocation does not ask for scope.userLocation: %v", d)
	}
	want(t, "denied", answered(r, "getLocation", `{}`, false), map[string]any{"errMsg": "getLocation:fail auth deny"})
	want(t, "stays denied", invoke(r, "getLocation", `{}`), map[string]any{"errMsg": "getLocation:fail auth deny", "__dialog": nil})
	answered(r, "openSetting", `{}`, map[string]bool{"scope.userLocation": true})
	want(t, "allowed in the settings", invoke(r, "getLocation", `{}`), map[string]any{"errMsg": "getLocation:ok", "latitude": 31.23041, "longitude": 121.47374, "accuracy": 65})
	want(t, "chooseLocation", invoke(r, "chooseLocation", `{}`), map[string]any{"errMsg": "chooseLocation:ok", "name": "外滩", "latitude": 31.23041})
	want(t, "startLocationUpdate", invoke(r, "startLocationUpdate", `{}`), map[string]any{"errMsg": "startLocationUpdate:ok"})
	want(t, "locationChange", invoke(r, "locationChange", `{}`), map[string]any{"errMsg": "locationChange:ok", "latitude": 31.23041, "name": "外滩"})
	undeclared := "the api need to be declared in the requiredPrivateInfos field in app.json/ext.json"
	want(t, "getFuzzyLocation undeclared", invoke(r, "getFuzzyLocation", `{}`), map[string]any{"errMsg": "getFuzzyLocation:fail " + undeclared})
	want(t, "chooseAddress undeclared", invoke(r, "chooseAddress", `{}`), map[string]any{"errMsg": "chooseAddress:fail " + undeclared})
	want(t, "openLocation", invoke(r, "openLocation", `{"latitude": 23.1}`),
		map[string]any{"errMsg": "openLocation:fail parameter error: parameter.longitude should be Number instead of Undefined;"})
	want(t, "openLocation", invoke(r, "openLocation", `{"latitude": 23.1, "longitude": 113.3, "name": "x"}`), map[string]any{"errMsg": "openLocation:ok"})

	// Without the list declared, a develop version checks nothing; a tourist is where the
	// official tools' simulator is, fuzzily to about a kilometre.
	tourist := Default(Options{Device: IPhone12})
	answered(tourist, "getFuzzyLocation", `{}`, true)
	want(t, "tourist getFuzzyLocation", invoke(tourist, "getFuzzyLocation", `{}`), map[string]any{"errMsg": "getFuzzyLocation:ok", "latitude": 23.1, "longitude": 113.32})
	want(t, "tourist chooseAddress asks", dialogOf(invoke(tourist, "chooseAddress", `{}`)), map[string]any{"scope": "scope.address"})
	want(t, "chooseAddress", answered(tourist, "chooseAddress", `{}`, true), map[string]any{"errMsg": "chooseAddress:ok", "userName": "张三", "telNumber": "020-81167888"})
	want(t, "choosePoi", invoke(tourist, "choosePoi", `{}`), map[string]any{"errMsg": "choosePoi:ok", "name": "腾讯微信总部", "type": 2})

	failing := Default(Options{Device: IPhone12, Mocks: mocksWith(t, `{"apis": {"getLocation": {"fail": "system permission denied"}, "chooseLocation": {"fail": "cancel"}}}`)})
	want(t, "mocked getLocation failure", invoke(failing, "getLocation", `{}`), map[string]any{"errMsg": "getLocation:fail system permission denied"})
	want(t, "and its updates", invoke(failing, "locationChange", `{}`), map[string]any{"errMsg": "getLocation:fail system permission denied"})
	want(t, "chooseLocation cancelled", invoke(failing, "chooseLocation", `{}`), map[string]any{"errMsg": "chooseLocation:fail cancel"})
}

func TestScanCode(t *testing.T) {
	r := Default(Options{Device: IPhone12, Mocks: mocksWith(t, `{"apis": {"scanCode": {"result": "https://example.com/p?id=7"}}}`)})
	want(t, "scanCode", invoke(r, "scanCode", `{"onlyFromCamera": true}`), map[string]any{"errMsg": "scanCode:ok", "result": "https://example.com/p?id=7",
		"scanType": "QR_CODE", "charSet": "UTF-8", "rawData": base64.StdEncoding.EncodeToString([]byte("https://example.com/p?id=7"))})
}

func TestShareAndPrivacy(t *testing.T) {
	r := Default(Options{Device: IPhone12, Mocks: withProject(NewMocks(), `{}`, `{}`)})
	want(t, "getShareInfo", invoke(r, "getShareInfo", `{}`), map[string]any{"errMsg": "getShareInfo:fail parameter error: parameter.shareTicket should be String instead of Undefined;"})
	res := invoke(r, "getShareInfo", `{"shareTicket": "t"}`)
	if res["errMsg"] != "getShareInfo:ok" || res["encryptedData"] == nil || res["iv"] == nil || res["cloudID"] == nil {
		t.Errorf("getShareInfo: %v", res)
	}
	want(t, "authPrivateMessage", invoke(r, "authPrivateMessage", `{"shareTicket": "t"}`), map[string]any{"errMsg": "authPrivateMessage:ok", "valid": true})
	res = invoke(r, "showShareImageMenu", `{"path": "wxfile://tmp/a.png"}`)
	if d := dialogOf(res); d["kind"] != "share" || d["imageUrl"] != "wxfile://tmp/a.png" {
		t.Fatalf("showShareImageMenu: %v", res)
	}
	want(t, "shared", answered(r, "showShareImageMenu", `{"path": "wxfile://tmp/a.png"}`, true), map[string]any{"errMsg": "showShareImageMenu:ok"})
	want(t, "cancelled", answered(r, "shareFileMessage", `{"filePath": "wxfile://usr/a.pdf"}`, false), map[string]any{"errMsg": "shareFileMessage:fail cancel"})
	want(t, "privacy", invoke(r, "getPrivacySetting", `{}`), map[string]any{"errMsg": "getPrivacySetting:ok", "needAuthorization": false, "privacyContractName": "《demo小程序隐私保护指引》"})
	want(t, "my mini programs", invoke(r, "checkIsAddedToMyMiniProgram", `{}`), map[string]any{"added": false})
}

// Every API the mock file may name has a handler, and the mock file can fail each.
func TestEveryMockableAPICanFail(t *testing.T) {
	var entries []string
	for _, api := range mockableAPIs {
		entries = append(entries, fmt.Sprintf("%q: {\"fail\": \"mocked %s\"}", api, api))
	}
	r := Default(Options{Device: IPhone12, Mocks: mocksWith(t, `{"apis": {`+strings.Join(entries, ",")+`}}`)})
	for _, api := range mockableAPIs {
		name, args := api, `{}`
		for apiName, wxName := range openDataAPIs {
			if wxName == api {
				name, args = "operateWXData", `{"data": {"api_name": "`+apiName+`"}}`
			}
		}
		if res := invoke(r, name, args); res["errMsg"] != name+":fail mocked "+api {
			t.Errorf("%s: %v", api, res)
		}
	}
}

// The handlers not covered above, on their way to success: what they ask, then the answer.
func TestEveryMockableAPICanSucceed(t *testing.T) {
	cases := []struct {
		api, args string
		asks      string // the dialog's kind and scope, "" when none
		fields    map[string]any
	}{
		{"chooseInvoiceTitle", `{}`, "authorize scope.invoiceTitle", map[string]any{"type": "0", "title": "示例科技有限公司"}},
		{"requestOrderPayment", `{"timeStamp": "1", "nonceStr": "n", "package": "p", "paySign": "s", "orderInfo": {}}`, "payment ", nil},
		{"requestMerchantTransfer", `{"mchId": "m", "package": "p"}`, "payment ", nil},
		{"requestVirtualPayment", `{"signData": "{}", "paySig": "p", "signature": "s", "mode": "short_series_goods"}`, "payment ", nil},
		{"startLocationUpdateBackground", `{}`, "authorize scope.userLocationBackground", nil},
		{"stopLocationUpdate", `{}`, "", nil},
		{"shareVideoMessage", `{"videoPath": "wxfile://tmp/v.mp4"}`, "share ", nil},
		{"requirePrivacyAuthorize", `{}`, "", nil},
		{"openPrivacyContract", `{}`, "", nil},
		{"getRealtimePhoneNumber", `{}`, "", map[string]any{"code": touristCode}},
	}
	r := Default(Options{Device: IPhone12})
	for _, c := range cases {
		res := invoke(r, c.api, c.args)
		if d := dialogOf(res); c.asks != "" {
			scope, _ := d["scope"].(string)
			if d == nil || fmt.Sprint(d["kind"], " ", scope) != c.asks {
				t.Errorf("%s: %v, want to ask %q", c.api, res, c.asks)
				continue
			}
			res = answered(r, c.api, c.args, true)
		}
		want(t, c.api, res, map[string]any{"errMsg": c.api + ":ok", "__dialog": nil})
		want(t, c.api, res, c.fields)
	}
}

// getAccountInfoSync names the project's appid, a tourist's the official tools' one.
func TestAccountInfo(t *testing.T) {
	tourist := Default(Options{Device: IPhone12})
	want(t, "tourist", invoke(tourist, "getAccountInfoSync", `{}`), map[string]any{
		"errMsg": "getAccountInfoSync:ok", "miniProgram": map[string]any{"appId": "touristappid", "envVersion": "develop", "version": ""}})
	m := mocksWith(t, `{}`)
	m.SetProject(&project.Project{Config: project.Config{AppID: "wx0123456789"}})
	want(t, "project", invoke(Default(Options{Device: IPhone12, Mocks: m}), "getAccountInfoSync", `{}`), map[string]any{
		"miniProgram": map[string]any{"appId": "wx0123456789", "envVersion": "develop", "version": ""}})
}
