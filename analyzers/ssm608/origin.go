package ssm608

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
)

// contents indexes, for each variable of a package, the expressions that
// fill it: the values assigned to it, the elements and keys stored in it
// (`v[k] = e`), the collection a range statement binds it from. It answers
// "does everything in this value come from there?", the question behind
// "these names were just listed" and "this map holds the results".
type contents struct {
	info *types.Info
	from map[*types.Var][]ast.Expr
	// opaque variables change in ways not followed: their address is
	// taken, one of their fields is set, or they are incremented.
	opaque map[*types.Var]bool
}

func newContents(pass *analysis.Pass) *contents {
	c := &contents{info: pass.TypesInfo, from: map[*types.Var][]ast.Expr{}, opaque: map[*types.Var]bool{}}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					rhs := n.Rhs[0] // v, ok := m[k]; a, b := f(): the one right-hand side
					if len(n.Rhs) == len(n.Lhs) {
						rhs = n.Rhs[i]
					}
					c.store(lhs, rhs)
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					switch {
					case len(n.Values) == len(n.Names):
						c.add(id, n.Values[i])
					case len(n.Values) == 1:
						c.add(id, n.Values[0])
					}
				}
			case *ast.RangeStmt:
				// An element (or key) of a collection holds what it holds.
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if e != nil {
						c.store(e, n.X)
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					c.markOpaque(n.X)
				}
			case *ast.IncDecStmt:
				c.markOpaque(n.X)
			}
			return true
		})
	}
	return c
}

// store records that lhs (a variable, or an element of one) receives rhs.
func (c *contents) store(lhs, rhs ast.Expr) {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		c.add(l, rhs)
	case *ast.IndexExpr:
		if id, ok := ast.Unparen(l.X).(*ast.Ident); ok {
			c.add(id, rhs)
			if _, isMap := typeUnder(c.info, l.X).(*types.Map); isMap {
				c.add(id, l.Index)
			}
			return
		}
		c.markOpaque(root(l))
	case *ast.SelectorExpr:
		c.markOpaque(root(l)) // a field set on its own (cfg.Names = …) is not followed
	}
}

// root is the operand at the root of x.f[i].g.
func root(e ast.Expr) ast.Expr {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		default:
			return e
		}
	}
}

func (c *contents) add(id *ast.Ident, e ast.Expr) {
	if v, ok := c.info.ObjectOf(id).(*types.Var); ok && id.Name != "_" {
		c.from[v] = append(c.from[v], e)
	}
}

func (c *contents) markOpaque(e ast.Expr) {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if v, ok := c.info.ObjectOf(id).(*types.Var); ok {
			c.opaque[v] = true
		}
	}
}

// origin is the answer for one value.
type origin int

const (
	// other: part of the value comes from elsewhere.
	other origin = iota
	// empty: nothing yet (nil, make, {}), a number or a boolean, or a
	// variable being worked out.
	empty
	// source: everything in the value comes from the source asked about.
	source
)

// join combines the origins of the parts of one value.
func join(a, b origin) origin {
	switch {
	case a == other || b == other:
		return other
	case a == source || b == source:
		return source
	}
	return empty
}

// trace asks, for one source, where values come from.
type trace struct {
	*contents
	// isSource recognises the source itself.
	isSource func(ast.Expr) bool
	done     map[*types.Var]origin
}

func (c *contents) trace(isSource func(ast.Expr) bool) *trace {
	return &trace{contents: c, isSource: isSource, done: map[*types.Var]origin{}}
}

// all reports whether all of e comes from the source.
func (t *trace) all(e ast.Expr) bool { return t.of(e, 0) == source }

func (t *trace) of(e ast.Expr, depth int) origin {
	if depth > 64 || e == nil {
		return other
	}
	e = ast.Unparen(e)
	if t.isSource(e) {
		return source
	}
	if tv, ok := t.info.Types[e]; ok && (tv.IsNil() || tv.Value != nil && tv.Value.Kind() != constant.String) {
		return empty // nil; a number or a boolean names nothing (returned[name] = true)
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := t.info.Uses[x].(*types.Var)
		if !ok || t.opaque[v] {
			return other
		}
		if o, seen := t.done[v]; seen {
			return o
		}
		t.done[v] = empty // while working it out (v = append(v, …))
		o := empty
		for _, from := range t.from[v] {
			o = join(o, t.of(from, depth+1))
		}
		t.done[v] = o
		return o
	case *ast.SelectorExpr: // a field of the value: p.Name, page.Parameters
		if sel, ok := t.info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			return t.of(x.X, depth+1)
		}
	case *ast.IndexExpr:
		return t.of(x.X, depth+1)
	case *ast.SliceExpr:
		return t.of(x.X, depth+1)
	case *ast.StarExpr:
		return t.of(x.X, depth+1)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return t.of(x.X, depth+1)
		}
	case *ast.CompositeLit:
		o := empty
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			o = join(o, t.of(el, depth+1))
		}
		return o
	case *ast.CallExpr:
		return t.call(x, depth)
	}
	return other
}

// call follows the calls that pass strings on unchanged: append, a
// conversion, the SDKs' pointer helpers. make starts out empty.
func (t *trace) call(x *ast.CallExpr, depth int) origin {
	if tv, ok := t.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
		return t.of(x.Args[0], depth+1)
	}
	if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
		if b, ok := t.info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "make":
				return empty
			case "append":
				o := empty
				for _, a := range x.Args {
					o = join(o, t.of(a, depth+1))
				}
				return o
			}
			return other
		}
	}
	if len(x.Args) == 1 && (ssmsdk.IsFunc(t.info, x, ssmsdk.V2AWS, "String", "ToString", "StringSlice", "ToStringSlice") ||
		ssmsdk.IsFunc(t.info, x, ssmsdk.V1AWS, "String", "StringValue", "StringSlice", "StringValueSlice") ||
		ssmsdk.IsFunc(t.info, x, ssmsdk.Ptr, "String", "ToString") ||
		ssmsdk.IsFunc(t.info, x, "slices", "Clone")) {
		return t.of(x.Args[0], depth+1)
	}
	return other
}

// listingOutputs are the outputs whose parameters exist: they were just
// listed. A value of one of these types comes from a listing call, a
// paginator's page or a v1 …Pages callback.
var listingOutputs = map[string]bool{"DescribeParametersOutput": true, "GetParametersByPathOutput": true}

// isListing recognises a page of a listing.
func isListing(info *types.Info) func(ast.Expr) bool {
	return func(e ast.Expr) bool {
		p, ok := types.Unalias(info.TypeOf(e)).(*types.Pointer)
		if !ok {
			return false
		}
		n, ok := types.Unalias(p.Elem()).(*types.Named)
		if !ok || n.Obj().Pkg() == nil {
			return false
		}
		path := n.Obj().Pkg().Path()
		return (path == ssmsdk.V2SSM || path == ssmsdk.V1SSM) && listingOutputs[n.Obj().Name()]
	}
}

// isVar recognises a use of one variable.
func isVar(info *types.Info, v *types.Var) func(ast.Expr) bool {
	return func(e ast.Expr) bool {
		id, ok := e.(*ast.Ident)
		return ok && info.Uses[id] == v
	}
}

func typeUnder(info *types.Info, e ast.Expr) types.Type {
	if t := info.TypeOf(e); t != nil {
		return t.Underlying()
	}
	return nil
}
