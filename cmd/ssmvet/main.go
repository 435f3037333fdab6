// Command ssmvet runs ssmlint's Go analyzers (SSM6xx), standalone or as a
// go vet tool:
//
//	ssmvet [-ssm601.inventory=FILE] [-fix] ./...
//	go vet -vettool=$(go env GOPATH)/bin/ssmvet [-ssm601.inventory=FILE] ./...
//
// Suppression comments silence a finding, and keep -fix from applying its
// fix, as they do in ssmlint: `//ssmlint:ignore SSM601 -- reason` and
// golangci-lint's `//nolint:ssmlint` (or `//nolint`, `//nolint:all`), at
// the end of the finding's line or on the lines above the statement or
// declaration that holds it.
//
// The Terraform parameter inventory (`ssmlint --write-inventory FILE`) is
// given with -ssm601.inventory (or -ssm607.inventory: the two analyzers
// share it). A relative path is relative to the working directory when
// ssmvet runs alone, and under go vet, which starts the tool in each
// package's directory, to the module root: the directory of the go.mod of
// the package analysed. An inventory that cannot be read is a warning on
// stderr, and the analyzers run without it.
package main

import (
	"os"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/ssmlint/ssmlint/analyzers/all"
	"github.com/ssmlint/ssmlint/internal/suppress"
)

func main() {
	os.Args = append(os.Args[:1:1], loadInventory(os.Args[1:], os.Stderr)...)
	multichecker.Main(suppress.Analyzers(all.Analyzers(), suppress.IgnoreAndNolint)...)
}
