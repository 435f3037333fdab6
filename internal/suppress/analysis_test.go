package suppress

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// reads reports every call of a function named read as SSM601, with a
// fix that removes it.
var reads = &analysis.Analyzer{
	Name: "reads",
	Doc:  "reports calls of read",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "read" {
						pass.Report(analysis.Diagnostic{Pos: c.Pos(), End: c.End(), Category: "SSM601", Message: "read call",
							SuggestedFixes: []analysis.SuggestedFix{{Message: "remove", TextEdits: []analysis.TextEdit{{Pos: c.Pos(), End: c.End()}}}}})
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

// The wrapped analyzer reports only what no comment covers: every
// directive for ssmvet and go vet, //ssmlint:ignore alone for the
// golangci-lint plugin (golangci-lint applies //nolint).
func TestAnalyzers(t *testing.T) {
	dir := analysistest.TestData()
	analysistest.Run(t, dir, Analyzers([]*analysis.Analyzer{reads}, IgnoreAndNolint)[0], "every")
	analysistest.Run(t, dir, Analyzers([]*analysis.Analyzer{reads}, IgnoreOnly)[0], "ignoreonly")
	if reads.Run == nil || reads.Name != "reads" {
		t.Error("Analyzers changed the analyzer it copied")
	}
}
