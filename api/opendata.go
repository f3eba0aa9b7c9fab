package api

import (
	"context"
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
)

// UserInfo is the mocked WeChat account of the simulator.
type UserInfo struct {
	NickName  string `json:"nickName"`
	AvatarURL string `json:"avatarUrl"`
	Gender    int    `json:"gender"`
	Country   string `json:"country"`
	Province  string `json:"province"`
	City      string `json:"city"`
	Language  string `json:"language"`
}

// DefaultUser is the account the simulator logs in as unless configured otherwise.
var DefaultUser = UserInfo{NickName: "mpsim user", Gender: 0, Language: "zh_CN"}

// operateWXDataArgs is what the base library sends for the open-data APIs: the name of
// the WeChat web API and its own arguments.
type operateWXDataArgs struct {
	Data struct {
		APIName string          `json:"api_name"`
		Data    json.RawMessage `json:"data"`
	} `json:"data"`
}

// registerOpenData answers operateWXData, through which getUserInfo and friends reach the
// WeChat backend. The simulator has no WeChat account, so the answer is a mock: the
// configured user, with a signature computed over it as the real one is (sha1 of rawData
// and a session key) so that code checking the shape of the answer sees the real shape.
func registerOpenData(r *Registry, user UserInfo) {
	r.RegisterNonBlocking("operateWXData", func(ctx context.Context, call Call) (Result, error) {
		var args operateWXDataArgs
		if err := decodeArgs(call, &args); err != nil {
			return Fail(call.API, "invalid arguments: "+err.Error()), nil
		}
		switch args.Data.APIName {
		case "webapi_getuserinfo", "webapi_getuserprofile":
			raw, err := json.Marshal(user)
			if err != nil {
				return nil, err
			}
			sum := sha1.Sum(append(raw, "mpsim-session-key"...))
			return OK(call.API, map[string]any{"data": map[string]any{
				"userInfo":      user,
				"rawData":       string(raw),
				"signature":     hex.EncodeToString(sum[:]),
				"encryptedData": base64.StdEncoding.EncodeToString(raw),
				"iv":            base64.StdEncoding.EncodeToString(sum[:16]),
			}}), nil
		case "":
			return Fail(call.API, "missing data.api_name"), nil
		default:
			return Fail(call.API, "unknown api_name "+args.Data.APIName+" (mocked open data covers webapi_getuserinfo and webapi_getuserprofile)"), nil
		}
	})
}
