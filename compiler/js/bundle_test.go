package js

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/debugger"
	"github.com/chromedp/chromedp"

	"github.com/mpsim/mpsim/internal/headless"
)

// stackProject compiles testdata/js/stack into one appservice.js as the build does: glue
// text, then each module inside its module function.
func stackProject(t *testing.T) (code, sourceMap []byte) {
	t.Helper()
	var b Bundle
	b.WriteString("// appservice.js for a test\nvar glue = 1;\n\n")
	for _, name := range []string{"pages/index/index.ts", "utils/fail.ts"} {
		src, err := os.ReadFile(filepath.Join("../../testdata/js/stack", name))
		if err != nil {
			t.Fatal(err)
		}
		m, errs := Transform(name, src)
		if errs != nil {
			t.Fatal(errs)
		}
		b.WriteString("__mpsim.define(\"" + m.Path + "\", function (require, module, exports) {\n")
		b.WriteModule(m)
		b.WriteString("});\n")
	}
	text, makeMap := b.Finish("appservice.js", "appservice.js.map")
	return []byte(text), makeMap()
}

// sourceLine is the 1-based line of the line holding marker in a testdata/js/stack file.
func sourceLine(t *testing.T, name, marker string) int {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("../../testdata/js/stack", name))
	if err != nil {
		t.Fatal(err)
	}
	line, _ := find(t, string(src), marker)
	return line
}

func TestBundleMapsEveryModuleAtItsOffset(t *testing.T) {
	code, mapJSON := stackProject(t)
	sm, err := ParseSourceMap(mapJSON)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(sm.Sources, ",") != "pages/index/index.ts,utils/fail.ts" || len(sm.SourcesContent) != 2 || sm.SourcesContent[1] == nil {
		t.Fatalf("sources %v, %d contents", sm.Sources, len(sm.SourcesContent))
	}
	if !strings.HasSuffix(string(code), "\n//# sourceMappingURL=appservice.js.map\n") {
		t.Fatalf("no sourceMappingURL comment at the end")
	}
	for _, tc := range []struct{ generated, source, marker string }{
		{"(0, import_fail.fail)(", "pages/index/index.ts", "THROWN-HERE"},
		{"new Error(message)", "utils/fail.ts", "ERROR-CREATED"},
	} {
		line, col := find(t, string(code), tc.generated)
		pos, ok := sm.Lookup(line, col)
		if want := sourceLine(t, tc.source, tc.marker); !ok || pos.Source != tc.source || pos.Line != want {
			t.Errorf("appservice.js:%d:%d maps to %+v, want %s:%d", line, col, pos, tc.source, want)
		}
	}
	// The glue maps to nothing.
	if pos, ok := sm.Lookup(2, 1); ok {
		t.Errorf("glue line maps to %+v", pos)
	}
}

// workerPage is the test's stand-in for the simulator's service layer: a Worker that
// importScripts appservice.js, runs a page method that throws, and posts the stack.
const workerPage = `<!doctype html><script>
window.stack = new Promise(resolve => {
  const w = new Worker('/worker.js');
  w.onmessage = e => resolve(e.data);
  w.onerror = e => resolve('worker error: ' + e.message);
});
</script>`

const workerScript = `
const defined = {}, loaded = {};
function load(path) {
  if (!loaded[path]) {
    const module = { exports: {} };
    loaded[path] = module;
    const dir = path.split('/').slice(0, -1);
    defined[path](spec => {
      const parts = [...dir];
      for (const seg of spec.split('/')) seg === '..' ? parts.pop() : seg !== '.' && parts.push(seg);
      return load(parts.join('/') + '.js');
    }, module, module.exports);
  }
  return loaded[path].exports;
}
self.__mpsim = { define: (path, fn) => { defined[path] = fn } };
importScripts('/appservice.js');
try {
  load('pages/index/index.js').default.explode();
} catch (e) {
  postMessage(e.stack);
}
`

// TestChromiumStackMapsToTypeScript proves the source map on the real thing: Chromium
// runs appservice.js through importScripts in a Worker, and the positions in the thrown
// Error's stack map back to the .ts files and lines through the bundle's map.
func TestChromiumStackMapsToTypeScript(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	code, mapJSON := stackProject(t)
	files := map[string]string{
		"/":                  workerPage,
		"/worker.js":         workerScript,
		"/appservice.js":     string(code),
		"/appservice.js.map": string(mapJSON),
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".js") {
			w.Header().Set("Content-Type", "text/javascript")
		} else {
			w.Header().Set("Content-Type", "text/html")
		}
		w.Write([]byte(body))
	}))
	defer srv.Close()

	browserCtx := headless.Browser(t, 800, 600)
	ctx, cancel := context.WithTimeout(browserCtx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	stack, err := chromedp.Run(ctx, chromedp.Evaluate[string]("window.stack", chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("stack in Chromium:\n%s", stack)

	// DevTools maps what it shows through the map V8 reports with each parsed script:
	// check that the script importScripts loaded in the Worker comes with it.
	if url := workerScriptSourceMap(t, ctx, "appservice.js"); url != "appservice.js.map" {
		t.Errorf("DevTools gets sourceMapURL %q for appservice.js in the Worker, want appservice.js.map", url)
	}

	sm, err := ParseSourceMap(mapJSON)
	if err != nil {
		t.Fatal(err)
	}
	mapped := sm.MapStack(stack, "appservice.js")
	t.Logf("mapped:\n%s", mapped)
	frames := regexp.MustCompile(`\((\S+):(\d+):\d+\)`).FindAllStringSubmatch(mapped, 2)
	if len(frames) < 2 {
		t.Fatalf("stack has no two frames:\n%s", mapped)
	}
	for i, want := range []struct{ source, marker string }{
		{"utils/fail.ts", "ERROR-CREATED"},
		{"pages/index/index.ts", "THROWN-HERE"},
	} {
		line := sourceLine(t, want.source, want.marker)
		if frames[i][1] != want.source || frames[i][2] != strconv.Itoa(line) {
			t.Errorf("frame %d is %s:%s, want %s:%d", i, frames[i][1], frames[i][2], want.source, line)
		}
	}
}

// workerScriptSourceMap attaches to the page's Worker as DevTools does and returns the
// sourceMapURL V8 reports for the script whose URL ends with name.
func workerScriptSourceMap(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	targets, err := chromedp.Targets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, info := range targets {
		if info.Type != "worker" {
			continue
		}
		workerCtx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(info.TargetID))
		defer cancel()
		found := make(chan string, 1)
		err := chromedp.Listen(workerCtx, func(ev any) {
			if e, ok := ev.(*debugger.EventScriptParsed); ok && strings.HasSuffix(e.URL, "/"+name) {
				select {
				case found <- e.SourceMapURL:
				default:
				}
			}
		})
		if err != nil {
			t.Fatalf("attach to the worker: %v", err)
		}
		// Enabling the debugger replays scriptParsed for the scripts already loaded.
		if _, err := chromedp.Call(workerCtx, debugger.Enable, debugger.EnableParams{}); err != nil {
			t.Fatalf("debugger in the worker: %v", err)
		}
		select {
		case url := <-found:
			return url
		case <-time.After(5 * time.Second):
			t.Fatalf("no scriptParsed for %s in the worker", name)
		}
	}
	t.Fatal("no worker target")
	return ""
}
