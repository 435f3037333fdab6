# ssmlint — everything a contributor or CI runs. Needs only Go; tools are
# installed into ./bin from the Go module proxy at pinned versions.

GO            ?= go
BIN           := $(CURDIR)/bin
GOLANGCI_LINT := $(BIN)/golangci-lint
GOLANGCI_VERSION := v2.15.0
FUZZTIME      ?= 30s

.PHONY: all build run test vet unit check-generated lint plugin-e2e generate fuzz bench bench-go bench-govet bench-profile clean

all: build

## build: compile bin/ssmlint
build:
	$(GO) build -o $(BIN)/ssmlint ./cmd/ssmlint

## run: build and scan the shipped examples (exit 1 = findings, as expected)
run: build
	@$(BIN)/ssmlint examples/ || [ $$? -eq 1 ]

## test: vet, unit and end-to-end tests with the race detector, generated-files check, lint,
## and the golangci-lint plugin end to end
test: vet unit check-generated lint plugin-e2e

## vet: the product module and the developer tools' module (tools/)
vet:
	$(GO) vet ./...
	$(GO) -C tools vet ./...

unit:
	$(GO) test -race -count=1 ./...

## check-generated: fail when docs/rules is stale (make generate fixes it)
check-generated:
	$(GO) test -count=1 -run 'TestGenerated|TestDocs' ./internal/ruledoc/

## generate: rewrite docs/rules from the rule catalog (tools/ruledocgen)
generate:
	$(GO) -C tools run ./ruledocgen -out $(CURDIR)/docs/rules

lint: $(GOLANGCI_LINT)
	$(GOLANGCI_LINT) run ./...
	cd tools && $(GOLANGCI_LINT) run ./...

$(GOLANGCI_LINT):
	GOBIN=$(BIN) $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_VERSION)

## plugin-e2e: build golangci-lint $(GOLANGCI_VERSION) with the ssmlint plugin (source through the
## module proxy, the plugin imported with a replace) and check it reports SSM601 on testdata/crosslang
plugin-e2e: build
	GO=$(GO) bash scripts/plugin-e2e.sh $(GOLANGCI_VERSION) $(BIN)/ssmlint $(CURDIR)/.build/plugin-e2e

## fuzz: run each fuzz target for FUZZTIME (default 30s)
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) ./hclcheck/
	$(GO) test -run '^$$' -fuzz '^FuzzLoadJSON$$' -fuzztime $(FUZZTIME) ./hclcheck/
	$(GO) test -run '^$$' -fuzz '^FuzzFunctions$$' -fuzztime $(FUZZTIME) ./hclcheck/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./internal/config/
	$(GO) test -run '^$$' -fuzz '^FuzzParseHCL$$' -fuzztime $(FUZZTIME) ./internal/suppress/
	$(GO) test -run '^$$' -fuzz '^FuzzParseGo$$' -fuzztime $(FUZZTIME) ./internal/suppress/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./internal/baseline/
	$(GO) test -run '^$$' -fuzz '^FuzzSessionInputs$$' -fuzztime $(FUZZTIME) ./hclcheck/checks/

## bench: synthetic corpora (~2,500 and ~10,000 files) in .bench/: ssmlint's
## wall time and peak memory next to the bare hclsyntax parse time (the floor)
bench: build
	$(GO) -C tools run ./benchrun -sizes 2500,10000 -runs 3 -ssmlint $(BIN)/ssmlint -dir $(CURDIR)/.bench

## bench-go: the testing.B benchmarks (engine vs parse floor on one corpus)
bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./internal/bench

## bench-govet: ssmlint's Go side vs go vet on golang.org/x/tools (216 packages), cold and warm build cache
bench-govet: build
	rm -rf .bench/govet-module && mkdir -p .bench
	cp -r "$$($(GO) mod download -json golang.org/x/tools@v0.52.0 | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')" .bench/govet-module
	chmod -R u+w .bench/govet-module
	$(GO) -C tools run ./govetrun -runs 3 -ssmlint $(BIN)/ssmlint $(CURDIR)/.bench/govet-module

## bench-profile: CPU and memory profiles of the engine on 2,500 files
bench-profile:
	mkdir -p .bench
	$(GO) test -run '^$$' -bench LoadAndCheck -benchtime 6x -benchmem -cpuprofile .bench/cpu.out -memprofile .bench/mem.out -o .bench/bench.test ./internal/bench -args -bench.files=2500 -bench.heapprofile=$(CURDIR)/.bench/heap.out
	$(GO) tool pprof -top -cum -nodecount=40 .bench/bench.test .bench/cpu.out

clean:
	rm -rf $(BIN) .bench .build
