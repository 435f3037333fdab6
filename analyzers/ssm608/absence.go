package ssm608

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
)

// handlesAbsence reports whether body notices a requested name missing
// from the result without reading InvalidParameters (fromResult traces
// values to the result):
//
//   - a comma-ok lookup in a map filled from the result:
//     `v, ok := byName[name]`;
//   - a read of a set of the returned names: `if !returned[name]`;
//   - a count check against another collection:
//     `len(out.Parameters) < len(names)`, `len(names) != len(byName)`;
//   - the returned names crossed off a collection of the requested ones:
//     `delete(pending, *p.Name)`;
//   - a search of the returned names: `slices.Contains(got, name)`.
//
// When the requested names are constants (requested) and so are the keys
// looked up, every requested name must be among those keys.
//
// Only code after the call counts (after is the call's end): a lookup
// before it (skipping duplicates while building the names) checks nothing.
func handlesAbsence(info *types.Info, body *ast.BlockStmt, after token.Pos, fromResult *trace, vals *ssmsdk.Values, requested []string) bool {
	// Stores are not reads: `returned[name] = true` checks nothing.
	stored := map[ast.Expr]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				stored[ast.Unparen(l)] = true
			}
		}
		return true
	})
	var keys []ast.Expr // of the lookups
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found || n != nil && n.End() <= after {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == 2 && len(n.Rhs) == 1 && !isBlank(n.Lhs[1]) && isResultMapIndex(info, n.Rhs[0], fromResult) {
				keys = append(keys, ast.Unparen(n.Rhs[0]).(*ast.IndexExpr).Index) // v, ok := byName[name]
			}
		case *ast.ValueSpec:
			if len(n.Names) == 2 && len(n.Values) == 1 && !isBlank(n.Names[1]) && isResultMapIndex(info, n.Values[0], fromResult) {
				keys = append(keys, ast.Unparen(n.Values[0]).(*ast.IndexExpr).Index) // var v, ok = byName[name]
			}
		case *ast.IndexExpr:
			if !stored[n] && isResultMapIndex(info, n, fromResult) {
				if m, ok := typeUnder(info, n.X).(*types.Map); ok && types.Identical(m.Elem().Underlying(), types.Typ[types.Bool]) {
					keys = append(keys, n.Index) // returned[name]
				}
			}
		case *ast.BinaryExpr:
			found = isCountCheck(info, n, fromResult)
		case *ast.CallExpr:
			found = isCrossOff(info, n, fromResult) || isSearch(info, n, fromResult)
		}
		return !found
	})
	return found || len(keys) > 0 && looksUpAll(keys, vals, requested)
}

// looksUpAll reports whether lookups with these keys cover the requested
// names. Only constants can be compared: a key that is not one (a name
// ranged over, say) is taken to cover them.
func looksUpAll(keys []ast.Expr, vals *ssmsdk.Values, requested []string) bool {
	if requested == nil {
		return true
	}
	seen := map[string]bool{}
	for _, k := range keys {
		s, ok := vals.String(k)
		if !ok {
			return true
		}
		seen[s] = true
	}
	for _, r := range requested {
		if !seen[r] {
			return false
		}
	}
	return true
}

// isResultMapIndex matches m[k] for a map m filled from the result.
func isResultMapIndex(info *types.Info, e ast.Expr, fromResult *trace) bool {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok {
		return false
	}
	if _, isMap := typeUnder(info, ix.X).(*types.Map); !isMap {
		return false
	}
	return fromResult.all(ix.X)
}

// isCountCheck matches a comparison of the length of something filled
// from the result with the length of something that is not.
func isCountCheck(info *types.Info, b *ast.BinaryExpr, fromResult *trace) bool {
	switch b.Op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
	default:
		return false
	}
	x, ok1 := lenArg(info, b.X)
	y, ok2 := lenArg(info, b.Y)
	if !ok1 || !ok2 {
		return false
	}
	return fromResult.all(x) != fromResult.all(y)
}

// lenArg is the argument of len(x).
func lenArg(info *types.Info, e ast.Expr) (ast.Expr, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil, false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil, false
	}
	if b, ok := info.Uses[id].(*types.Builtin); !ok || b.Name() != "len" {
		return nil, false
	}
	return call.Args[0], true
}

// isCrossOff matches delete(pending, k): a key from the result removed
// from a map that is not filled from it.
func isCrossOff(info *types.Info, call *ast.CallExpr, fromResult *trace) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) != 2 {
		return false
	}
	if b, ok := info.Uses[id].(*types.Builtin); !ok || b.Name() != "delete" {
		return false
	}
	return fromResult.all(call.Args[1]) && !fromResult.all(call.Args[0])
}

// isSearch matches slices.Contains(got, name) and slices.Index(got, name)
// with got filled from the result and name not.
func isSearch(info *types.Info, call *ast.CallExpr, fromResult *trace) bool {
	if len(call.Args) != 2 || !ssmsdk.IsFunc(info, call, "slices", "Contains", "Index") {
		return false
	}
	return fromResult.all(call.Args[0]) && !fromResult.all(call.Args[1])
}
