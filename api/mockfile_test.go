package api

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mpsim/mpsim/compiler/project"
)

// A broken mock file is one diagnostic per problem, at the line and column of it.
func TestMockFileErrorsArePositioned(t *testing.T) {
	checkMockFileDiagnostics(t, []mockFileCase{
		{"syntax", "{\n  \"apis\": {\n    \"login\": {\"code\": \"a\"}\n    \"checkSession\": {}\n  }\n}", 4, 5, "invalid JSON"},
		{"trailing comma", "{\"apis\": {\"login\": {},}}", 1, 23, "trailing comma"},
		{"unknown key", "{\n  \"api\": {}\n}", 2, 10, `unknown key "api"`},
		{"unknown api", "{\"apis\": {\n  \"getLoaction\": {}\n}}", 2, 18, "apis.getLoaction: no API of this name can be mocked"},
		{"answer not an object", "{\"apis\": {\"login\": \"abc\"}}", 1, 20, "apis.login: must be an object"},
		{"fail not a string", "{\"apis\": {\"login\": {\"fail\": 3}}}", 1, 20, `apis.login: "fail" must be`},
		{"errMsg", "{\"apis\": {\"login\": {\"errMsg\": \"login:fail x\"}}}", 1, 20, "apis.login: errMsg is made"},
		{"reserved field", "{\"apis\": {\"login\": {\"__dialog\": 1}}}", 1, 20, `"__dialog": fields starting with __`},
		{"http domain", "{\"domains\": {\"request\": [\"https://a.example.com\", \"http://b.example.com\"]}}", 1, 51, `domains.request[1] "http://b.example.com": a request domain starts with https://`},
		{"ip domain", "{\"domains\": {\"socket\": [\"wss://10.0.0.2\"]}}", 1, 25, "an IP address is no domain"},
		{"domain with a path", "{\"domains\": {\"downloadFile\": [\"https://cdn.example.com/img\"]}}", 1, 31, "no path"},
		{"unknown scope", "{\"authSetting\": {\"scope.location\": true}}", 1, 36, `unknown scope "scope.location"`},
		{"wrong type", "{\"user\": {\"nickName\": \"Ada\", \"gender\": \"f\"}}", 1, 40, "user.gender"},
	})
}

// A broken save keeps the last good mocks; a good one takes over; removing the file makes
// the simulator a tourist again.
func TestMockFileReload(t *testing.T) {
	dir := t.TempDir()
	m := NewMocks()
	r := Default(Options{Device: IPhone12, Mocks: m})
	write := func(src string) {
		if err := os.WriteFile(filepath.Join(dir, MockFileName), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code := func() any { return invoke(r, "login", `{}`)["code"] }

	if errs := m.LoadFile(dir); errs != nil || code() != touristCode {
		t.Fatalf("no file: %v, code %v", errs, code())
	}
	write(`{"apis": {"login": {"code": "first"}}}`)
	if errs := m.LoadFile(dir); errs != nil || code() != "first" {
		t.Fatalf("first file: %v, code %v", errs, code())
	}
	write(`{"apis": {"login": {"code": "second"}`)
	if errs := m.LoadFile(dir); len(errs) != 1 || code() != "first" {
		t.Fatalf("broken file: %v, code %v (the last good mocks stay)", errs, code())
	}
	write(`{"apis": {"login": {"code": "second"}}}`)
	if errs := m.LoadFile(dir); errs != nil || code() != "second" {
		t.Fatalf("fixed file: %v, code %v", errs, code())
	}
	os.Remove(filepath.Join(dir, MockFileName))
	if errs := m.LoadFile(dir); errs != nil || code() != touristCode {
		t.Fatalf("removed file: %v, code %v", errs, code())
	}
}

func invoke(r *Registry, api, args string) Result {
	return r.Invoke(context.Background(), Call{API: api, Args: json.RawMessage(args), Session: "s"})
}

func mocksWith(t *testing.T, src string) *Mocks {
	t.Helper()
	m := NewMocks()
	if errs := m.Load([]byte(src)); errs != nil {
		t.Fatal(errs)
	}
	return m
}

// withProject gives m a project with this project.config.json setting and app.json.
func withProject(m *Mocks, setting, app string) *Mocks {
	p := &project.Project{Config: project.Config{AppID: "wx123", ProjectName: "demo", Setting: json.RawMessage(setting)}}
	p.App.Raw = json.RawMessage(app)
	m.SetProject(p)
	return m
}

// The domain check, against a real TLS server that every host name of the test resolves
// to: with urlCheck on and domain lists in the mock file, a host not in the list fails as
// on a phone; with urlCheck off, or as a tourist (no lists), everything goes through.
func TestURLCheck(t *testing.T) {
	backend := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == "POST" {
			r.ParseMultipartForm(1 << 20)
		}
		w.Write([]byte("reached " + r.Host))
	}))
	defer backend.Close()
	// Every address dials the backend; its certificate is for example.com and its
	// subdomains.
	client := backend.Client()
	transport := client.Transport.(*http.Transport).Clone()
	transport.DialContext = func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, backend.Listener.Addr().String())
	}
	transport.TLSClientConfig = &tls.Config{RootCAs: transport.TLSClientConfig.RootCAs, ServerName: "example.com"}
	client.Transport = transport

	files, err := OpenFiles(t.TempDir(), "default", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer files.Close()
	upload := invoke(Default(Options{Device: IPhone12, Files: files}), "FileSystemManager.writeFile", `{"filePath":"wxfile://usr/a.txt","data":"hi"}`)
	if upload["errMsg"] != "writeFile:ok" {
		t.Fatal(upload)
	}
	const lists = `{"domains": {"request": ["https://example.com"], "downloadFile": ["https://cdn.example.com:8443"], "uploadFile": ["https://up.example.com"], "socket": ["wss://ws.example.com"]}}`
	registry := func(m *Mocks) *Registry {
		return Default(Options{Device: IPhone12, Mocks: m, Files: files, Network: Network{Client: client}})
	}
	checked := registry(withProject(mocksWith(t, lists), `{"urlCheck": true}`, `{}`))
	unchecked := registry(withProject(mocksWith(t, lists), `{"urlCheck": false}`, `{}`))
	tourist := registry(withProject(NewMocks(), `{"urlCheck": true}`, `{}`))
	cases := []struct {
		api, args string
		allowed   bool
	}{
		{"request", `{"url": "https://example.com/a"}`, true},
		{"request", `{"url": "https://EXAMPLE.com/a?b=1"}`, true},
		{"request", `{"url": "https://example.com:443/a"}`, false}, // a port the domain does not name
		{"request", `{"url": "https://api.example.com/a"}`, false}, // no parent domains
		{"request", `{"url": "http://example.com/a"}`, false},      // https only
		{"request", `{"url": "https://cdn.example.com:8443/a"}`, false},
		{"downloadFile", `{"url": "https://cdn.example.com:8443/a.png"}`, true},
		{"downloadFile", `{"url": "https://cdn.example.com/a.png"}`, false}, // the domain names its port
		{"downloadFile", `{"url": "https://example.com/a.png"}`, false},     // the request list is not the download list
		{"uploadFile", `{"url": "https://up.example.com/u", "filePath": "wxfile://usr/a.txt", "name": "f"}`, true},
		{"uploadFile", `{"url": "https://example.com/u", "filePath": "wxfile://usr/a.txt", "name": "f"}`, false},
		{"request", `{"url": "http://192.168.1.20:8080/a"}`, true}, // a LAN address needs no domain
	}
	for _, c := range cases {
		res := invoke(checked, c.api, c.args)
		msg, _ := res["errMsg"].(string)
		if c.allowed && msg != c.api+":ok" || !c.allowed && (msg != c.api+":fail url not in domain list" || res["errno"] != 600002) {
			t.Errorf("urlCheck on: %s %s: %v", c.api, c.args, res)
		}
		for name, r := range map[string]*Registry{"urlCheck off": unchecked, "tourist": tourist} {
			if c.args == `{"url": "http://example.com/a"}` || strings.Contains(c.args, "192.168") {
				continue // the backend speaks TLS only
			}
			if res := invoke(r, c.api, c.args); res["errMsg"] != c.api+":ok" {
				t.Errorf("%s: %s %s: %v", name, c.api, c.args, res)
			}
		}
	}
	// Sockets are opened by the service layer, which asks checkDomain first.
	for url, want := range map[string]string{"wss://ws.example.com:9000/chat": "checkDomain:ok", "wss://example.com/chat": "connectSocket:fail url not in domain list", "ws://ws.example.com/": "connectSocket:fail url not in domain list"} {
		if res := invoke(checked, "checkDomain", `{"api": "connectSocket", "url": "`+url+`"}`); res["errMsg"] != want {
			t.Errorf("checkDomain %s: %v, want %s", url, res, want)
		}
		if res := invoke(unchecked, "checkDomain", `{"api": "connectSocket", "url": "`+url+`"}`); res["errMsg"] != "checkDomain:ok" {
			t.Errorf("urlCheck off: checkDomain %s: %v", url, res)
		}
	}
	// A missing urlCheck is the official tools' default: on.
	if res := invoke(registry(withProject(mocksWith(t, lists), `{}`, `{}`)), "request", `{"url": "https://api.example.com/a"}`); res["errMsg"] != "request:fail url not in domain list" {
		t.Errorf("no setting.urlCheck: %v", res)
	}
}

// A mockFileCase is a broken mock file and the one diagnostic it should give.
type mockFileCase struct {
	name, src string
	line, col int
	message   string
}

// checkMockFileDiagnostics parses each case and wants exactly its diagnostic, placed, with a hint and a code frame.
func checkMockFileDiagnostics(t *testing.T, cases []mockFileCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs := parseMockFile([]byte(c.src))
			if len(errs) != 1 {
				t.Fatalf("%d diagnostics, want 1: %v", len(errs), errs)
			}
			d := errs[0]
			if d.File != MockFileName || d.Line != c.line || d.Column != c.col || !strings.Contains(d.Message, c.message) {
				t.Fatalf("got %s:%d:%d: %s\nwant %s:%d:%d: ...%s...", d.File, d.Line, d.Column, d.Message, MockFileName, c.line, c.col, c.message)
			}
			if d.Hint == "" || d.Frame == "" {
				t.Fatalf("no hint or code frame: %+v", d)
			}
		})
	}
}
