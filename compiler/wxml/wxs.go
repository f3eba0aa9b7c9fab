package wxml

import (
	"github.com/mpsim/mpsim/compiler/diag"
	"github.com/mpsim/mpsim/compiler/wxs"
)

// compileWXS turns the body of an inline <wxs module> into the function D registers.
// line and col are where the body starts in the .wxml file, so that its diagnostics
// point into the .wxml.
func compileWXS(filename string, body []byte, line, col int) (string, diag.List) {
	return wxs.Compile(filename, body, line, col)
}
