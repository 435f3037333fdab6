// Command ssmvet runs ssmlint's Go analyzers (SSM6xx), standalone or as a
// go vet tool:
//
//	ssmvet [-ssm601.inventory=FILE] [-fix] ./...
//	go vet -vettool=$(go env GOPATH)/bin/ssmvet ./...
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/ssmlint/ssmlint/analyzers/all"
)

func main() { multichecker.Main(all.Analyzers()...) }
