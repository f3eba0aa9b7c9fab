package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/mpsim/mpsim/compiler/diag"
	"github.com/mpsim/mpsim/compiler/project"
)

// MockFileName is the file in the project's folder that stands in for the WeChat account
// the official tools log in with (docs/mocks.md).
const MockFileName = "mpsim.mock.json"

// mockFile is mpsim.mock.json, checked.
type mockFile struct {
	User        *UserInfo                  `json:"user"`
	AuthSetting map[string]bool            `json:"authSetting"`
	Domains     *Domains                   `json:"domains"`
	APIs        map[string]json.RawMessage `json:"apis"`
	Cloud       json.RawMessage            `json:"cloud"`
	answers     map[string]mockAnswer      // APIs, checked
	cloud       *cloudMock                 // Cloud, checked; nil: no cloud environment
}

// Domains are the account's server domain lists ("https://api.example.com"), by the APIs
// they let through.
type Domains struct {
	Request      []string `json:"request"`
	Socket       []string `json:"socket"`
	UploadFile   []string `json:"uploadFile"`
	DownloadFile []string `json:"downloadFile"`
}

// mockAnswer is an API's entry in the mock file. With fail, every call fails with that
// reason; otherwise fields go over the API's own answer.
type mockAnswer struct {
	fail   string
	fields map[string]any
}

// failure is the answer of a call of api that the entry makes fail.
func (a mockAnswer) failure(api string) Result {
	res := Fail(api, a.fail)
	maps.Copy(res, a.fields)
	return res
}

var mockFileKeys = []string{"user", "authSetting", "domains", "apis", "cloud"}

// parseMockFile reads the mock file's content. Every problem is a diagnostic at its line
// and column, with a hint, as the compiler's are.
func parseMockFile(src []byte) (*mockFile, diag.List) {
	var f mockFile
	var keys map[string]json.RawMessage
	if errs := project.DecodeJSON(MockFileName, src, &keys); errs != nil {
		return nil, errs
	}
	if keys == nil {
		return nil, diag.List{diag.Diagnostic{File: MockFileName, Line: 1, Column: 1, Message: "the mock file is null",
			Hint: `write an object, e.g. {"apis": {"login": {"code": "my-code"}}}`}}
	}
	if errs := project.DecodeJSON(MockFileName, src, &f); errs != nil {
		return nil, errs
	}
	var errs diag.List
	at := func(message, hint string, path ...any) {
		line, col := project.Locate(src, path...)
		errs = append(errs, diag.Diagnostic{File: MockFileName, Line: line, Column: col, Message: message, Hint: hint}.WithFrame(src))
	}
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		if !slices.Contains(mockFileKeys, k) {
			at(fmt.Sprintf("unknown key %q", k), "the mock file's keys are "+strings.Join(mockFileKeys, ", ")+" (docs/mocks.md)", k)
		}
	}
	for _, scope := range slices.Sorted(maps.Keys(f.AuthSetting)) {
		if !slices.Contains(scopes, scope) {
			at(fmt.Sprintf("unknown scope %q", scope), "the scopes are "+strings.Join(scopes, ", "), "authSetting", scope)
		}
	}
	if f.Domains != nil {
		for _, l := range f.Domains.lists() {
			for i, d := range *l.list {
				if problem := checkDomain(l.kind, d); problem != "" {
					at(fmt.Sprintf("domains.%s[%d] %q: %s", l.kind, i, d, problem),
						"the official backend takes only such domains; to call another server, set setting.urlCheck to false in project.config.json",
						"domains", l.kind, i)
				}
			}
		}
	}
	f.answers = map[string]mockAnswer{}
	for _, name := range slices.Sorted(maps.Keys(f.APIs)) {
		a, problem, hint := parseAnswer(name, f.APIs[name])
		if problem != "" {
			at(fmt.Sprintf("apis.%s: %s", name, problem), hint, "apis", name)
			continue
		}
		f.answers[name] = a
	}
	if len(f.Cloud) > 0 {
		f.cloud = parseCloud(f.Cloud, at)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return &f, nil
}

// parseAnswer checks one entry of "apis".
func parseAnswer(name string, raw json.RawMessage) (a mockAnswer, problem, hint string) {
	if !slices.Contains(mockableAPIs, name) {
		return a, "no API of this name can be mocked", "the APIs are " + strings.Join(mockableAPIs, ", ")
	}
	if err := json.Unmarshal(raw, &a.fields); err != nil || a.fields == nil {
		return a, "must be an object: the fields of the answer, or {\"fail\": \"reason\"}", `e.g. {"fail": "auth deny"}`
	}
	for k := range a.fields {
		switch {
		case k == "errMsg":
			return a, "errMsg is made from the API's name", `write "fail": "reason" to make the call fail with "` + name + `:fail reason"`
		case strings.HasPrefix(k, "__"):
			return a, fmt.Sprintf("%q: fields starting with __ are the simulator's own", k), "rename the field"
		}
	}
	if f, ok := a.fields["fail"]; ok {
		s, isString := f.(string)
		if !isString || s == "" {
			return a, `"fail" must be the reason the call fails, a string`, `e.g. "fail": "auth deny"`
		}
		a.fail = s
		delete(a.fields, "fail")
	}
	return a, "", ""
}

type domainList struct {
	kind string
	list *[]string
}

func (d *Domains) lists() []domainList {
	return []domainList{{"request", &d.Request}, {"socket", &d.Socket}, {"uploadFile", &d.UploadFile}, {"downloadFile", &d.DownloadFile}}
}

// checkDomain says what is wrong with a domain of a list, as the official backend refuses
// it: only https (wss for sockets), a host name, no path.
func checkDomain(kind, domain string) string {
	scheme := "https"
	if kind == "socket" {
		scheme = "wss"
	}
	u, err := url.Parse(domain)
	switch {
	case err != nil || u.Host == "":
		return "not a domain; write it as " + scheme + "://host"
	case u.Scheme != scheme:
		return "a " + kind + " domain starts with " + scheme + "://"
	case u.Path != "" && u.Path != "/" || u.RawQuery != "" || u.Fragment != "" || u.User != nil:
		return "a domain has no path, query or user"
	case net.ParseIP(u.Hostname()) != nil:
		return "an IP address is no domain (a LAN address needs none)"
	case strings.EqualFold(u.Hostname(), "localhost"):
		return "localhost is no domain"
	}
	return ""
}

// scopes are the scopes of wx.authorize.
var scopes = []string{
	"scope.userInfo", "scope.userLocation", "scope.userFuzzyLocation", "scope.userLocationBackground",
	"scope.werun", "scope.record", "scope.writePhotosAlbum", "scope.camera", "scope.bluetooth",
	"scope.addPhoneContact", "scope.addPhoneCalendar", "scope.address", "scope.invoiceTitle", "scope.invoice",
}

// Mocks is the WeChat account the simulator stands in for: the mock file's answers (none:
// a tourist, as the official tools without an AppID), the person's answers to the
// authorization dialogs, and what the project declares (app.json's requiredPrivateInfos
// and permission, project.config.json's urlCheck).
type Mocks struct {
	mu     sync.Mutex
	file   *mockFile       // the last good mock file; nil: there is none
	auth   map[string]bool // the person's answer per scope, for the simulator's run
	logins int             // the codes wx.login has given
	gen    int             // counts the loads of the mock file: the cloud database starts again at each
	app    appDeclarations
}

// appDeclarations is what the project says about itself that open APIs check.
type appDeclarations struct {
	name     string // projectname, in the privacy contract's name
	appID    string // project.config.json's appid; "" for a tourist
	urlCheck bool
	// privateInfos is app.json's requiredPrivateInfos; nil when not declared.
	privateInfos []string
	permission   map[string]string // scope -> desc
}

// NewMocks returns a tourist account: no mock file, no answers yet.
func NewMocks() *Mocks {
	return &Mocks{auth: map[string]bool{}, app: appDeclarations{urlCheck: true}}
}

// LoadFile reads the mock file in dir. A broken file is reported and the last good one
// stays in force; a missing one makes the simulator a tourist again.
func (m *Mocks) LoadFile(dir string) diag.List {
	src, err := os.ReadFile(filepath.Join(dir, MockFileName))
	if errors.Is(err, fs.ErrNotExist) {
		m.set(nil)
		return nil
	}
	if err != nil {
		return diag.List{{File: MockFileName, Line: 1, Column: 1, Message: err.Error(), Hint: "check that the file can be read"}}
	}
	return m.Load(src)
}

// Load takes the mock file's content; on errors the last good mocks stay.
func (m *Mocks) Load(src []byte) diag.List {
	f, errs := parseMockFile(src)
	if errs != nil {
		return errs
	}
	m.set(f)
	return nil
}

func (m *Mocks) set(f *mockFile) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var before map[string]bool
	if m.file != nil {
		before = m.file.AuthSetting
	}
	var after map[string]bool
	if f != nil {
		after = f.AuthSetting
	}
	// The person's answers stay across saves, unless the file changes what they start as.
	if !maps.Equal(before, after) {
		m.auth = maps.Clone(after)
		if m.auth == nil {
			m.auth = map[string]bool{}
		}
	}
	m.file = f
	m.gen++
}

// cloud is the mock file's cloud environment (nil: none) and the generation of the file.
func (m *Mocks) cloud() (*cloudMock, int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.file == nil {
		return nil, m.gen
	}
	return m.file.cloud, m.gen
}

// SetProject takes what a (re)loaded project declares: setting.urlCheck of
// project.config.json (project.private.config.json over it), app.json's
// requiredPrivateInfos and permission descriptions, and its name.
func (m *Mocks) SetProject(p *project.Project) {
	var setting struct {
		URLCheck *bool `json:"urlCheck"`
	}
	json.Unmarshal(p.Config.Setting, &setting)
	var app struct {
		RequiredPrivateInfos []string `json:"requiredPrivateInfos"`
		Permission           map[string]struct {
			Desc string `json:"desc"`
		} `json:"permission"`
	}
	json.Unmarshal(p.App.Raw, &app)
	d := appDeclarations{name: p.Config.ProjectName, appID: p.Config.AppID, urlCheck: setting.URLCheck == nil || *setting.URLCheck,
		privateInfos: app.RequiredPrivateInfos, permission: map[string]string{}}
	for scope, v := range app.Permission {
		d.permission[scope] = v.Desc
	}
	m.mu.Lock()
	m.app = d
	m.mu.Unlock()
}

// state is a consistent view of the mocks for one call.
func (m *Mocks) state() (f *mockFile, app appDeclarations) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.file, m.app
}

// answer is the mock file's entry for api, if it has one.
func (f *mockFile) answer(api string) (mockAnswer, bool) {
	if f == nil {
		return mockAnswer{}, false
	}
	a, ok := f.answers[api]
	return a, ok
}

// CheckURL is the phone's domain check of rawURL for api (request, uploadFile,
// downloadFile, connectSocket): nil lets it through, else the failure. It checks only when
// setting.urlCheck is on and the mock file has domain lists: a tourist's are unknown, and
// the official tools then check nothing either.
func (m *Mocks) CheckURL(api, rawURL string) Result {
	if m == nil {
		return nil
	}
	f, app := m.state()
	if !app.urlCheck || f == nil || f.Domains == nil {
		return nil
	}
	if inDomains(f.Domains, api, rawURL) {
		return nil
	}
	res := Fail(api, "url not in domain list")
	res["errno"] = 600002
	return res
}

// inDomains applies the phone's rules: the scheme is https (wss for sockets), the host is
// one of the list's; a domain with a port admits that port only, one without admits no
// port written in the URL (socket domains admit any). LAN addresses need no domain.
func inDomains(d *Domains, api, rawURL string) bool {
	u, err := url.Parse(rawURL)
	if err != nil {
		return false
	}
	if ip := net.ParseIP(u.Hostname()); ip != nil && ip.IsPrivate() {
		return true
	}
	list, scheme := d.Request, "https"
	switch api {
	case "connectSocket":
		list, scheme = d.Socket, "wss"
	case "uploadFile":
		list = d.UploadFile
	case "downloadFile":
		list = d.DownloadFile
	}
	if u.Scheme != scheme {
		return false
	}
	for _, domain := range list {
		allowed, err := url.Parse(domain)
		if err != nil || !strings.EqualFold(allowed.Hostname(), u.Hostname()) {
			continue
		}
		if scheme == "wss" || allowed.Port() == u.Port() {
			return true
		}
	}
	return false
}

// registerDomainCheck adds checkDomain ({api, url}), which the service layer asks before
// it opens a WebSocket itself (runtime/service/socket-task.ts): ok, or the failure.
func registerDomainCheck(r *Registry, m *Mocks) {
	r.RegisterNonBlocking("checkDomain", func(_ context.Context, call Call) (Result, error) {
		var a struct {
			API string `json:"api"`
			URL string `json:"url"`
		}
		if err := decodeArgs(call, &a); err != nil || a.API == "" {
			return Fail(call.API, `parameter error: want {"api", "url"}`), nil
		}
		if res := m.CheckURL(a.API, a.URL); res != nil {
			return res, nil
		}
		return OK(call.API, nil), nil
	})
}
