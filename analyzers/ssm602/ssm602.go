// Package ssm602 defines the SSM602 analyzer (unpaginated-parameter-list):
// a paginated listing called once, so everything after the first page is
// dropped.
package ssm602

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
	"github.com/ssmlint/ssmlint/rules"
)

// Analyzer reports GetParametersByPath, DescribeParameters and
// GetParameterHistory calls in functions that never look at NextToken,
// unless the call's output is discarded.
var Analyzer = &analysis.Analyzer{
	Name: ssmsdk.AnalyzerName(rules.SSM602),
	Doc:  ssmsdk.Doc(rules.SSM602),
	URL:  ssmsdk.URL(rules.SSM602),
	Run:  run,

	Requires: []*analysis.Analyzer{ssmsdk.Analyzer},
}

var paginated = map[string]bool{"GetParametersByPath": true, "DescribeParameters": true, "GetParameterHistory": true}

func run(pass *analysis.Pass) (any, error) {
	if !ssmsdk.ImportsSSM(pass.Pkg) {
		return nil, nil
	}
	for _, s := range ssmsdk.Of(pass).Sites() {
		if !paginated[s.Op] || s.Pages || s.Body == nil {
			continue // v1's …Pages methods page by themselves
		}
		if mentionsNextToken(s.Body) {
			continue // a loop that follows NextToken, or a deliberate check of it
		}
		if pageDiscarded(s) {
			continue // `_, err :=`: a probe of credentials or permissions reads no page
		}
		fun := s.Expr.Fun
		if sel, ok := fun.(*ast.SelectorExpr); ok {
			fun = sel.Sel
		}
		pass.Report(analysis.Diagnostic{
			Pos:            fun.Pos(),
			End:            s.Expr.End(),
			Category:       rules.SSM602.ID,
			Message:        s.Op + " is called once and NextToken is never read: results after the first page are silently dropped",
			URL:            ssmsdk.URL(rules.SSM602),
			SuggestedFixes: paginatorFix(pass, s),
		})
	}
	return nil, nil
}

// pageDiscarded reports a call whose output is assigned to the blank
// identifier, only its error kept: `_, err := c.DescribeParameters(…)`.
func pageDiscarded(s ssmsdk.Site) bool {
	if len(s.Stack) == 0 {
		return false
	}
	var first ast.Expr
	switch n := s.Stack[len(s.Stack)-1].(type) {
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 && n.Rhs[0] == s.Expr && len(n.Lhs) > 0 {
			first = n.Lhs[0]
		}
	case *ast.ValueSpec:
		if len(n.Values) == 1 && n.Values[0] == s.Expr && len(n.Names) > 0 {
			first = n.Names[0]
		}
	}
	id, ok := first.(*ast.Ident)
	return ok && id.Name == "_"
}

// mentionsNextToken reports any use of a NextToken field in body.
func mentionsNextToken(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && (sel.Sel.Name == "NextToken" || sel.Sel.Name == "SetNextToken") {
			found = true
		}
		if kv, ok := n.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "NextToken" {
				found = true
			}
		}
		return !found
	})
	return found
}
