package ssm602

import (
	"bytes"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
)

// paginatorFix rewrites, for aws-sdk-go-v2, the mechanical shape
//
//	out, err := c.GetParametersByPath(ctx, in)
//	…statements using out and err…
//
// into a loop over the SDK's paginator:
//
//	paginator := ssm.NewGetParametersByPathPaginator(c, in)
//	for paginator.HasMorePages() {
//		out, err := paginator.NextPage(ctx)
//		…the same statements…
//	}
//
// It offers nothing when the shape differs: the call not alone on the
// right of an assignment, a return among the moved statements other than
// under `if err != nil`, the results used after them, a name
// `paginator` already in use.
func paginatorFix(pass *analysis.Pass, s ssmsdk.Site) []analysis.SuggestedFix {
	if s.V1 || len(s.Stack) < 2 || len(s.Expr.Args) < 2 || s.Body == nil {
		return nil
	}
	as, ok := s.Stack[len(s.Stack)-1].(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || as.Rhs[0] != s.Expr || len(as.Lhs) != 2 {
		return nil
	}
	block, ok := s.Stack[len(s.Stack)-2].(*ast.BlockStmt)
	if !ok {
		return nil
	}
	sel, ok := s.Expr.Fun.(*ast.SelectorExpr)
	if !ok || usesName(s.Body, "paginator") {
		return nil
	}
	idx := -1
	for i, st := range block.List {
		if st == as {
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	var results []types.Object
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
			results = append(results, pass.TypesInfo.ObjectOf(id))
		}
	}
	// The statements that use the results, up to the last one that does.
	last := idx
	for i := idx + 1; i < len(block.List); i++ {
		if refers(pass.TypesInfo, block.List[i], results) {
			last = i
		}
	}
	errObj := types.Object(nil)
	if id, ok := as.Lhs[1].(*ast.Ident); ok {
		errObj = pass.TypesInfo.ObjectOf(id)
	}
	for _, st := range block.List[idx+1 : last+1] {
		if returnsOutsideErrCheck(pass.TypesInfo, st, errObj) {
			return nil
		}
	}
	src, err := pass.ReadFile(pass.Fset.File(as.Pos()).Name())
	if err != nil {
		return nil
	}
	off := func(p token.Pos) int { return pass.Fset.Position(p).Offset }
	text := func(n ast.Node) string { return string(src[off(n.Pos()):off(n.End())]) }
	qual := pkgQualifier(pass, s.Input)
	if qual == "" {
		return nil
	}
	var b bytes.Buffer
	b.WriteString("paginator := " + qual + ".New" + s.Op + "Paginator(" + text(sel.X) + ", " + text(s.Expr.Args[1]) + ")\n")
	b.WriteString("for paginator.HasMorePages() {\n")
	b.WriteString(text(as.Lhs[0]) + ", " + text(as.Lhs[1]) + " " + as.Tok.String() + " paginator.NextPage(" + text(s.Expr.Args[0]) + ")")
	// What follows the call, comments included, moves into the loop.
	end := as.End()
	if last > idx {
		end = block.List[last].End()
	}
	b.Write(src[off(as.End()):off(end)])
	b.WriteString("\n}")
	return []analysis.SuggestedFix{{
		Message:   "Page through " + s.Op + " with " + qual + ".New" + s.Op + "Paginator",
		TextEdits: []analysis.TextEdit{{Pos: as.Pos(), End: end, NewText: b.Bytes()}},
	}}
}

// pkgQualifier is the name the file uses for the input type's package.
func pkgQualifier(pass *analysis.Pass, input ast.Expr) string {
	var q string
	ast.Inspect(input, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && q == "" {
			if id, ok := sel.X.(*ast.Ident); ok {
				if pn, ok := pass.TypesInfo.Uses[id].(*types.PkgName); ok && pn.Imported().Path() == ssmsdk.V2SSM {
					q = id.Name
				}
			}
		}
		return q == ""
	})
	return q
}

func usesName(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}

func refers(info *types.Info, n ast.Node, objs []types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			for _, o := range objs {
				if o != nil && info.Uses[id] == o {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// returnsOutsideErrCheck reports a return (or a break, continue, goto)
// that is not inside `if err != nil { … }`: moved into the loop, it would
// end it after one page.
func returnsOutsideErrCheck(info *types.Info, st ast.Stmt, errObj types.Object) bool {
	bad := false
	var visit func(n ast.Node, inErr bool) bool
	visit = func(n ast.Node, inErr bool) bool {
		ast.Inspect(n, func(m ast.Node) bool {
			if bad || m == nil {
				return false
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.IfStmt:
				if !inErr && isErrCheck(info, m.Cond, errObj) {
					visit(m.Body, true)
					if m.Else != nil {
						visit(m.Else, false)
					}
					if m.Init != nil {
						visit(m.Init, false)
					}
					return false
				}
			case *ast.ReturnStmt:
				if !inErr {
					bad = true
				}
			case *ast.BranchStmt:
				// break and continue would now act on the new loop.
				if m.Tok != token.FALLTHROUGH {
					bad = true
				}
			}
			return true
		})
		return !bad
	}
	visit(st, false)
	return bad
}

// isErrCheck matches `err != nil`.
func isErrCheck(info *types.Info, cond ast.Expr, errObj types.Object) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	id, ok := ast.Unparen(b.X).(*ast.Ident)
	nilID, ok2 := ast.Unparen(b.Y).(*ast.Ident)
	return ok && ok2 && errObj != nil && info.Uses[id] == errObj && nilID.Name == "nil"
}
