# mpsim: `make run` serves the demo (or DIR=path/to/miniprogram), `make test` runs every test.
# Both set up what they need on a fresh machine: the runtime's npm packages, and for the
# tests Debian's chromium.

GO ?= go
DIR ?=
ARGS ?=
RUNTIME_SRC := $(shell find runtime/service runtime/view runtime/bridge runtime/stylelang -name '*.ts') runtime/bundle/main.go
GO_SRC := $(shell find . -name '*.go' -not -path './runtime/node_modules/*') go.mod go.sum

.PHONY: all build run test vet chromium bench clean

all: build
build: bin/mpsim

# npm ci installs exactly the pinned versions of runtime/package-lock.json.
runtime/node_modules/.package-lock.json: runtime/package.json runtime/package-lock.json
	cd runtime && npm ci --no-audit --no-fund
	@touch $@

runtime/dist/service.js: runtime/node_modules/.package-lock.json $(RUNTIME_SRC)
	$(GO) run ./runtime/bundle -dir runtime

bin/mpsim: runtime/dist/service.js $(GO_SRC) $(shell find web/static cmd/mpsim/demo -type f)
	$(GO) build -o bin/mpsim ./cmd/mpsim

run: bin/mpsim
	./bin/mpsim open $(DIR) $(ARGS)

# The end-to-end tests drive Debian's chromium; install it when it is missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; }

vet: runtime/dist/service.js
	$(GO) vet ./...

test: bin/mpsim chromium vet
	$(GO) test -count=1 -timeout 30m ./...

bench: runtime/dist/service.js
	$(GO) test -run '^$$' -bench InvokeVsEcho -benchtime 5000x ./server/
	$(GO) test -run '^$$' -bench BuildThreeLibraries -benchtime 5x ./compiler/
	$(GO) test -run '^$$' -bench VantLib -benchtime 30x ./compiler/wxml/
	$(GO) test -run '^$$' -bench VantVsWcsc -benchtime 20x ./compiler/wxss/

clean:
	rm -rf bin runtime/dist/*.js runtime/dist/*.map
