// Package ssm603 defines the SSM603 analyzer (getparameters-too-many-names):
// GetParameters with more than 10 names, which the API rejects.
package ssm603

import (
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
	"github.com/ssmlint/ssmlint/rules"
)

// Analyzer reports GetParameters calls given more than MaxNames names in
// a list literal.
var Analyzer = &analysis.Analyzer{
	Name: ssmsdk.AnalyzerName(rules.SSM603),
	Doc:  ssmsdk.Doc(rules.SSM603),
	URL:  ssmsdk.URL(rules.SSM603),
	Run:  run,

	Requires: []*analysis.Analyzer{ssmsdk.Analyzer},
}

// MaxNames is how many names GetParameters accepts per call.
const MaxNames = 10

func run(pass *analysis.Pass) (any, error) {
	if !ssmsdk.ImportsSSM(pass.Pkg) {
		return nil, nil
	}
	for _, r := range ssmsdk.Of(pass).Reads("GetParameters") {
		names, _ := r.In.Set("Names")
		if names == nil {
			continue
		}
		lit := ssmsdk.ListLiteral(pass.TypesInfo, names)
		if lit == nil || len(lit.Elts) <= MaxNames {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:      lit.Pos(),
			End:      lit.End(),
			Category: rules.SSM603.ID,
			Message:  fmt.Sprintf("GetParameters is given %d names; it accepts at most %d per call, so the request fails at run time: split it into batches of %d", len(lit.Elts), MaxNames, MaxNames),
			URL:      ssmsdk.URL(rules.SSM603),
		})
	}
	return nil, nil
}
