// Package ssm603 defines the SSM603 analyzer (getparameters-too-many-names):
// GetParameters with more than 10 names, which the API rejects.
package ssm603

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
	"github.com/ssmlint/ssmlint/rules"
)

// Analyzer reports GetParameters calls given more than MaxNames names in
// a list literal (an error), and, as a warning, calls given a list built
// at run time that nothing splits into batches or checks for length.
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
	var idx *index // built on the first list that is not a literal
	for _, r := range ssmsdk.Of(pass).Reads("GetParameters") {
		names, _ := r.In.Set("Names")
		if names == nil {
			continue
		}
		if lit := ssmsdk.ListLiteral(pass.TypesInfo, names); lit != nil {
			if len(lit.Elts) > MaxNames {
				report(pass, lit, rules.Error, tooMany(len(lit.Elts)))
			}
			continue
		}
		if idx == nil {
			idx = newIndex(pass.TypesInfo, pass.Files)
		}
		t := newTracer(idx)
		s := t.names(names)
		if !s.known() || t.limited() {
			continue // where the names come from is not known, or their count is checked
		}
		const unchecked = "is never split into batches of %d or checked for length: GetParameters fails at run time when given more than %d names"
		switch {
		case s.max > MaxNames && s.exact:
			report(pass, names, rules.Error, tooMany(s.max))
		case s.max > MaxNames:
			report(pass, names, rules.Warning, fmt.Sprintf("Names can hold up to %d names and "+unchecked, s.max, MaxNames, MaxNames))
		case s.max < 0:
			report(pass, names, rules.Warning, fmt.Sprintf("Names comes from %s and "+unchecked, s.origin, MaxNames, MaxNames))
		}
	}
	return nil, nil
}

func tooMany(n int) string {
	return fmt.Sprintf("GetParameters is given %d names; it accepts at most %d per call, so the request fails at run time: split it into batches of %d", n, MaxNames, MaxNames)
}

// report reports a finding at severity s, which the Category carries
// when it is not the rule's default (see rules.Rule.Category).
func report(pass *analysis.Pass, at ast.Node, s rules.Severity, msg string) {
	pass.Report(analysis.Diagnostic{
		Pos:      at.Pos(),
		End:      at.End(),
		Category: rules.SSM603.Category(s),
		Message:  msg,
		URL:      ssmsdk.URL(rules.SSM603),
	})
}
