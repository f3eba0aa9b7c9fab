// Package runtime embeds the browser side of mpsim: the service layer (a Web Worker), the
// page layer (one iframe per page) and their bridge, written in TypeScript beside this
// file and bundled with glass-easel by `go run ./runtime/bundle` (make does it).
package runtime

import (
	"embed"
	"errors"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Bundles are the files served under /runtime/.
var Bundles = []string{"service.js", "view.js"}

// ErrNotBundled says the binary was built without the runtime bundle.
var ErrNotBundled = errors.New("the runtime bundle is missing from this binary: build with `make` " +
	"(it runs npm ci in runtime/ and go run ./runtime/bundle before go build)")

// Assets returns the bundled runtime files, or ErrNotBundled.
func Assets() (fs.FS, error) {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		return nil, err
	}
	for _, name := range Bundles {
		if _, err := fs.Stat(sub, name); err != nil {
			return nil, ErrNotBundled
		}
	}
	return sub, nil
}

// StyleCompilers is the Sass and Less compilers' bundle (stylelang.js), which
// compiler/stylelang runs; not served.
func StyleCompilers() ([]byte, error) {
	src, err := fs.ReadFile(dist, "dist/stylelang.js")
	if err != nil {
		return nil, ErrNotBundled
	}
	return src, nil
}

// ExtendedLib is the library app.json's useExtendedLib turns on, by its npm name
// ("weui-miniprogram"): the package's miniprogram_dist, copied by the bundle step.
func ExtendedLib(pkg string) (fs.FS, error) {
	lib, err := fs.Sub(dist, "dist/extlib/"+pkg)
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(lib, "index.json"); err != nil {
		return nil, ErrNotBundled
	}
	return lib, nil
}
