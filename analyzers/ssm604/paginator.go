package ssm604

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
)

// paginatedRead is a call of an aws-sdk-go-v2 paginator constructor,
// ssm.NewGetParametersByPathPaginator(client, input, …), for an
// operation that names parameters, and what is known of its input.
type paginatedRead struct {
	op string
	in ssmsdk.Input
}

// paginatorOp is the operation an SDK paginator constructor pages
// through ("NewGetParametersByPathPaginator": "GetParametersByPath"),
// when that operation names parameters. DescribeParameters, whose
// filters are not names, is not one.
func paginatorOp(info *types.Info, call *ast.CallExpr) (string, bool) {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != ssmsdk.V2SSM || len(call.Args) < 2 {
		return "", false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return "", false
	}
	op, isNew := strings.CutPrefix(fn.Name(), "New")
	op, isPaginator := strings.CutSuffix(op, "Paginator")
	if _, names := nameFields[op]; !isNew || !isPaginator || !names {
		return "", false
	}
	return op, true
}

// paginatedReads lists the package's paginator constructor calls whose
// input can be read.
func paginatedReads(pass *analysis.Pass) []paginatedRead {
	var out []paginatedRead
	var walk func(n ast.Node, body *ast.BlockStmt)
	walk = func(n ast.Node, body *ast.BlockStmt) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Body != nil {
					walk(n.Body, n.Body)
				}
				return false
			case *ast.FuncLit:
				walk(n.Body, n.Body)
				return false
			case *ast.CallExpr:
				if op, ok := paginatorOp(pass.TypesInfo, n); ok {
					if in, ok := paginatorInput(pass.TypesInfo, body, n); ok {
						out = append(out, paginatedRead{op: op, in: in})
					}
				}
			}
			return true
		})
	}
	for _, f := range pass.Files {
		walk(f, nil)
	}
	return out
}

// paginatorInput reads the input a paginator constructor is given: a
// literal (as ssmsdk.ReadInput reads it), or a local variable of body
// defined once from a literal, whose other uses read or set its fields or
// hand it to this paginator. Anything else may change it: ok is false.
func paginatorInput(info *types.Info, body *ast.BlockStmt, call *ast.CallExpr) (ssmsdk.Input, bool) {
	arg := call.Args[1]
	if in, ok := ssmsdk.ReadInput(info, nil, arg); ok {
		return in, true
	}
	id, isIdent := ast.Unparen(arg).(*ast.Ident)
	obj, isVar := info.Uses[id].(*types.Var)
	if !isIdent || !isVar || body == nil {
		return ssmsdk.Input{}, false
	}
	var in ssmsdk.Input
	defined, safe := false, true
	define := func(e ast.Expr) {
		x, ok := ssmsdk.ReadInput(info, nil, e)
		if defined || !ok {
			safe = false
		}
		in, defined = x, true
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if !safe {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				lhs = ast.Unparen(lhs)
				if l, ok := lhs.(*ast.Ident); ok && info.ObjectOf(l) == obj {
					if len(n.Rhs) != len(n.Lhs) || n.Tok != token.DEFINE && n.Tok != token.ASSIGN {
						safe = false
						return false
					}
					define(n.Rhs[i])
					continue
				}
				if sel, ok := lhs.(*ast.SelectorExpr); ok && isVarRef(info, sel.X, obj) {
					var val ast.Expr // in.Path, err = …: not known
					if len(n.Rhs) == len(n.Lhs) && n.Tok == token.ASSIGN {
						val = n.Rhs[i]
					}
					setField(&in, sel.Sel.Name, val)
					continue
				}
				// *in.Path = …, in.Tags[0] = …: changed in a way not read here.
				ast.Inspect(lhs, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok && info.Uses[id] == obj {
						safe = false
					}
					return safe
				})
			}
			for _, r := range n.Rhs {
				ast.Inspect(r, visit)
			}
			return false
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.ObjectOf(name) != obj {
					continue
				}
				if len(n.Values) != len(n.Names) {
					safe = false
					return false
				}
				define(n.Values[i])
			}
			for _, v := range n.Values {
				ast.Inspect(v, visit)
			}
			return false
		case *ast.SelectorExpr:
			if isVarRef(info, n.X, obj) {
				return false // in.Path, read
			}
		case *ast.CallExpr:
			if n == call {
				ast.Inspect(n.Fun, visit)
				for i, a := range n.Args {
					if i != 1 {
						ast.Inspect(a, visit)
					}
				}
				return false
			}
		case *ast.Ident:
			if info.Uses[n] == obj {
				safe = false // handed elsewhere, its address taken, …
			}
		}
		return true
	}
	ast.Inspect(body, visit)
	return in, safe && defined
}

// isVarRef reports whether e is the variable obj.
func isVarRef(info *types.Info, e ast.Expr, obj *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.ObjectOf(id) == obj
}

// setField records a field set after the literal: a field set twice, or
// to a value not known (e nil), maps to nil (ssmsdk.Input's convention).
func setField(in *ssmsdk.Input, field string, e ast.Expr) {
	if in.Fields == nil {
		in.Fields = map[string]ast.Expr{}
	}
	if _, dup := in.Fields[field]; dup {
		e = nil
	}
	in.Fields[field] = e
}
