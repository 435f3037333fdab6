package ssmsdk

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// Values reads constant values of a package: constants, and variables
// (package-level or local) given one value and never changed after.
type Values struct {
	info *types.Info
	// once maps a variable assigned exactly once, whose address is never
	// taken, to the value it was given.
	once map[*types.Var]ast.Expr
}

// NewValues indexes the assignments of the package's files.
func NewValues(pass *analysis.Pass) *Values {
	v := &Values{info: pass.TypesInfo, once: map[*types.Var]ast.Expr{}}
	assigned := map[*types.Var]int{}
	note := func(id *ast.Ident, val ast.Expr) {
		obj, ok := pass.TypesInfo.ObjectOf(id).(*types.Var)
		if !ok || obj == nil {
			return
		}
		assigned[obj]++
		if val != nil {
			v.once[obj] = val
		}
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, id := range n.Names {
					var val ast.Expr
					if len(n.Values) == len(n.Names) {
						val = n.Values[i]
					}
					note(id, val)
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					id, ok := ast.Unparen(lhs).(*ast.Ident)
					if !ok {
						continue
					}
					var val ast.Expr
					if len(n.Rhs) == len(n.Lhs) && (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) {
						val = n.Rhs[i]
					}
					note(id, val)
				}
			case *ast.IncDecStmt:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
					note(id, nil)
					note(id, nil)
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
						note(id, nil)
						note(id, nil)
					}
				}
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := e.(*ast.Ident); ok {
						note(id, nil)
						note(id, nil)
					}
				}
			}
			return true
		})
	}
	for obj, n := range assigned {
		if n != 1 {
			delete(v.once, obj)
		}
	}
	return v
}

// String returns the constant string an expression evaluates to: a string
// constant or concatenation, aws.String / ptr.String of one, a variable
// assigned one once, or fmt.Sprintf with constant arguments.
func (v *Values) String(e ast.Expr) (string, bool) {
	return v.str(e, 0)
}

func (v *Values) str(e ast.Expr, depth int) (string, bool) {
	if depth > 16 {
		return "", false
	}
	e = ast.Unparen(e)
	if tv, ok := v.info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value), true
		}
		return "", false
	}
	switch e := e.(type) {
	case *ast.Ident:
		if obj, ok := v.info.Uses[e].(*types.Var); ok {
			if init, ok := v.once[obj]; ok {
				return v.str(init, depth+1)
			}
		}
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, ok1 := v.str(e.X, depth+1)
		y, ok2 := v.str(e.Y, depth+1)
		return x + y, ok1 && ok2
	case *ast.CallExpr:
		if len(e.Args) == 1 && (IsFunc(v.info, e, V2AWS, "String") || IsFunc(v.info, e, V1AWS, "String") || IsFunc(v.info, e, Ptr, "String")) {
			return v.str(e.Args[0], depth+1)
		}
		if IsFunc(v.info, e, "fmt", "Sprintf") && len(e.Args) >= 1 && !e.Ellipsis.IsValid() {
			format, ok := v.str(e.Args[0], depth+1)
			if !ok {
				return "", false
			}
			args := make([]any, 0, len(e.Args)-1)
			for _, a := range e.Args[1:] {
				x, ok := v.constant(a, depth+1)
				if !ok {
					return "", false
				}
				args = append(args, x)
			}
			return fmt.Sprintf(format, args...), true
		}
	}
	return "", false
}

// constant returns a Go value for a constant expression (a string, an
// integer, a float, a bool) or a string v.String knows.
func (v *Values) constant(e ast.Expr, depth int) (any, bool) {
	if tv, ok := v.info.Types[ast.Unparen(e)]; ok && tv.Value != nil {
		switch tv.Value.Kind() {
		case constant.String:
			return constant.StringVal(tv.Value), true
		case constant.Bool:
			return constant.BoolVal(tv.Value), true
		case constant.Int:
			if i, exact := constant.Int64Val(tv.Value); exact {
				return i, true
			}
		case constant.Float:
			f, _ := constant.Float64Val(tv.Value)
			return f, true
		}
		return nil, false
	}
	return v.str(e, depth)
}

// Bool returns the boolean a *bool (or bool) expression sets: nil is an
// absent false; aws.Bool / ptr.Bool of a constant, a constant, or a
// variable assigned one once. ok is false when it cannot be known.
func (v *Values) Bool(e ast.Expr) (val, ok bool) {
	return v.boolean(e, 0)
}

func (v *Values) boolean(e ast.Expr, depth int) (val, ok bool) {
	if depth > 16 {
		return false, false
	}
	e = ast.Unparen(e)
	if tv, found := v.info.Types[e]; found {
		if tv.IsNil() {
			return false, true
		}
		if tv.Value != nil && tv.Value.Kind() == constant.Bool {
			return constant.BoolVal(tv.Value), true
		}
	}
	switch e := e.(type) {
	case *ast.Ident:
		if obj, isVar := v.info.Uses[e].(*types.Var); isVar {
			if init, found := v.once[obj]; found {
				return v.boolean(init, depth+1)
			}
		}
	case *ast.CallExpr:
		if len(e.Args) == 1 && (IsFunc(v.info, e, V2AWS, "Bool") || IsFunc(v.info, e, V1AWS, "Bool") || IsFunc(v.info, e, Ptr, "Bool")) {
			return v.boolean(e.Args[0], depth+1)
		}
	}
	return false, false
}
