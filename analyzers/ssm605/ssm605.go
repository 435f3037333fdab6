// Package ssm605 defines the SSM605 analyzer (hardcoded-securestring-value):
// PutParameter of a SecureString whose value is a constant in the code.
package ssm605

import (
	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
	"github.com/ssmlint/ssmlint/rules"
)

// Analyzer reports SecureStrings put with a constant value.
var Analyzer = &analysis.Analyzer{
	Name: ssmsdk.AnalyzerName(rules.SSM605),
	Doc:  ssmsdk.Doc(rules.SSM605),
	URL:  ssmsdk.URL(rules.SSM605),
	Run:  run,

	Requires: []*analysis.Analyzer{ssmsdk.Analyzer},
}

func run(pass *analysis.Pass) (any, error) {
	if !ssmsdk.ImportsSSM(pass.Pkg) {
		return nil, nil
	}
	pkg := ssmsdk.Of(pass)
	vals := pkg.Values()
	for _, r := range pkg.Reads("PutParameter") {
		in := r.In
		typ, _ := in.Set("Type")
		value, _ := in.Set("Value")
		if typ == nil || value == nil {
			continue
		}
		if t, ok := vals.String(typ); !ok || t != "SecureString" {
			continue
		}
		if _, constant := vals.String(value); !constant {
			continue
		}
		name := "a parameter"
		if n, _ := in.Set("Name"); n != nil {
			if s, ok := vals.String(n); ok {
				name = `"` + s + `"`
			}
		}
		pass.Report(analysis.Diagnostic{
			Pos:      value.Pos(),
			End:      value.End(),
			Category: rules.SSM605.ID,
			Message:  "PutParameter stores " + name + " as a SecureString with a value written in the code: the secret is in the source and in version control",
			URL:      ssmsdk.URL(rules.SSM605),
		})
	}
	return nil, nil
}
