package ssm603

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
)

// rangeValue traces a range statement's value: a batch of
// slices.Chunk(names, n) has at most n names; one element of a list of
// lists (for _, batch := range chunk(names, 10)) is a batch.
func (t *tracer) rangeValue(w write) source {
	if !w.rangeValue {
		return unknown
	}
	x := ast.Unparen(w.rangeOf.X)
	if call, ok := x.(*ast.CallExpr); ok && ssmsdk.IsFunc(t.info, call, "slices", "Chunk") && len(call.Args) == 2 {
		if n := constInt(t.info, call.Args[1]); n > 0 {
			return bounded(int(n), false)
		}
		return batch
	}
	if typ := t.info.TypeOf(x); typ != nil {
		if list, ok := typ.Underlying().(*types.Slice); ok {
			if _, ok := list.Elem().Underlying().(*types.Slice); ok {
				return batch
			}
		}
	}
	return unknown
}

// iterations traces how many times a loop runs.
func (t *tracer) iterations(loop ast.Stmt) source {
	switch l := loop.(type) {
	case *ast.RangeStmt:
		typ := t.info.TypeOf(l.X)
		if typ == nil {
			return unknown
		}
		if b, ok := typ.Underlying().(*types.Basic); ok {
			if b.Info()&types.IsInteger != 0 {
				return t.loopCount(l.X, l.Body) // for i := range n
			}
			return unknown // the runes of a string
		}
		return over(t.of(l.X))
	case *ast.ForStmt:
		// for i := c; i < n; i++ (or i <= n)
		init, ok1 := l.Init.(*ast.AssignStmt)
		cond, ok2 := l.Cond.(*ast.BinaryExpr)
		post, ok3 := l.Post.(*ast.IncDecStmt)
		if !ok1 || !ok2 || !ok3 || post.Tok != token.INC || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
			return unknown
		}
		i := t.idx.localVar(init.Lhs[0])
		start := constInt(t.info, init.Rhs[0])
		if i == nil || start < 0 || len(t.idx.writes[i]) != 1 || t.idx.localVar(post.X) != i || t.idx.localVar(cond.X) != i {
			return unknown
		}
		var n source
		switch cond.Op {
		case token.LSS:
			n = t.loopCount(cond.Y, l.Body)
		case token.LEQ:
			n = plus(t.loopCount(cond.Y, l.Body), bounded(1, false))
		default:
			return unknown
		}
		if n.max >= 0 {
			n.max = max(n.max-int(start), 0)
		}
		return n
	}
	return unknown
}

// loopCount traces the count a loop runs to: a loop to len(x) runs over
// x.
func (t *tracer) loopCount(e ast.Expr, body *ast.BlockStmt) source {
	n := t.count(e, tagKey(t.info, body))
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && t.isBuiltin(call, "len") {
		n = over(n)
	}
	return n
}

// over is a loop run once per element of a list or map.
func over(s source) source {
	if s.max < 0 && s.origin != "" && !strings.HasPrefix(s.origin, "a loop over ") {
		s.origin = "a loop over " + s.origin
	}
	return s
}

// count traces an int: a constant, len(x), or the number of fields of a
// struct seen through reflect (x.NumField()), whose struct tag key (the
// tag read in the loop) names the input.
func (t *tracer) count(e ast.Expr, tag string) source {
	e = ast.Unparen(e)
	if n := constInt(t.info, e); n >= 0 {
		return bounded(int(n), false)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return unknown
	}
	if t.isBuiltin(call, "len") && len(call.Args) == 1 {
		return t.of(call.Args[0])
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "NumField" && isReflect(t.info.TypeOf(sel.X)) {
		return t.fields(sel.X, tag)
	}
	return unknown
}
