// Package ssm608 defines the SSM608 analyzer (invalid-parameters-ignored):
// a GetParameters result used without reading InvalidParameters.
package ssm608

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
	"github.com/ssmlint/ssmlint/rules"
)

// Analyzer reports GetParameters results whose InvalidParameters is never
// read in the function.
var Analyzer = &analysis.Analyzer{
	Name: ssmsdk.AnalyzerName(rules.SSM608),
	Doc:  ssmsdk.Doc(rules.SSM608),
	URL:  ssmsdk.URL(rules.SSM608),
	Run:  run,

	Requires: []*analysis.Analyzer{ssmsdk.Analyzer},
}

func run(pass *analysis.Pass) (any, error) {
	if !ssmsdk.ImportsSSM(pass.Pkg) {
		return nil, nil
	}
	for _, s := range ssmsdk.Of(pass).Sites() {
		if s.Op != "GetParameters" || s.Body == nil || len(s.Stack) == 0 {
			continue
		}
		as, ok := s.Stack[len(s.Stack)-1].(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || as.Rhs[0] != s.Expr || len(as.Lhs) == 0 {
			continue
		}
		id, ok := as.Lhs[0].(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		obj, ok := pass.TypesInfo.ObjectOf(id).(*types.Var)
		if !ok {
			continue
		}
		used, checked, escapes := uses(pass.TypesInfo, s.Body, obj)
		if !used || checked || escapes {
			continue
		}
		fun := s.Expr.Fun
		if sel, ok := fun.(*ast.SelectorExpr); ok {
			fun = sel.Sel
		}
		pass.Report(analysis.Diagnostic{
			Pos:      fun.Pos(),
			End:      s.Expr.End(),
			Category: rules.SSM608.ID,
			Message:  "the result of GetParameters is used but its InvalidParameters is never read: names that do not exist are left out of Parameters without an error",
			URL:      ssmsdk.URL(rules.SSM608),
		})
	}
	return nil, nil
}

// uses tells how the result variable is used in body: read at all,
// InvalidParameters read, or handed on (returned, passed, stored), in
// which case someone else may check it.
func uses(info *types.Info, body *ast.BlockStmt, obj *types.Var) (used, checked, escapes bool) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.Uses[id] == obj {
				used = true
				if n.Sel.Name == "InvalidParameters" {
					checked = true
				}
				return false
			}
		case *ast.Ident:
			if info.Uses[n] == obj {
				used, escapes = true, true
			}
		}
		return true
	})
	return used, checked, escapes
}
