package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Cloud development (wx.cloud): the service layer (runtime/service/cloud.ts) sends each
// call here, a database call with the query it built. Without a "cloud" key in the mock
// file the project has no cloud environment, and every call fails as the official tools
// fail a project that has not opened one (a tourist's included); with it, functions answer
// the file's results and the database runs on an in-memory copy of the file's
// collections, one per simulator session and app launch (docs/mocks.md).
//
// The base library's cloud errors are Errors with errCode and errMsg, and their errMsg
// does not always follow "<api>:fail <reason>": a result here carries errCode on a
// failure, and __message when the Error's message reads otherwise than errMsg.

// Error codes and wordings of the cloud SDK and backend (docs/compat.md says where from).
const (
	cloudNoEnvCode          = -601034
	cloudNoEnvMsg           = "没有权限，请先开通云开发或者云托管"
	cloudNoFunctionCode     = -501000
	cloudNoFunctionMsg      = "FunctionName parameter could not be found."
	cloudFunctionFailCode   = -504002
	cloudFunctionFailDesc   = "functions execute fail"
	cloudNoCollectionCode   = -502005
	cloudNoCollectionDesc   = "database collection not exists"
	cloudNoCollectionMsg    = "[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us."
	cloudParamCode          = -401002
	cloudParamDesc          = "api parameter error"
	cloudClientLimit        = 20 // what a get answers at most from a mini-program
	cloudOpenID             = "mpsim-openid"
	cloudStorageMissingCode = -503003
)

// cloudMock is the mock file's "cloud" key, checked.
type cloudMock struct {
	functions  map[string]cloudAnswer
	containers map[string]cloudAnswer
	database   map[string][]map[string]any
}

// cloudAnswer is an entry of "functions" or "containers": a failure, or the fields of the
// answer (result; data, statusCode, header).
type cloudAnswer struct {
	fail   string
	fields map[string]any
}

var cloudKeys = []string{"functions", "containers", "database"}

// parseCloud checks the mock file's "cloud" key; problems go to at, at their place.
func parseCloud(raw json.RawMessage, at func(message, hint string, path ...any)) *cloudMock {
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(raw, &keys); err != nil || keys == nil {
		at("cloud: must be an object with functions, containers, database", `e.g. "cloud": {"functions": {"login": {"result": {"openid": "o1"}}}}`, "cloud")
		return nil
	}
	c := &cloudMock{functions: map[string]cloudAnswer{}, containers: map[string]cloudAnswer{}, database: map[string][]map[string]any{}}
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		if !slices.Contains(cloudKeys, k) {
			at(fmt.Sprintf("cloud: unknown key %q", k), "the keys of cloud are "+strings.Join(cloudKeys, ", ")+" (docs/mocks.md)", "cloud", k)
		}
	}
	answers := func(key, want, example string, into map[string]cloudAnswer, fieldOK func(string) bool) {
		raw, ok := keys[key]
		if !ok {
			return
		}
		var entries map[string]json.RawMessage
		if err := json.Unmarshal(raw, &entries); err != nil || entries == nil {
			at(fmt.Sprintf("cloud.%s: must be an object, an entry per %s", key, want), example, "cloud", key)
			return
		}
		for _, name := range slices.Sorted(maps.Keys(entries)) {
			var fields map[string]any
			if err := json.Unmarshal(entries[name], &fields); err != nil || fields == nil {
				at(fmt.Sprintf("cloud.%s.%s: must be an object", key, name), example, "cloud", key, name)
				continue
			}
			a := cloudAnswer{fields: fields}
			if f, ok := fields["fail"]; ok {
				s, isString := f.(string)
				if !isString || s == "" || len(fields) > 1 {
					at(fmt.Sprintf(`cloud.%s.%s: "fail" must be the reason the call fails, a string, alone`, key, name), `e.g. {"fail": "database timeout"}`, "cloud", key, name)
					continue
				}
				a = cloudAnswer{fail: s}
			} else {
				bad := ""
				for _, k := range slices.Sorted(maps.Keys(fields)) {
					if !fieldOK(k) {
						bad = k
						break
					}
				}
				if bad != "" || len(fields) == 0 {
					at(fmt.Sprintf("cloud.%s.%s: %s", key, name, describeFields(bad, want)), example, "cloud", key, name)
					continue
				}
			}
			into[name] = a
		}
	}
	answers("functions", "cloud function: {\"result\": ...} or {\"fail\": \"reason\"}",
		`e.g. "functions": {"add": {"result": 3}, "broken": {"fail": "Error: boom"}}`, c.functions,
		func(k string) bool { return k == "result" })
	answers("containers", "path of the service: {\"data\", \"statusCode\", \"header\"} or {\"fail\": \"reason\"}",
		`e.g. "containers": {"/api/items": {"data": {"items": []}, "statusCode": 200}}`, c.containers,
		func(k string) bool { return k == "data" || k == "statusCode" || k == "header" })
	if raw, ok := keys["database"]; ok {
		var colls map[string]json.RawMessage
		if err := json.Unmarshal(raw, &colls); err != nil || colls == nil {
			at("cloud.database: must be an object, an array of documents per collection", `e.g. "database": {"todos": [{"_id": "t1", "title": "milk"}]}`, "cloud", "database")
			return c
		}
		for _, name := range slices.Sorted(maps.Keys(colls)) {
			var docs []json.RawMessage
			if err := json.Unmarshal(colls[name], &docs); err != nil {
				at(fmt.Sprintf("cloud.database.%s: must be an array of documents", name), `e.g. [{"_id": "t1", "title": "milk"}]`, "cloud", "database", name)
				continue
			}
			seen := map[string]bool{}
			out := make([]map[string]any, 0, len(docs))
			for i, d := range docs {
				var doc map[string]any
				if err := json.Unmarshal(d, &doc); err != nil || doc == nil {
					at(fmt.Sprintf("cloud.database.%s[%d]: a document is an object", name, i), `e.g. {"_id": "t1", "title": "milk"}`, "cloud", "database", name, i)
					continue
				}
				id, isString := doc["_id"].(string)
				switch {
				case !isString || id == "":
					at(fmt.Sprintf("cloud.database.%s[%d]: a document needs an _id, a string", name, i), `e.g. "_id": "t1"`, "cloud", "database", name, i)
					continue
				case seen[id]:
					at(fmt.Sprintf("cloud.database.%s[%d]: _id %q is already the _id of another document", name, i, id), "give each document its own _id", "cloud", "database", name, i)
					continue
				}
				seen[id] = true
				out = append(out, doc)
			}
			c.database[name] = out
		}
	}
	return c
}

func describeFields(bad, want string) string {
	if bad == "" {
		return "empty; an entry per " + want
	}
	return fmt.Sprintf("unknown field %q; an entry per %s", bad, want)
}

// cloudSession is one session's cloud: the database and storage its app changes, copied
// from the mock file of generation gen at the app's launch.
type cloudSession struct {
	gen    int
	launch string
	db     map[string][]map[string]any
	files  map[string][]byte // fileID -> content
}

// cloudStore keeps the sessions' clouds.
type cloudStore struct {
	mu       sync.Mutex
	sessions map[string]*cloudSession
}

// session is call's cloud, started again from c when the mock file changed or the app
// launched again since; the caller holds s.mu.
func (s *cloudStore) session(call Call, launch string, c *cloudMock, gen int) *cloudSession {
	cs := s.sessions[call.Session]
	if cs == nil || cs.gen != gen || cs.launch != launch {
		cs = &cloudSession{gen: gen, launch: launch, db: map[string][]map[string]any{}, files: map[string][]byte{}}
		for name, docs := range c.database {
			copied := make([]map[string]any, len(docs))
			for i, d := range docs {
				copied[i] = deepCopy(d).(map[string]any)
			}
			cs.db[name] = copied
		}
		s.sessions[call.Session] = cs
	}
	return cs
}

// cloudArgs are the fields every cloud call carries besides its own.
type cloudArgs struct {
	Env    string `json:"env"`
	Launch string `json:"launch"`
}

// noEnvironment is the failure of every cloud call for a project without a cloud
// environment: the official tools' for a tourist, or an AppID that has not opened one.
func noEnvironment(api string, database bool) Result {
	if database {
		return sdkError(cloudNoEnvCode, "", cloudNoEnvMsg)
	}
	return cloudFail(api, cloudNoEnvCode, "", cloudNoEnvMsg)
}

// cloudFail is a failure of a cloud API the way the base library wraps the backend's
// error: "cloud.callFunction:fail Error: errCode: -501000  | errMsg: ...".
func cloudFail(api string, code int, desc, msg string) Result {
	return Result{"errMsg": fmt.Sprintf("%s:fail Error: errCode: %d %s | errMsg: %s", api, code, desc, msg), "errCode": code}
}

// sdkError is an error of the database SDK: errMsg is the backend's, and the Error's
// message "errCode: <code> <description> | errMsg: <errMsg>".
func sdkError(code int, desc, msg string) Result {
	return Result{"errMsg": msg, "errCode": code, "__message": fmt.Sprintf("errCode: %d %s | errMsg: %s", code, desc, msg)}
}

// registerCloud adds the handlers of wx.cloud, answered from m's "cloud" and files (nil:
// no uploads).
func registerCloud(r *Registry, m *Mocks, files *Files) {
	store := &cloudStore{sessions: map[string]*cloudSession{}}
	// with runs h with the session's cloud, or answers the failure of a project without one.
	with := func(database bool, h func(call Call, c *cloudMock, cs *cloudSession, args cloudArgs) Result) Handler {
		return func(_ context.Context, call Call) (Result, error) {
			var args cloudArgs
			decodeArgs(call, &args)
			c, gen := m.cloud()
			if c == nil {
				return noEnvironment(call.API, database), nil
			}
			store.mu.Lock()
			defer store.mu.Unlock()
			return h(call, c, store.session(call, args.Launch, c, gen), args), nil
		}
	}
	r.RegisterNonBlocking("cloud.callFunction", with(false, func(call Call, c *cloudMock, _ *cloudSession, _ cloudArgs) Result {
		var a struct {
			Name string `json:"name"`
		}
		decodeArgs(call, &a)
		entry, ok := c.functions[a.Name]
		switch {
		case !ok:
			return cloudFail(call.API, cloudNoFunctionCode, "", cloudNoFunctionMsg)
		case entry.fail != "":
			return cloudFail(call.API, cloudFunctionFailCode, cloudFunctionFailDesc, entry.fail)
		}
		return OK(call.API, map[string]any{"result": deepCopy(entry.fields["result"]), "requestID": requestID()})
	}))
	r.RegisterNonBlocking("cloud.callContainer", with(false, func(call Call, c *cloudMock, _ *cloudSession, _ cloudArgs) Result {
		var a struct {
			Path string `json:"path"`
		}
		decodeArgs(call, &a)
		p, _, _ := strings.Cut(a.Path, "?")
		entry, ok := c.containers[p]
		switch {
		case !ok:
			return cloudFail(call.API, cloudNoFunctionCode, "", "no service answers "+p+" in "+MockFileName)
		case entry.fail != "":
			return cloudFail(call.API, -1, "", entry.fail)
		}
		res := OK(call.API, map[string]any{"statusCode": 200, "header": map[string]any{}, "callID": requestID()})
		for k, v := range entry.fields {
			res[k] = deepCopy(v)
		}
		return res
	}))
	r.RegisterNonBlocking("cloud.database", with(true, func(call Call, c *cloudMock, cs *cloudSession, _ cloudArgs) Result {
		var q dbRequest
		if err := decodeArgs(call, &q); err != nil {
			return sdkError(cloudParamCode, cloudParamDesc, err.Error())
		}
		return cs.run(q, time.Now())
	}))
	r.Register("cloud.uploadFile", with(false, func(call Call, _ *cloudMock, cs *cloudSession, args cloudArgs) Result {
		var a struct {
			CloudPath string `json:"cloudPath"`
			FilePath  string `json:"filePath"`
		}
		decodeArgs(call, &a)
		if a.CloudPath == "" || a.FilePath == "" {
			return cloudFail(call.API, cloudParamCode, cloudParamDesc, "cloudPath and filePath must be strings")
		}
		if files == nil {
			return Fail(call.API, "no file system in this simulator")
		}
		f, _, err := files.Open(a.FilePath)
		if err != nil {
			return cloudFail(call.API, -1, "", "file not found: "+a.FilePath)
		}
		defer f.Close()
		data, err := io.ReadAll(f)
		if err != nil {
			return cloudFail(call.API, -1, "", err.Error())
		}
		id := fileID(args.Env, a.CloudPath)
		cs.files[id] = data
		return OK(call.API, map[string]any{"fileID": id, "statusCode": 200})
	}))
	r.Register("cloud.downloadFile", with(false, func(call Call, _ *cloudMock, cs *cloudSession, _ cloudArgs) Result {
		var a struct {
			FileID string `json:"fileID"`
		}
		decodeArgs(call, &a)
		data, ok := cs.files[a.FileID]
		if !ok {
			return cloudFail(call.API, cloudStorageMissingCode, "", "STORAGE_FILE_NONEXIST: "+a.FileID)
		}
		if files == nil {
			return Fail(call.API, "no file system in this simulator")
		}
		temp, err := files.TempFile(path.Ext(a.FileID), data)
		if err != nil {
			return cloudFail(call.API, -1, "", err.Error())
		}
		return OK(call.API, map[string]any{"tempFilePath": temp, "statusCode": 200})
	}))
	r.RegisterNonBlocking("cloud.getTempFileURL", with(false, func(call Call, _ *cloudMock, cs *cloudSession, _ cloudArgs) Result {
		list := fileList(call)
		out := make([]any, 0, len(list))
		for _, id := range list {
			if _, ok := cs.files[id]; !ok {
				out = append(out, map[string]any{"fileID": id, "tempFileURL": "", "status": -1, "errMsg": "STORAGE_FILE_NONEXIST"})
				continue
			}
			out = append(out, map[string]any{"fileID": id, "tempFileURL": tempFileURL(id), "maxAge": 86400, "status": 0, "errMsg": "ok"})
		}
		return OK(call.API, map[string]any{"fileList": out})
	}))
	r.RegisterNonBlocking("cloud.deleteFile", with(false, func(call Call, _ *cloudMock, cs *cloudSession, _ cloudArgs) Result {
		list := fileList(call)
		out := make([]any, 0, len(list))
		for _, id := range list {
			if _, ok := cs.files[id]; !ok {
				out = append(out, map[string]any{"fileID": id, "status": -1, "errMsg": "STORAGE_FILE_NONEXIST"})
				continue
			}
			delete(cs.files, id)
			out = append(out, map[string]any{"fileID": id, "status": 0, "errMsg": "ok"})
		}
		return OK(call.API, map[string]any{"fileList": out})
	}))
}

// fileList reads getTempFileURL's and deleteFile's fileList: fileIDs, or {fileID, maxAge}.
func fileList(call Call) []string {
	var a struct {
		FileList []json.RawMessage `json:"fileList"`
	}
	decodeArgs(call, &a)
	var out []string
	for _, raw := range a.FileList {
		var id string
		if json.Unmarshal(raw, &id) != nil {
			var o struct {
				FileID string `json:"fileID"`
			}
			json.Unmarshal(raw, &o)
			id = o.FileID
		}
		out = append(out, id)
	}
	return out
}

// fileID names a file of cloud storage as the phone's do: cloud://<env>.<bucket>/<path>.
func fileID(env, cloudPath string) string {
	if env == "" {
		env = "mpsim-env"
	}
	return "cloud://" + env + ".6d70-" + env + "/" + strings.TrimPrefix(cloudPath, "/")
}

// tempFileURL is the https address of a stored file, in the shape of the phone's.
func tempFileURL(id string) string {
	rest := strings.TrimPrefix(id, "cloud://")
	bucket, p, _ := strings.Cut(rest, "/")
	_, bucket, _ = strings.Cut(bucket, ".")
	return "https://" + bucket + ".tcb.qcloud.la/" + p
}

func requestID() string {
	b := make([]byte, 16)
	rand.Read(b)
	h := hex.EncodeToString(b)
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// dbRequest is one database call as the service layer describes it. Values in where and
// data are JSON, with {"$op": name, "$v": operand} for a db.command (and db.serverDate(),
// db.RegExp) and {"$date": ms} for a Date.
type dbRequest struct {
	Action     string         `json:"action"` // "collection.get", "document.update" ...
	Collection string         `json:"collection"`
	Doc        any            `json:"doc"` // the _id of doc(id)
	Where      any            `json:"where"`
	OrderBy    []dbOrder      `json:"orderBy"`
	Limit      *int           `json:"limit"`
	Skip       int            `json:"skip"`
	Field      map[string]any `json:"field"`
	Data       any            `json:"data"`
}

type dbOrder struct {
	Field string `json:"field"`
	Order string `json:"order"`
}

// run answers a database call on the session's collections.
func (cs *cloudSession) run(q dbRequest, now time.Time) Result {
	docs, ok := cs.db[q.Collection]
	if !ok {
		return sdkError(cloudNoCollectionCode, cloudNoCollectionDesc, cloudNoCollectionMsg)
	}
	fail := func(reason string) Result { return sdkError(-1, "", q.Action+":fail "+reason) }
	// "{openid}" in a query is the caller's openid, as the backend reads it.
	q.Where = withOpenID(q.Where)
	id := ""
	if strings.HasPrefix(q.Action, "document.") {
		switch v := q.Doc.(type) {
		case string:
			id = v
		case float64:
			id = strconv.FormatFloat(v, 'f', -1, 64)
		}
		if id == "" {
			return fail("docId must be a string or a number")
		}
	}
	find := func() int {
		return slices.IndexFunc(docs, func(d map[string]any) bool { return d["_id"] == id })
	}
	switch q.Action {
	case "collection.get":
		matched, err := query(docs, q)
		if err != nil {
			return fail(err.Error())
		}
		return OK(q.Action, map[string]any{"data": matched})
	case "collection.count":
		n := 0
		for _, d := range docs {
			ok, err := matches(d, q.Where)
			if err != nil {
				return fail(err.Error())
			}
			if ok {
				n++
			}
		}
		return OK(q.Action, map[string]any{"total": n})
	case "collection.add":
		data, isObject := q.Data.(map[string]any)
		if !isObject {
			return fail("data must be an object")
		}
		doc, err := resolveValues(data, now)
		if err != nil {
			return fail(err.Error())
		}
		d := doc.(map[string]any)
		newID, _ := d["_id"].(string)
		if newID == "" {
			newID = newDocID()
		} else if slices.ContainsFunc(docs, func(e map[string]any) bool { return e["_id"] == newID }) {
			return fail("duplicate key: a document with _id " + newID + " exists")
		}
		d["_id"] = newID
		d["_openid"] = cloudOpenID
		cs.db[q.Collection] = append(docs, d)
		return OK(q.Action, map[string]any{"_id": newID})
	case "collection.update", "collection.remove":
		if q.Where == nil {
			return fail("a where is needed: call .where() before ." + strings.TrimPrefix(q.Action, "collection."))
		}
		n := 0
		kept := docs[:0:0]
		for _, d := range docs {
			ok, err := matches(d, q.Where)
			if err != nil {
				return fail(err.Error())
			}
			switch {
			case !ok:
				kept = append(kept, d)
			case q.Action == "collection.remove":
				n++
			default:
				if err := update(d, q.Data, now); err != nil {
					return fail(err.Error())
				}
				kept = append(kept, d)
				n++
			}
		}
		cs.db[q.Collection] = kept
		if q.Action == "collection.remove" {
			return OK(q.Action, map[string]any{"stats": map[string]any{"removed": n}})
		}
		return OK(q.Action, map[string]any{"stats": map[string]any{"updated": n}})
	case "document.get":
		i := find()
		if i < 0 {
			return fail("document with _id " + id + " does not exist")
		}
		return OK(q.Action, map[string]any{"data": projectFields(docs[i], q.Field)})
	case "document.update":
		i := find()
		if i < 0 {
			return OK(q.Action, map[string]any{"stats": map[string]any{"updated": 0}})
		}
		if err := update(docs[i], q.Data, now); err != nil {
			return fail(err.Error())
		}
		return OK(q.Action, map[string]any{"stats": map[string]any{"updated": 1}})
	case "document.set":
		data, isObject := q.Data.(map[string]any)
		if !isObject {
			return fail("data must be an object")
		}
		if _, has := data["_id"]; has {
			return fail("data must not have _id: doc(id) names the document")
		}
		v, err := resolveValues(data, now)
		if err != nil {
			return fail(err.Error())
		}
		d := v.(map[string]any)
		d["_id"] = id
		if i := find(); i >= 0 {
			if openid, ok := docs[i]["_openid"]; ok {
				d["_openid"] = openid
			}
			docs[i] = d
			return OK(q.Action, map[string]any{"_id": id, "stats": map[string]any{"updated": 1, "created": 0}})
		}
		d["_openid"] = cloudOpenID
		cs.db[q.Collection] = append(docs, d)
		return OK(q.Action, map[string]any{"_id": id, "stats": map[string]any{"updated": 0, "created": 1}})
	case "document.remove":
		i := find()
		if i < 0 {
			return OK(q.Action, map[string]any{"stats": map[string]any{"removed": 0}})
		}
		cs.db[q.Collection] = slices.Delete(docs, i, i+1)
		return OK(q.Action, map[string]any{"stats": map[string]any{"removed": 1}})
	}
	return fail("unknown action " + q.Action)
}

func newDocID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// query is collection.get: where, orderBy, skip, limit (at most 20, as from a
// mini-program), field; the documents are copies.
func query(docs []map[string]any, q dbRequest) ([]any, error) {
	var matched []map[string]any
	for _, d := range docs {
		ok, err := matches(d, q.Where)
		if err != nil {
			return nil, err
		}
		if ok {
			matched = append(matched, d)
		}
	}
	if len(q.OrderBy) > 0 {
		sort.SliceStable(matched, func(i, j int) bool {
			for _, o := range q.OrderBy {
				a, _ := lookup(matched[i], o.Field)
				b, _ := lookup(matched[j], o.Field)
				c := order(a, b)
				if c == 0 {
					continue
				}
				if o.Order == "desc" {
					return c > 0
				}
				return c < 0
			}
			return false
		})
	}
	limit := cloudClientLimit
	if q.Limit != nil && *q.Limit >= 0 && *q.Limit < limit {
		limit = *q.Limit
	}
	out := []any{}
	for i := q.Skip; i < len(matched) && len(out) < limit; i++ {
		if i < 0 {
			continue
		}
		out = append(out, projectFields(matched[i], q.Field))
	}
	return out, nil
}

// projectFields is a copy of doc with field's choice of fields: {a: true} keeps a (and _id),
// {a: false} drops a.
func projectFields(doc map[string]any, field map[string]any) map[string]any {
	if len(field) == 0 {
		return deepCopy(doc).(map[string]any)
	}
	include := false
	for k, v := range field {
		if k != "_id" && truthy(v) {
			include = true
		}
	}
	var out map[string]any
	if include {
		out = map[string]any{}
		if v, ok := doc["_id"]; ok && (field["_id"] == nil || truthy(field["_id"])) {
			out["_id"] = v
		}
		for k, v := range field {
			if k == "_id" || !truthy(v) {
				continue
			}
			if got, ok := lookup(doc, k); ok {
				setPath(out, k, deepCopy(got))
			}
		}
		return out
	}
	out = deepCopy(doc).(map[string]any)
	for k := range field {
		removePath(out, k)
	}
	return out
}

func truthy(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case float64:
		return v != 0
	case nil:
		return false
	}
	return true
}

// op reads a command: {"$op": name, "$v": operand}.
func op(v any) (name string, operand any, ok bool) {
	m, isMap := v.(map[string]any)
	if !isMap || len(m) != 2 {
		return "", nil, false
	}
	name, ok = m["$op"].(string)
	operand, has := m["$v"]
	return name, operand, ok && has
}

// date reads a Date: {"$date": ms}.
func date(v any) (float64, bool) {
	m, isMap := v.(map[string]any)
	if !isMap || len(m) != 1 {
		return 0, false
	}
	ms, ok := m["$date"].(float64)
	return ms, ok
}

// isPlainObject is an object that is neither a command nor a Date.
func isPlainObject(v any) bool {
	m, isMap := v.(map[string]any)
	if !isMap {
		return false
	}
	if _, _, isOp := op(m); isOp {
		return false
	}
	_, isDate := date(m)
	return !isDate
}

// matches tells whether doc satisfies where: fields equal to plain values (a nested
// object matches field by field, an array field matches a value it holds), commands on
// fields, and _.and/_.or/_.nor of conditions.
func matches(doc map[string]any, where any) (bool, error) {
	if where == nil {
		return true, nil
	}
	if name, operand, ok := op(where); ok {
		return logical(name, operand, func(cond any) (bool, error) { return matches(doc, cond) })
	}
	m, isMap := where.(map[string]any)
	if !isMap {
		return false, fmt.Errorf("a where condition is an object, not %s", describe(where))
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		ok, err := matchField(doc, k, m[k])
		if err != nil || !ok {
			return false, err
		}
	}
	return true, nil
}

// logical combines conditions with and, or, nor.
func logical(name string, operand any, test func(any) (bool, error)) (bool, error) {
	conds, isList := operand.([]any)
	if !isList {
		return false, fmt.Errorf("command %s takes a list of conditions", name)
	}
	switch name {
	case "and", "or", "nor":
	default:
		return false, fmt.Errorf("command %s is not a condition on documents: use it on a field", name)
	}
	for _, c := range conds {
		ok, err := test(c)
		if err != nil {
			return false, err
		}
		switch {
		case name == "and" && !ok:
			return false, nil
		case name != "and" && ok:
			return name == "or", nil
		}
	}
	return name != "or", nil
}

// matchField tests the field at path (dotted) against cond.
func matchField(doc map[string]any, path string, cond any) (bool, error) {
	if isPlainObject(cond) {
		// {a: {b: 1}} is a.b == 1, as the cloud database reads a nested object.
		m := cond.(map[string]any)
		if len(m) == 0 {
			return fieldTest(doc, path, "eq", m)
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			ok, err := matchField(doc, path+"."+k, m[k])
			if err != nil || !ok {
				return false, err
			}
		}
		return true, nil
	}
	if name, operand, ok := op(cond); ok {
		return fieldTest(doc, path, name, operand)
	}
	return fieldTest(doc, path, "eq", cond)
}

// fieldTest applies one command to the values at path.
func fieldTest(doc map[string]any, path, name string, operand any) (bool, error) {
	values := candidates(doc, strings.Split(path, "."))
	anyOf := func(test func(v any) bool) bool { return slices.ContainsFunc(values, test) }
	switch name {
	case "and", "or", "nor":
		return logical(name, operand, func(c any) (bool, error) { return matchField(doc, path, c) })
	case "not":
		ok, err := matchField(doc, path, operand)
		return !ok, err
	case "eq":
		return anyOf(func(v any) bool { return equal(v, operand) }), nil
	case "neq":
		return !anyOf(func(v any) bool { return equal(v, operand) }), nil
	case "gt", "gte", "lt", "lte":
		return anyOf(func(v any) bool {
			c, ok := compare(v, operand)
			if !ok {
				return false
			}
			switch name {
			case "gt":
				return c > 0
			case "gte":
				return c >= 0
			case "lt":
				return c < 0
			}
			return c <= 0
		}), nil
	case "in", "nin":
		list, isList := operand.([]any)
		if !isList {
			return false, fmt.Errorf("command %s takes an array", name)
		}
		in := anyOf(func(v any) bool { return slices.ContainsFunc(list, func(w any) bool { return equal(v, w) }) })
		return in == (name == "in"), nil
	case "exists":
		return (len(values) > 0) == truthy(operand), nil
	case "size":
		n, _ := operand.(float64)
		v, _ := lookup(doc, path)
		arr, isArr := v.([]any)
		return isArr && float64(len(arr)) == n, nil
	case "all":
		list, isList := operand.([]any)
		v, _ := lookup(doc, path)
		arr, isArr := v.([]any)
		if !isList || !isArr {
			return false, nil
		}
		for _, w := range list {
			if !slices.ContainsFunc(arr, func(e any) bool { return equal(e, w) }) {
				return false, nil
			}
		}
		return true, nil
	case "elemMatch":
		v, _ := lookup(doc, path)
		arr, _ := v.([]any)
		for _, e := range arr {
			if em, ok := e.(map[string]any); ok {
				if ok, err := matches(em, operand); err != nil || ok {
					return ok, err
				}
			}
		}
		return false, nil
	case "regex":
		spec, _ := operand.(map[string]any)
		re, err := jsRegexp(spec)
		if err != nil {
			return false, err
		}
		return anyOf(func(v any) bool { s, ok := v.(string); return ok && re.MatchString(s) }), nil
	}
	return false, fmt.Errorf("command %s is not supported in a where by the simulator (docs/compat.md)", name)
}

// jsRegexp compiles db.RegExp({regexp, options}) (or a JavaScript RegExp) for Go: options
// i, m and s carry over.
func jsRegexp(spec map[string]any) (*regexp.Regexp, error) {
	src, _ := spec["regexp"].(string)
	opts, _ := spec["options"].(string)
	flags := ""
	for _, f := range opts {
		if strings.ContainsRune("ims", f) {
			flags += string(f)
		}
	}
	if flags != "" {
		src = "(?" + flags + ")" + src
	}
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, fmt.Errorf("db.RegExp: %v", err)
	}
	return re, nil
}

// candidates are the values at a dotted path: through arrays of objects, every element's;
// an array at the end stands for itself and each of its elements.
func candidates(v any, keys []string) []any {
	if len(keys) == 0 {
		if arr, ok := v.([]any); ok {
			return append([]any{arr}, arr...)
		}
		return []any{v}
	}
	switch x := v.(type) {
	case map[string]any:
		next, ok := x[keys[0]]
		if !ok {
			return nil
		}
		return candidates(next, keys[1:])
	case []any:
		if i, err := strconv.Atoi(keys[0]); err == nil {
			if i < 0 || i >= len(x) {
				return nil
			}
			return candidates(x[i], keys[1:])
		}
		var out []any
		for _, e := range x {
			if _, isMap := e.(map[string]any); isMap {
				out = append(out, candidates(e, keys)...)
			}
		}
		return out
	}
	return nil
}

// lookup is the one value at a dotted path.
func lookup(v any, path string) (any, bool) {
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			next, ok := x[k]
			if !ok {
				return nil, false
			}
			v = next
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// setPath sets the value at a dotted path, making the objects on the way.
func setPath(doc map[string]any, path string, v any) {
	keys := strings.Split(path, ".")
	m := doc
	for _, k := range keys[:len(keys)-1] {
		next, ok := m[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[k] = next
		}
		m = next
	}
	m[keys[len(keys)-1]] = v
}

func removePath(doc map[string]any, path string) {
	keys := strings.Split(path, ".")
	m := doc
	for _, k := range keys[:len(keys)-1] {
		next, ok := m[k].(map[string]any)
		if !ok {
			return
		}
		m = next
	}
	delete(m, keys[len(keys)-1])
}

// equal compares two JSON values (Dates by their time).
func equal(a, b any) bool {
	if da, ok := date(a); ok {
		db, ok := date(b)
		return ok && da == db
	}
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !equal(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equal(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return a == b
}

// compare orders two values of one kind: numbers, strings, Dates, booleans.
func compare(a, b any) (int, bool) {
	if da, ok := date(a); ok {
		if db, ok := date(b); ok {
			return cmpFloat(da, db), true
		}
		return 0, false
	}
	switch x := a.(type) {
	case float64:
		if y, ok := b.(float64); ok {
			return cmpFloat(x, y), true
		}
	case string:
		if y, ok := b.(string); ok {
			return strings.Compare(x, y), true
		}
	case bool:
		if y, ok := b.(bool); ok {
			return cmpFloat(boolNum(x), boolNum(y)), true
		}
	}
	return 0, false
}

func boolNum(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// order sorts any two values: missing and null first, then numbers, strings, objects,
// arrays, booleans, Dates (the database's order of types), and by value within a type.
func order(a, b any) int {
	rank := func(v any) int {
		if _, ok := date(v); ok {
			return 6
		}
		switch v.(type) {
		case nil:
			return 0
		case float64:
			return 1
		case string:
			return 2
		case map[string]any:
			return 3
		case []any:
			return 4
		case bool:
			return 5
		}
		return 7
	}
	if ra, rb := rank(a), rank(b); ra != rb {
		return ra - rb
	}
	c, _ := compare(a, b)
	return c
}

// resolveValues is v with db.serverDate() made a Date (now plus its offset); other
// commands have no place in a document's data.
func resolveValues(v any, now time.Time) (any, error) {
	if name, operand, ok := op(v); ok {
		if name == "serverDate" {
			offset := 0.0
			if o, ok := operand.(map[string]any); ok {
				offset, _ = o["offset"].(float64)
			}
			return map[string]any{"$date": float64(now.UnixMilli()) + offset}, nil
		}
		return nil, fmt.Errorf("command %s is not a value: use it in update or where", name)
	}
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			r, err := resolveValues(e, now)
			if err != nil {
				return nil, err
			}
			out[k] = r
		}
		return out, nil
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			r, err := resolveValues(e, now)
			if err != nil {
				return nil, err
			}
			out[i] = r
		}
		return out, nil
	}
	return v, nil
}

// update applies an update's data to doc: plain values set their field (a nested object
// sets field by field), commands change it (_.set replaces an object whole).
func update(doc map[string]any, data any, now time.Time) error {
	m, isMap := data.(map[string]any)
	if !isMap {
		return fmt.Errorf("data must be an object")
	}
	if _, has := m["_id"]; has {
		return fmt.Errorf("data must not change _id")
	}
	return updateAt(doc, "", m, now)
}

func updateAt(doc map[string]any, prefix string, data map[string]any, now time.Time) error {
	for _, k := range slices.Sorted(maps.Keys(data)) {
		p, v := prefix+k, data[k]
		if isPlainObject(v) && len(v.(map[string]any)) > 0 {
			if err := updateAt(doc, p+".", v.(map[string]any), now); err != nil {
				return err
			}
			continue
		}
		name, operand, isOp := op(v)
		if !isOp || name == "serverDate" {
			r, err := resolveValues(v, now)
			if err != nil {
				return err
			}
			setPath(doc, p, r)
			continue
		}
		cur, has := lookup(doc, p)
		arr, _ := cur.([]any)
		switch name {
		case "set":
			r, err := resolveValues(operand, now)
			if err != nil {
				return err
			}
			setPath(doc, p, r)
		case "remove":
			removePath(doc, p)
		case "inc", "mul":
			n, ok := operand.(float64)
			c, isNum := cur.(float64)
			if !ok || has && !isNum {
				return fmt.Errorf("_.%s needs a number field and a number", name)
			}
			if name == "inc" {
				setPath(doc, p, c+n)
			} else {
				setPath(doc, p, c*n)
			}
		case "max", "min":
			c, isNum := cur.(float64)
			n, _ := operand.(float64)
			if !has || isNum && (name == "max" && n > c || name == "min" && n < c) {
				setPath(doc, p, n)
			}
		case "push", "unshift", "addToSet", "pull", "pullAll":
			items, isList := operand.([]any)
			if !isList {
				items = []any{operand}
			}
			if spec, ok := operand.(map[string]any); ok && name == "push" {
				if each, ok := spec["each"].([]any); ok {
					items = each
				}
			}
			switch name {
			case "push":
				arr = append(slices.Clone(arr), items...)
			case "unshift":
				arr = append(slices.Clone(items), arr...)
			case "addToSet":
				arr = slices.Clone(arr)
				for _, it := range items {
					if !slices.ContainsFunc(arr, func(e any) bool { return equal(e, it) }) {
						arr = append(arr, it)
					}
				}
			default:
				arr = slices.DeleteFunc(slices.Clone(arr), func(e any) bool {
					return slices.ContainsFunc(items, func(it any) bool { return equal(e, it) })
				})
			}
			setPath(doc, p, arr)
		case "pop":
			if len(arr) > 0 {
				setPath(doc, p, slices.Clone(arr[:len(arr)-1]))
			}
		case "shift":
			if len(arr) > 0 {
				setPath(doc, p, slices.Clone(arr[1:]))
			}
		default:
			return fmt.Errorf("command %s is not supported in an update by the simulator (docs/compat.md)", name)
		}
	}
	return nil
}

// withOpenID is where with each "{openid}" made the simulated user's openid.
func withOpenID(v any) any {
	return mapJSON(v, func(leaf any) any {
		if leaf == "{openid}" {
			return cloudOpenID
		}
		return leaf
	})
}

// deepCopy copies a JSON value.
func deepCopy(v any) any {
	return mapJSON(v, func(leaf any) any { return leaf })
}

// mapJSON copies a JSON value with each leaf (not an object or array) made leaf(it).
func mapJSON(v any, leaf func(any) any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = mapJSON(e, leaf)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = mapJSON(e, leaf)
		}
		return out
	}
	return leaf(v)
}

// describe names a value's kind for a message.
func describe(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case []any:
		return "an array"
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "an object"
}
