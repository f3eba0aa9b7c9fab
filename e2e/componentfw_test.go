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

// Properties of every type with defaults, property observers, data observers on single,
// several, sub-path and wildcard fields, pure data, and the built-in behaviors.
func TestComponentProperties(t *testing.T) {
	srv := StartServer(t, mpsimBin, RepoPath("testdata/componentfw"))
	b := OpenBrowser(t, srv.URL+"?page=pages/props/props")
	defer func() {
		if t.Failed() {
			t.Logf("console:\n%s", strings.Join(b.Console(), "\n"))
		}
	}()
	b.WaitText(".title", "props", wait)
	b.WaitText(".exp", `["f1","v1",{"myField":"exported"},"components/prop-box/prop-box"]`, wait)
	b.WaitText(".pb", "hi|3|true|1|2|[]", wait)
	b.Tap(".describe")
	b.WaitText(".d1", `str:string:"hi" num:number:3 flag:boolean:true obj:object:{"x":1,"y":1} list:array:[1,2] any:object:{"k":1} multi:number:3`, wait)
	b.WaitText(".d2", `str:string:"dflt" num:number:1 flag:boolean:false obj:object:{"x":0} list:array:[] any:string:"any-default" multi:string:""`, wait)
	b.Tap(".show-log")
	b.WaitText(".log", `pb1:num=3 pb1:num,str=3,hi pb1:obj.x=1 pb1:list[0]=1 pb1:obj.**={"x":1,"y":1} pb1:** pb1:prop num 1->3`, wait)
	b.Tap(".set")
	b.Tap(".show-log")
	b.WaitText(".log", `pb1:num=5 pb1:num,str=5,hi pb1:obj.x=2 pb1:obj.**={"x":2,"y":1} pb1:** pb1:prop num 3->5`, wait)
	b.Tap(".set-same")
	b.Tap(".show-log")
	b.WaitText(".log", "pb1:list[0]=1 pb1:**", wait)
	b.Tap(".secret")
	b.Tap(".show-log")
	b.WaitText(".log", "pb1:** pb1:_secret=7", wait)
}
