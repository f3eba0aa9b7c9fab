package e2e

import (
	"strings"
	"testing"
)

// Routing through the shell: every API, the page stack, the hooks in a phone's order, the
// EventChannel, and the phone's failures.
func TestRouting(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/routing"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".title", "home", wait)
	b.WaitText(".log", "app.onLaunch app.onShow home.onLoad home.onShow", wait)

	// navigateTo with a relative url, a query and an event channel.
	b.TapThenText(".to-detail", ".title", "detail", wait)
	b.WaitText(".query", `{"id":"7","name":"a b"}`, wait)
	b.WaitText(".stack", "pages/home/home,pages/detail/detail", wait)
	b.WaitText(".log", "app.onLaunch app.onShow home.onLoad home.onShow home.onReady home.onHide detail.onLoad detail.onShow", wait)

	// navigateBack: the detail page unloads, home shows again with what the channel said.
	b.TapThenText(".back", ".title", "home", wait)
	b.WaitText(".result", "opener got hi", wait)
	b.WaitContains(".log", "detail.onReady detail.onUnload home.onShow", wait)
	// wx.onAppRoute and onAppRouteDone with the open type; done comes after onReady.
	b.TapThenText(".show-routes", ".routes", "route:appLaunch:home done:appLaunch:home+ready route:navigateTo:detail done:navigateTo:detail+ready route:navigateBack:home done:navigateBack:home+ready", wait)

	// The phone's failures.
	b.TapThenText(".missing", ".result", `navigateTo:fail page "pages/nope/nope" is not found`, wait)
	b.WaitContains(".log", "app.onPageNotFound:pages/nope/nope", wait)
	b.TapThenText(".nav-tab", ".result", "navigateTo:fail can not navigateTo a tabbar page", wait)
	b.TapThenText(".back", ".result", "navigateBack:fail cannot navigate back at first page.", wait)

	// switchTab keeps tab pages; redirectTo replaces; reLaunch clears the stack.
	b.TapThenText(".tab-list", ".title", "list", wait)
	b.WaitContains(".log", "home.onHide list.onLoad list.onShow", wait)
	b.TapThenText(".tab-home", ".title", "home", wait)
	b.WaitContains(".log", "list.onHide home.onShow", wait)
	b.TapThenText(".relaunch", ".title", "detail", wait)
	b.WaitText(".query", `{"id":"9"}`, wait)
	b.WaitText(".stack", "pages/detail/detail", wait)
	b.TapThenText(".redirect", ".query", `{"id":"8"}`, wait)
	b.WaitText(".stack", "pages/detail/detail", wait)
	n, err := Eval[int](b, `window.__mpsim.stack().length`)
	if err != nil || n != 1 {
		t.Fatalf("shell stack has %d pages (%v), want 1", n, err)
	}
}

// The shell's navigation bar and tabBar follow the page on top.
func TestNavigationBarAndTabBar(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/routing"))
	b := OpenBrowser(t, srv.URL)
	b.WaitText(".title", "home", wait)
	shellText := func(expr string) string {
		s, _ := Eval[string](b, expr)
		return s
	}
	title := func() string { return shellText(`document.getElementById('nav-title').textContent`) }
	waitTrue(t, func() bool { return title() == "Routing" })
	if tabs := shellText(`[...document.querySelectorAll('#tab-bar .tab-item')].map(e => e.textContent).join(',')`); tabs != "Home,List" {
		t.Fatalf("tab bar shows %q", tabs)
	}
	b.TapThenText(".retitle", ".result", "setNavigationBarTitle:ok", wait)
	waitTrue(t, func() bool { return title() == "Renamed" })

	// A tap on the tab bar switches tabs; the list page has its own title and colours.
	if _, err := Eval[bool](b, `(document.querySelector('#tab-bar .tab-item[data-path="pages/list/list"]').click(), true)`); err != nil {
		t.Fatal(err)
	}
	b.WaitText(".title", "list", wait)
	b.WaitText(".result", `list.onTabItemTap {"index":1,"pagePath":"pages/list/list","text":"List"}`, wait)
	waitTrue(t, func() bool { return title() == "The list" })
	if c := shellText(`getComputedStyle(document.getElementById('nav-bar')).color`); c != "rgb(0, 0, 0)" {
		t.Errorf("navigationBarTextStyle black: text colour %s", c)
	}
	// A page that is not a tab has no tab bar.
	b.TapThenText(".relaunch", ".title", "detail", wait)
	waitTrue(t, func() bool { return shellText(`String(document.getElementById('tab-bar').hidden)`) == "true" })

	// The capsule is where getMenuButtonBoundingClientRect says.
	rects := shellText(`(async () => {
  const res = await fetch('/apihelper/assdk', { method: 'POST', headers: { 'X-Mpsim-Session': window.__mpsim.session },
    body: JSON.stringify({ api: 'getMenuButtonBoundingClientRect' }) });
  const m = await res.json();
  const c = document.getElementById('capsule').getBoundingClientRect(), d = document.getElementById('device').getBoundingClientRect();
  return [m.left, m.top, m.width, m.height].join(',') + ' ' + [c.left - d.left, c.top - d.top, c.width, c.height].join(',');
})()`)
	if parts := strings.Fields(rects); len(parts) != 2 || parts[0] != parts[1] {
		t.Fatalf("capsule vs getMenuButtonBoundingClientRect: %q", rects)
	}
	// A lone page that is not the entry page has a home button, which relaunches home;
	// a page above another has a back button.
	hidden := func(id string) string { return shellText(`String(document.getElementById('` + id + `').hidden)`) }
	waitTrue(t, func() bool { return hidden("nav-home") == "false" && hidden("nav-back") == "true" })
	b.tapShell("#nav-home")
	b.WaitText(".title", "home", wait)
	waitTrue(t, func() bool { return hidden("nav-home") == "true" && hidden("nav-back") == "true" })
	b.TapThenText(".to-detail", ".title", "detail", wait)
	waitTrue(t, func() bool { return hidden("nav-back") == "false" })
	b.tapShell("#nav-back")
	b.WaitText(".title", "home", wait)
	b.WaitContains(".log", "detail.onUnload home.onShow", wait)
}
