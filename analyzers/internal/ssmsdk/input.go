package ssmsdk

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// Input is what is known of an operation's input value: the fields set,
// by a composite literal and by later assignments in the same function.
type Input struct {
	// Lit is the composite literal the value starts from, when there is
	// one (the place for a suggested fix).
	Lit *ast.CompositeLit
	// Fields maps a field name to the expression it was set to. A field
	// set more than once maps to nil: its value is not known.
	Fields map[string]ast.Expr
	// Setters maps a field name to the v1 SetField call that set it, when
	// that is how it was set.
	Setters map[string]*ast.CallExpr
}

// Set reports whether the field is set, and the expression (nil when set
// several times).
func (in Input) Set(field string) (ast.Expr, bool) {
	e, ok := in.Fields[field]
	return e, ok
}

// ReadInput works out the fields of an input expression: `&ssm.T{...}`
// (or `ssm.T{...}`), a v1 chain `(&ssm.T{...}).SetName(x)`, or a local
// variable initialised so and then changed only through its fields
// (`in.WithDecryption = aws.Bool(true)`, `in.SetWithDecryption(true)`) in
// body. ok is false when the value comes from elsewhere or the variable is
// used in a way that may change it (passed to a function, say).
func ReadInput(info *types.Info, body *ast.BlockStmt, e ast.Expr) (Input, bool) {
	in := Input{Fields: map[string]ast.Expr{}, Setters: map[string]*ast.CallExpr{}}
	if !in.fromValue(info, e) {
		if id, isIdent := ast.Unparen(e).(*ast.Ident); isIdent && body != nil {
			return in, in.fromVariable(info, body, id)
		}
		return in, false
	}
	return in, true
}

func (in *Input) set(field string, e ast.Expr) {
	if _, dup := in.Fields[field]; dup {
		in.Fields[field] = nil
		return
	}
	in.Fields[field] = e
}

// fromValue reads a literal, its address, or a chain of v1 setters on one.
func (in *Input) fromValue(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		in.Lit = x
		for _, el := range x.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				return false // positional fields: not written so in practice
			}
			if k, ok := kv.Key.(*ast.Ident); ok {
				in.set(k.Name, kv.Value)
			}
		}
		return true
	case *ast.CallExpr:
		field, ok := setter(info, x)
		if !ok {
			return false
		}
		sel := x.Fun.(*ast.SelectorExpr)
		if !in.fromValue(info, sel.X) {
			return false
		}
		in.set(field, x.Args[0])
		in.Setters[field] = x
		return true
	}
	return false
}

// setter reports a v1 input setter call `x.SetField(v)` and the field.
func setter(info *types.Info, call *ast.CallExpr) (string, bool) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 || !strings.HasPrefix(sel.Sel.Name, "Set") {
		return "", false
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return "", false
	}
	if path, name, ok := namedPointer(s.Recv()); !ok || path != V1SSM || !strings.HasSuffix(name, "Input") {
		return "", false
	}
	return strings.TrimPrefix(sel.Sel.Name, "Set"), true
}

// fromVariable reads a local variable's definition and the changes made
// to its fields in body.
func (in *Input) fromVariable(info *types.Info, body *ast.BlockStmt, id *ast.Ident) bool {
	obj, ok := info.Uses[id].(*types.Var)
	if !ok || obj.Parent() == nil || obj.Parent() == obj.Pkg().Scope() {
		return false // a parameter is a local too, but has no definition here
	}
	defined, safe := false, true
	ast.Inspect(body, func(n ast.Node) bool {
		if !safe {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				lhs = ast.Unparen(lhs)
				if l, ok := lhs.(*ast.Ident); ok && info.ObjectOf(l) == obj {
					if defined || len(n.Rhs) != len(n.Lhs) || !in.fromValue(info, n.Rhs[i]) {
						safe = false
						return false
					}
					defined = true
					continue
				}
				if sel, ok := lhs.(*ast.SelectorExpr); ok {
					if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.ObjectOf(x) == obj && len(n.Rhs) == len(n.Lhs) {
						in.set(sel.Sel.Name, n.Rhs[i])
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.ObjectOf(name) != obj {
					continue
				}
				if defined || len(n.Values) != len(n.Names) || !in.fromValue(info, n.Values[i]) {
					safe = false
					return false
				}
				defined = true
			}
		case *ast.CallExpr:
			if field, ok := setter(info, n); ok {
				sel := n.Fun.(*ast.SelectorExpr)
				if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.ObjectOf(x) == obj {
					in.set(field, n.Args[0])
					in.Setters[field] = n
				}
			}
		}
		return true
	})
	if !safe || !defined {
		return false
	}
	// Every other use must only read it: as the operand of a field
	// selection, or as an SSM operation's argument.
	ast.Inspect(body, func(n ast.Node) bool {
		if !safe {
			return false
		}
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if x, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.ObjectOf(x) == obj {
				return false // in.Field, in.SetField(…): seen above
			}
		case *ast.CallExpr:
			if c, ok := Match(info, n); ok {
				if x, ok := ast.Unparen(c.Input).(*ast.Ident); ok && info.ObjectOf(x) == obj {
					for _, a := range n.Args {
						if a != c.Input {
							ast.Inspect(a, func(m ast.Node) bool { return visitUse(info, obj, m, &safe) })
						}
					}
					ast.Inspect(n.Fun, func(m ast.Node) bool { return visitUse(info, obj, m, &safe) })
					return false
				}
			}
		case *ast.AssignStmt:
			for _, r := range n.Rhs {
				// out, err := c.Op(ctx, in): the input as the call's
				// argument is read, like a call on its own.
				if call, ok := ast.Unparen(r).(*ast.CallExpr); ok {
					if c, ok := Match(info, call); ok {
						if x, ok := ast.Unparen(c.Input).(*ast.Ident); ok && info.ObjectOf(x) == obj {
							for _, a := range call.Args {
								if a != c.Input {
									ast.Inspect(a, func(m ast.Node) bool { return visitUse(info, obj, m, &safe) })
								}
							}
							ast.Inspect(call.Fun, func(m ast.Node) bool { return visitUse(info, obj, m, &safe) })
							continue
						}
					}
				}
				ast.Inspect(r, func(m ast.Node) bool { return visitUse(info, obj, m, &safe) })
			}
			for _, l := range n.Lhs {
				if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
					ast.Inspect(sel.X, func(m ast.Node) bool {
						if _, isIdent := m.(*ast.Ident); isIdent {
							return false
						}
						return visitUse(info, obj, m, &safe)
					})
				}
			}
			return false
		case *ast.ValueSpec:
			return false
		case *ast.Ident:
			if info.Uses[n] == obj {
				safe = false
			}
		}
		return true
	})
	return safe
}

// visitUse flags a use of obj outside a field selection.
func visitUse(info *types.Info, obj *types.Var, n ast.Node, safe *bool) bool {
	switch n := n.(type) {
	case *ast.SelectorExpr:
		if x, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.ObjectOf(x) == obj {
			return false
		}
	case *ast.Ident:
		if info.Uses[n] == obj {
			*safe = false
		}
	}
	return true
}
