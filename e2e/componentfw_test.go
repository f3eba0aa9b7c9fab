package e2e

import "testing"

// The custom-component framework as a developer writes it for the official tools
// (testdata/componentfw): lifetimes in a phone's order, behaviors, pageLifetimes, and a
// page written with Component().
func TestComponentLifetimes(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/componentfw"))
	b := OpenBrowser(t, srv.URL+"?page=pages/life/life&k=v")
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
	b.TapThenText(".show-log", ".log", "c.moved", wait)
	b.Tap(".drop")
	b.TapThenText(".show-log", ".log", "a.detached legacy.detached", wait)
	// A component added later is ready once the page layer rendered it.
	b.Tap(".add")
	waitTrue(t, func() bool {
		n, _ := Eval[int](b, inPage(`return doc.querySelectorAll('[class$="--item"]').length;`))
		return n == 4
	})
	b.TapThenText(".show-log", ".log", "item.created d.attached d.ready", wait)

	// Another page on top hides this one; back shows it again.
	b.TapThenText(".to-other", ".title", "other", wait)
	b.TapThenText(".back", ".title", "life", wait)
	b.TapThenText(".show-log", ".log", "outer.hide in.hide c.hide b.hide d.hide page.onHide other.onLoad other.onShow other.onUnload outer.show in.show c.show b.show d.show page.onShow", wait)
}

// Properties of every type with defaults, property observers, data observers on single,
// several, sub-path and wildcard fields, pure data, and the built-in behaviors.
func TestComponentProperties(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/componentfw"))
	b := OpenBrowser(t, srv.URL+"?page=pages/props/props")
	b.WaitText(".title", "props", wait)
	b.WaitText(".exp", `["f1","v1",{"myField":"exported"},"components/prop-box/prop-box"]`, wait)
	b.WaitText(".pb", "hi|3|true|1|2|[]", wait)
	b.TapThenText(".describe", ".d1", `str:string:"hi" num:number:3 flag:boolean:true obj:object:{"x":1,"y":1} list:array:[1,2] any:object:{"k":1} multi:number:3`, wait)
	b.WaitText(".d2", `str:string:"dflt" num:number:1 flag:boolean:false obj:object:{"x":0} list:array:[] any:string:"any-default" multi:string:""`, wait)
	b.TapThenText(".show-log", ".log", `pb1:num=3 pb1:num,str=3,hi pb1:obj.x=1 pb1:list[0]=1 pb1:obj.**={"x":1,"y":1} pb1:** pb1:prop num 1->3`, wait)
	b.Tap(".set")
	b.TapThenText(".show-log", ".log", `pb1:num=5 pb1:num,str=5,hi pb1:obj.x=2 pb1:obj.**={"x":2,"y":1} pb1:** pb1:prop num 3->5`, wait)
	b.Tap(".set-same")
	b.TapThenText(".show-log", ".log", "pb1:list[0]=1 pb1:**", wait)
	b.Tap(".secret")
	b.TapThenText(".show-log", ".log", "pb1:** pb1:_secret=7", wait)
}

// Relations, selectComponent and its kin, triggerEvent's options, slots, external
// classes, style isolation, virtual hosts and generics (testdata/componentfw's tree page).
func TestComponentTree(t *testing.T) {
	t.Parallel()
	srv := StartServer(t, mpsimBin, RepoPath("testdata/componentfw"))
	b := OpenBrowser(t, srv.URL+"?page=pages/tree/tree")
	b.WaitText(".title", "tree", wait)
	b.WaitText(".ready", "ready", wait)
	b.TapThenText(".show-log", ".log", "parent.linked:k1 k1.linked:rp parent.linked:k2 k2.linked:rp anc.linked:rd desc.linked:ra", wait)
	b.TapThenText(".query", ".q", "components/rel-parent/rel-parent k1+k2 k1+k2 pages/tree/tree ra components/evt-inner/evt-inner eo components/gen-alt/gen-alt null", wait)
	b.Tap(".reorder-kids")
	b.TapThenText(".show-log", ".log", "parent.linkChanged:k2 k2.linkChanged:rp", wait)
	b.Tap(".drop-kid")
	b.TapThenText(".show-log", ".log", "parent.unlinked:k1 k1.unlinked:rp", wait)

	// triggerEvent: without options only the host's listeners hear it; bubbles stays in
	// the component's tree; composed crosses into the page; capturePhase adds capture.
	b.Tap(".fire-plain")
	b.TapThenText(".show-log", ".log", "outer:ping@ei", wait)
	b.Tap(".fire-bubbles")
	b.TapThenText(".show-log", ".log", "outer:pingb@ei outer:pingb@outer-wrap", wait)
	b.Tap(".fire-composed")
	b.TapThenText(".show-log", ".log", "outer:pingbc@ei outer:pingbc@outer-wrap page:pingbc@eo page:pingbc@page-wrap", wait)
	b.Tap(".fire-capture")
	b.TapThenText(".show-log", ".log", "page-capture:pingcap@page-wrap outer-capture:pingcap@ei outer:pingcap@ei outer:pingcap@outer-wrap page:pingcap@eo page:pingcap@page-wrap", wait)

	// Named slots in the component's order; generics with their default and as passed.
	b.WaitText(".slots", "H-B-F", wait)
	b.WaitText("#g1 .gen-text", "default", wait)
	b.WaitText("#g2 .gen-text", "alt", wait)
	// The page's class through externalClasses, with the page's style.
	b.WaitStyle(".ext-inner", "color", "rgb(255, 0, 0)", wait)
	// styleIsolation: isolated ignores the page's .iso-text; apply-shared and shared take
	// it; shared gives its own rules to the page.
	b.WaitStyle(".iso-isolated", "color", "rgb(0, 0, 0)", wait)
	b.WaitStyle(".iso-isolated", "font-size", "17px", wait)
	b.WaitStyle(".iso-apply", "color", "rgb(0, 0, 255)", wait)
	b.WaitStyle(".iso-shared", "color", "rgb(0, 0, 255)", wait)
	b.WaitStyle(".from-shared", "color", "rgb(0, 128, 0)", wait)
	// virtualHost: no host element; class and style reach the inner node.
	n, err := Eval[int](b, inPage(`return doc.querySelectorAll('vhost-comp').length;`))
	if err != nil || n != 0 {
		t.Errorf("virtualHost: %d <vhost-comp> elements in the page (%v), want none", n, err)
	}
	b.WaitStyle(".vh-inner", "font-size", "31px", wait)
	b.WaitStyle(".vh-inner", "color", "rgb(1, 2, 3)", wait)
}
