package api

import (
	"encoding/base64"
	"math"
)

// place is where the simulated phone is: the mock file's getLocation entry over the
// default, WeChat's head office in Guangzhou.
func place(f *mockFile) map[string]any {
	p := map[string]any{"latitude": 23.099994, "longitude": 113.32452, "name": "腾讯微信总部", "address": "广东省广州市海珠区新港中路397号"}
	if entry, ok := f.answer("getLocation"); ok {
		for _, k := range []string{"latitude", "longitude", "name", "address"} {
			if v, ok := entry.fields[k]; ok {
				p[k] = v
			}
		}
	}
	return p
}

// fix is a position reading of the phone at p, as getLocation answers it.
func fix(p map[string]any) map[string]any {
	return map[string]any{"latitude": p["latitude"], "longitude": p["longitude"],
		"speed": 0, "accuracy": 65, "altitude": 0, "verticalAccuracy": 65, "horizontalAccuracy": 65}
}

// registerLocation adds the location APIs and scanCode. Each asks for its scope as a
// phone does the first time, and fails when app.json's requiredPrivateInfos leaves it out.
func registerLocation(r *Registry, m *Mocks) {
	behind := func(scope string) func(call Call, app appDeclarations) Result {
		return func(call Call, app appDeclarations) Result {
			return firstOf(func() Result { return undeclared(call.API, app) },
				func() Result { return m.consent(call, scope, app.permission[scope], true) })
		}
	}
	userLocation := behind("scope.userLocation")
	m.mocked(r, "getLocation", func(call Call, f *mockFile, app appDeclarations) Result {
		if res := userLocation(call, app); res != nil {
			return res
		}
		return OK(call.API, fix(place(f)))
	})
	// A fuzzy location is the place to about a kilometre.
	m.mocked(r, "getFuzzyLocation", func(call Call, f *mockFile, app appDeclarations) Result {
		if res := behind("scope.userFuzzyLocation")(call, app); res != nil {
			return res
		}
		p := place(f)
		round := func(v any) any {
			if x, ok := v.(float64); ok {
				return math.Round(x*100) / 100
			}
			return v
		}
		return OK(call.API, map[string]any{"latitude": round(p["latitude"]), "longitude": round(p["longitude"])})
	})
	// Choosing a place picks the phone's own, unless the mock file names another.
	m.mocked(r, "chooseLocation", func(call Call, f *mockFile, app appDeclarations) Result {
		if res := undeclared(call.API, app); res != nil {
			return res
		}
		return OK(call.API, place(f))
	})
	m.mocked(r, "choosePoi", func(call Call, f *mockFile, app appDeclarations) Result {
		if res := undeclared(call.API, app); res != nil {
			return res
		}
		res := OK(call.API, place(f))
		res["type"], res["city"] = 2, "广州市"
		return res
	})
	m.mocked(r, "openLocation", func(call Call, _ *mockFile, _ appDeclarations) Result {
		_, bad := params(call, "Number", "latitude", "longitude")
		if bad != nil {
			return bad
		}
		return OK(call.API, nil)
	})
	m.mocked(r, "startLocationUpdate", func(call Call, _ *mockFile, app appDeclarations) Result {
		if res := userLocation(call, app); res != nil {
			return res
		}
		return OK(call.API, nil)
	})
	m.mocked(r, "startLocationUpdateBackground", func(call Call, _ *mockFile, app appDeclarations) Result {
		if res := behind("scope.userLocationBackground")(call, app); res != nil {
			return res
		}
		return OK(call.API, nil)
	})
	m.mocked(r, "stopLocationUpdate", func(call Call, _ *mockFile, _ appDeclarations) Result { return OK(call.API, nil) })
	// locationChange is what onLocationChange hears while updates run: getLocation's
	// answer, without asking again.
	m.mockedAs(r, "locationChange", "getLocation", func(call Call, f *mockFile, _ appDeclarations) Result {
		return OK(call.API, fix(place(f)))
	})
	// The official tools scan a picture the person picks; the simulator scans what the mock
	// file says (rawData follows its result).
	m.mocked(r, "scanCode", func(call Call, f *mockFile, _ appDeclarations) Result {
		result := "mpsim scan result"
		if entry, ok := f.answer("scanCode"); ok {
			if s, ok := entry.fields["result"].(string); ok {
				result = s
			}
		}
		return OK(call.API, map[string]any{"result": result, "scanType": "QR_CODE", "charSet": "UTF-8", "path": "",
			"rawData": base64.StdEncoding.EncodeToString([]byte(result))})
	})
}
