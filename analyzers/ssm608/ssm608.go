// Package ssm608 defines the SSM608 analyzer (invalid-parameters-ignored):
// a GetParameters result used without reading InvalidParameters, or
// discarded while its error is trusted to reveal a missing name.
package ssm608

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
	"github.com/ssmlint/ssmlint/rules"
)

// Analyzer reports GetParameters results whose InvalidParameters is never
// read in the function, unless the names were just listed or the function
// notices a missing one otherwise, and GetParameters calls whose result is
// discarded while the error is checked.
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
	var filled *contents // indexed on the first GetParameters
	for _, s := range ssmsdk.Of(pass).Sites() {
		if s.Op != "GetParameters" || s.Body == nil {
			continue
		}
		lhs := resultsAssigned(s)
		if len(lhs) == 0 {
			continue // not assigned (a statement, returned, passed on)
		}
		if filled == nil {
			filled = newContents(pass)
		}
		if namesListed(pass.TypesInfo, s, filled) {
			continue // names that were just listed exist
		}
		if isBlank(lhs[0]) {
			if len(lhs) == 2 && !isBlank(lhs[1]) {
				report(pass, s, "the result of GetParameters is discarded and only its error is checked, "+
					"but GetParameters returns no error for names that do not exist: it lists them in InvalidParameters")
			}
			continue
		}
		id, ok := lhs[0].(*ast.Ident)
		if !ok {
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
		if handlesAbsence(pass.TypesInfo, s.Body, s.Expr.End(), filled.trace(isVar(pass.TypesInfo, obj)), ssmsdk.Of(pass).Values(), constantNames(pass, s)) {
			continue
		}
		report(pass, s, "the result of GetParameters is used but its InvalidParameters is never read: "+
			"names that do not exist are left out of Parameters without an error")
	}
	return nil, nil
}

func report(pass *analysis.Pass, s ssmsdk.Site, msg string) {
	fun := s.Expr.Fun
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		fun = sel.Sel
	}
	pass.Report(analysis.Diagnostic{
		Pos:      fun.Pos(),
		End:      s.Expr.End(),
		Category: rules.SSM608.ID,
		Message:  msg,
		URL:      ssmsdk.URL(rules.SSM608),
	})
}

// resultsAssigned is what the call's results are assigned to, when the
// call is the only value of an assignment or a var declaration.
func resultsAssigned(s ssmsdk.Site) []ast.Expr {
	if len(s.Stack) == 0 {
		return nil
	}
	switch n := s.Stack[len(s.Stack)-1].(type) {
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 && n.Rhs[0] == s.Expr {
			return n.Lhs
		}
	case *ast.ValueSpec:
		if len(n.Values) == 1 && n.Values[0] == s.Expr {
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			return lhs
		}
	}
	return nil
}

func isBlank(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "_"
}

// constantNames are the names the call asks for when they are all
// constants, nil otherwise.
func constantNames(pass *analysis.Pass, s ssmsdk.Site) []string {
	in, ok := ssmsdk.ReadInput(pass.TypesInfo, s.Body, s.Input)
	if !ok {
		return nil
	}
	list, _ := in.Set("Names")
	exprs := ssmsdk.NameExprs(pass.TypesInfo, list, true)
	if len(exprs) == 0 {
		return nil
	}
	names := make([]string, 0, len(exprs))
	for _, e := range exprs {
		n, ok := ssmsdk.Of(pass).Values().String(e)
		if !ok {
			return nil
		}
		names = append(names, n)
	}
	return names
}

// namesListed reports whether every name the call asks for comes from a
// DescribeParameters or GetParametersByPath page: a slice built from
// them, a batch of it, or the names themselves.
func namesListed(info *types.Info, s ssmsdk.Site, filled *contents) bool {
	in, ok := ssmsdk.ReadInput(info, s.Body, s.Input)
	if !ok {
		return false
	}
	names, _ := in.Set("Names")
	return names != nil && filled.trace(isListing(info)).all(names)
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
