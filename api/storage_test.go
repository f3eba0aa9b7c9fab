package api

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestStorageSurvivesARestartAndKeepsAccountsApart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "storage.db")
	ctx := context.Background()
	open := func(account string) (*Registry, *Storage) {
		s, err := OpenStorage(path, account)
		if err != nil {
			t.Fatal(err)
		}
		return Default(Options{Device: IPhone12, Storage: s}), s
	}
	call := func(r *Registry, api, args string) Result {
		return r.Invoke(ctx, Call{API: api, Args: json.RawMessage(args)})
	}

	r, s := open("alice")
	if res := call(r, "setStorageSync", `{"key":"user","data":{"name":"ada","n":1}}`); res["errMsg"] != "setStorageSync:ok" {
		t.Fatalf("set: %v", res)
	}
	if res := call(r, "getStorage", `{"key":"nope"}`); res["errMsg"] != "getStorage:fail data not found" {
		t.Fatalf("missing key: %v", res)
	}
	if res := call(r, "setStorage", `{"data":1}`); !strings.Contains(res["errMsg"].(string), "setStorage:fail parameter error") {
		t.Fatalf("no key: %v", res)
	}
	big := `{"key":"big","data":"` + strings.Repeat("x", 1<<20) + `"}`
	if res := call(r, "setStorage", big); res["errMsg"] != "setStorage:fail entry size limit reached" {
		t.Fatalf("1 MB limit: %v", res["errMsg"])
	}
	s.Close()

	// A restart: the data is still there for alice, and not for bob.
	r, s = open("alice")
	res := call(r, "getStorageSync", `{"key":"user"}`)
	if string(res["data"].(json.RawMessage)) != `{"name":"ada","n":1}` {
		t.Fatalf("after restart: %v", res)
	}
	info := call(r, "getStorageInfoSync", `{}`)
	if keys := info["keys"].([]string); len(keys) != 1 || keys[0] != "user" || info["limitSize"] != 10240 {
		t.Fatalf("info: %v", info)
	}
	s.Close()
	r, s = open("bob")
	if res := call(r, "getStorageSync", `{"key":"user"}`); res["errMsg"] != "getStorageSync:fail data not found" {
		t.Fatalf("bob sees alice's data: %v", res)
	}
	s.Close()

	r, s = open("alice")
	defer s.Close()
	call(r, "removeStorageSync", `{"key":"user"}`)
	if res := call(r, "getStorageSync", `{"key":"user"}`); res["errMsg"] != "getStorageSync:fail data not found" {
		t.Fatalf("after remove: %v", res)
	}
	// The 10 MB total: eleven keys of almost 1 MB do not fit.
	var last Result
	for i := 0; i < 11; i++ {
		last = call(r, "setStorage", `{"key":"k`+string(rune('a'+i))+`","data":"`+strings.Repeat("y", 1000*1000)+`"}`)
	}
	if last["errMsg"] != "setStorage:fail exceed storage max size 10MB" {
		t.Fatalf("10 MB limit: %v", last["errMsg"])
	}
	call(r, "clearStorageSync", `{}`)
	if info := call(r, "getStorageInfo", `{}`); len(info["keys"].([]string)) != 0 {
		t.Fatalf("after clear: %v", info)
	}
}
