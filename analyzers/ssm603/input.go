package ssm603

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"strconv"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
)

// text tells where a string comes from, when it is run-time input: a
// command-line flag, an environment variable, a parameter, a configured
// field. It returns "" otherwise.
func (t *tracer) text(e ast.Expr) string {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.StarExpr: // *names, names := flag.String("names", …)
		if v := t.idx.localVar(x.X); v != nil {
			if def := t.onlyValue(v); def != nil {
				if call, ok := ast.Unparen(def).(*ast.CallExpr); ok && ssmsdk.IsFunc(t.info, call, "flag", "String") && len(call.Args) > 0 {
					if name, ok := constString(t.info, call.Args[0]); ok {
						return "the flag -" + name
					}
				}
			}
		}
	case *ast.Ident:
		v, ok := t.info.Uses[x].(*types.Var)
		if !ok {
			return ""
		}
		if name, ok := t.idx.flags[v]; ok {
			return "the flag -" + name
		}
		if decl, ok := t.idx.params[v]; ok && decl != nil {
			t.vars[v] = true
			return fmt.Sprintf("the parameter %s of %s", v.Name(), funcName(decl))
		}
		if def := t.onlyValue(v); def != nil && !t.seen[v] {
			t.seen[v] = true
			defer delete(t.seen, v)
			return t.text(def)
		}
	case *ast.CallExpr:
		if ssmsdk.IsFunc(t.info, x, "os", "Getenv") && len(x.Args) == 1 {
			if name, ok := constString(t.info, x.Args[0]); ok {
				return "the environment variable " + name
			}
			return "the environment"
		}
	case *ast.SelectorExpr:
		if s := t.field(x); s.origin != "" {
			return s.origin
		}
	}
	return ""
}

// onlyValue is the value of a variable given a value once, whose
// address is not taken; else nil.
func (t *tracer) onlyValue(v *types.Var) ast.Expr {
	ws := t.idx.writes[v]
	if len(ws) != 1 || ws[0].value == nil || t.idx.escapes[v] {
		return nil
	}
	return ws[0].value
}

// fields traces the fields of a struct seen through reflect: x in
// x.NumField() is reflect.TypeOf(v) or reflect.ValueOf(v), maybe with
// .Elem(), .Type() or reflect.Indirect. A struct type known here bounds
// the count; an interface (v any) is input: the struct tags name the
// parameters.
func (t *tracer) fields(x ast.Expr, tag string) source {
	typ, v := t.reflected(x, 0)
	if typ == nil {
		return unknown
	}
	if st, _ := structOf(typ); st != nil {
		return bounded(st.NumFields(), false)
	}
	if !types.IsInterface(typ) {
		return unknown
	}
	what := "the fields of " + types.ExprString(v)
	if tag != "" {
		what = "the " + strconv.Quote(tag) + " struct tags of the fields of " + types.ExprString(v)
	}
	return fromInput(what + ", whose type is known only at run time")
}

// reflected is the static type x reflects, and the value reflect was
// given.
func (t *tracer) reflected(x ast.Expr, depth int) (types.Type, ast.Expr) {
	if depth > 8 {
		return nil, nil
	}
	switch e := ast.Unparen(x).(type) {
	case *ast.Ident:
		if v, ok := t.info.Uses[e].(*types.Var); ok {
			if def := t.onlyValue(v); def != nil {
				return t.reflected(def, depth+1)
			}
		}
	case *ast.CallExpr:
		if ssmsdk.IsFunc(t.info, e, "reflect", "TypeOf", "ValueOf") && len(e.Args) == 1 {
			return t.info.TypeOf(e.Args[0]), e.Args[0]
		}
		if ssmsdk.IsFunc(t.info, e, "reflect", "Indirect") && len(e.Args) == 1 {
			typ, v := t.reflected(e.Args[0], depth+1)
			return deref(typ), v
		}
		sel, ok := e.Fun.(*ast.SelectorExpr)
		if !ok || !isReflect(t.info.TypeOf(sel.X)) {
			return nil, nil
		}
		switch sel.Sel.Name {
		case "Elem":
			typ, v := t.reflected(sel.X, depth+1)
			return deref(typ), v
		case "Type":
			return t.reflected(sel.X, depth+1)
		}
	}
	return nil, nil
}

// deref is the element of a pointer type; an interface stays (its
// dynamic type is not known).
func deref(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	if types.IsInterface(t) {
		return t
	}
	return nil
}

// isReflect reports whether t is reflect.Type or reflect.Value.
func isReflect(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "reflect" && (n.Obj().Name() == "Type" || n.Obj().Name() == "Value")
}

// tagKey is the key of the struct tag a loop body reads
// (field.Tag.Get("ssm"), field.Tag.Lookup("ssm")), or "".
func tagKey(info *types.Info, body *ast.BlockStmt) string {
	key := ""
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || key != "" || len(call.Args) != 1 {
			return key == ""
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "Get" && sel.Sel.Name != "Lookup") {
			return true
		}
		if n, ok := types.Unalias(info.TypeOf(sel.X)).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "reflect" && n.Obj().Name() == "StructTag" {
			key, _ = constString(info, call.Args[0])
		}
		return true
	})
	return key
}

// constString is a constant string's value.
func constString(info *types.Info, e ast.Expr) (string, bool) {
	if tv := info.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	return "", false
}

// configKeys are the struct tag keys of configuration decoders.
var configKeys = []string{"json", "yaml", "toml", "hcl", "ini", "env", "envconfig", "mapstructure", "koanf"}

// field traces a struct field: read from configuration when a tag says
// so (yaml:"parameters"), unless a tag validates it (validate:"max=10").
func (t *tracer) field(sel *ast.SelectorExpr) source {
	s, ok := t.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return unknown
	}
	st, owner := structOf(s.Recv())
	var field *types.Var
	var tag reflect.StructTag
	var fieldOwner string
	for _, i := range s.Index() { // through embedded fields
		if st == nil || i >= st.NumFields() {
			return unknown
		}
		field, tag, fieldOwner = st.Field(i), reflect.StructTag(st.Tag(i)), owner
		st, owner = structOf(field.Type())
	}
	if field == nil {
		return unknown
	}
	for _, k := range []string{"validate", "binding"} {
		if _, ok := tag.Lookup(k); ok {
			return unknown
		}
	}
	for _, k := range configKeys {
		if val, ok := tag.Lookup(k); ok {
			t.vars[field] = true
			name := field.Name()
			if fieldOwner != "" {
				name = fieldOwner + "." + name
			}
			return fromInput(fmt.Sprintf("the field %s, read from configuration (%s:%q)", name, k, val))
		}
	}
	return unknown
}

// structOf is the struct under t (through one pointer), and the name of
// its type when it has one.
func structOf(t types.Type) (*types.Struct, string) {
	if t == nil {
		return nil, ""
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	name := ""
	if n, ok := types.Unalias(t).(*types.Named); ok {
		name = n.Obj().Name()
	}
	return st, name
}

// funcName is a function's name as a reader knows it: F, or T.M.
func funcName(decl *ast.FuncDecl) string {
	if decl.Recv == nil || len(decl.Recv.List) == 0 {
		return decl.Name.Name
	}
	recv := decl.Recv.List[0].Type
	for {
		switch r := recv.(type) {
		case *ast.StarExpr:
			recv = r.X
		case *ast.ParenExpr:
			recv = r.X
		case *ast.IndexExpr: // a generic type's receiver, T[E]
			recv = r.X
		case *ast.IndexListExpr:
			recv = r.X
		case *ast.Ident:
			return r.Name + "." + decl.Name.Name
		default:
			return decl.Name.Name
		}
	}
}
