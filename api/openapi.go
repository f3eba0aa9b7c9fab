package api

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// The open capabilities need a WeChat account, which the simulator has not: they answer
// from Mocks, as the official tools answer from the account they are logged in with.
// Where the phone asks the person (authorization, payment, sharing), a handler answers
// with a dialog to show (dialog below); the service layer shows it in the shell and calls
// again with the person's answer in args.__answer.

// mockableAPIs are the names an entry of the mock file's "apis" may have.
var mockableAPIs = []string{
	"login", "checkSession", "getUserInfo", "getUserProfile", "getWeRunData", "getPhoneNumber", "getRealtimePhoneNumber",
	"authorize", "getSetting", "openSetting", "requestSubscribeMessage", "requestSubscribeDeviceMessage",
	"requestPayment", "requestOrderPayment", "requestVirtualPayment", "requestMerchantTransfer",
	"chooseAddress", "chooseInvoiceTitle", "getPrivacySetting", "requirePrivacyAuthorize", "openPrivacyContract",
	"checkIsAddedToMyMiniProgram", "getShareInfo", "authPrivateMessage", "showShareImageMenu", "shareFileMessage", "shareVideoMessage",
	"getLocation", "getFuzzyLocation", "chooseLocation", "choosePoi", "openLocation",
	"startLocationUpdate", "startLocationUpdateBackground", "stopLocationUpdate", "scanCode",
}

// touristCode is the code wx.login gives a tourist in the official tools.
const touristCode = "the code is a mock one"

// touristNote is what the official tools print in the console when a tourist calls an API
// they only mock; the service layer prints a result's __note once per API.
func touristNote(api string) string {
	return "请注意游客模式下，调用 wx." + api + " 是受限的, API 的返回是工具的模拟返回 (mpsim: no " + MockFileName + ", see docs/mocks.md)"
}

// mocked registers an API that the mock file can answer for. An entry with "fail" fails
// every call at once (no dialog shows); otherwise h answers and the entry's fields go over
// a successful answer.
func (m *Mocks) mocked(r *Registry, name string, h func(call Call, f *mockFile, app appDeclarations) Result) {
	m.mockedAs(r, name, name, h)
}

// mockedAs is mocked for an API that answers from another's entry in the mock file
// (locationChange from getLocation's); a failure is entry's.
func (m *Mocks) mockedAs(r *Registry, name, entryName string, h func(call Call, f *mockFile, app appDeclarations) Result) {
	r.RegisterNonBlocking(name, func(ctx context.Context, call Call) (Result, error) {
		f, app := m.state()
		entry, ok := f.answer(entryName)
		if ok && entry.fail != "" {
			return entry.failure(entryName), nil
		}
		res := h(call, f, app)
		if ok && succeeded(res) {
			maps.Copy(res, entry.fields)
		}
		return res, nil
	})
}

func succeeded(res Result) bool {
	msg, _ := res["errMsg"].(string)
	return strings.HasSuffix(msg, ":ok") && res["__dialog"] == nil
}

// dialog is the answer of a call that waits for the person: the service layer shows d in
// the shell (web/static/dialogs.js) and calls again with the answer in args.__answer.
func dialog(api string, d map[string]any) Result {
	return Result{"errMsg": api + ":fail waiting for the person's answer", "__dialog": d}
}

// asked is the person's answer to the dialog an earlier try of call showed.
func asked(call Call) (json.RawMessage, bool) {
	var a struct {
		Answer json.RawMessage `json:"__answer"`
	}
	if decodeArgs(call, &a) != nil || a.Answer == nil {
		return nil, false
	}
	return a.Answer, true
}

// consent decides an API behind a scope: nil lets the call go on; otherwise the answer is
// "auth deny" or the authorization dialog. With remember (authorize and the APIs behind a
// scope) the answer holds for the simulator's run and getSetting shows it; without, the
// person is asked every time, as getUserProfile does.
func (m *Mocks) consent(call Call, scope, desc string, remember bool) Result {
	if answer, ok := asked(call); ok {
		var allow bool
		json.Unmarshal(answer, &allow)
		if remember {
			m.mu.Lock()
			m.auth[scope] = allow
			m.mu.Unlock()
		}
		if !allow {
			return Fail(call.API, "auth deny")
		}
		return nil
	}
	if remember {
		m.mu.Lock()
		allow, known := m.auth[scope]
		m.mu.Unlock()
		if known && allow {
			return nil
		}
		if known {
			return Fail(call.API, "auth deny")
		}
	}
	return dialog(call.API, map[string]any{"kind": "authorize", "scope": scope, "desc": desc})
}

// confirmed decides an API the person confirms or closes each time (payment, sharing):
// nil goes on; otherwise the answer is "cancel" or the dialog d.
func confirmed(call Call, d map[string]any) Result {
	answer, ok := asked(call)
	if !ok {
		return dialog(call.API, d)
	}
	var yes bool
	json.Unmarshal(answer, &yes)
	if !yes {
		return Fail(call.API, "cancel")
	}
	return nil
}

// undeclared fails an API that app.json's requiredPrivateInfos must list when the list is
// there without it (a develop version checks only a list that is declared).
func undeclared(api string, app appDeclarations) Result {
	if app.privateInfos == nil || slices.Contains(app.privateInfos, api) {
		return nil
	}
	return Fail(api, "the api need to be declared in the requiredPrivateInfos field in app.json/ext.json")
}

// params reads the call's arguments as an object, checking the named ones; a failure is
// the phone's parameter error.
func params(call Call, want string, names ...string) (map[string]any, Result) {
	raw := map[string]json.RawMessage{}
	args := map[string]any{}
	if decodeArgs(call, &raw) != nil || decodeArgs(call, &args) != nil {
		return nil, Fail(call.API, "parameter error: arguments should be Object")
	}
	// The named parameters must have the wanted JavaScript type, as the base library checks.
	for _, name := range names {
		if got := jsType(raw[name]); got != want {
			return nil, Fail(call.API, fmt.Sprintf("parameter error: parameter.%s should be %s instead of %s;", name, want, got))
		}
	}
	return args, nil
}

// firstOf returns the first non-nil result: the checks of a call, in order.
func firstOf(checks ...func() Result) Result {
	for _, c := range checks {
		if res := c(); res != nil {
			return res
		}
	}
	return nil
}

// registerOpenAPI adds login, authorization and settings, subscribe messages, payment,
// addresses and invoices, privacy, sharing: answered from m.
func registerOpenAPI(r *Registry, m *Mocks) {
	// The app's account: the project's appid (a tourist's is the official tools'
	// "touristappid"), a develop version, as the simulator runs.
	m.mocked(r, "getAccountInfoSync", func(call Call, _ *mockFile, app appDeclarations) Result {
		appID := app.appID
		if appID == "" {
			appID = "touristappid"
		}
		return OK(call.API, map[string]any{
			"miniProgram": map[string]any{"appId": appID, "envVersion": "develop", "version": ""},
			"plugin":      map[string]any{},
		})
	})
	m.mocked(r, "login", func(call Call, f *mockFile, _ appDeclarations) Result {
		if f == nil {
			return OK(call.API, map[string]any{"code": touristCode, "__note": touristNote("login")})
		}
		m.mu.Lock()
		m.logins++
		n := m.logins
		m.mu.Unlock()
		return OK(call.API, map[string]any{"code": fmt.Sprintf("mpsim-code-%d", n)})
	})
	// A tourist's code is no real one, so its session never holds; a mock account's does.
	m.mocked(r, "checkSession", func(call Call, f *mockFile, _ appDeclarations) Result {
		if f == nil {
			return Fail(call.API, "session time out, need relogin")
		}
		return OK(call.API, nil)
	})
	m.mocked(r, "getSetting", func(call Call, _ *mockFile, _ appDeclarations) Result {
		var a struct {
			WithSubscriptions bool `json:"withSubscriptions"`
		}
		decodeArgs(call, &a)
		res := OK(call.API, map[string]any{"authSetting": m.authSetting()})
		if a.WithSubscriptions {
			res["subscriptionsSetting"] = map[string]any{"mainSwitch": true, "itemSettings": map[string]any{}}
		}
		return res
	})
	m.mocked(r, "authorize", func(call Call, _ *mockFile, app appDeclarations) Result {
		args, bad := params(call, "String", "scope")
		if bad != nil {
			return bad
		}
		scope := args["scope"].(string)
		if !slices.Contains(scopes, scope) {
			return Fail(call.API, "invalid scope")
		}
		if res := m.consent(call, scope, app.permission[scope], true); res != nil {
			return res
		}
		return OK(call.API, nil)
	})
	// openSetting shows the scopes asked so far as switches; what the person turns off or
	// on holds from then on.
	m.mocked(r, "openSetting", func(call Call, _ *mockFile, _ appDeclarations) Result {
		answer, ok := asked(call)
		if !ok {
			return dialog(call.API, map[string]any{"kind": "setting", "authSetting": m.authSetting()})
		}
		var set map[string]bool
		json.Unmarshal(answer, &set)
		m.mu.Lock()
		for scope, allow := range set {
			if _, known := m.auth[scope]; known {
				m.auth[scope] = allow
			}
		}
		m.mu.Unlock()
		return OK(call.API, map[string]any{"authSetting": m.authSetting()})
	})
	for _, api := range []string{"requestSubscribeMessage", "requestSubscribeDeviceMessage"} {
		m.mocked(r, api, subscribe)
	}
	// The payments show the simulator's payment dialog: confirm pays, closing it cancels.
	payments := map[string][]string{
		"requestPayment":          {"timeStamp", "nonceStr", "package", "paySign"},
		"requestOrderPayment":     {"timeStamp", "nonceStr", "package", "paySign"},
		"requestVirtualPayment":   {"signData", "paySig", "signature", "mode"},
		"requestMerchantTransfer": {"mchId", "package"},
	}
	for api, required := range payments {
		m.mocked(r, api, func(call Call, _ *mockFile, _ appDeclarations) Result {
			args, bad := params(call, "String", required...)
			if bad == nil {
				shown := map[string]any{"kind": "payment"}
				for _, k := range append(required, "signType", "orderInfo") {
					if v, ok := args[k]; ok {
						shown[k] = v
					}
				}
				bad = confirmed(call, shown)
			}
			if bad != nil {
				return bad
			}
			return OK(call.API, nil)
		})
	}
	// The official tools answer chooseAddress and chooseInvoiceTitle with mock data.
	m.mocked(r, "chooseAddress", func(call Call, _ *mockFile, app appDeclarations) Result {
		if res := firstOf(func() Result { return undeclared(call.API, app) },
			func() Result { return m.consent(call, "scope.address", app.permission["scope.address"], true) }); res != nil {
			return res
		}
		return OK(call.API, map[string]any{
			"userName": "张三", "postalCode": "510000", "provinceName": "广东省", "cityName": "广州市", "countyName": "海珠区",
			"streetName": "", "detailInfo": "新港中路397号", "detailInfoNew": "新港中路397号", "nationalCode": "510000", "telNumber": "020-81167888",
		})
	})
	m.mocked(r, "chooseInvoiceTitle", func(call Call, _ *mockFile, app appDeclarations) Result {
		if res := m.consent(call, "scope.invoiceTitle", app.permission["scope.invoiceTitle"], true); res != nil {
			return res
		}
		return OK(call.API, map[string]any{"type": "0", "title": "示例科技有限公司", "taxNumber": "91440101MA5EXAMPLE",
			"companyAddress": "广东省广州市海珠区新港中路397号", "telephone": "020-81167888", "bankName": "示例银行", "bankAccount": "6222000000000000"})
	})
	m.mocked(r, "getPrivacySetting", func(call Call, _ *mockFile, app appDeclarations) Result {
		return OK(call.API, map[string]any{"needAuthorization": false, "privacyContractName": "《" + app.name + "小程序隐私保护指引》"})
	})
	for _, api := range []string{"requirePrivacyAuthorize", "openPrivacyContract"} {
		m.mocked(r, api, func(call Call, _ *mockFile, _ appDeclarations) Result { return OK(call.API, nil) })
	}
	m.mocked(r, "checkIsAddedToMyMiniProgram", func(call Call, _ *mockFile, _ appDeclarations) Result {
		return OK(call.API, map[string]any{"added": false})
	})
	registerShare(m, r)
}

// subscribe answers requestSubscribeMessage: a tourist has no templates; an account
// accepts each template asked for (the mock file's fields can say "reject" or "ban").
func subscribe(call Call, f *mockFile, _ appDeclarations) Result {
	args, bad := params(call, "Array", "tmplIds")
	if bad != nil {
		return bad
	}
	ids := args["tmplIds"].([]any)
	failWith := func(code int, reason string) Result {
		res := Fail(call.API, reason)
		res["errCode"] = code
		return res
	}
	switch {
	case len(ids) == 0:
		return failWith(10001, "TmplIds can't be empty")
	case len(ids) > 3:
		return failWith(20003, "Templates count out of max bounds")
	case f == nil:
		return failWith(20001, "No template data return, verify the template id exist")
	}
	res := OK(call.API, nil)
	for _, id := range ids {
		res[fmt.Sprint(id)] = "accept"
	}
	return res
}

// registerShare adds the share family's APIs that answer here; showShareMenu and its
// kin change the capsule menu, which the shell owns.
func registerShare(m *Mocks, r *Registry) {
	encrypted := func(call Call, fields map[string]any) Result {
		res := OK(call.API, fields)
		res["encryptedData"], res["iv"], res["cloudID"] = mockCipher(call.API)
		return res
	}
	m.mocked(r, "getShareInfo", func(call Call, _ *mockFile, _ appDeclarations) Result {
		_, bad := params(call, "String", "shareTicket")
		if bad != nil {
			return bad
		}
		return encrypted(call, nil)
	})
	m.mocked(r, "authPrivateMessage", func(call Call, _ *mockFile, _ appDeclarations) Result {
		_, bad := params(call, "String", "shareTicket")
		if bad != nil {
			return bad
		}
		res := encrypted(call, map[string]any{"valid": true})
		delete(res, "cloudID")
		return res
	})
	// What the phone shares to a chat: the share dialog, confirmed or cancelled.
	shared := map[string][2]string{ // api -> the file parameter, shown in the dialog
		"showShareImageMenu": {"path", "imageUrl"},
		"shareFileMessage":   {"filePath", "title"},
		"shareVideoMessage":  {"videoPath", "title"},
	}
	for api, p := range shared {
		m.mocked(r, api, func(call Call, _ *mockFile, _ appDeclarations) Result {
			args, bad := params(call, "String", p[0])
			if bad == nil {
				bad = confirmed(call, map[string]any{"kind": "share", p[1]: args[p[0]], "from": call.API})
			}
			if bad != nil {
				return bad
			}
			return OK(call.API, nil)
		})
	}
}

// authSetting is a copy of the person's answers per scope.
func (m *Mocks) authSetting() map[string]bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.auth)
}

// validDesc is getUserProfile's rule for desc: 1 to 30 characters.
func validDesc(desc string) bool {
	n := utf8.RuneCountInString(desc)
	return n > 0 && n <= 30
}
