package e2e

import (
	"strconv"
	"strings"
	"testing"
)

// listState is, in the page, what testdata/batches' list shows, written as its `expect`.
const listState = `const state = () => {
  const parts = [];
  for (const el of doc.getElementById('list').children) {
    if (el.localName === 'cell') { parts.push('c:' + el.textContent); continue; }
    const sub = el.children[1];
    parts.push('i:' + el.children[0].textContent + (sub ? ':' + sub.textContent : ''));
  }
  return parts.join('|');
};`

// TestBigBatches changes a long keyed list at random in big steps (testdata/batches):
// items removed, added, moved, reversed, with parts shown and hidden. Each step's batch
// reaches the page in parts; after each, the list shows exactly what the data says, and
// no animation frame in between showed anything but the list before or after the step.
func TestBigBatches(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/batches"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".step", "step", wait)
	expect := func() string { s, _ := b.Text(".expect"); return s }
	shown := func() string {
		s, _ := Eval[string](b, inPage(listState+`return state();`))
		return s
	}
	waitTrue(t, func() bool { return expect() != "" && shown() == expect() })
	// Each frame's list, as the frame paints it (requestAnimationFrame runs just before).
	if _, err := Eval[bool](b, inPage(listState+`
  const win = doc.defaultView;
  win.__frames = [];
  const record = () => {
    const s = state();
    if (win.__frames[win.__frames.length - 1] !== s) win.__frames.push(s);
    win.requestAnimationFrame(record);
  };
  win.requestAnimationFrame(record);
  return true;`)); err != nil {
		t.Fatal(err)
	}
	before := expect()
	for step := 1; step <= 12; step++ {
		b.TapThenText(".step", ".done", strconv.Itoa(step), wait)
		after := expect()
		// Two frames later the last state has been recorded.
		frames, err := Eval[[]string](b, inPage(`const win = doc.defaultView;
  return new Promise((done) => win.requestAnimationFrame(() => win.requestAnimationFrame(() => {
    const f = win.__frames; win.__frames = f.slice(-1); done(f);
  })));`))
		if err != nil {
			t.Fatal(err)
		}
		if got := shown(); got != after {
			t.Fatalf("step %d: the list shows\n%s\nwant\n%s", step, clip(got), clip(after))
		}
		for _, f := range frames {
			if f != before && f != after {
				t.Fatalf("step %d: a frame showed a list that is neither before nor after the step:\n%s", step, clip(f))
			}
		}
		before = after
	}
}

// clip shortens a long list for a failure message.
func clip(s string) string {
	if len(s) > 600 {
		return s[:300] + " ... " + s[len(s)-300:] + " (" + strconv.Itoa(strings.Count(s, "|")+1) + " parts)"
	}
	return s
}
