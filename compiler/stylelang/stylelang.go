// Package stylelang compiles Sass (.scss, .sass) and Less (.less) sheets to CSS, as the
// official tools do with setting.useCompilerPlugins, using the languages' own compilers
// (the pinned sass and less npm packages, bundled into runtime/dist/stylelang.js) in goja,
// a JavaScript engine written in Go: the build needs no Node.js.
package stylelang

import (
	"fmt"
	"path"
	"sync"

	"github.com/dop251/goja"

	"github.com/mpsim/mpsim/compiler/diag"
	"github.com/mpsim/mpsim/runtime"
)

// Languages are the sheet languages by extension.
var Languages = map[string]string{".scss": "Sass", ".sass": "Sass", ".less": "Less"}

// engine is the one goja runtime with the compilers loaded. Loading them takes about a
// second, so it happens once, on the first sheet; a goja runtime serves one goroutine at a
// time, so calls take turns.
var engine struct {
	once   sync.Once
	err    error
	mu     sync.Mutex
	vm     *goja.Runtime
	sass   goja.Callable
	less   goja.Callable
	readFn func(path string) ([]byte, bool) // the reader of the call running now
}

func load() {
	src, err := runtime.StyleCompilers()
	if err != nil {
		engine.err = err
		return
	}
	vm := goja.New()
	vm.SetFieldNameMapper(goja.TagFieldNameMapper("json", true))
	vm.Set("__mpsimRead", func(p string) goja.Value {
		if b, ok := engine.readFn(p); ok {
			return vm.ToValue(string(b))
		}
		return goja.Null()
	})
	if _, err := vm.RunScript("stylelang.js", string(src)); err != nil {
		engine.err = fmt.Errorf("loading the Sass and Less compilers: %v", err)
		return
	}
	exports := vm.Get("mpsimStyle").ToObject(vm)
	engine.vm = vm
	engine.sass, _ = goja.AssertFunction(exports.Get("compileSass"))
	engine.less, _ = goja.AssertFunction(exports.Get("compileLess"))
}

// Compile compiles the sheet file (a project path) to CSS, and lists the project files it
// imported. read gives the project's files for its imports. A problem is a diagnostic at
// the file, line and column the compiler names, which may be an imported file's.
func Compile(file string, src []byte, read func(path string) ([]byte, bool)) (css string, imports []string, errs diag.List) {
	lang, ok := Languages[path.Ext(file)]
	if !ok {
		return "", nil, diag.List{{File: file, Line: 1, Column: 1, Message: "not a Sass or Less sheet"}}
	}
	engine.once.Do(load)
	if engine.err != nil {
		return "", nil, diag.List{{File: file, Line: 1, Column: 1, Message: engine.err.Error(),
			Hint: "build mpsim with make, which bundles the compilers"}}
	}
	engine.mu.Lock()
	defer engine.mu.Unlock()
	engine.readFn = read
	fn := engine.sass
	if lang == "Less" {
		fn = engine.less
	}
	v, err := fn(goja.Undefined(), engine.vm.ToValue(string(src)), engine.vm.ToValue(file))
	if err != nil {
		return "", nil, diag.List{{File: file, Line: 1, Column: 1, Message: fmt.Sprintf("the %s compiler failed: %v", lang, err)}}
	}
	var res struct {
		CSS     string   `json:"css"`
		Imports []string `json:"imports"`
		Error   *struct {
			Message string `json:"message"`
			File    string `json:"file"`
			Line    int    `json:"line"`
			Column  int    `json:"column"`
		} `json:"error"`
	}
	if err := engine.vm.ExportTo(v, &res); err != nil {
		return "", nil, diag.List{{File: file, Line: 1, Column: 1, Message: fmt.Sprintf("the %s compiler's answer: %v", lang, err)}}
	}
	if e := res.Error; e != nil {
		d := diag.Diagnostic{File: e.File, Line: max(e.Line, 1), Column: max(e.Column, 1), Message: lang + ": " + e.Message}
		if b, ok := read(e.File); ok {
			d = d.WithFrame(b)
		}
		return "", nil, diag.List{d}
	}
	return res.CSS, res.Imports, nil
}
