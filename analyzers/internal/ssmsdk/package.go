package ssmsdk

import (
	"reflect"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Package is what the SSM6xx analyzers share about one package: its SSM
// operation calls and its constant values, each found once (on first use)
// for all of them rather than once per analyzer.
type Package struct {
	pass      *analysis.Pass
	sitesOnce sync.Once
	sites     []Site
	valsOnce  sync.Once
	vals      *Values
}

// Analyzer provides a *Package to the analyzers that require it.
var Analyzer = &analysis.Analyzer{
	Name:       "ssmsdk",
	Doc:        "ssmsdk finds the AWS Systems Manager calls and constant values of a package, for ssmlint's SSM6xx analyzers.",
	Run:        func(pass *analysis.Pass) (any, error) { return &Package{pass: pass}, nil },
	ResultType: reflect.TypeOf((*Package)(nil)),
}

// Of returns the shared view of the package a pass analyzes.
func Of(pass *analysis.Pass) *Package {
	return pass.ResultOf[Analyzer].(*Package)
}

// Sites lists the package's SSM operation calls.
func (p *Package) Sites() []Site {
	p.sitesOnce.Do(func() { p.sites = Sites(p.pass.TypesInfo, p.pass.Files) })
	return p.sites
}

// Values reads the package's constant values.
func (p *Package) Values() *Values {
	p.valsOnce.Do(func() { p.vals = NewValues(p.pass) })
	return p.vals
}

// Reads lists the calls of the given operations whose input can be read
// (see ReadInput), in source order.
func (p *Package) Reads(ops ...string) []Read {
	var out []Read
	for _, s := range p.Sites() {
		if !slices.Contains(ops, s.Op) {
			continue
		}
		if in, ok := ReadInput(p.pass.TypesInfo, s.Body, s.Input); ok {
			out = append(out, Read{s, in})
		}
	}
	return out
}
