// Command mpsim is a WeChat mini-program simulator: it compiles a mini-program folder and
// serves it to Chrome. See README.md.
package main

import (
	"cmp"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/mpsim/mpsim/api"
	"github.com/mpsim/mpsim/compiler"
	"github.com/mpsim/mpsim/compiler/diag"
	"github.com/mpsim/mpsim/compiler/npm"
	"github.com/mpsim/mpsim/compiler/project"
	mpruntime "github.com/mpsim/mpsim/runtime"
	"github.com/mpsim/mpsim/server"
	"github.com/mpsim/mpsim/web"
)

// demo is the mini-program `mpsim open` serves when given no folder.
//
//go:embed all:demo
var demo embed.FS

const usage = `mpsim: a mini-program simulator

  mpsim open [DIR] [--port N] [--host 127.0.0.1] [--open]   compile DIR and serve it (no DIR: the demo)
  mpsim auto --project DIR [--auto-port 9420]               the simulator in a headless chromium, driven by
                                                           miniprogram-automator on the automation port
  mpsim build DIR [-o OUT]                                   compile only; exit 1 on errors
  mpsim build-npm DIR                                        build node_modules into miniprogram_npm

DIR may also be given as --project DIR, as the official CLI spells it.
`

// gcPercent trades memory for speed: a build allocates much and keeps little, and a
// developer's machine has memory to spare (docs/bench.md measures the difference).
const gcPercent = 400

func main() {
	debug.SetGCPercent(gcPercent)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "open":
		return open(ctx, args[1:], stdout, stderr)
	case "auto":
		return auto(ctx, args[1:], stdout, stderr)
	case "build":
		return build(args[1:], stdout, stderr)
	case "build-npm":
		return buildNpm(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "mpsim: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// parseInterspersed parses flags that may come before or after the one positional
// argument, as `mpsim open ./app --port 9000` is written.
func parseInterspersed(fset *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fset.Parse(args); err != nil {
			return nil, err
		}
		args = fset.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// projectFS picks the folder to serve: DIR, --project DIR, or the embedded demo.
func projectFS(positional []string, projectFlag string) (fs.FS, string, error) {
	dir := projectFlag
	if len(positional) > 1 {
		return nil, "", fmt.Errorf("one project folder at most, got %q", positional)
	}
	if len(positional) == 1 {
		if dir != "" && dir != positional[0] {
			return nil, "", fmt.Errorf("two project folders: %q and --project %q", positional[0], dir)
		}
		dir = positional[0]
	}
	if dir == "" {
		sub, err := fs.Sub(demo, "demo")
		return sub, "demo", err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, "", err
	}
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		return nil, "", fmt.Errorf("%s is not a folder", dir)
	}
	return os.DirFS(abs), abs, nil
}

// projectDir is the folder of a project named by projectFS, "" for the embedded demo.
func projectDir(name string) string {
	if name == "demo" {
		return ""
	}
	return name
}

func open(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("mpsim open", flag.ContinueOnError)
	fset.SetOutput(stderr)
	port := fset.Int("port", 0, "port to serve on (0: a free one)")
	host := fset.String("host", "127.0.0.1", "address to bind; the simulator trusts no other origin, keep it local")
	projectFlag := fset.String("project", "", "the project folder (the official CLI's spelling)")
	openBrowser := fset.Bool("open", false, "open the simulator in Chrome/Chromium")
	verbose := fset.Bool("verbose", false, "log every connection")
	dataDir := fset.String("data", "", "the folder for the project's storage and files (default: a folder per project in the user's cache)")
	account := fset.String("account", "default", "the simulated WeChat account: each has its own storage and files in the data folder")
	positional, err := parseInterspersed(fset, args)
	if err != nil {
		return 2
	}
	cfg := serveConfig{positional: positional, project: *projectFlag, host: *host, port: *port, dataDir: *dataDir, account: *account, verbose: *verbose}
	return serve(ctx, cfg, stdout, stderr, func(url string, _ bool) {
		if *openBrowser {
			if err := launchBrowser(url); err != nil {
				fmt.Fprintln(stderr, "mpsim: --open:", err)
			}
		}
	})
}

// serveConfig is what `mpsim open` and `mpsim auto` serve.
type serveConfig struct {
	positional []string // the project folder, if given as an argument
	project    string   // --project
	host       string
	port       int
	dataDir    string
	account    string // the simulated account whose storage and files it sees ("": default)
	verbose    bool
}

// serve compiles the project and serves the simulator until ctx is done; serving is
// called with the simulator's URL once it listens, and whether the project built.
func serve(ctx context.Context, cfg serveConfig, stdout, stderr io.Writer, serving func(url string, built bool)) int {
	fsys, name, err := projectFS(cfg.positional, cfg.project)
	if err != nil {
		fmt.Fprintln(stderr, "mpsim:", err)
		return 2
	}
	if name != "demo" {
		if hint := npmHint(name); hint != "" {
			fmt.Fprintln(stderr, hint)
		}
	}
	level := slog.LevelInfo
	if cfg.verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))

	assets, err := mpruntime.Assets()
	if err != nil {
		fmt.Fprintln(stderr, "mpsim:", err)
		return 1
	}
	builder := compiler.NewBuilder()
	proj, out, errs := compile(builder, fsys, nil)
	if len(errs) > 0 {
		fmt.Fprintln(stderr, errs.Error())
	}
	projectName := name
	if proj != nil && proj.Config.ProjectName != "" {
		projectName = proj.Config.ProjectName
	}
	appID := ""
	if proj != nil {
		appID = proj.Config.AppID
	}
	l, err := server.Listen(net.JoinHostPort(cfg.host, strconv.Itoa(cfg.port)))
	if err != nil {
		fmt.Fprintln(stderr, "mpsim:", err)
		return 1
	}
	data := projectDataDir(cfg.dataDir, name)
	account := cmp.Or(cfg.account, "default")
	storage, err := openStorage(data, account)
	if err != nil {
		fmt.Fprintln(stderr, "mpsim:", err)
		return 1
	}
	defer storage.Close()
	// The file APIs read the code package from the build the server holds (srv, below).
	var srv *server.Server
	files, err := api.OpenFiles(data, account, func() fs.FS {
		if srv == nil {
			return nil
		}
		return srv.CodeFiles()
	})
	if err != nil {
		fmt.Fprintln(stderr, "mpsim:", err)
		return 1
	}
	defer files.Close()
	_, listenPort, _ := net.SplitHostPort(l.Addr().String())
	devices := api.NewSessionDevices(api.IPhone12)
	// The WeChat account: mpsim.mock.json in the project's folder, a tourist without it.
	mocks := api.NewMocks()
	if proj != nil {
		mocks.SetProject(proj)
	}
	mockErrs := loadMocks(mocks, projectDir(name))
	if len(mockErrs) > 0 {
		fmt.Fprintln(stderr, mockErrs.Error())
	}
	srv = server.New(server.Options{
		Runtime: assets,
		Shell:   web.Static(),
		APIs: api.Default(api.Options{
			Devices: devices, Mocks: mocks, Storage: storage, Files: files,
			// The simulator's own address is not a backend a mini-program may call.
			Network: api.Network{Refused: []string{l.Addr().String(), "localhost:" + listenPort, "127.0.0.1:" + listenPort}, AppID: appID},
		}),
		ShellAPIs:   web.ShellAPIs,
		Devices:     devices,
		ProjectName: projectName,
		ProjectDir:  projectDir(name),
		Logger:      log,
		Files:       files,
	})
	srv.SetBuild(out, errs)
	srv.MocksLoaded(mockErrs)
	url := "http://" + l.Addr().String() + "/"
	fmt.Fprintf(stdout, "mpsim: serving %s at %s\n", name, url)
	serving(url, out != nil)
	if name != "demo" {
		// Saves rebuild what changed; a build with errors leaves the last good one serving.
		root := rootOf(proj)
		// A data folder inside the project (--data) changes as the app runs: not a source.
		skip := []string{}
		if abs, err := filepath.Abs(data); err == nil {
			skip = append(skip, abs)
		}
		go server.Watch(ctx, name, 10*time.Millisecond, skip, log, func(changed []string) {
			// The mock file is read again by itself: it is no part of the app, so the app
			// keeps running with its pages.
			if i := slices.Index(changed, api.MockFileName); i >= 0 {
				changed = slices.Delete(changed, i, i+1)
				errs := loadMocks(mocks, projectDir(name))
				srv.MocksLoaded(errs)
				fmt.Fprintln(stderr, mocksLine(errs))
				if len(changed) == 0 {
					return
				}
			}
			proj, out, errs := compile(builder, fsys, underRoot(changed, root))
			if proj != nil {
				mocks.SetProject(proj)
			}
			srv.SetBuild(out, errs)
			srv.Built(changed, out != nil, errs)
			stats := builder.Stats()
			if proj == nil {
				stats = compiler.Stats{} // the project did not load: nothing was compiled
			}
			fmt.Fprintln(stderr, rebuildLine(changed, stats, out != nil, errs))
			if len(errs) > 0 {
				fmt.Fprintln(stderr, errs.Error())
			}
		})
	}
	if err := srv.Serve(ctx, l); err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "mpsim:", err)
		return 1
	}
	return 0
}

// loadMocks reads the project's mock file; the embedded demo ("") has none.
func loadMocks(mocks *api.Mocks, dir string) diag.List {
	if dir == "" {
		return nil
	}
	return mocks.LoadFile(dir)
}

// mocksLine is the terminal's line for a reload of the mock file.
func mocksLine(errs diag.List) string {
	if len(errs) > 0 {
		return fmt.Sprintf("mpsim: %s changed: %d error(s); the last good mocks stay\n%s", api.MockFileName, len(errs), errs.Error())
	}
	return fmt.Sprintf("mpsim: %s changed: mocks reloaded", api.MockFileName)
}

// projectDataDir is the project's data folder: dataDir, or one in the user's cache named
// after the project's path, so that data survives restarts and projects stay apart.
func projectDataDir(dataDir, project string) string {
	if dataDir != "" {
		return dataDir
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	sum := sha256.Sum256([]byte(project))
	return filepath.Join(cache, "mpsim", "projects", hex.EncodeToString(sum[:8]))
}

// openStorage opens the wx storage of account in the project's data folder.
func openStorage(dataDir, account string) (*api.Storage, error) {
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, err
	}
	return api.OpenStorage(filepath.Join(dataDir, "storage.db"), account)
}

// rebuildLine is the one line the terminal shows per rebuild: what changed, what was
// compiled, how long it took, and whether the new build serves.
func rebuildLine(changed []string, st compiler.Stats, ok bool, errs diag.List) string {
	what := strings.Join(changed, ", ")
	if len(changed) > 3 {
		what = fmt.Sprintf("%s and %d more", strings.Join(changed[:3], ", "), len(changed)-3)
	}
	result := fmt.Sprintf("%d compiled, %d reused, %v", st.Compiled, st.Reused, st.Duration.Round(time.Millisecond))
	if !ok {
		n := 0
		for _, d := range errs {
			if d.Severity == diag.Error {
				n++
			}
		}
		return fmt.Sprintf("mpsim: %s changed: %d error(s); still serving the last good build (%s)", what, n, result)
	}
	return fmt.Sprintf("mpsim: %s changed: rebuilt (%s)", what, result)
}

func build(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("mpsim build", flag.ContinueOnError)
	fset.SetOutput(stderr)
	outDir := fset.String("o", "", "write what the server serves into this folder")
	projectFlag := fset.String("project", "", "the project folder (the official CLI's spelling)")
	positional, err := parseInterspersed(fset, args)
	if err != nil {
		return 2
	}
	if len(positional) == 0 && *projectFlag == "" {
		fmt.Fprintln(stderr, "mpsim build: which folder? mpsim build DIR")
		return 2
	}
	fsys, _, err := projectFS(positional, *projectFlag)
	if err != nil {
		fmt.Fprintln(stderr, "mpsim:", err)
		return 2
	}
	_, out, errs := compile(compiler.NewBuilder(), fsys, nil)
	if len(errs) > 0 {
		fmt.Fprintln(stderr, errs.Error())
	}
	if out == nil || errs.HasErrors() {
		fmt.Fprintf(stderr, "mpsim: build failed with %d problem(s)\n", len(errs))
		return 1
	}
	if *outDir != "" {
		if err := writeOutput(*outDir, out); err != nil {
			fmt.Fprintln(stderr, "mpsim:", err)
			return 1
		}
	}
	fmt.Fprintf(stdout, "mpsim: built %d page(s)\n", len(out.Config.AllPages))
	return 0
}

// writeOutput writes what the server serves for a build: appservice.js and its map,
// wxs.js, app-config.json, and each style sheet as wxss/<path>.wxss.
func writeOutput(dir string, out *compiler.Output) error {
	cfg, err := json.MarshalIndent(out.Config, "", "  ")
	if err != nil {
		return err
	}
	files := map[string][]byte{
		"appservice.js":     []byte(out.AppService()),
		"appservice.js.map": out.AppServiceMap(),
		"wxs.js":            []byte(out.PageWXS()),
		"app-config.json":   cfg,
	}
	for path, css := range out.Styles {
		files[filepath.Join("wxss", filepath.FromSlash(path)+".wxss")] = css
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// buildNpm is the official tools' "Build npm": node_modules into miniprogram_npm.
func buildNpm(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("mpsim build-npm", flag.ContinueOnError)
	fset.SetOutput(stderr)
	projectFlag := fset.String("project", "", "the project folder (the official CLI's spelling)")
	minify := fset.Bool("minify", false, "minify the bundles of plain JavaScript packages")
	positional, err := parseInterspersed(fset, args)
	if err != nil {
		return 2
	}
	dir := *projectFlag
	if len(positional) == 1 && dir == "" {
		dir = positional[0]
	}
	if dir == "" || len(positional) > 1 {
		fmt.Fprintln(stderr, "mpsim build-npm: which folder? mpsim build-npm DIR")
		return 2
	}
	report, err := npm.Build(dir, npm.Options{Minify: *minify})
	if err != nil {
		fmt.Fprintln(stderr, "mpsim build-npm:", err)
		return 1
	}
	for _, p := range report.Packages {
		fmt.Fprintf(stdout, "  %s@%s (%s, %d files) -> %s\n", p.Name, p.Version, p.Kind, p.Files, p.Out)
	}
	for _, sk := range report.Skipped {
		fmt.Fprintf(stdout, "  skipped %s: %s\n", sk.Name, sk.Reason)
	}
	fmt.Fprintf(stdout, "mpsim: built %d npm package(s)\n", len(report.Packages))
	return 0
}

// npmHint tells the user to build npm when the project has node_modules but no
// miniprogram_npm, which is what a mini-program requires packages from.
func npmHint(dir string) string {
	hasModules, hasNpm := false, false
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() || p == dir {
			return nil
		}
		switch {
		case d.Name() == "node_modules":
			hasModules = true
			return fs.SkipDir
		case d.Name() == "miniprogram_npm":
			hasNpm = true
			return fs.SkipAll
		case strings.HasPrefix(d.Name(), "."):
			return fs.SkipDir
		}
		return nil
	})
	if hasModules && !hasNpm {
		return "mpsim: this project has node_modules but no miniprogram_npm: run `mpsim build-npm " + dir + "` to use its npm packages"
	}
	return ""
}

// compile loads and builds the project in fsys with b, which keeps what did not change
// from its last build; changed names the files that did (nil: look at everything). out is
// nil when the project has errors: the last good build stays.
func compile(b *compiler.Builder, fsys fs.FS, changed []string) (*project.Project, *compiler.Output, diag.List) {
	proj, errs := project.Load(fsys)
	if proj == nil {
		return nil, nil, errs
	}
	errs = append(errs, proj.MountExtendedLibs(mpruntime.ExtendedLib)...)
	out, buildErrs := b.Build(proj, changed)
	errs = append(errs, buildErrs...)
	if errs.HasErrors() {
		out = nil
	}
	return proj, out, errs
}

// rootOf is the project's miniprogramRoot, as a slash path ("" for the folder itself).
func rootOf(p *project.Project) string {
	if p == nil {
		return ""
	}
	return strings.Trim(path.Clean("/"+p.Config.MiniprogramRoot), "/")
}

// underRoot turns paths relative to the project folder into paths relative to the
// mini-program root; a change outside the root (project.config.json) makes the whole
// list unknown, so that everything is looked at.
func underRoot(changed []string, root string) []string {
	if root == "" {
		return changed
	}
	var out []string
	for _, c := range changed {
		rel, ok := strings.CutPrefix(c, root+"/")
		if !ok {
			return nil
		}
		out = append(out, rel)
	}
	return out
}

// launchBrowser opens url in the system's Chrome or Chromium, if it has one.
func launchBrowser(url string) error {
	if runtime.GOOS == "darwin" {
		return exec.Command("open", "-a", "Google Chrome", url).Start()
	}
	for _, name := range []string{"google-chrome", "google-chrome-stable", "chromium", "chromium-browser", "chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return exec.Command(path, url).Start()
		}
	}
	return errors.New("no Chrome or Chromium found on PATH; open " + url + " yourself")
}
