package api

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
)

const cloudMockSrc = `{"cloud": {
  "functions": {"add": {"result": {"sum": 3}}, "broken": {"fail": "Error: boom"}},
  "containers": {"/hi": {"data": "hello", "statusCode": 201}},
  "database": {
    "todos": [
      {"_id": "t1", "title": "milk", "done": false, "n": 2, "tags": ["home", "food"], "meta": {"tag": "home", "w": 1}, "at": {"$date": 1000}},
      {"_id": "t2", "title": "bread", "done": true, "n": 1, "tags": ["food"], "meta": {"tag": "shop", "w": 2}, "at": {"$date": 3000}},
      {"_id": "t3", "title": "eggs", "done": false, "n": 3, "tags": [], "meta": {"tag": "shop", "w": 3}, "items": [{"k": "a"}, {"k": "b"}]}
    ],
    "empty": []
  }
}}`

// cloudCall invokes a cloud handler of a registry with mocks for session "s".
func cloudCall(t *testing.T, r *Registry, api string, args string) Result {
	t.Helper()
	return r.Invoke(context.Background(), Call{API: api, Args: json.RawMessage(args), Session: "s"})
}

func cloudRegistry(t *testing.T, src string) (*Registry, *Mocks) {
	t.Helper()
	m := NewMocks()
	if src != "" {
		if errs := m.Load([]byte(src)); errs != nil {
			t.Fatal(errs)
		}
	}
	return Default(Options{Mocks: m}), m
}

func titles(t *testing.T, res Result) string {
	t.Helper()
	data, ok := res["data"].([]any)
	if !ok {
		t.Fatalf("no data in %v", res)
	}
	var out []string
	for _, d := range data {
		out = append(out, d.(map[string]any)["title"].(string))
	}
	return strings.Join(out, ",")
}

// where, orderBy, skip, limit: the documents a get answers, in order.
func TestCloudQuery(t *testing.T) {
	r, _ := cloudRegistry(t, cloudMockSrc)
	cases := []struct{ name, query, want string }{
		{"all", `{}`, "milk,bread,eggs"},
		{"equal", `{"where": {"done": false}}`, "milk,eggs"},
		{"nested object", `{"where": {"meta": {"tag": "shop"}}}`, "bread,eggs"},
		{"dotted path", `{"where": {"meta.tag": "home"}}`, "milk"},
		{"array holds", `{"where": {"tags": "food"}}`, "milk,bread"},
		{"array of objects", `{"where": {"items.k": "b"}}`, "eggs"},
		{"array index", `{"where": {"tags.0": "home"}}`, "milk"},
		{"eq", `{"where": {"n": {"$op": "eq", "$v": 2}}}`, "milk"},
		{"neq", `{"where": {"n": {"$op": "neq", "$v": 2}}}`, "bread,eggs"},
		{"gt", `{"where": {"n": {"$op": "gt", "$v": 1}}}`, "milk,eggs"},
		{"gte", `{"where": {"n": {"$op": "gte", "$v": 2}}}`, "milk,eggs"},
		{"lt", `{"where": {"n": {"$op": "lt", "$v": 2}}}`, "bread"},
		{"lte", `{"where": {"n": {"$op": "lte", "$v": 2}}}`, "milk,bread"},
		{"in", `{"where": {"title": {"$op": "in", "$v": ["eggs", "milk"]}}}`, "milk,eggs"},
		{"nin", `{"where": {"title": {"$op": "nin", "$v": ["eggs", "milk"]}}}`, "bread"},
		{"field and", `{"where": {"n": {"$op": "and", "$v": [{"$op": "gt", "$v": 1}, {"$op": "lt", "$v": 3}]}}}`, "milk"},
		{"field or", `{"where": {"n": {"$op": "or", "$v": [{"$op": "lt", "$v": 2}, {"$op": "gt", "$v": 2}]}}}`, "bread,eggs"},
		{"top or", `{"where": {"$op": "or", "$v": [{"title": "milk"}, {"meta.w": 3}]}}`, "milk,eggs"},
		{"top and", `{"where": {"$op": "and", "$v": [{"done": false}, {"n": {"$op": "gt", "$v": 2}}]}}`, "eggs"},
		{"nor", `{"where": {"$op": "nor", "$v": [{"title": "milk"}, {"title": "eggs"}]}}`, "bread"},
		{"exists", `{"where": {"items": {"$op": "exists", "$v": true}}}`, "eggs"},
		{"missing field neq", `{"where": {"at": {"$op": "neq", "$v": {"$date": 1000}}}}`, "bread,eggs"},
		{"date gt", `{"where": {"at": {"$op": "gt", "$v": {"$date": 2000}}}}`, "bread"},
		{"regex", `{"where": {"title": {"$op": "regex", "$v": {"regexp": "^(M|E)", "options": "i"}}}}`, "milk,eggs"},
		{"size", `{"where": {"tags": {"$op": "size", "$v": 2}}}`, "milk"},
		{"all", `{"where": {"tags": {"$op": "all", "$v": ["food", "home"]}}}`, "milk"},
		{"elemMatch", `{"where": {"items": {"$op": "elemMatch", "$v": {"k": "a"}}}}`, "eggs"},
		{"orderBy desc", `{"orderBy": [{"field": "n", "order": "desc"}]}`, "eggs,milk,bread"},
		{"orderBy two", `{"orderBy": [{"field": "done", "order": "asc"}, {"field": "title", "order": "desc"}]}`, "milk,eggs,bread"},
		{"orderBy nested", `{"orderBy": [{"field": "meta.w", "order": "desc"}]}`, "eggs,bread,milk"},
		{"skip limit", `{"orderBy": [{"field": "n", "order": "asc"}], "skip": 1, "limit": 1}`, "milk"},
		{"limit 0 is none", `{"limit": 0}`, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var q map[string]any
			json.Unmarshal([]byte(c.query), &q)
			q["action"], q["collection"] = "collection.get", "todos"
			args, _ := json.Marshal(q)
			res := cloudCall(t, r, "cloud.database", string(args))
			if res["errMsg"] != "collection.get:ok" {
				t.Fatalf("errMsg %v", res)
			}
			if got := titles(t, res); got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}

// A client's get answers 20 documents at most; count counts them all.
func TestCloudClientLimit(t *testing.T) {
	var docs []string
	for i := range 30 {
		docs = append(docs, `{"_id": "d`+string(rune('a'+i))+`", "title": "x"}`)
	}
	r, _ := cloudRegistry(t, `{"cloud": {"database": {"many": [`+strings.Join(docs, ",")+`]}}}`)
	res := cloudCall(t, r, "cloud.database", `{"action": "collection.get", "collection": "many", "limit": 100}`)
	if n := len(res["data"].([]any)); n != 20 {
		t.Fatalf("%d documents, want 20", n)
	}
	res = cloudCall(t, r, "cloud.database", `{"action": "collection.count", "collection": "many"}`)
	if res["total"] != 30 || res["errMsg"] != "collection.count:ok" {
		t.Fatalf("count: %v", res)
	}
}

// Writes: add, doc update/set/remove, where update/remove, with the phone's answers, and
// the next read sees them.
func TestCloudWrites(t *testing.T) {
	r, _ := cloudRegistry(t, cloudMockSrc)
	db := func(args string) Result { return cloudCall(t, r, "cloud.database", args) }
	get := func(id string) map[string]any {
		res := db(`{"action": "document.get", "collection": "todos", "doc": "` + id + `"}`)
		if res["errMsg"] != "document.get:ok" {
			t.Fatalf("get %s: %v", id, res)
		}
		return res["data"].(map[string]any)
	}
	res := db(`{"action": "collection.add", "collection": "todos", "data": {"title": "tea", "n": 5, "at": {"$op": "serverDate", "$v": {"offset": 0}}}}`)
	id, _ := res["_id"].(string)
	if res["errMsg"] != "collection.add:ok" || len(id) != 32 {
		t.Fatalf("add: %v", res)
	}
	tea := get(id)
	if ms, ok := date(tea["at"]); !ok || time.Since(time.UnixMilli(int64(ms))) > time.Minute || tea["_openid"] != cloudOpenID {
		t.Fatalf("added: %v", tea)
	}
	res = db(`{"action": "document.update", "collection": "todos", "doc": "t1", "data": {"done": true, "n": {"$op": "inc", "$v": 10}, "meta": {"tag": "x"}, "tags": {"$op": "push", "$v": ["new"]}, "title": {"$op": "remove", "$v": null}}}`)
	if res["errMsg"] != "document.update:ok" || res["stats"].(map[string]any)["updated"] != 1 {
		t.Fatalf("update: %v", res)
	}
	milk := get("t1")
	meta := milk["meta"].(map[string]any)
	if milk["done"] != true || milk["n"] != 12.0 || meta["tag"] != "x" || meta["w"] != 1.0 || len(milk["tags"].([]any)) != 3 || milk["title"] != nil {
		t.Fatalf("updated: %v", milk)
	}
	res = db(`{"action": "document.set", "collection": "todos", "doc": "t2", "data": {"title": "rye"}}`)
	if st := res["stats"].(map[string]any); st["updated"] != 1 || st["created"] != 0 || res["errMsg"] != "document.set:ok" {
		t.Fatalf("set: %v", res)
	}
	if bread := get("t2"); bread["title"] != "rye" || bread["n"] != nil {
		t.Fatalf("set replaces the document: %v", bread)
	}
	res = db(`{"action": "document.set", "collection": "todos", "doc": "t9", "data": {"title": "new"}}`)
	if st := res["stats"].(map[string]any); st["created"] != 1 {
		t.Fatalf("set of a new id: %v", res)
	}
	res = db(`{"action": "collection.update", "collection": "todos", "where": {"done": false}, "data": {"n": {"$op": "mul", "$v": 2}}}`)
	if res["errMsg"] != "collection.update:ok" || res["stats"].(map[string]any)["updated"] != 1 {
		t.Fatalf("where update: %v", res)
	}
	if get("t3")["n"] != 6.0 {
		t.Fatal("where update did not multiply")
	}
	res = db(`{"action": "collection.remove", "collection": "todos", "where": {"title": "eggs"}}`)
	if res["errMsg"] != "collection.remove:ok" || res["stats"].(map[string]any)["removed"] != 1 {
		t.Fatalf("where remove: %v", res)
	}
	res = db(`{"action": "document.remove", "collection": "todos", "doc": "t1"}`)
	if res["errMsg"] != "document.remove:ok" || res["stats"].(map[string]any)["removed"] != 1 {
		t.Fatalf("doc remove: %v", res)
	}
	res = db(`{"action": "document.get", "collection": "todos", "doc": "t1"}`)
	if res["errMsg"] != "document.get:fail document with _id t1 does not exist" || res["errCode"] != -1 {
		t.Fatalf("get of a removed doc: %v", res)
	}
	res = db(`{"action": "collection.get", "collection": "todos", "orderBy": [{"field": "title", "order": "asc"}], "field": {"title": true}}`)
	if got := titles(t, res); got != "new,rye,tea" {
		t.Fatalf("after the writes: %q", got)
	}
	if doc := res["data"].([]any)[0].(map[string]any); len(doc) != 2 || doc["_id"] != "t9" {
		t.Fatalf("field {title: true} keeps _id and title: %v", doc)
	}
	res = db(`{"action": "collection.add", "collection": "todos", "data": {"_id": "t9"}}`)
	if !strings.HasPrefix(res["errMsg"].(string), "collection.add:fail") {
		t.Fatalf("add of an existing _id: %v", res)
	}
	res = db(`{"action": "collection.count", "collection": "todos", "where": {"_openid": "{openid}"}}`)
	if res["total"] != 2 {
		t.Fatalf("the documents of {openid}, added and set: %v", res)
	}
	res = db(`{"action": "collection.update", "collection": "todos", "data": {"n": 1}}`)
	if !strings.HasPrefix(res["errMsg"].(string), "collection.update:fail") {
		t.Fatalf("update without where: %v", res)
	}
}

// The in-memory copy is per session and per launch, and starts again at a save of the
// mock file.
func TestCloudCopyStartsAgain(t *testing.T) {
	r, m := cloudRegistry(t, cloudMockSrc)
	count := func(session, launch string) any {
		args := `{"action": "collection.count", "collection": "todos", "launch": "` + launch + `"}`
		return r.Invoke(context.Background(), Call{API: "cloud.database", Args: json.RawMessage(args), Session: session})["total"]
	}
	r.Invoke(context.Background(), Call{API: "cloud.database", Session: "a",
		Args: json.RawMessage(`{"action": "collection.add", "collection": "todos", "launch": "L1", "data": {"title": "x"}}`)})
	if got := count("a", "L1"); got != 4 {
		t.Fatalf("after add: %v", got)
	}
	if got := count("b", "L1"); got != 3 {
		t.Fatalf("another session: %v", got)
	}
	r.Invoke(context.Background(), Call{API: "cloud.database", Session: "a",
		Args: json.RawMessage(`{"action": "collection.add", "collection": "todos", "launch": "L1", "data": {"title": "x"}}`)})
	if got := count("a", "L2"); got != 3 {
		t.Fatalf("a new launch: %v", got)
	}
	r.Invoke(context.Background(), Call{API: "cloud.database", Session: "a",
		Args: json.RawMessage(`{"action": "collection.add", "collection": "todos", "launch": "L2", "data": {"title": "x"}}`)})
	m.Load([]byte(cloudMockSrc))
	if got := count("a", "L2"); got != 3 {
		t.Fatalf("after a save of the mock file: %v", got)
	}
}

// Functions, containers and the failures: no environment, no such function, a function
// that fails, no such collection.
func TestCloudAnswers(t *testing.T) {
	r, _ := cloudRegistry(t, cloudMockSrc)
	res := cloudCall(t, r, "cloud.callFunction", `{"name": "add", "data": {"x": 1}}`)
	if res["errMsg"] != "cloud.callFunction:ok" || res["result"].(map[string]any)["sum"] != 3.0 || len(res["requestID"].(string)) != 36 {
		t.Fatalf("add: %v", res)
	}
	res = cloudCall(t, r, "cloud.callFunction", `{"name": "nope"}`)
	if res["errMsg"] != "cloud.callFunction:fail Error: errCode: -501000  | errMsg: FunctionName parameter could not be found." || res["errCode"] != -501000 {
		t.Fatalf("nope: %v", res)
	}
	res = cloudCall(t, r, "cloud.callFunction", `{"name": "broken"}`)
	if res["errMsg"] != "cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: Error: boom" || res["errCode"] != -504002 {
		t.Fatalf("broken: %v", res)
	}
	res = cloudCall(t, r, "cloud.callContainer", `{"path": "/hi?x=1"}`)
	if res["errMsg"] != "cloud.callContainer:ok" || res["data"] != "hello" || res["statusCode"] != 201.0 {
		t.Fatalf("container: %v", res)
	}
	res = cloudCall(t, r, "cloud.database", `{"action": "collection.get", "collection": "nope"}`)
	if res["errCode"] != -502005 || !strings.HasPrefix(res["__message"].(string), "errCode: -502005 database collection not exists | errMsg: [ResourceNotFound]") {
		t.Fatalf("no collection: %v", res)
	}
	res = cloudCall(t, r, "cloud.getTempFileURL", `{"fileList": ["cloud://x.y/a.png"]}`)
	if list := res["fileList"].([]any); res["errMsg"] != "cloud.getTempFileURL:ok" || list[0].(map[string]any)["status"] != -1 {
		t.Fatalf("temp URL of a file never uploaded: %v", res)
	}

	tourist, _ := cloudRegistry(t, "")
	noCloud, _ := cloudRegistry(t, `{"apis": {}}`)
	for _, reg := range []*Registry{tourist, noCloud} {
		res = cloudCall(t, reg, "cloud.callFunction", `{"name": "add"}`)
		if res["errMsg"] != "cloud.callFunction:fail Error: errCode: -601034  | errMsg: 没有权限，请先开通云开发或者云托管" || res["errCode"] != -601034 {
			t.Fatalf("no environment: %v", res)
		}
		res = cloudCall(t, reg, "cloud.uploadFile", `{"cloudPath": "a.png", "filePath": "wxfile://tmp/a.png"}`)
		if res["errCode"] != -601034 || !strings.HasPrefix(res["errMsg"].(string), "cloud.uploadFile:fail") {
			t.Fatalf("no environment: %v", res)
		}
		res = cloudCall(t, reg, "cloud.database", `{"action": "collection.get", "collection": "todos"}`)
		if res["errCode"] != -601034 || res["__message"] != "errCode: -601034  | errMsg: 没有权限，请先开通云开发或者云托管" {
			t.Fatalf("no environment: %v", res)
		}
	}
}

// Upload, download, temporary URL, delete: the storage of the session's cloud.
func TestCloudStorage(t *testing.T) {
	files, err := OpenFiles(t.TempDir(), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer files.Close()
	m := NewMocks()
	m.Load([]byte(`{"cloud": {}}`))
	r := Default(Options{Mocks: m, Files: files})
	local, err := files.TempFile(".txt", []byte("hello"))
	if err != nil {
		t.Fatal(err)
	}
	res := cloudCall(t, r, "cloud.uploadFile", `{"cloudPath": "docs/a.txt", "filePath": "`+local+`", "env": "e1"}`)
	id, _ := res["fileID"].(string)
	if res["errMsg"] != "cloud.uploadFile:ok" || id != "cloud://e1.6d70-e1/docs/a.txt" {
		t.Fatalf("upload: %v", res)
	}
	res = cloudCall(t, r, "cloud.downloadFile", `{"fileID": "`+id+`"}`)
	if res["errMsg"] != "cloud.downloadFile:ok" {
		t.Fatalf("download: %v", res)
	}
	f, _, err := files.Open(res["tempFilePath"].(string))
	if err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 10)
	n, _ := f.Read(b)
	f.Close()
	if string(b[:n]) != "hello" {
		t.Fatalf("downloaded %q", b[:n])
	}
	res = cloudCall(t, r, "cloud.getTempFileURL", `{"fileList": [{"fileID": "`+id+`", "maxAge": 60}]}`)
	if u := res["fileList"].([]any)[0].(map[string]any); u["status"] != 0 || !strings.HasSuffix(u["tempFileURL"].(string), "/docs/a.txt") {
		t.Fatalf("temp URL: %v", res)
	}
	res = cloudCall(t, r, "cloud.deleteFile", `{"fileList": ["`+id+`"]}`)
	if d := res["fileList"].([]any)[0].(map[string]any); d["status"] != 0 {
		t.Fatalf("delete: %v", res)
	}
	res = cloudCall(t, r, "cloud.downloadFile", `{"fileID": "`+id+`"}`)
	if res["errCode"] != cloudStorageMissingCode {
		t.Fatalf("download after delete: %v", res)
	}
}

// A wrong shape under "cloud" is a diagnostic at its place.
func TestCloudMockFileErrors(t *testing.T) {
	checkMockFileDiagnostics(t, []mockFileCase{
		{"not an object", `{"cloud": []}`, 1, 11, "cloud: must be an object"},
		{"unknown key", "{\"cloud\": {\n  \"function\": {}\n}}", 2, 15, `cloud: unknown key "function"`},
		{"functions not an object", `{"cloud": {"functions": [1]}}`, 1, 25, "cloud.functions: must be an object"},
		{"function not an object", "{\"cloud\": {\"functions\": {\n  \"add\": 3\n}}}", 2, 10, "cloud.functions.add: must be an object"},
		{"function without result", `{"cloud": {"functions": {"add": {"value": 3}}}}`, 1, 33, `cloud.functions.add: unknown field "value"`},
		{"fail not a string", `{"cloud": {"functions": {"add": {"fail": true}}}}`, 1, 33, `cloud.functions.add: "fail" must be`},
		{"fail with result", `{"cloud": {"functions": {"add": {"fail": "x", "result": 1}}}}`, 1, 33, `"fail" must be the reason the call fails, a string, alone`},
		{"container field", `{"cloud": {"containers": {"/a": {"body": 1}}}}`, 1, 33, `cloud.containers./a: unknown field "body"`},
		{"database not an object", `{"cloud": {"database": "todos"}}`, 1, 24, "cloud.database: must be an object"},
		{"collection not an array", `{"cloud": {"database": {"todos": {"_id": "a"}}}}`, 1, 34, "cloud.database.todos: must be an array"},
		{"document not an object", "{\"cloud\": {\"database\": {\"todos\": [\n  {\"_id\": \"a\"},\n  \"b\"\n]}}}", 3, 3, "cloud.database.todos[1]: a document is an object"},
		{"no _id", `{"cloud": {"database": {"todos": [{"title": "a"}]}}}`, 1, 35, "cloud.database.todos[0]: a document needs an _id"},
		{"number _id", `{"cloud": {"database": {"todos": [{"_id": 1}]}}}`, 1, 35, "needs an _id, a string"},
		{"duplicate _id", `{"cloud": {"database": {"todos": [{"_id": "a"}, {"_id": "a"}]}}}`, 1, 49, `_id "a" is already`},
	})
	if _, errs := parseMockFile([]byte(cloudMockSrc)); errs != nil {
		t.Fatalf("a good cloud key: %v", errs)
	}
}

// The example of docs/mocks.md's cloud section is a good mock file.
func TestCloudDocsExample(t *testing.T) {
	src, err := os.ReadFile("../docs/mocks.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(src), "### `cloud`")
	_, block, _ := strings.Cut(section, "```json\n")
	example, _, found := strings.Cut(block, "```")
	if !found {
		t.Fatal("no json example under ### `cloud` in docs/mocks.md")
	}
	f, errs := parseMockFile([]byte(example))
	if errs != nil {
		t.Fatal(errs)
	}
	if f.cloud == nil || len(f.cloud.functions) == 0 || len(f.cloud.database) == 0 {
		t.Fatalf("the example has no functions or collections: %+v", f.cloud)
	}
}
