package ssm603

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
)

// write is a place where a variable is given a value.
type write struct {
	value ast.Expr // the value given; nil for the others below
	// zero: declared without a value; opaque: given one part of a
	// tuple, or changed by an operator (x += …).
	zero, opaque bool
	// rangeOf is the range statement whose key or (rangeValue) value
	// the variable is.
	rangeOf    *ast.RangeStmt
	rangeValue bool
	where
}

// where is a place in the code: the innermost function declaration or
// literal around it (nil at package level), the for and range
// statements around it in that function, outermost first, and whether
// it is in a for statement's condition.
type where struct {
	fn     ast.Node
	loops  []ast.Stmt
	inCond bool
}

// in reports whether the variable v is declared inside the function
// around the write.
func (w write) in(v *types.Var) bool {
	return w.fn != nil && declaredIn(w.fn, v)
}

// declaredIn reports whether v is declared inside n.
func declaredIn(n ast.Node, v *types.Var) bool {
	return n.Pos() <= v.Pos() && v.Pos() < n.End()
}

// fieldSet is an assignment to a field of a variable, v.F = value.
type fieldSet struct {
	lhs *ast.SelectorExpr
	where
}

// index is what one walk of the package learns for the tracing of names
// lists: variables' writes, functions' parameters and callers, the
// variables whose length is compared with a limit, and flag variables.
type index struct {
	info   *types.Info
	writes map[*types.Var][]write
	// escapes holds the variables whose address is taken.
	escapes map[*types.Var]bool
	// params maps a parameter to its function's declaration (nil for a
	// function literal's).
	params map[*types.Var]*ast.FuncDecl
	// calls lists the static calls of each function; asValue holds the
	// functions also used other than by a call.
	calls   map[*types.Func][]*ast.CallExpr
	asValue map[*types.Func]bool
	// limited holds the variables (and fields) whose length some
	// condition compares with a limit: len(names) > maxNames.
	limited map[*types.Var]bool
	// flags maps a variable bound to a command-line flag by
	// flag.StringVar(&v, "name", …) to the flag's name.
	flags map[*types.Var]string
	// fieldSets maps the value of an assignment to a variable's field
	// (in.Names = append(in.Names, name)) to where it is.
	fieldSets map[ast.Expr]fieldSet
	// called holds the identifiers of called functions (while indexing).
	called map[*ast.Ident]bool
}

func newIndex(info *types.Info, files []*ast.File) *index {
	x := &index{
		info: info, writes: map[*types.Var][]write{}, escapes: map[*types.Var]bool{},
		params: map[*types.Var]*ast.FuncDecl{}, calls: map[*types.Func][]*ast.CallExpr{},
		asValue: map[*types.Func]bool{}, limited: map[*types.Var]bool{}, flags: map[*types.Var]string{},
		fieldSets: map[ast.Expr]fieldSet{}, called: map[*ast.Ident]bool{},
	}
	for _, f := range files {
		x.walk(f, where{})
	}
	for id, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok && !x.called[id] {
			x.asValue[fn] = true
		}
	}
	x.called = nil
	return x
}

// walk indexes n, found at w.
func (x *index) walk(n ast.Node, w where) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			x.addParams(n.Type, n)
			if n.Body != nil {
				x.walk(n.Body, where{fn: n})
			}
			return false
		case *ast.FuncLit:
			x.addParams(n.Type, nil)
			x.walk(n.Body, where{fn: n})
			return false
		case *ast.ForStmt:
			outer := where{fn: w.fn, loops: w.loops}
			inner := where{fn: w.fn, loops: append(w.loops[:len(w.loops):len(w.loops)], n)}
			if n.Init != nil {
				x.walk(n.Init, outer)
			}
			if n.Cond != nil {
				// It bounds the loop: its comparisons are not limits.
				cond := outer
				cond.inCond = true
				x.walk(n.Cond, cond)
			}
			if n.Post != nil {
				x.walk(n.Post, inner)
			}
			x.walk(n.Body, inner)
			return false
		case *ast.RangeStmt:
			for i, e := range []ast.Expr{n.Key, n.Value} {
				if v := x.localVar(e); v != nil {
					x.writes[v] = append(x.writes[v], write{rangeOf: n, rangeValue: i == 1, where: w})
				}
			}
			x.walk(n.X, w)
			x.walk(n.Body, where{fn: w.fn, loops: append(w.loops[:len(w.loops):len(w.loops)], n)})
			return false
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && x.localVar(sel.X) != nil && n.Tok == token.ASSIGN && len(n.Rhs) == len(n.Lhs) {
					x.fieldSets[n.Rhs[i]] = fieldSet{lhs: sel, where: w}
				}
				v := x.localVar(lhs)
				if v == nil {
					continue
				}
				wr := write{opaque: true, where: w}
				if len(n.Rhs) == len(n.Lhs) && (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) {
					wr = write{value: n.Rhs[i], where: w}
				}
				x.writes[v] = append(x.writes[v], wr)
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v := x.localVar(name)
				if v == nil {
					continue
				}
				wr := write{zero: true, where: w}
				if len(n.Values) == len(n.Names) {
					wr = write{value: n.Values[i], where: w}
				} else if len(n.Values) > 0 {
					wr = write{opaque: true, where: w}
				}
				x.writes[v] = append(x.writes[v], wr)
			}
		case *ast.UnaryExpr:
			if v := x.localVar(n.X); v != nil && n.Op == token.AND {
				x.escapes[v] = true
			}
		case *ast.CallExpr:
			x.addCall(n)
		case *ast.BinaryExpr:
			if !w.inCond {
				x.addLimit(n)
			}
		}
		return true
	})
}

// localVar is the variable e names (not a field, not _), or nil.
func (x *index) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := x.info.ObjectOf(id).(*types.Var)
	return v
}

func (x *index) addParams(ft *ast.FuncType, decl *ast.FuncDecl) {
	for _, field := range ft.Params.List {
		for _, name := range field.Names {
			if v, ok := x.info.Defs[name].(*types.Var); ok {
				x.params[v] = decl
			}
		}
	}
}

// addCall notes a call of a function and a flag.StringVar binding.
func (x *index) addCall(call *ast.CallExpr) {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		x.called[fun] = true
	case *ast.SelectorExpr:
		x.called[fun.Sel] = true
	case *ast.IndexExpr: // a generic function instantiated
		if id, ok := ast.Unparen(fun.X).(*ast.Ident); ok {
			x.called[id] = true
		}
	}
	if fn := typeutil.StaticCallee(x.info, call); fn != nil {
		x.calls[fn.Origin()] = append(x.calls[fn.Origin()], call)
	}
	if ssmsdk.IsFunc(x.info, call, "flag", "StringVar") && len(call.Args) >= 2 {
		u, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr)
		if tv := x.info.Types[call.Args[1]]; ok && u.Op == token.AND && tv.Value != nil && tv.Value.Kind() == constant.String {
			if v := x.localVar(u.X); v != nil {
				x.flags[v] = constant.StringVal(tv.Value)
			}
		}
	}
}

// addLimit notes a comparison of a length with a limit: len(v) > n,
// len(v) == n (a batch flushed when full), … where n is neither a
// constant below 4 (checks for an empty list, len(os.Args) < 2, are not
// limits) nor another length (len(out.Parameters) < len(names) counts
// what came back).
func (x *index) addLimit(b *ast.BinaryExpr) {
	switch b.Op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
	default:
		return
	}
	for _, side := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		v := x.lenOf(side[0])
		if v == nil {
			continue
		}
		if tv := x.info.Types[side[1]]; tv.Value != nil && tv.Value.Kind() == constant.Int {
			if n, exact := constant.Int64Val(tv.Value); exact && n < 4 {
				continue
			}
		}
		if x.lenOf(side[1]) != nil {
			continue // len(out.Parameters) < len(names): a count check, not a limit
		}
		x.limited[v] = true
	}
}

// lenOf is v in len(v), where v is a variable or a field.
func (x *index) lenOf(e ast.Expr) *types.Var {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	if b, ok := x.info.Uses[calleeIdent(call)].(*types.Builtin); !ok || b.Name() != "len" {
		return nil
	}
	switch a := ast.Unparen(call.Args[0]).(type) {
	case *ast.Ident:
		return x.localVar(a)
	case *ast.SelectorExpr:
		v, _ := x.info.Uses[a.Sel].(*types.Var)
		return v
	}
	return nil
}

// calleeIdent is the identifier a call's function is named by, or nil.
func calleeIdent(call *ast.CallExpr) *ast.Ident {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return fun
	case *ast.SelectorExpr:
		return fun.Sel
	}
	return nil
}

// constInt is a constant integer's value, or -1.
func constInt(info *types.Info, e ast.Expr) int64 {
	if tv := info.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.Int {
		if n, exact := constant.Int64Val(tv.Value); exact && n >= 0 {
			return n
		}
	}
	return -1
}

// arrayLen is the length of an array (or pointer to array) type.
func arrayLen(t types.Type) (int, bool) {
	if t == nil {
		return 0, false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if a, ok := t.Underlying().(*types.Array); ok {
		return int(a.Len()), true
	}
	return 0, false
}
