package e2e

import (
	"strings"
	"testing"
)

// The custom-component framework as a developer writes it for the official tools
// (testdata/componentfw): lifetimes in a phone's order, behaviors, pageLifetimes, and a
// page written with Component().
func TestComponentLifetimes(t *testing.T) {
	srv := StartServer(t, mpsimBin, RepoPath("testdata/componentfw"))
	b := OpenBrowser(t, srv.URL+"?page=pages/life/life&k=v")
	defer func() {
		if t.Failed() {
			t.Logf("console:\n%s", strings.Join(b.Console(), "\n"))
		}
	}()
	// A page written with Component(): onLoad in methods gets the query.
	b.WaitText(".title", "life", wait)
	b.WaitText(".query", `{"k":"v"}`, wait)
	b.Tap(".show-log")
	// created runs once a component's own template is built (glass-easel: children
	// first), attached parent first; a behavior's lifetimes before the component's, a
	// nested behavior's before its user's; lifetimes.attached wins over a top-level
	// attached; pageLifetimes.show before the page's onShow; ready once rendered, before
	// the page's onReady.
	b.WaitText(".log", "item.created innerBeh.created beh.created outer.created item.created item.created item.created legacy.created page.created "+
		"page.attached innerBeh.attached beh.attached outer.attached in.attached a.attached b.attached c.attached legacy.attached(lifetimes) "+
		"page.onLoad outer.show in.show a.show b.show c.show page.onShow "+
		"beh.ready outer.ready in.ready a.ready b.ready c.ready legacy.ready page.onReady", wait)
	// Behaviors merged as documented: the component's method wins over its behaviors',
	// a behavior's property default, data objects merged.
	b.WaitText(".hello", `outer,behOnly,innerOnly,beh-label,beh,inner,{"fromInner":1,"fromBeh":2,"own":3}`, wait)

	// A keyed reorder moves a component; wx:if and a shorter list detach them.
	b.Tap(".reorder")
	b.Tap(".show-log")
	b.WaitText(".log", "c.moved", wait)
	b.Tap(".drop")
	b.Tap(".show-log")
	b.WaitText(".log", "a.detached legacy.detached", wait)

	// Another page on top hides this one; back shows it again.
	b.Tap(".to-other")
	b.WaitText(".title", "other", wait)
	b.Tap(".back")
	b.WaitText(".title", "life", wait)
	b.Tap(".show-log")
	b.WaitText(".log", "outer.hide in.hide c.hide b.hide page.onHide other.onLoad other.onShow other.onUnload outer.show in.show c.show b.show page.onShow", wait)
}
