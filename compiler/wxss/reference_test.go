package wxss

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/mpsim/mpsim/internal/headless"
	"github.com/mpsim/mpsim/internal/testlibs"
)

// The reference test: each case of testdata/wxss/ref is compiled by us and by the
// official wcsc (npm miniprogram-compiler, with the rpx runtime its output carries), both
// are loaded into iframes exactly as wide as a device, and every computed style property
// of every marked element must be the same. A case is one text file of sections
// "-- name --": page.wxss (the sheet), any other .wxss it imports, dom.html (the markup,
// with the tags as the page layer renders them; elements to compare carry data-k), and
// an optional scope (the sheet is a component's: we link with that scope, wcsc's
// runtime gets the class prefix "{scope}--"). Custom properties themselves are not
// compared: their computed value is their text, which is an expression in ours and
// pixels in wcsc's; what matters, the properties that use them, is.
const refDir = "../../testdata/wxss/ref"

var deviceWidths = []int{375, 414}

type refCase struct {
	name    string
	files   map[string][]byte
	dom     string // the page as wcsc's runtime renders it
	oursDOM string // the page as ours renders it, when different (ours.html; custom component hosts keep their names)
	scope   string
}

// parseSections reads the "-- name --" sections of a case file.
func parseSections(data []byte) map[string][]byte {
	files := map[string][]byte{}
	var name string
	for line := range bytes.SplitAfterSeq(data, []byte("\n")) {
		trimmed := bytes.TrimSpace(line)
		if bytes.HasPrefix(trimmed, []byte("-- ")) && bytes.HasSuffix(trimmed, []byte(" --")) && len(trimmed) > 6 {
			name = string(trimmed[3 : len(trimmed)-3])
			files[name] = []byte{}
			continue
		}
		if name != "" {
			files[name] = append(files[name], line...)
		}
	}
	return files
}

func refCases(t *testing.T) []refCase {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(refDir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases in %s: %v", refDir, err)
	}
	var cases []refCase
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files := parseSections(data)
		c := refCase{name: strings.TrimSuffix(filepath.Base(p), ".txt"), files: map[string][]byte{}}
		for name, body := range files {
			switch {
			case name == "dom.html":
				c.dom = string(body)
			case name == "ours.html":
				c.oursDOM = string(body)
			case name == "scope":
				c.scope = strings.TrimSpace(string(body))
			case strings.HasSuffix(name, ".wxss"):
				c.files[name] = body
			default:
				t.Fatalf("%s: unknown section %q", p, name)
			}
		}
		if c.oursDOM == "" {
			c.oursDOM = c.dom
		}
		if c.files["page.wxss"] == nil || c.dom == "" {
			t.Fatalf("%s: a case needs page.wxss and dom.html", p)
		}
		cases = append(cases, c)
	}
	return cases
}

// wcscPath is the official compiler's Linux binary from the pinned test libraries.
func wcscPath(t testing.TB) string {
	t.Helper()
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skipf("wcsc ships for linux/amd64 only, not %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	p := filepath.Join(testlibs.NodeModules(t), "miniprogram-compiler", "bin", "linux", "wcsc")
	if err := os.Chmod(p, 0o755); err != nil { // npm does not keep the exec bit of bin/ files
		t.Fatal(err)
	}
	return p
}

// runWcsc compiles the files in dir (paths relative to it) with wcsc, the first `pages`
// of them as sheets of their own, as the developer tools call it, and returns its output
// by key: "comm" (the shared runtime) and "./<file>" (a JavaScript expression whose
// value, a function, writes the sheet into the page). The values are still in wcsc's
// escaped form, the body of a JavaScript string literal.
func runWcsc(wcsc, dir string, pages int, files []string) (map[string]string, error) {
	args := []string{"-pc", fmt.Sprint(pages)}
	for _, f := range files {
		args = append(args, "./"+f)
	}
	cmd := exec.Command(wcsc, args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || bytes.Contains(out, []byte("ERR:")) {
		return nil, fmt.Errorf("wcsc %v: %v\n%s%s", files, err, stderr.String(), out)
	}
	// Escaped as \x3d inside, "=" only separates keys and values.
	parts := strings.Split(string(out), "=")
	res := map[string]string{}
	for i := 0; i+1 < len(parts); i += 2 {
		res[parts[i]] = parts[i+1]
	}
	return res, nil
}

// refJS runs in the top page: it loads one case into two iframes of the device's width,
// wcsc's and ours, and returns the computed style properties that differ.
const refJS = `
window.refCase = async (c) => {
  const base = '<style>html,body{margin:0} page,wx-view{display:block}</style>';
  const frame = async (html) => {
    const f = document.createElement('iframe');
    f.style.cssText = 'border:0;display:block;height:700px;width:' + c.width + 'px';
    document.body.appendChild(f);
    await new Promise((ok) => { f.onload = ok; f.srcdoc = html; });
    return f;
  };
  const theirs = await frame('<!doctype html><html><head>' + base + '</head><body data-k="page">' + c.dom + '</body></html>');
  const w = theirs.contentWindow;
  w.eval(w.eval('"' + c.comm + '"'));
  w.eval(w.eval('"' + c.sheet + '"'))(c.suffix, { deviceWidth: c.width });
  const ours = await frame('<!doctype html><html><head>' + base + '<style>' + c.ours.replace(/<\//g, '<\\/') + '</style></head><body><page data-k="page">' + c.oursDOM + '</page></body></html>');
  const styles = (f) => {
    const res = {};
    for (const el of f.contentDocument.querySelectorAll('[data-k]')) {
      const cs = f.contentWindow.getComputedStyle(el);
      const props = {};
      for (let i = 0; i < cs.length; i++) props[cs[i]] = cs.getPropertyValue(cs[i]);
      res[el.getAttribute('data-k')] = props;
    }
    return res;
  };
  const a = styles(theirs), b = styles(ours);
  const diffs = [];
  let compared = 0;
  for (const k of Object.keys(a)) {
    if (!b[k]) { diffs.push(k + ': missing in ours'); continue; }
    for (const p of Object.keys(a[k])) {
      // A custom property's computed value is its text (ours: the rpx expression, wcsc's:
      // pixels); the properties that use it are compared.
      if (p.startsWith('--')) continue;
      compared++;
      if (a[k][p] !== b[k][p]) diffs.push(k + ' ' + p + ': wcsc ' + a[k][p] + ', ours ' + b[k][p]);
    }
  }
  const sample = {};
  for (const k of Object.keys(a)) sample[k] = a[k]['width'] + ' ' + a[k]['font-size'];
  theirs.remove(); ours.remove();
  return { diffs, compared, sample };
};
`

type refResult struct {
	Diffs    []string          `json:"diffs"`
	Compared int               `json:"compared"`
	Sample   map[string]string `json:"sample"`
}

func TestReferenceAgainstWcsc(t *testing.T) {
	if testing.Short() {
		t.Skip("drives chromium and the official compiler")
	}
	wcsc := wcscPath(t)
	browser := openChromium(t)
	if _, err := chromedp.Run(browser, chromedp.Evaluate[any](refJS+";0")); err != nil {
		t.Fatal(err)
	}
	cases := refCases(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			names := []string{"page.wxss"}
			mapfs := fstest.MapFS{}
			for name, body := range c.files {
				if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
					t.Fatal(err)
				}
				mapfs[name] = &fstest.MapFile{Data: body}
				if name != "page.wxss" {
					names = append(names, name)
				}
			}
			sort.Strings(names[1:])
			theirs, err := runWcsc(wcsc, dir, 1, names)
			if err != nil {
				t.Fatal(err)
			}
			ours, diags := bundle(mapfs, "page.wxss", Options{Component: c.scope != ""}, c.scope)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			suffix := ""
			if c.scope != "" {
				suffix = c.scope + "--"
			}
			for _, width := range deviceWidths {
				arg, _ := json.Marshal(map[string]any{
					"width": width, "dom": c.dom, "oursDOM": c.oursDOM, "comm": theirs["comm"], "sheet": theirs["./page.wxss"],
					"suffix": suffix, "ours": ours,
				})
				ctx, cancel := context.WithTimeout(browser, 20*time.Second)
				res, err := chromedp.Run(ctx, chromedp.Evaluate[refResult]("refCase("+string(arg)+")", chromedp.EvalAwaitPromise))
				cancel()
				if err != nil {
					t.Fatalf("width %d: %v", width, err)
				}
				if res.Compared == 0 {
					t.Fatalf("width %d: no element compared", width)
				}
				if len(res.Diffs) > 0 {
					t.Errorf("width %d: %d of %d computed values differ from wcsc's:\n  %s\nours:\n%s", width,
						len(res.Diffs), res.Compared, strings.Join(res.Diffs, "\n  "), ours)
				}
				if testing.Verbose() {
					t.Logf("width %d: %d values equal; width/font-size %v", width, res.Compared, res.Sample)
				}
			}
		})
	}
}

// openChromium starts headless chromium on a blank page.
func openChromium(t *testing.T) context.Context {
	t.Helper()
	ctx := headless.Browser(t, 1000, 1000)
	navCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(navCtx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	return ctx
}
