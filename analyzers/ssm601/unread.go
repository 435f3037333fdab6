package ssm601

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
)

// valueUnread reports a read whose output is dropped (`_, err :=`) or kept
// in a local variable used only for what cannot hold a value: the error
// check, out == nil, out.Parameter.Name, Version, Type, ARN,
// len(out.Parameters), the names in a loop over them. Such existence and
// version checks need no decryption. Any other use (out.Parameter.Value,
// out handed to a function or returned, a method called on it) might read
// the value; a result not assigned at all, or dropped whole (`_, _ =`),
// is a read left unfinished rather than a check, and stays reported as
// before. stack holds the call's enclosing nodes, outermost first; body is
// the function's.
func valueUnread(info *types.Info, body *ast.BlockStmt, stack []ast.Node, c ssmsdk.Call) bool {
	if c.Pages || body == nil {
		return false
	}
	var parent ast.Node
	for i := len(stack) - 1; i >= 0; i-- {
		if _, paren := stack[i].(*ast.ParenExpr); !paren {
			parent = stack[i]
			break
		}
	}
	var out, errOut ast.Expr
	switch p := parent.(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || len(p.Lhs) != 2 || ast.Unparen(p.Rhs[0]) != c.Expr {
			return false
		}
		out, errOut = p.Lhs[0], p.Lhs[1]
	case *ast.ValueSpec:
		if len(p.Values) != 1 || len(p.Names) != 2 || ast.Unparen(p.Values[0]) != c.Expr {
			return false
		}
		out, errOut = p.Names[0], p.Names[1]
	default:
		return false
	}
	id, ok := ast.Unparen(out).(*ast.Ident)
	if !ok {
		return false
	}
	if id.Name == "_" {
		// `_, err :=` checks existence; `_, _ =` checks nothing: a read
		// left unfinished, reported as before.
		e, ok := ast.Unparen(errOut).(*ast.Ident)
		return ok && e.Name != "_"
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return false // not a local of this function: used elsewhere too
	}
	return usesHoldNoValue(info, body, v, 0)
}

// usesHoldNoValue reports whether every use of v in body stays clear of
// the parameters' values.
func usesHoldNoValue(info *types.Info, body *ast.BlockStmt, v *types.Var, depth int) bool {
	if depth > 4 {
		return false
	}
	safe := true
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if !safe {
			return false
		}
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v && !assignedTo(stack, id) {
			safe = holdsNoValue(info, body, stack, id, depth)
		}
		stack = append(stack, n)
		return true
	})
	return safe
}

// assignedTo reports id written by an assignment (out, err = …).
func assignedTo(stack []ast.Node, id *ast.Ident) bool {
	if len(stack) == 0 {
		return false
	}
	a, ok := stack[len(stack)-1].(*ast.AssignStmt)
	return ok && slices.Contains(a.Lhs, ast.Expr(id))
}

// holdsNoValue follows an expression (a use of the output, or a part of
// it) up through its parents: a field that cannot hold a value, a nil
// comparison, len, a loop whose element is used so, end it safely.
func holdsNoValue(info *types.Info, body *ast.BlockStmt, stack []ast.Node, e ast.Expr, depth int) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
			e = p
		case *ast.SelectorExpr:
			sel := info.Selections[p]
			if p.X != e || sel == nil || sel.Kind() != types.FieldVal || p.Sel.Name == "Value" {
				return false
			}
			if !holdsValue(sel.Type(), 0) {
				return true
			}
			e = p
		case *ast.IndexExpr:
			if p.X != e {
				return false
			}
			e = p
		case *ast.BinaryExpr:
			other := p.Y
			if p.Y == e {
				other = p.X
			}
			tv, ok := info.Types[other]
			return (p.Op == token.EQL || p.Op == token.NEQ) && ok && tv.IsNil()
		case *ast.CallExpr:
			fn, ok := ast.Unparen(p.Fun).(*ast.Ident)
			if !ok {
				return false
			}
			b, ok := info.Uses[fn].(*types.Builtin)
			return ok && (b.Name() == "len" || b.Name() == "cap")
		case *ast.RangeStmt:
			if p.X != e {
				return false
			}
			if p.Value == nil {
				return true
			}
			id, ok := p.Value.(*ast.Ident)
			if !ok || p.Tok != token.DEFINE {
				return false
			}
			if id.Name == "_" {
				return true
			}
			v, ok := info.Defs[id].(*types.Var)
			return ok && usesHoldNoValue(info, body, v, depth+1)
		default:
			return false
		}
	}
	return false
}

// holdsValue reports a type of the SSM packages (or a pointer, slice or
// array of one) that has a Value field somewhere inside.
func holdsValue(t types.Type, depth int) bool {
	if depth > 6 {
		return true
	}
	for {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Array:
			t = u.Elem()
			continue
		}
		break
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() {
	case ssmsdk.V2SSM, ssmsdk.V2SSM + "/types", ssmsdk.V1SSM:
	default:
		return false
	}
	s, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < s.NumFields(); i++ {
		if f := s.Field(i); f.Name() == "Value" || holdsValue(f.Type(), depth+1) {
			return true
		}
	}
	return false
}
