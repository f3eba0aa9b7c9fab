package api

import (
	"context"
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"maps"
)

// UserInfo is the WeChat user the open-data APIs describe.
type UserInfo struct {
	NickName  string `json:"nickName"`
	AvatarURL string `json:"avatarUrl"`
	Gender    int    `json:"gender"`
	Country   string `json:"country"`
	Province  string `json:"province"`
	City      string `json:"city"`
	Language  string `json:"language"`
}

// DefaultUser is who getUserInfo and getUserProfile describe unless the mock file names a
// user: the anonymous user ("微信用户", the grey avatar) that the phone gives every
// mini-program since getUserProfile was withdrawn.
var DefaultUser = UserInfo{
	NickName:  "微信用户",
	AvatarURL: "https://thirdwx.qlogo.cn/mmopen/vi_32/POgEwh4mIHO4nibH0KlMECNjjGxQUq24ZEaGT4poC6icRiccVGKSyXwibcPq4BWmiaIGuG1icwxaQX6grC9VemZoJ8rg/132",
}

// openDataAPIs are the WeChat web APIs that operateWXData carries, by the wx API that
// calls each (and names its entry in the mock file).
var openDataAPIs = map[string]string{
	"webapi_getuserinfo":    "getUserInfo",
	"webapi_getuserprofile": "getUserProfile",
	"webapi_getwerundata":   "getWeRunData",
}

// operateWXDataArgs is what the service layer sends for the open-data APIs: the name of
// the WeChat web API and its own arguments.
type operateWXDataArgs struct {
	Data struct {
		APIName string `json:"api_name"`
		Data    struct {
			Desc string `json:"desc"` // getUserProfile's
		} `json:"data"`
	} `json:"data"`
}

// registerOpenData answers operateWXData, through which getUserInfo, getUserProfile and
// getWeRunData reach the WeChat backend, and the phone-number buttons. The answers have
// the phone's shape: the user, with a signature computed as the real one is (sha1 of
// rawData and a session key), and encrypted data that only looks encrypted.
func registerOpenData(r *Registry, m *Mocks) {
	r.RegisterNonBlocking("operateWXData", func(ctx context.Context, call Call) (Result, error) {
		var args operateWXDataArgs
		if err := decodeArgs(call, &args); err != nil {
			return Fail(call.API, "invalid arguments: "+err.Error()), nil
		}
		name, known := openDataAPIs[args.Data.APIName]
		switch {
		case args.Data.APIName == "":
			return Fail(call.API, "missing data.api_name"), nil
		case !known:
			return Fail(call.API, "unknown api_name "+args.Data.APIName+" (mocked open data covers webapi_getuserinfo, webapi_getuserprofile and webapi_getwerundata)"), nil
		}
		f, app := m.state()
		entry, mocked := f.answer(name)
		if mocked && entry.fail != "" {
			return entry.failure(call.API), nil
		}
		var check Result
		switch name {
		case "getUserProfile":
			check = firstOf(func() Result {
				if !validDesc(args.Data.Data.Desc) {
					return Fail(call.API, "desc length does not meet the requirements")
				}
				return nil
			}, func() Result { return m.consent(call, "scope.userInfo", args.Data.Data.Desc, false) })
		case "getWeRunData":
			check = m.consent(call, "scope.werun", app.permission["scope.werun"], true)
		}
		if check != nil {
			return check, nil
		}
		data := map[string]any{}
		data["encryptedData"], data["iv"], data["cloudID"] = mockCipher(name)
		if name != "getWeRunData" {
			user := DefaultUser
			if f != nil && f.User != nil {
				user = *f.User
			}
			raw, err := json.Marshal(user)
			if err != nil {
				return nil, err
			}
			sum := sha1.Sum(append(raw, "mpsim-session-key"...))
			data["userInfo"], data["rawData"], data["signature"] = user, string(raw), hex.EncodeToString(sum[:])
		}
		if mocked {
			maps.Copy(data, entry.fields)
		}
		res := OK(call.API, map[string]any{"data": data})
		if f == nil {
			res["__note"] = touristNote("operateWXData")
		}
		return res, nil
	})
	// The buttons with open-type getPhoneNumber and getRealtimePhoneNumber: the code a
	// developer's server exchanges for the number.
	for _, api := range []string{"getPhoneNumber", "getRealtimePhoneNumber"} {
		m.mocked(r, api, func(call Call, f *mockFile, _ appDeclarations) Result {
			res := OK(call.API, map[string]any{"code": "mpsim-phone-code"})
			if f == nil {
				res["code"], res["__note"] = touristCode, touristNote(call.API)
			}
			if call.API == "getPhoneNumber" {
				res["encryptedData"], res["iv"], res["cloudID"] = mockCipher(call.API)
			}
			return res
		})
	}
}

// mockCipher is encrypted data, its iv and a cloudID in the phone's formats (base64,
// base64 of 16 bytes), made from what they stand for: the same call gives the same.
func mockCipher(what string) (encryptedData, iv, cloudID string) {
	sum := sha1.Sum([]byte("mpsim " + what))
	return base64.StdEncoding.EncodeToString([]byte("mpsim mock " + what)), base64.StdEncoding.EncodeToString(sum[:16]),
		"mpsim-cloud-" + hex.EncodeToString(sum[:6])
}
