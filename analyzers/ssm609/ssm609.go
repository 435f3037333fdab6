// Package ssm609 defines the SSM609 analyzer (pages-callback-stops-early):
// an aws-sdk-go v1 …Pages callback that always returns lastPage (or
// false), which stops after the first page.
package ssm609

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
	"github.com/ssmlint/ssmlint/rules"
)

// Analyzer reports Pages callbacks that stop iterating unconditionally.
var Analyzer = &analysis.Analyzer{
	Name: ssmsdk.AnalyzerName(rules.SSM609),
	Doc:  ssmsdk.Doc(rules.SSM609),
	URL:  ssmsdk.URL(rules.SSM609),
	Run:  run,

	Requires: []*analysis.Analyzer{ssmsdk.Analyzer},
}

func run(pass *analysis.Pass) (any, error) {
	if !ssmsdk.ImportsSSM(pass.Pkg) {
		return nil, nil
	}
	for _, s := range ssmsdk.Of(pass).Sites() {
		if !s.Pages {
			continue
		}
		for _, arg := range s.Expr.Args {
			fl, ok := ast.Unparen(arg).(*ast.FuncLit)
			if !ok || len(fl.Body.List) == 0 {
				continue
			}
			last := lastPageParam(pass.TypesInfo, fl)
			final, ok := fl.Body.List[len(fl.Body.List)-1].(*ast.ReturnStmt)
			if !ok || len(final.Results) != 1 || !stops(pass.TypesInfo, final.Results[0], last) {
				continue
			}
			// Every return must stop: a callback that continues somewhere
			// stops early on purpose only where it returns false.
			if !allReturnsStop(pass.TypesInfo, fl.Body, last) {
				continue
			}
			res := final.Results[0]
			pass.Report(analysis.Diagnostic{
				Pos:      res.Pos(),
				End:      res.End(),
				Category: rules.SSM609.ID,
				Message:  "the " + s.Op + "Pages callback always returns " + render(res) + ", which stops the iteration after the first page: return true to go on to the next page",
				URL:      ssmsdk.URL(rules.SSM609),
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   "Return true",
					TextEdits: []analysis.TextEdit{{Pos: res.Pos(), End: res.End(), NewText: []byte("true")}},
				}},
			})
		}
	}
	return nil, nil
}

// lastPageParam is the callback's bool parameter (the second), or nil.
func lastPageParam(info *types.Info, fl *ast.FuncLit) *types.Var {
	var names []*ast.Ident
	for _, f := range fl.Type.Params.List {
		names = append(names, f.Names...)
	}
	if len(names) != 2 {
		return nil
	}
	v, _ := info.Defs[names[1]].(*types.Var)
	return v
}

// stops reports whether a returned expression is lastPage or false.
func stops(info *types.Info, e ast.Expr, last *types.Var) bool {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok && last != nil && info.Uses[id] == last {
		return true
	}
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value)
}

func allReturnsStop(info *types.Info, body *ast.BlockStmt, last *types.Var) bool {
	all := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != 1 || !stops(info, n.Results[0], last) {
				all = false
			}
		}
		return all
	})
	return all
}

func render(e ast.Expr) string {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		return id.Name
	}
	return "false"
}
