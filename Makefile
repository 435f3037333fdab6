# ssmlint — everything a contributor or CI runs. Needs only Go; tools are
# installed into ./bin from the Go module proxy at pinned versions.

GO            ?= go
BIN           := $(CURDIR)/bin
GOLANGCI_LINT := $(BIN)/golangci-lint
GOLANGCI_VERSION := v2.15.0
FUZZTIME      ?= 30s

.PHONY: all build run test vet unit check-generated lint generate fuzz bench clean

all: build

## build: compile bin/ssmlint
build:
	$(GO) build -o $(BIN)/ssmlint ./cmd/ssmlint

## run: build and scan the shipped examples (exit 1 = findings, as expected)
run: build
	@$(BIN)/ssmlint examples/ || [ $$? -eq 1 ]

## test: vet, unit and end-to-end tests with the race detector, generated-files check, lint
test: vet unit check-generated lint

vet:
	$(GO) vet ./...

unit:
	$(GO) test -race -count=1 ./...

## check-generated: fail when docs/rules is stale (make generate fixes it)
check-generated:
	$(GO) test -count=1 -run 'TestGenerated|TestDocs' ./internal/ruledoc/

## generate: rewrite docs/rules from the rule catalog
generate:
	$(GO) run ./internal/ruledoc/gen -out docs/rules

lint: $(GOLANGCI_LINT)
	$(GOLANGCI_LINT) run ./...

$(GOLANGCI_LINT):
	GOBIN=$(BIN) $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_VERSION)

## fuzz: run each fuzz target for FUZZTIME (default 30s)
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) ./hclcheck/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./internal/config/
	$(GO) test -run '^$$' -fuzz '^FuzzParseHCL$$' -fuzztime $(FUZZTIME) ./internal/suppress/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./internal/baseline/

clean:
	rm -rf $(BIN) .bench
