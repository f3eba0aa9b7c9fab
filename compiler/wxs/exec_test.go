package wxs

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// program is a set of WXS modules run with Runtime in node, the way the build emits
// them, followed by a script whose return value is the result.
type program struct {
	files  map[string]string // .wxs files by project path, registered in W
	inline map[string]string // inline modules by "x.wxml#m", each bound to a variable inline(name)
	script string            // body of a function run after the registrations; returns the result
	strict bool              // run everything inside a "use strict" function
}

// serviceGlobals imitates the Web Worker the service layer runs in: WXS must not see them.
const serviceGlobals = `
globalThis.wx = { request: function () {} };
globalThis.App = function () {}; globalThis.Page = function () {}; globalThis.Component = function () {};
globalThis.getApp = function () { return {}; };
globalThis.postMessage = function () {}; globalThis.importScripts = function () {};
globalThis.self = globalThis;
const logs = [];
console.log = function () { logs.push(Array.prototype.join.call(arguments, ' ')); };
`

// run compiles p's modules (failing the test on any diagnostic) and returns what the
// script returned, decoded from JSON, and what the modules printed with console.log.
func (p program) run(t *testing.T) (result any, logs []string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not on PATH")
	}
	var b strings.Builder
	b.WriteString(serviceGlobals)
	b.WriteString("const out = (function () {\n")
	if p.strict {
		b.WriteString("'use strict';\n")
	}
	b.WriteString(Runtime)
	compile := func(name, src string) string {
		js, errs := Compile(name, []byte(src), 1, 1)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", name, errs)
		}
		return js
	}
	for _, name := range sortedKeys(p.files) {
		b.WriteString("W[" + jsString(name) + "] = D(" + jsString(name) + ", " + compile(name, p.files[name]) + ");\n")
	}
	for _, name := range sortedKeys(p.inline) {
		b.WriteString("const " + inlineVar(name) + " = D(" + jsString(name) + ", " + compile(name, p.inline[name]) + ");\n")
	}
	b.WriteString("return (function () {\n" + p.script + "\n})();\n})();\n")
	b.WriteString("process.stdout.write(JSON.stringify({ out: out, logs: logs }));\n")

	file := filepath.Join(t.TempDir(), "main.js")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, err := exec.Command(node, file).Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("node: %v\n%s\n--- program ---\n%s", err, stderr, b.String())
	}
	var got struct {
		Out  any      `json:"out"`
		Logs []string `json:"logs"`
	}
	if err := json.Unmarshal(stdout, &got); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	return got.Out, got.Logs
}

// inlineVar names the variable an inline module's loader is kept in by run:
// "pages/a/a.wxml#m" -> inline_m.
func inlineVar(name string) string {
	_, module, _ := strings.Cut(name, "#")
	return "inline_" + module
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// expectJSON compares got with the JSON want.
func expectJSON(t *testing.T, got any, want string) {
	t.Helper()
	var w any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("bad want: %v", err)
	}
	g, _ := json.Marshal(got)
	wn, _ := json.Marshal(w)
	if string(g) != string(wn) {
		t.Errorf("got  %s\nwant %s", g, wn)
	}
}

var requireFiles = map[string]string{
	"lib/c.wxs":   `module.exports = { name: 'c' };`,
	"utils/b.wxs": `exports.name = 'b'; exports.c = require('../lib/c.wxs').name;`,
	"utils/a.wxs": `var b = require('./b.wxs');
var c = require('/lib/c.wxs');
module.exports = { b: b.name, bc: b.c, c: c.name, same: require('./b.wxs') === b, dotted: require('./../utils/./b.wxs') === b };`,
}

func TestExecRequire(t *testing.T) {
	p := program{files: requireFiles, script: `return W['utils/a.wxs']();`}
	got, _ := p.run(t)
	expectJSON(t, got, `{"b":"b","bc":"c","c":"c","same":true,"dotted":true}`)
}

func TestExecRequireFromInline(t *testing.T) {
	p := program{
		files: requireFiles,
		inline: map[string]string{
			"pages/a/a.wxml#m": `var a = require('../../utils/a.wxs'); var c = require('/lib/c.wxs');
module.exports = { a: a.b, c: c.name, single: c === require('../../lib/c.wxs') };`,
		},
		script: `return inline_m();`,
	}
	got, _ := p.run(t)
	expectJSON(t, got, `{"a":"b","c":"c","single":true}`)
}

func TestExecModuleRunsOnce(t *testing.T) {
	p := program{
		files: map[string]string{
			"count.wxs": `console.log('init'); module.exports = { n: 1 };`,
			"a.wxs":     `module.exports = require('./count.wxs');`,
		},
		script: `return [W['a.wxs']() === W['count.wxs'](), W['count.wxs']() === W['count.wxs']()];`,
	}
	got, logs := p.run(t)
	expectJSON(t, got, `[true, true]`)
	if !slices.Equal(logs, []string{"init"}) {
		t.Errorf("console.log calls = %q, want one init", logs)
	}
}

func TestExecCycle(t *testing.T) {
	p := program{
		files: map[string]string{
			"cyc/x.wxs": `exports.x = 1; var y = require('./y.wxs'); exports.yDone = y.y; exports.xSeenByY = y.seenX;`,
			"cyc/y.wxs": `var x = require('./x.wxs'); exports.y = 2; exports.seenX = x.x; exports.xLater = function () { return x.yDone; };`,
		},
		script: `var x = W['cyc/x.wxs'](); var y = W['cyc/y.wxs'](); return [x, y.seenX, y.xLater()];`,
	}
	got, _ := p.run(t)
	expectJSON(t, got, `[{"x":1,"yDone":2,"xSeenByY":1},1,2]`)
}

func TestExecExports(t *testing.T) {
	p := program{
		files: map[string]string{
			"replace.wxs": `exports.a = 1; module.exports = { b: 2 };`,
			"add.wxs":     `exports.a = 1; module.exports.b = 2;`,
			"rebind.wxs":  `exports = { c: 3 };`,
		},
		script: `return [W['replace.wxs'](), W['add.wxs'](), W['rebind.wxs']()];`,
	}
	got, _ := p.run(t)
	expectJSON(t, got, `[{"b":2},{"a":1,"b":2},{}]`)
}

const isolationModule = `
module.exports = {
  wx: typeof wx, App: typeof App, Page: typeof Page, getApp: typeof getApp, Component: typeof Component,
  self: typeof self, postMessage: typeof postMessage, importScripts: typeof importScripts,
  setTimeout: typeof setTimeout, globalThis: typeof globalThis, window: typeof window,
  process: typeof process, Function: typeof Function, Object: typeof Object,
  topThis: typeof this,
  plainThis: (function () { return typeof this; })(),
  methodThis: { n: 7, f: function () { return this.n; } }.f(),
  undeclared: (function () { leaked = 5; return leaked; })(),
  Math: Math.max(1, 2), JSON: JSON.stringify([1]), Number: Number('3'), DateNow: typeof Date.now(),
  parseInt: parseInt('12px'), isNaN: isNaN(NaN), encode: encodeURIComponent('a b'), undef: typeof undefined,
  getRegExp: typeof getRegExp, getDate: typeof getDate, console: typeof console
};`

const isolationWant = `{
  "wx":"undefined","App":"undefined","Page":"undefined","getApp":"undefined","Component":"undefined",
  "self":"undefined","postMessage":"undefined","importScripts":"undefined",
  "setTimeout":"undefined","globalThis":"undefined","window":"undefined",
  "process":"undefined","Function":"undefined","Object":"undefined",
  "topThis":"undefined","plainThis":"undefined","methodThis":7,"undeclared":5,
  "Math":2,"JSON":"[1]","Number":3,"DateNow":"number","parseInt":12,"isNaN":true,"encode":"a%20b","undef":"undefined",
  "getRegExp":"function","getDate":"function","console":"object",
  "leakedOutside":"undefined","wxOutside":"object"
}`

// TestExecNoServiceGlobals: a module sees the WXS globals and none of the service
// layer's, and what it assigns without declaring stays in the module.
func TestExecNoServiceGlobals(t *testing.T) {
	for _, strict := range []bool{false, true} {
		p := program{
			files:  map[string]string{"iso.wxs": isolationModule},
			script: `var r = W['iso.wxs'](); r.leakedOutside = typeof globalThis.leaked; r.wxOutside = typeof wx; return r;`,
			strict: strict,
		}
		got, _ := p.run(t)
		expectJSON(t, got, isolationWant)
	}
}

func TestExecGetRegExp(t *testing.T) {
	p := program{
		files: map[string]string{"re.wxs": `
var r = getRegExp('(\\d+)-(\\d+)', 'g');
var i = getRegExp('abc', 'i');
var fromRe = getRegExp(i, 'g');
r.lastIndex = 0;
module.exports = {
  replaced: '12-34 and 5-6'.replace(r, '$2:$1'),
  flags: [r.global, r.ignoreCase, r.multiline, i.ignoreCase, i.global],
  source: r.source, text: i.toString(), test: i.test('xABCx'), fromRe: fromRe.toString(),
  exec: getRegExp('\\d+').exec('ab42')[0], noFlags: getRegExp('a').toString(),
  constructor: r.constructor
};`},
		script: `return W['re.wxs']();`,
	}
	got, _ := p.run(t)
	expectJSON(t, got, `{"replaced":"34:12 and 6:5","flags":[true,false,false,true,false],"source":"(\\d+)-(\\d+)",
"text":"/abc/i","test":true,"fromRe":"/abc/g","exec":"42","noFlags":"/a/","constructor":"RegExp"}`)
}

func TestExecGetDate(t *testing.T) {
	p := program{
		files: map[string]string{"date.wxs": `
var now = getDate();
module.exports = {
  epoch: getDate(0).getTime(),
  iso: getDate('2020-01-02T03:04:05Z').getTime(),
  parts: (function () { var d = getDate(2020, 0, 2, 3, 4, 5, 6); return [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()]; })(),
  twoArgs: getDate(2021, 5).getMonth(),
  recent: now.getTime() > 1600000000000,
  constructor: now.constructor
};`},
		script: `return W['date.wxs']();`,
	}
	got, _ := p.run(t)
	expectJSON(t, got, `{"epoch":0,"iso":1577934245000,"parts":[2020,0,2,3,4,5,6],"twoArgs":5,"recent":true,"constructor":"Date"}`)
}

func TestExecConstructorNames(t *testing.T) {
	p := program{
		files: map[string]string{"ctor.wxs": `
var own = { constructor: 'mine' };
var set = {};
set.constructor = 'assigned';
function Point() {}
module.exports = {
  names: [[].constructor, {}.constructor, function () {}.constructor, (1).constructor, 'a'.constructor,
    true.constructor, getDate().constructor, getRegExp('a').constructor, [1]['constructor'], ({})["constructor"]],
  isArray: [1, 2].constructor === 'Array',
  own: own.constructor, set: set.constructor, instance: new Point().constructor,
  arrayLiteral: ['constructor'][0],
  kind: function (v) { return v.constructor; }
};`},
		script: `var m = W['ctor.wxs']();
return { names: m.names, isArray: m.isArray, own: m.own, set: m.set, instance: m.instance, arrayLiteral: m.arrayLiteral,
  outside: [m.kind([1]), m.kind({ a: 1 }), m.kind(2), m.kind(null === null)],
  serviceUnchanged: [].constructor === Array && ({}).constructor === Object && (1).constructor === Number };`,
	}
	got, _ := p.run(t)
	expectJSON(t, got, `{"names":["Array","Object","Function","Number","String","Boolean","Date","RegExp","Array","Object"],
"isArray":true,"own":"mine","set":"assigned","instance":"Object","arrayLiteral":"constructor",
"outside":["Array","Object","Number","Boolean"],"serviceUnchanged":true}`)
}

func TestExecConsoleLog(t *testing.T) {
	p := program{
		inline: map[string]string{"pages/p.wxml#log": `console.log('hello', 1 + 1); module.exports = 1;`},
		script: `return inline_log();`,
	}
	got, logs := p.run(t)
	expectJSON(t, got, `1`)
	if !slices.Equal(logs, []string{"hello 2"}) {
		t.Errorf("logs = %q", logs)
	}
}

// A module that did not compile still registers, and throws its error when loaded.
func TestExecFailedModuleThrows(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not on PATH")
	}
	js, errs := Compile("bad.wxs", []byte("var f = new Date();"), 1, 1)
	if !errs.HasErrors() {
		t.Fatal("want an error")
	}
	prog := Runtime + `W["bad.wxs"] = D("bad.wxs", ` + js + `);
try { W["bad.wxs"](); console.log("no throw"); } catch (e) { console.log(e.name + ": " + e.message); }`
	out, err := exec.Command(node, "-e", prog).CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	want := "SyntaxError: bad.wxs:1:9: new Date is not allowed in WXS: use getDate(...)\n"
	if string(out) != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestExecMissingModule(t *testing.T) {
	p := program{
		files:  map[string]string{"a.wxs": `module.exports = require('./nope.wxs');`},
		script: `try { W['a.wxs'](); return 'no throw'; } catch (e) { return e.message; }`,
	}
	got, _ := p.run(t)
	expectJSON(t, got, `"no such WXS module: nope.wxs (required as \"./nope.wxs\" by a.wxs)"`)
}

// TestExecGoldenModules runs the golden cases that compile, as the build would load them.
func TestExecGoldenModules(t *testing.T) {
	files := map[string]string{}
	for _, name := range []string{"basic.wxs", "division.wxs", "utils/money.wxs", "utils/dates.wxs"} {
		src, err := os.ReadFile(filepath.Join(goldenDir, name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(src)
	}
	p := program{files: files, script: `var m = W['basic.wxs']();
return [m.price(1205), m.day('2024-05-01'), m.list([1, 2]), m.list(3), m.kind([]), m.next(), m.hasWx, W['division.wxs']()];`}
	got, _ := p.run(t)
	expectJSON(t, got, `["¥12.05", "三", "1, 2", "3", "Array", 1, false, {"half": 1, "paren": 5, "ctor": 2}]`)
}

// TestExecModernSyntax: the ES2015+ syntax component libraries ship in their .wxs
// (Vant's shorthand properties, TDesign's default parameters) compiles and runs, and the
// isolation still holds inside arrow functions and block scopes.
func TestExecModernSyntax(t *testing.T) {
	p := program{
		files: map[string]string{"modern.wxs": "" +
			"const color = 'red';\n" +
			"let size = (n = 2) => n * 2;\n" +
			"function pad(s, width = 3) { return `${s}`.padStart ? s + '|' + width : s; }\n" +
			"const { a, ...rest } = { a: 1, b: 2, c: 3 };\n" +
			"module.exports = {\n" +
			"  color, size: size(), sized: size(5), pad: pad('x'), a, rest,\n" +
			"  spread: [...[1, 2], 3],\n" +
			"  opt: rest?.b ?? 0,\n" +
			"  hidden: (() => typeof wx)(),\n" +
			"  method() { return typeof setTimeout; },\n" +
			"};\n"},
		script: `var m = W['modern.wxs'](); m.method = m.method(); return m;`,
	}
	got, _ := p.run(t)
	expectJSON(t, got, `{"color":"red","size":4,"sized":10,"pad":"x|3","a":1,"rest":{"b":2,"c":3},"spread":[1,2,3],"opt":2,"hidden":"undefined","method":"undefined"}`)
}

// Exported functions carry where they are, for the page layer to find them again (WXS
// event handlers); a function re-exported by a second module keeps its first name.
func TestExecTagsExportedFunctions(t *testing.T) {
	p := program{
		files: map[string]string{
			"a.wxs": `module.exports = { move: function () {}, nested: { end: function () {} }, n: 1 };`,
			"b.wxs": `var a = require('./a.wxs'); module.exports.again = a.move; module.exports.own = function () {};`,
		},
		script: `var b = W['b.wxs'](), a = W['a.wxs']();
return [a.move.__wxs, a.nested.end.__wxs, b.again.__wxs, b.own.__wxs, Object.keys(a.move)];`,
	}
	got, _ := p.run(t)
	expectJSON(t, got, `[["a.wxs","move"],["a.wxs","nested.end"],["a.wxs","move"],["b.wxs","own"],[]]`)
}

// TestExecReservedWordsAsVariables: WXS reserves only its own keywords, so a module may
// name a variable with a word JavaScript keeps for classes or strict code (iView Weapp's
// steps declares `var class`); an assigned one stays in the module, as any variable.
func TestExecReservedWordsAsVariables(t *testing.T) {
	for _, strict := range []bool{false, true} {
		p := program{
			files: map[string]string{"steps.wxs": `
function icon(status, ico) {
  var class = '';
  if (status === 'error') { class = 'close'; } else { class = 'right'; }
  if (ico !== '') { class = ico; }
  return class;
}
public = 'p';
var static = { class: 's' };
module.exports = { a: icon('error', ''), b: icon('wait', 'star'), c: public + static.class };`},
			script: `var r = W['steps.wxs'](); r.leaked = typeof globalThis.public; return r;`,
			strict: strict,
		}
		got, _ := p.run(t)
		expectJSON(t, got, `{"a":"close","b":"star","c":"ps","leaked":"undefined"}`)
	}
}
