// Profiling tools, not checks: built only with -tags profile (docs/bench.md, "Where the
// time goes"), so that the suite's run neither compiles nor lists them.

//go:build profile

package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/profiler"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// TestRenderProfile is a tool, not a check: with MPSIM_PROFILE=dir it takes CPU profiles
// of the service layer's Worker and of the page (the shell's renderer, which runs the page
// iframes) while testdata/perf opens its 1,000-row page and while it changes one row 20
// times, writes them to dir (*.cpuprofile, for DevTools), and logs where the time went:
// by source file of the bundles and by function.
//
//	MPSIM_PROFILE=/tmp/prof go test -tags profile -count=1 -v -run RenderProfile ./e2e/
func TestRenderProfile(t *testing.T) {
	dir := os.Getenv("MPSIM_PROFILE")
	if dir == "" {
		t.Skip("set MPSIM_PROFILE to a folder to take the render profiles")
	}
	srv := StartServer(t, mpsimBin, RepoPath("testdata/perf"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".open-small", "open small", wait)
	// Warm the spare frame and the code paths once with the small page, as TestRenderTimes does.
	b.TapThenText(".open-small", ".row-2", "row 2", wait)
	navigateBack(t, b)
	time.Sleep(300 * time.Millisecond)

	files := &sourceFiles{base: srv.URL, lines: map[string][]fileMark{}}
	profile(t, b, dir, "open-list", files, func() {
		b.TapThenText(".open-list", ".row-999", "row 999", wait)
		time.Sleep(300 * time.Millisecond)
	})
	profile(t, b, dir, "update-row", files, func() {
		for i := 0; i < 20; i++ {
			b.TapThenText(".update", ".row-500", fmt.Sprintf("changed %d", i+1), wait)
		}
	})
}

// profile runs do with the Worker's and the page's profilers on, writes both profiles and
// logs their summaries and one timeline of both (the Worker and the page's renderer are
// one process, so their profiles share a clock).
func profile(t *testing.T, b *Browser, dir, name string, files *sourceFiles, do func()) {
	targets := map[string]context.Context{"worker": b.worker, "page": b.ctx}
	for _, ctx := range targets {
		_, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{})
		if err == nil {
			_, err = chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100})
		}
		if err == nil {
			_, err = chromedp.Call(ctx, profiler.Start, cdp.Empty{})
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	metrics := func() map[string]float64 {
		chromedp.Call(b.ctx, performance.Enable, performance.EnableParams{})
		res, _ := chromedp.Call(b.ctx, performance.GetMetrics, cdp.Empty{})
		m := map[string]float64{}
		for _, x := range res.Metrics {
			m[x.Name] = x.Value
		}
		return m
	}
	before := metrics()
	do()
	after := metrics()
	var ms []string
	for _, k := range []string{"TaskDuration", "ScriptDuration", "RecalcStyleDuration", "LayoutDuration"} {
		ms = append(ms, fmt.Sprintf("%s %.1f ms", k, (after[k]-before[k])*1000))
	}
	t.Logf("%s, the page's renderer: %s", name, strings.Join(ms, ", "))
	var all []sample
	for _, target := range []string{"worker", "page"} {
		res, err := chromedp.Call(targets[target], profiler.Stop, cdp.Empty{})
		if err != nil {
			t.Fatal(err)
		}
		p := res.Profile
		out, _ := json.Marshal(p)
		os.WriteFile(filepath.Join(dir, name+"-"+target+".cpuprofile"), out, 0o644)
		summary, samples := summarize(p, files, target)
		t.Logf("%s, %s:\n%s", name, target, summary)
		all = append(all, samples...)
	}
	t.Logf("%s, timeline (5 ms steps, the busiest three of each):\n%s", name, timeline(all, 5000))
}

// sample is one profile sample: when (µs on the process's clock) and what ran.
type sample struct {
	at, us int64
	what   string
}

// summarize gives a profile's self time by source file and its top functions by self
// time, and its samples, each named by the innermost source file on its stack.
func summarize(p *profiler.Profile, files *sourceFiles, target string) (string, []sample) {
	byID := map[int64]*profiler.ProfileNode{}
	parent := map[int64]int64{}
	for _, n := range p.Nodes {
		byID[n.ID] = n
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	fileOf := func(f *cdpruntime.CallFrame) string {
		if f.URL == "" {
			return ""
		}
		return files.of(f.URL, f.LineNumber)
	}
	// what names a stack by its innermost frame with a source file; a native function
	// (appendChild) is named with it.
	what := func(id int64) string {
		top := byID[id].CallFrame
		if top.URL == "" && strings.HasPrefix(top.FunctionName, "(") {
			return top.FunctionName
		}
		native := ""
		for n := id; n != 0; n = parent[n] {
			f := byID[n].CallFrame
			if file := fileOf(f); file != "" {
				return target + " " + file + native
			}
			if native == "" {
				native = " > " + f.FunctionName
			}
		}
		return target + " (no script)" + native
	}
	var samples []sample
	self := map[int64]float64{} // ms per node
	at := int64(p.StartTime)
	for i, id := range p.Samples {
		if i < len(p.TimeDeltas) {
			at += p.TimeDeltas[i]
		}
		if i+1 < len(p.TimeDeltas) {
			d := p.TimeDeltas[i+1]
			self[id] += float64(d) / 1000
			if w := what(id); w != "(idle)" {
				samples = append(samples, sample{at, d, w})
			}
		}
	}
	byFile, byFunc := map[string]float64{}, map[string]float64{}
	total := 0.0
	for id, ms := range self {
		f := byID[id].CallFrame
		if f.FunctionName == "(idle)" {
			continue
		}
		total += ms
		file := fileOf(f)
		if file == "" {
			file = f.FunctionName
		}
		byFile[file] += ms
		fn := f.FunctionName
		if fn == "" {
			fn = "(anonymous)"
		}
		byFunc[fmt.Sprintf("%s %s:%d", fn, file, f.LineNumber+1)] += ms
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "  busy %.1f ms\n", total)
	for _, kv := range top(byFile, 12) {
		fmt.Fprintf(&sb, "  %7.1f ms  %s\n", kv.ms, kv.name)
	}
	sb.WriteString("  functions:\n")
	for _, kv := range top(byFunc, 25) {
		fmt.Fprintf(&sb, "  %7.1f ms  %s\n", kv.ms, kv.name)
	}
	return sb.String(), samples
}

// timeline lists, for each step of the samples' time, what ran most in it.
func timeline(samples []sample, step int64) string {
	if len(samples) == 0 {
		return ""
	}
	sort.Slice(samples, func(i, j int) bool { return samples[i].at < samples[j].at })
	start := samples[0].at
	buckets := map[int64]map[string]float64{}
	for _, s := range samples {
		k := (s.at - start) / step
		if buckets[k] == nil {
			buckets[k] = map[string]float64{}
		}
		buckets[k][s.what] += float64(s.us) / 1000
	}
	var keys []int64
	for k := range buckets {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var sb strings.Builder
	for _, k := range keys {
		var parts []string
		for _, kv := range top(buckets[k], 3) {
			parts = append(parts, fmt.Sprintf("%.1f %s", kv.ms, kv.name))
		}
		fmt.Fprintf(&sb, "  %5d ms  %s\n", k*step/1000, strings.Join(parts, " | "))
	}
	return sb.String()
}

type named struct {
	name string
	ms   float64
}

func top(m map[string]float64, n int) []named {
	var out []named
	for k, v := range m {
		out = append(out, named{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ms > out[j].ms })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// sourceFiles finds the source file of a line of a bundle from the "// path" comments
// esbuild writes before each module.
type sourceFiles struct {
	base  string
	lines map[string][]fileMark
}

type fileMark struct {
	line int64
	name string
}

var moduleComment = regexp.MustCompile(`^  // ([\w@./-]+\.[jt]s)$`)

func (s *sourceFiles) of(url string, line int64) string {
	marks, ok := s.lines[url]
	if !ok && strings.HasPrefix(url, s.base) {
		if res, err := http.Get(url); err == nil {
			sc := bufio.NewScanner(res.Body)
			sc.Buffer(nil, 16<<20)
			for i := int64(0); sc.Scan(); i++ {
				if m := moduleComment.FindStringSubmatch(sc.Text()); m != nil {
					marks = append(marks, fileMark{i, m[1]})
				}
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
		}
		s.lines[url] = marks
	}
	name := strings.TrimPrefix(url, s.base)
	for _, m := range marks {
		if m.line <= line {
			name = m.name
		}
	}
	return name
}

// TestRenderCPU is a tool, not a check: with MPSIM_CPU=n it opens testdata/perf's
// 1,000-row page in n fresh browsers under a Chromium trace and logs, for each, the CPU
// time of the threads that do the work: the service layer's Worker, the page's main
// thread (by kind: script, style, layout, paint) and V8's helper threads (compiling,
// garbage collection). Thread CPU time does not grow when other processes share the
// cores, as wall time does, so it compares two versions on a busy machine:
// MPSIM_CPU_BINS="old=/path/to/mpsim" adds other builds, run in turn with this one.
//
//	MPSIM_CPU=5 go test -tags profile -count=1 -v -run RenderCPU ./e2e/
func TestRenderCPU(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("MPSIM_CPU"))
	if n == 0 {
		t.Skip("set MPSIM_CPU to a number of runs to measure the render's CPU time")
	}
	builds := [][2]string{}
	for _, kv := range strings.Fields(os.Getenv("MPSIM_CPU_BINS")) {
		name, bin, _ := strings.Cut(kv, "=")
		builds = append(builds, [2]string{name, bin})
	}
	builds = append(builds, [2]string{"this", mpsimBin})
	sums := map[string]map[string][]float64{}
	for i := 0; i < n; i++ {
		for _, build := range builds {
			cpu := renderCPU(t, build[1])
			if sums[build[0]] == nil {
				sums[build[0]] = map[string][]float64{}
			}
			var parts []string
			for _, k := range cpuKeys {
				sums[build[0]][k] = append(sums[build[0]][k], cpu[k])
				parts = append(parts, fmt.Sprintf("%s %.1f", k, cpu[k]))
			}
			t.Logf("%s, run %d (ms): %s", build[0], i+1, strings.Join(parts, ", "))
		}
	}
	for _, build := range builds {
		var parts []string
		for _, k := range cpuKeys {
			parts = append(parts, fmt.Sprintf("%s %.1f", k, median(sums[build[0]][k])))
		}
		t.Logf("%s, medians (ms): %s", build[0], strings.Join(parts, ", "))
	}
}

var cpuKeys = []string{"wall", "worker", "page", "page script", "page style", "page layout", "page paint", "page gc", "helpers"}

// renderCPU opens the 1,000-row page once under a trace and sums its threads' CPU time.
func renderCPU(t *testing.T, bin string) map[string]float64 {
	srv := StartServer(t, bin, RepoPath("testdata/perf"))
	defer srv.Stop(t)
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".open-small", "open small", wait)
	for i := 0; i < 3; i++ {
		b.TapThenText(".open-small", ".row-2", "row 2", wait)
		navigateBack(t, b)
	}
	time.Sleep(300 * time.Millisecond)

	var mu sync.Mutex
	var events []traceEvent
	done := make(chan struct{})
	chromedp.Listen(b.ctx, func(ev any) {
		switch ev := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, v := range ev.Value {
				var e traceEvent
				if json.Unmarshal(v, &e) == nil {
					events = append(events, e)
				}
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			close(done)
		}
	})
	_, err := chromedp.Call(b.ctx, tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig: &tracing.TraceConfig{IncludedCategories: []string{
			"toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink", "disabled-by-default-v8.gc", "disabled-by-default-v8.compile",
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	b.TapThenText(".open-list", ".row-999", "row 999", wait)
	waitTrue(t, func() bool {
		s, _ := b.Text(".ready")
		return strings.TrimSpace(s) != "0" && s != ""
	})
	time.Sleep(200 * time.Millisecond)
	if _, err := chromedp.Call(b.ctx, tracing.End, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the trace did not complete")
	}
	wall, _ := Eval[float64](b, inPage(`return doc.defaultView.__mpsimRenderedAt || 0;`))
	t0, _ := b.Text(".t0")
	start, _ := strconv.ParseFloat(strings.TrimSpace(t0), 64)
	mu.Lock()
	defer mu.Unlock()
	cpu := threadCPU(events)
	cpu["wall"] = wall - start
	return cpu
}

type traceEvent struct {
	Name string         `json:"name"`
	Cat  string         `json:"cat"`
	Ph   string         `json:"ph"`
	Pid  int            `json:"pid"`
	Tid  int            `json:"tid"`
	Ts   float64        `json:"ts"`
	Dur  float64        `json:"dur"`
	TDur float64        `json:"tdur"`
	Args map[string]any `json:"args"`
}

// threadCPU sums, in ms, the CPU time of the top-level tasks of the renderer's threads,
// and of some kinds of work on the page's main thread.
func threadCPU(events []traceEvent) map[string]float64 {
	type thread struct{ pid, tid int }
	names := map[thread]string{}
	for _, e := range events {
		if e.Ph == "M" && e.Name == "thread_name" {
			if n, ok := e.Args["name"].(string); ok {
				names[thread{e.Pid, e.Tid}] = n
			}
		}
	}
	// The renderer is the process whose thread runs the Worker.
	renderer := -1
	for th, n := range names {
		if strings.HasPrefix(n, "DedicatedWorker") {
			renderer = th.pid
		}
	}
	kinds := map[string]string{
		"FunctionCall": "page script", "EvaluateScript": "page script", "v8.run": "page script", "EventDispatch": "page script",
		"UpdateLayoutTree": "page style", "Layout": "page layout",
		"Paint": "page paint", "PrePaint": "page paint", "Layerize": "page paint", "Commit": "page paint",
		"MinorGC": "page gc", "MajorGC": "page gc",
	}
	cpu := map[string]float64{}
	if os.Getenv("MPSIM_CPU_DEBUG") == "timeline" {
		type ev struct {
			ts, dur, tdur float64
			what          string
		}
		var evs []ev
		t0 := math.Inf(1)
		for _, e := range events {
			th := names[thread{e.Pid, e.Tid}]
			if e.Pid != renderer || e.Ph != "X" || e.Dur < 2000 {
				continue
			}
			if !(e.Name == "FunctionCall" || e.Name == "Layout" || e.Name == "UpdateLayoutTree" || e.Name == "Paint" || e.Name == "ThreadPool_RunTask" || e.Name == "EvaluateScript" || e.Name == "V8.GC_SCAVENGER" || e.Name == "MajorGC" || e.Name == "ParseHTML") {
				continue
			}
			what := th + " " + e.Name
			if d, ok := e.Args["data"].(map[string]any); ok && e.Name == "FunctionCall" {
				what += fmt.Sprintf(" %v", d["functionName"])
			}
			evs = append(evs, ev{e.Ts / 1000, e.Dur / 1000, e.TDur / 1000, what})
			t0 = math.Min(t0, e.Ts/1000)
		}
		sort.Slice(evs, func(i, j int) bool { return evs[i].ts < evs[j].ts })
		for _, x := range evs {
			fmt.Printf("%8.1f  wall %6.1f  cpu %6.1f  %s\n", x.ts-t0, x.dur, x.tdur, x.what)
		}
	}
	if os.Getenv("MPSIM_CPU_DEBUG") == "names" {
		by := map[string]float64{}
		for _, e := range events {
			if e.Pid == renderer && e.Ph == "X" {
				key := names[thread{e.Pid, e.Tid}] + " / " + e.Cat + " / " + e.Name
				if d, ok := e.Args["data"].(map[string]any); ok && (e.Name == "FunctionCall" || e.Name == "EvaluateScript" || e.Name == "EventDispatch") {
					key += fmt.Sprintf(" %v %v %v", d["url"], d["functionName"], d["type"])
				}
				by[key] += e.TDur / 1000
			}
		}
		for _, kv := range top(by, 40) {
			fmt.Printf("%8.1f %s\n", kv.ms, kv.name)
		}
	}
	for _, e := range events {
		th := thread{e.Pid, e.Tid}
		if e.Pid != renderer || e.Ph != "X" || e.TDur == 0 {
			continue
		}
		name := names[th]
		top := e.Cat == "toplevel" && (e.Name == "ThreadControllerImpl::RunTask" || e.Name == "RunTask")
		switch {
		case strings.HasPrefix(name, "DedicatedWorker") && top:
			cpu["worker"] += e.TDur / 1000
		case name == "CrRendererMain" && top:
			cpu["page"] += e.TDur / 1000
		case name == "CrRendererMain" && kinds[e.Name] != "":
			cpu[kinds[e.Name]] += e.TDur / 1000
		case strings.HasPrefix(name, "ThreadPool") && e.Name == "ThreadPool_RunTask":
			cpu["helpers"] += e.TDur / 1000
		}
	}
	return cpu
}
