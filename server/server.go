// Package server serves the simulator: the shell, the runtime bundles, the compiled app,
// the WebSocket hub every layer talks through, and the synchronous API endpoint.
package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
	"github.com/go-chi/chi/v5"

	"github.com/mpsim/mpsim/api"
	"github.com/mpsim/mpsim/compiler"
	"github.com/mpsim/mpsim/compiler/diag"
	"github.com/mpsim/mpsim/compiler/project"
	"github.com/mpsim/mpsim/compiler/stylelang"
)

// Options configure a Server.
type Options struct {
	Runtime   fs.FS // the runtime bundles (runtime.Assets)
	Shell     fs.FS // the shell's files (web.Static)
	APIs      *api.Registry
	ShellAPIs map[string]bool
	// Devices is the device each session runs on, which the shell chooses; nil runs every
	// session on api.IPhone12.
	Devices     *api.SessionDevices
	ProjectName string
	// ProjectDir is the project's folder, where the compile modes live; "" (the embedded
	// demo) has none.
	ProjectDir string
	Logger     *slog.Logger
	Hub        HubOptions // APIs, ShellAPIs and Logger are filled from above
	// Files is the mini-program's file sandbox, shown read-only under /wxfile/; nil: none.
	Files *api.Files
}

// Server is the simulator's HTTP side. It serves the last good build: a build with errors
// is reported and leaves the previous one in place.
type Server struct {
	opts Options
	log  *slog.Logger
	hub  *Hub

	mu         sync.RWMutex
	build      *compiler.Output
	prev       *compiler.Output // the good build before build, for what a rebuild changed
	errors     diag.List        // of the latest build attempt
	mockErrors diag.List        // of the latest load of the mock file (mocks.go)
}

// New returns a server; Handler gives its routes and Hub its hub.
func New(opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.APIs == nil {
		opts.APIs = api.NewRegistry()
	}
	if opts.Devices == nil {
		opts.Devices = api.NewSessionDevices(api.IPhone12)
	}
	opts.Hub.APIs, opts.Hub.ShellAPIs, opts.Hub.Logger = opts.APIs, opts.ShellAPIs, opts.Logger
	return &Server{opts: opts, log: opts.Logger, hub: NewHub(opts.Hub)}
}

// SetBuild records the result of a build. A failed build (nil out) keeps the last good
// output serving.
func (s *Server) SetBuild(out *compiler.Output, errs diag.List) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if out != nil {
		s.prev, s.build = s.build, out
	}
	s.errors = errs
}

// Built tells the simulators in every open tab about a rebuild after changed files, with
// the least disruptive update: the style sheets that changed are swapped into the pages in
// place; changed templates (.wxml, .wxs) are loaded by the service layer, which re-renders
// the pages with their data; a changed page's or component's script is loaded too, and
// the page is made again where it is in the stack; any other change relaunches the app at
// the same pages.
// Errors show over the simulator until a good build comes.
func (s *Server) Built(changed []string, ok bool, errs diag.List) {
	s.mu.RLock()
	prev, cur, mockErrs := s.prev, s.build, s.mockErrors
	s.mu.RUnlock()
	others, wxs := len(changed) == 0, false
	var scripts []string // the scripts of pages and components, swapped in without a relaunch
	for _, c := range changed {
		switch ext := path.Ext(c); ext {
		case ".wxss", ".wxml":
		case ".wxs":
			wxs = true
		case ".js", ".ts":
			module := strings.TrimSuffix(c, ext) + ".js"
			if cur == nil || !cur.Components[strings.TrimSuffix(c, ext)] || cur.Scripts[module].Path == "" {
				others = true // app.js, a utility module: the app starts again
			}
			scripts = append(scripts, module)
		default:
			// A Sass or Less sheet is a style sheet too: its output tells what changed.
			if _, sheet := stylelang.Languages[ext]; !sheet {
				others = true
			}
		}
	}
	// Scripts go alone: mixed with templates or styles, the app starts again.
	if len(scripts) > 0 && len(scripts) != len(changed) {
		others = true
	}
	// With no good build before this one, there is nothing running to update.
	relaunch := ok && (others || prev == nil)
	if ok && !relaunch && len(scripts) > 0 {
		s.hub.Broadcast(RoleService, onEvent(CmdAppServiceOnEvent, "onScriptsChanged", map[string]any{"paths": scripts}))
	} else if ok && !relaunch {
		if styles := changedKeys(prev.Styles, cur.Styles, bytes.Equal); len(styles) > 0 {
			s.hub.Broadcast(RoleWebview, onEvent(CmdWebviewOnEvent, "onStylesChanged", map[string]any{"paths": styles}))
		}
		if wxs {
			s.hub.Broadcast(RoleWebview, onEvent(CmdWebviewOnEvent, "onWxsChanged", nil))
		}
		templates := changedKeys(prev.TemplateCode, cur.TemplateCode, func(a, b string) bool { return a == b })
		if wxs {
			// The templates hold on to the WXS modules they loaded: all are renewed.
			templates = slices.Sorted(maps.Keys(cur.TemplateCode))
		}
		if len(templates) > 0 {
			s.hub.Broadcast(RoleService, onEvent(CmdAppServiceOnEvent, "onTemplatesChanged", map[string]any{"paths": templates, "wxs": wxs}))
		}
	}
	s.reportBuild(ok, relaunch, changed, errs, mockErrs)
}

// reportBuild tells the shells about a rebuild: the errors of the build and of the mock
// file show over the simulator until both are good.
func (s *Server) reportBuild(ok, relaunch bool, changed []string, lists ...diag.List) {
	var problems []diag.Diagnostic
	for _, errs := range lists {
		for _, d := range errs {
			if d.Severity == diag.Error {
				problems = append(problems, d)
			}
		}
	}
	frame, _ := json.Marshal(Frame{Command: CmdShellOnEvent, Data: mustJSON(map[string]any{
		"eventName": "onBuild",
		"data":      map[string]any{"ok": ok, "relaunch": relaunch, "changed": changed, "errors": problems},
	})})
	s.hub.Broadcast(RoleController, frame)
}

// changedKeys are the keys whose values differ between two builds' maps, added and removed
// ones included, sorted.
func changedKeys[V any](old, cur map[string]V, equal func(a, b V) bool) []string {
	var keys []string
	for k, v := range cur {
		if o, ok := old[k]; !ok || !equal(o, v) {
			keys = append(keys, k)
		}
	}
	for k := range old {
		if _, ok := cur[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// onEvent is an *_ON_EVENT frame.
func onEvent(command, eventName string, data map[string]any) []byte {
	if data == nil {
		data = map[string]any{}
	}
	frame, _ := json.Marshal(Frame{Command: command, Data: mustJSON(map[string]any{"eventName": eventName, "data": data})})
	return frame
}

func (s *Server) current() (*compiler.Output, diag.List) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.build, s.errors
}

// Handler returns the HTTP routes of the simulator.
func (s *Server) Handler() http.Handler {
	r := chi.NewRouter()
	r.Use(s.sameOrigin)
	r.Get("/", s.serveFile(s.opts.Shell, "index.html"))
	r.Get("/page-frame.html", s.serveFile(s.opts.Shell, "page-frame.html"))
	r.Handle("/shell/*", http.StripPrefix("/shell/", noCache(http.FileServerFS(s.opts.Shell))))
	r.Handle("/runtime/*", http.StripPrefix("/runtime/", noCache(http.FileServerFS(s.opts.Runtime))))
	r.Get("/app-config.json", s.appConfig)
	r.Get("/appservice.js", s.appService)
	r.Get("/appservice.js.map", s.appServiceMap)
	r.Get("/wxs.js", s.pageWXS)
	r.Get("/templates.js", s.templates)
	r.Get("/modules.js", s.moduleScript)
	r.Get("/wxss/*", s.styleSheet)
	r.Post("/apihelper/assdk", s.assdk)
	r.Post("/apihelper/tempfile", s.tempFile)
	r.Post("/session/device", s.chooseDevice)
	r.Post("/session/theme", s.chooseTheme)
	r.Post("/project/conditions", s.saveCondition)
	r.Get("/wxfile/*", s.wxfile)
	r.Get("/ws/{role}", s.socket)
	r.Get("/ws/{role}/{id}", s.socket)
	// Any other path is a file of the mini-program (an image, a font), by its path from the
	// mini-program root, as an <image src="/images/a.png"> names it.
	r.NotFound(s.projectFile)
	return r
}

// projectFile serves a file of the last good build's mini-program root. Its sources are
// the developer's own; the fs.FS keeps the request inside the root.
func (s *Server) projectFile(w http.ResponseWriter, r *http.Request) {
	out, _ := s.current()
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if out == nil || out.Files == nil || r.Method != http.MethodGet && r.Method != http.MethodHead || !fs.ValidPath(name) || name == "." {
		http.NotFound(w, r)
		return
	}
	st, err := fs.Stat(out.Files, name)
	if err != nil || st.IsDir() {
		http.NotFound(w, r)
		return
	}
	revalidate(w, st)
	http.ServeFileFS(w, r, out.Files, name)
}

// CodeFiles is the mini-program root of the last good build (nil before one): the file
// system APIs read the code package's files from it.
func (s *Server) CodeFiles() fs.FS {
	out, _ := s.current()
	if out == nil {
		return nil
	}
	return out.Files
}

// wxfile serves a file of the sandbox by its wxfile:// path, /wxfile/usr/a.png for
// wxfile://usr/a.png, so that an <image> can show what the mini-program wrote. Read-only;
// the sandbox's os.Root keeps the request inside it.
func (s *Server) wxfile(w http.ResponseWriter, r *http.Request) {
	if s.opts.Files == nil {
		http.NotFound(w, r)
		return
	}
	file, st, err := s.opts.Files.Open("wxfile://" + chi.URLParam(r, "*"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer file.Close()
	revalidate(w, st)
	http.ServeContent(w, r, st.Name(), st.ModTime(), file)
}

// sameOrigin refuses requests that a page of another origin makes: the simulator serves
// the developer's code and answers APIs, so only its own pages may call it. (WebSocket
// upgrades are checked again by websocket.Accept.)
func (s *Server) sameOrigin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if origin := r.Header.Get("Origin"); origin != "" {
			u, err := url.Parse(origin)
			if err != nil || !strings.EqualFold(u.Host, r.Host) {
				s.log.Warn("refused a request from a foreign origin", "origin", origin, "path", r.URL.Path)
				http.Error(w, "mpsim: requests from origin "+origin+" are refused", http.StatusForbidden)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func noCache(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		h.ServeHTTP(w, r)
	})
}

func (s *Server) serveFile(fsys fs.FS, name string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeFileFS(w, r, fsys, name)
	}
}

func (s *Server) appConfig(w http.ResponseWriter, r *http.Request) {
	out, errs := s.current()
	s.mu.RLock()
	mockErrs := s.mockErrors
	s.mu.RUnlock()
	body := map[string]any{"device": s.opts.Devices.Default(), "devices": api.Devices, "projectName": s.opts.ProjectName, "errors": errs, "mockErrors": mockErrs,
		// The session's theme, which outlives a reload of the shell (automation's session).
		"deviceTheme": s.opts.Devices.Theme(r.URL.Query().Get("session"))}
	if s.opts.ProjectDir != "" {
		conditions, err := project.Conditions(os.DirFS(s.opts.ProjectDir))
		if err != nil {
			s.log.Warn("compile modes", "err", err)
		}
		body["conditions"] = conditions
	}
	if out != nil {
		body["pages"] = out.Config.Pages
		body["allPages"] = out.Config.AllPages
		body["tabBar"] = out.Config.TabBar
		body["pageWindows"] = out.Config.PageWindows
		body["entryPagePath"] = out.Config.EntryPagePath
		body["window"] = out.Config.Window
		body["style"] = out.Config.Style
		body["theme"] = out.Config.Theme
	}
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) appService(w http.ResponseWriter, r *http.Request) {
	out, errs := s.current()
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	if out == nil {
		// No good build yet: the service layer reports this as its start-up error.
		msg, _ := json.Marshal("the app does not compile:\n" + errs.Error())
		io.WriteString(w, "throw new Error("+string(msg)+");\n")
		return
	}
	io.WriteString(w, out.AppService())
}

// pageWXS serves wxs.js, the WXS modules the page layer runs (handlers, observers).
func (s *Server) pageWXS(w http.ResponseWriter, r *http.Request) {
	out, _ := s.current()
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	if out != nil {
		io.WriteString(w, out.PageWXS())
	}
}

// templates serves templates.js?paths=a,b[&wxs=1]: the templates of a hot update (and
// those that import them), over the ones the service layer has, with the WXS modules again
// when one of them changed.
func (s *Server) templates(w http.ResponseWriter, r *http.Request) {
	out, _ := s.current()
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	if out != nil {
		script, _ := out.TemplateScript(strings.Split(r.URL.Query().Get("paths"), ","), r.URL.Query().Get("wxs") == "1")
		io.WriteString(w, script)
	}
}

// moduleScript serves modules.js?paths=pages/a/a.js: page and component scripts defined
// again, for a hot update.
func (s *Server) moduleScript(w http.ResponseWriter, r *http.Request) {
	out, _ := s.current()
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	if out != nil {
		script, _ := out.ModuleScript(strings.Split(r.URL.Query().Get("paths"), ","))
		io.WriteString(w, script)
	}
}

// appServiceMap serves the source map of appservice.js: DevTools and the runtime's
// stack traces map the app's errors to the user's files with it.
func (s *Server) appServiceMap(w http.ResponseWriter, r *http.Request) {
	out, _ := s.current()
	if out == nil || out.AppServiceMap == nil {
		http.Error(w, "mpsim: no build yet", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(out.AppServiceMap())
}

// styleSheet serves the linked CSS of a page or component: /wxss/<path>.wxss.
func (s *Server) styleSheet(w http.ResponseWriter, r *http.Request) {
	out, _ := s.current()
	name := strings.TrimSuffix(chi.URLParam(r, "*"), ".wxss")
	css, ok := []byte(nil), false
	if out != nil {
		css, ok = out.Styles[name]
	}
	if !ok {
		http.Error(w, "mpsim: no style sheet for "+name, http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(css)
}

// assdk answers a synchronous API: {api, args} in, res out. The service layer calls it
// with a synchronous XHR, as the official tools do.
func (s *Server) assdk(w http.ResponseWriter, r *http.Request) {
	var req struct {
		API  string          `json:"api"`
		Args json.RawMessage `json:"args"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 16<<20)).Decode(&req); err != nil || req.API == "" {
		writeJSON(w, http.StatusBadRequest, api.Fail(req.API, `body must be {"api": "...", "args": {...}}`))
		return
	}
	session := r.Header.Get("X-Mpsim-Session")
	res := s.opts.APIs.Invoke(r.Context(), api.Call{API: req.API, Args: req.Args, Session: session})
	writeJSON(w, http.StatusOK, res)
}

// tempFile keeps the request's body as a new temporary file of the sandbox and answers
// {tempFilePath, size}: what the shell's file picker (wx.chooseImage ...) and a canvas
// export give the mini-program. ?name= gives the file's extension.
func (s *Server) tempFile(w http.ResponseWriter, r *http.Request) {
	if s.opts.Files == nil {
		writeJSON(w, http.StatusConflict, map[string]string{"error": "this simulator has no file sandbox"})
		return
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, api.FilesLimit))
	if err != nil {
		writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": "the file is larger than 200 MB"})
		return
	}
	// Only a plain extension (".png") names the file: letters and digits, ten at most.
	ext := path.Ext(r.URL.Query().Get("name"))
	if len(ext) < 2 || len(ext) > 10 || strings.Trim(ext[1:], "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != "" {
		ext = ""
	}
	p, err := s.opts.Files.TempFile(strings.ToLower(ext), data)
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"tempFilePath": p, "size": len(data)})
}

// chooseDevice sets the device a session runs on ({"session", "model"}): the shell calls it
// before it starts the service layer, which asks for the system info at once.
func (s *Server) chooseDevice(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Session string `json:"session"`
		Model   string `json:"model"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&req); err != nil || req.Session == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": `body must be {"session": "...", "model": "..."}`})
		return
	}
	if err := s.opts.Devices.Choose(req.Session, req.Model); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, s.opts.Devices.For(req.Session))
}

// chooseTheme sets the theme of a session's phone ({"session", "theme"}): the device panel
// calls it before it tells the app, so that the app's onThemeChange reads the new theme.
func (s *Server) chooseTheme(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Session string `json:"session"`
		Theme   string `json:"theme"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&req); err != nil || req.Session == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": `body must be {"session": "...", "theme": "light" or "dark"}`})
		return
	}
	if err := s.opts.Devices.ChooseTheme(req.Session, req.Theme); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"theme": req.Theme})
}

// saveCondition adds a compile mode (project.Condition) to project.private.config.json, as
// the official tools' "add compile mode" does.
func (s *Server) saveCondition(w http.ResponseWriter, r *http.Request) {
	var c project.Condition
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&c); err != nil || c.Name == "" || c.PathName == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": `body must be {"name", "pathName", "query", "scene"}`})
		return
	}
	if s.opts.ProjectDir == "" {
		writeJSON(w, http.StatusConflict, map[string]string{"error": "the embedded demo has no project folder to save compile modes in"})
		return
	}
	if err := project.SaveCondition(s.opts.ProjectDir, c); err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, c)
}

func (s *Server) socket(w http.ResponseWriter, r *http.Request) {
	id, err := ParseIdentity(r.URL.Query().Get("session"), chi.URLParam(r, "role"), chi.URLParam(r, "id"))
	if err != nil {
		http.Error(w, "mpsim: "+err.Error(), http.StatusBadRequest)
		return
	}
	// Accept refuses an Origin other than the request's host (the default policy).
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		s.log.Warn("websocket upgrade refused", "client", id.String(), "err", err)
		return
	}
	s.hub.Serve(r.Context(), id, conn)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// Listen binds addr ("127.0.0.1:0" picks a free port).
func Listen(addr string) (net.Listener, error) {
	return net.Listen("tcp", addr)
}

// Serve runs the HTTP server and the hub on l until ctx is done, then shuts down.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	hubCtx, stopHub := context.WithCancel(ctx)
	defer stopHub()
	go s.hub.Run(hubCtx)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		// WebSockets are hijacked: Shutdown does not wait for them; BaseContext ends them.
		err := srv.Shutdown(shutdownCtx)
		if errors.Is(err, context.DeadlineExceeded) {
			err = srv.Close()
		}
		<-errc
		return err
	}
}

// revalidate has the browser ask again for a file of the project or the sandbox before
// each use, with an ETag of its modification time to the nanosecond and its size: a file
// saved twice within a second (Last-Modified's precision) must not be answered "not
// modified" with the first content.
func revalidate(w http.ResponseWriter, st fs.FileInfo) {
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("ETag", fmt.Sprintf(`"%x-%x"`, st.ModTime().UnixNano(), st.Size()))
}
