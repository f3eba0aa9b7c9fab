package api

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

type storageEnv struct {
	t    *testing.T
	path string
	r    *Registry
	s    *Storage
}

// open (re)opens the storage file as account, closing the one open before.
func (e *storageEnv) open(account string) {
	e.t.Helper()
	if e.s != nil {
		e.s.Close()
	}
	s, err := OpenStorage(e.path, account)
	if err != nil {
		e.t.Fatal(err)
	}
	e.s, e.r = s, Default(Options{Device: IPhone12, Storage: s})
}

func (e *storageEnv) call(api string, args any) Result {
	e.t.Helper()
	b, err := json.Marshal(args)
	if err != nil {
		e.t.Fatal(err)
	}
	return e.r.Invoke(context.Background(), Call{API: api, Args: b})
}

func newStorageEnv(t *testing.T) *storageEnv {
	e := &storageEnv{t: t, path: filepath.Join(t.TempDir(), "storage.db")}
	e.open("alice")
	t.Cleanup(func() { e.s.Close() })
	return e
}

func TestStorageSurvivesARestartAndKeepsAccountsApart(t *testing.T) {
	e := newStorageEnv(t)
	if res := e.call("setStorageSync", m{"key": "user", "data": m{"name": "ada", "n": 1}, "type": "object"}); res["errMsg"] != "setStorageSync:ok" {
		t.Fatalf("set: %v", res)
	}
	e.open("alice") // a restart
	res := e.call("getStorageSync", m{"key": "user"})
	if string(res["data"].(json.RawMessage)) != `{"n":1,"name":"ada"}` || res["type"] != "object" {
		t.Fatalf("after restart: %v", res)
	}
	e.open("bob")
	if res := e.call("getStorageSync", m{"key": "user"}); res["errMsg"] != "getStorageSync:fail data not found" {
		t.Fatalf("bob sees alice's data: %v", res)
	}
	if info := e.call("getStorageInfoSync", m{}); len(info["keys"].([]string)) != 0 || info["currentSize"] != 0 {
		t.Fatalf("bob's info: %v", info)
	}
	e.call("setStorageSync", m{"key": "user", "data": "bob's"})
	e.open("alice")
	if res := e.call("getStorage", m{"key": "user"}); string(res["data"].(json.RawMessage)) != `{"n":1,"name":"ada"}` {
		t.Fatalf("bob's write reached alice: %v", res)
	}
	e.call("clearStorage", m{})
	e.open("bob")
	if res := e.call("getStorage", m{"key": "user"}); string(res["data"].(json.RawMessage)) != `"bob's"` {
		t.Fatalf("alice's clear reached bob: %v", res)
	}
	for _, bad := range []string{"", "_mpsim", "a/b", strings.Repeat("x", 65)} {
		if _, err := OpenStorage(e.path, bad); err == nil {
			t.Errorf("account %q was accepted", bad)
		}
	}
}

// The limits as the phone counts them: key and data in characters (a string as itself,
// anything else as its JSON), 1 MB a key (0.7 MB encrypted), 10 MB an account; sizes in
// getStorageInfo in KB.
func TestStorageLimits(t *testing.T) {
	e := newStorageEnv(t)
	fill := func(key string, n int, ch string) m {
		return m{"key": key, "data": strings.Repeat(ch, n), "type": "string"}
	}
	// "中" is one character (UTF-16 unit), three bytes: the phone counts characters.
	if res := e.call("setStorage", fill("k", 1<<20-1, "中")); res["errMsg"] != "setStorage:ok" {
		t.Fatalf("exactly 1 MB with the key: %v", res["errMsg"])
	}
	if res := e.call("setStorage", fill("k", 1<<20, "中")); res["errMsg"] != "setStorage:fail entry size limit reached" {
		t.Fatalf("1 MB and one: %v", res["errMsg"])
	}
	if res := e.call("setStorageSync", m{"key": "obj", "data": m{"s": strings.Repeat("x", 1<<20)}}); res["errMsg"] != "setStorageSync:fail entry size limit reached" {
		t.Fatalf("an object over 1 MB as JSON: %v", res["errMsg"])
	}
	info := e.call("getStorageInfo", m{})
	if info["currentSize"] != 1024 || info["limitSize"] != 10240 || !equalJSON(info["keys"], []string{"k"}) {
		t.Fatalf("info: %v", info)
	}
	// Nine more keys of 1 MB fit 10 MB exactly; replacing one keeps the total; one more
	// character does not fit.
	for i := 1; i <= 9; i++ {
		if res := e.call("setStorage", fill("k"+string(rune('0'+i)), 1<<20-2, "y")); res["errMsg"] != "setStorage:ok" {
			t.Fatalf("key %d: %v", i, res["errMsg"])
		}
	}
	if res := e.call("setStorage", fill("k1", 1<<20-2, "z")); res["errMsg"] != "setStorage:ok" {
		t.Fatalf("replacing a key of a full storage: %v", res["errMsg"])
	}
	if res := e.call("setStorage", fill("x", 0, "")); res["errMsg"] != "setStorage:fail quota reached" {
		t.Fatalf("past 10 MB: %v", res["errMsg"])
	}
	if info := e.call("getStorageInfoSync", m{}); info["currentSize"] != 10240 {
		t.Fatalf("full: %v", info)
	}
	e.open("alice") // the size is counted again from the file
	if res := e.call("setStorage", fill("x", 0, "")); res["errMsg"] != "setStorage:fail quota reached" {
		t.Fatalf("past 10 MB after a restart: %v", res["errMsg"])
	}
	e.call("removeStorage", m{"key": "k"})
	if info := e.call("getStorageInfoSync", m{}); info["currentSize"] != 9216 || len(info["keys"].([]string)) != 9 {
		t.Fatalf("after a remove: %v", info)
	}
	// Encrypted: 0.7 MB a key.
	if res := e.call("setStorage", m{"key": "e", "data": strings.Repeat("s", 734003-1), "encrypt": true}); res["errMsg"] != "setStorage:ok" {
		t.Fatalf("0.7 MB encrypted: %v", res["errMsg"])
	}
	if res := e.call("setStorage", m{"key": "e", "data": strings.Repeat("s", 734003), "encrypt": true}); res["errMsg"] != "setStorage:fail entry size limit reached" {
		t.Fatalf("over 0.7 MB encrypted: %v", res["errMsg"])
	}
}

// setStorage with encrypt keeps the data sealed: getStorage with encrypt reads it back,
// a read without it sees only the sealed string.
func TestStorageEncrypt(t *testing.T) {
	e := newStorageEnv(t)
	if res := e.call("setStorage", m{"key": "token", "data": m{"secret": "s3"}, "type": "object", "encrypt": true}); res["errMsg"] != "setStorage:ok" {
		t.Fatal(res)
	}
	e.open("alice")
	res := e.call("getStorage", m{"key": "token", "encrypt": true})
	if string(res["data"].(json.RawMessage)) != `{"secret":"s3"}` || res["type"] != "object" {
		t.Fatalf("decrypted: %v", res)
	}
	for _, api := range []string{"getStorage", "getStorageSync"} {
		res := e.call(api, m{"key": "token"})
		var sealed string
		if json.Unmarshal(res["data"].(json.RawMessage), &sealed) != nil || strings.Contains(sealed, "s3") || len(sealed) < 20 {
			t.Fatalf("%s without encrypt: %v", api, res)
		}
	}
	// The Sync form does not encrypt, as on the phone.
	e.call("setStorageSync", m{"key": "plain", "data": "p", "encrypt": true})
	if res := e.call("getStorageSync", m{"key": "plain"}); string(res["data"].(json.RawMessage)) != `"p"` {
		t.Fatalf("setStorageSync with encrypt: %v", res)
	}
}

func TestStorageBatchesAndParameters(t *testing.T) {
	e := newStorageEnv(t)
	res := e.call("batchSetStorage", m{"kvList": []m{{"key": "a", "data": 1, "type": "number"}, {"key": "b", "data": "two", "type": "string"}}})
	if res["errMsg"] != "batchSetStorage:ok" {
		t.Fatal(res)
	}
	res = e.call("batchGetStorageSync", m{"keyList": []string{"b", "none", "a"}})
	if !equalJSON(res["dataList"], []any{m{"data": "two", "type": "string"}, nil, m{"data": 1, "type": "number"}}) {
		t.Fatalf("batch get: %v", res)
	}
	// All or nothing: one entry over the limit writes none.
	res = e.call("batchSetStorageSync", m{"kvList": []m{{"key": "c", "data": 3}, {"key": "d", "data": strings.Repeat("x", 1<<20)}}})
	if res["errMsg"] != "batchSetStorageSync:fail entry size limit reached" {
		t.Fatal(res)
	}
	if res := e.call("getStorage", m{"key": "c"}); res["errMsg"] != "getStorage:fail data not found" {
		t.Fatalf("a failed batch wrote part: %v", res)
	}
	for _, c := range []struct {
		api  string
		args any
		want string
	}{
		{"setStorage", m{"data": 1}, "setStorage:fail parameter error: parameter.key should be String instead of Undefined;"},
		{"setStorageSync", m{"key": 5, "data": 1}, "setStorageSync:fail parameter error: parameter.key should be String instead of Number;"},
		{"getStorage", m{}, "getStorage:fail parameter error: parameter.key should be String instead of Undefined;"},
		{"removeStorage", m{"key": nil}, "removeStorage:fail parameter error: parameter.key should be String instead of Null;"},
		{"batchSetStorage", m{}, "batchSetStorage:fail parameter error: parameter.kvList should be Array;"},
		{"batchGetStorage", m{"keyList": "a"}, "batchGetStorage:fail parameter error: parameter.keyList should be Array;"},
		{"getStorage", m{"key": "none"}, "getStorage:fail data not found"},
		{"removeStorage", m{"key": "none"}, "removeStorage:ok"},
	} {
		if res := e.call(c.api, c.args); res["errMsg"] != c.want {
			t.Errorf("%s %v: %v, want %q", c.api, c.args, res["errMsg"], c.want)
		}
	}
}
