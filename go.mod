module github.com/mpsim/mpsim

go 1.26

require (
	github.com/coder/websocket v1.8.15
	github.com/evanw/esbuild v0.28.2
)

require (
	github.com/go-chi/chi/v5 v5.5.0 // indirect
	golang.org/x/sys v0.0.0-20220715151400-c0bba94af5f8 // indirect
)
