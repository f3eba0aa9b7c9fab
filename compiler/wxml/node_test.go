package wxml

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// runtimeModules is the runtime's node_modules, which the render tests load glass-easel
// and its template compiler from. A missing package fails the test with what to do: it
// does not skip it.
func runtimeModules(t *testing.T) string {
	t.Helper()
	modules, err := filepath.Abs("../../runtime/node_modules")
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range []string{"glass-easel", "glass-easel-miniprogram-adapter", "glass-easel-template-compiler"} {
		if _, err := os.Stat(filepath.Join(modules, pkg, "package.json")); err != nil {
			t.Fatalf("%s is not installed in %s: run `npm ci` in runtime/ (make does)", pkg, modules)
		}
	}
	return modules
}

// runNode runs a node script with modules as its argument and input as JSON on its
// standard input, and decodes what it prints.
func runNode[T any](t *testing.T, script, modules string, input any) T {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not on PATH: install Node.js to run the render tests")
	}
	in, err := json.Marshal(input)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, script, modules)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", script, err, stderr.String())
	}
	var result T
	if err := json.Unmarshal(out, &result); err != nil {
		t.Fatalf("%s printed %q: %v\n%s", script, out, err, stderr.String())
	}
	return result
}
