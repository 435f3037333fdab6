// Command ssmlint finds AWS Systems Manager mistakes in Terraform (and, in
// a later release, Go) before they ship.
//
//	ssmlint [flags] [PATH ...]
//	ssmlint rules [RULE]
//
// Exit status: 0 when nothing at or above --fail-on was found, 1 when
// something was, 2 on a usage error or input that could not be read (the
// rest of the input is still scanned and reported).
package main

import (
	"os"
	"runtime/debug"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/ssmlint/ssmlint/analyzers/all"
	"github.com/ssmlint/ssmlint/internal/gocheck"
)

func main() {
	// ssmlint runs its Go analyzers through go vet, with itself as the
	// vet tool (see internal/gocheck).
	if os.Getenv(gocheck.VetToolEnv) == "1" {
		unitchecker.Main(all.Analyzers()...)
	}
	// A scan allocates much and keeps little (each root module is dropped
	// once checked), so the default GC target makes the collector run far
	// more often than memory needs. Trade headroom for speed, with a soft
	// limit that brings the collector back before memory grows past what a
	// CI runner or pre-commit hook expects (measured: 10,000 files peak at
	// about 250 MB). The limit is soft: a repository whose files alone
	// exceed it is still scanned, with more collections. GOGC and
	// GOMEMLIMIT still win when set.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(600)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(240 << 20)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
