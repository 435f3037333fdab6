package ssm601

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
)

// Kinds of Part.
const (
	partText    = iota // constant text
	partParam          // a parameter of the function
	partUnknown        // not known at compile time (an environment, a field)
)

// Part is a piece of a parameter name built at run time.
type Part struct {
	Kind  int
	Text  string // for partText
	Param int    // for partParam: the parameter's index
}

// Name is a parameter name as a function builds it: constant text, its
// parameters and unknown values, in order. "/" + env + "/app/" + name is
// [text "/", unknown, text "/app/", param 0].
type Name []Part

var unknownName = Name{{Kind: partUnknown}}

func textName(s string) Name { return Name{{Kind: partText, Text: s}} }

// join concatenates names, merging neighbouring texts and unknowns.
func join(names ...Name) Name {
	var out Name
	for _, n := range names {
		for _, p := range n {
			if p.Kind == partText && p.Text == "" {
				continue
			}
			if k := len(out) - 1; k >= 0 && out[k].Kind == p.Kind && p.Kind != partParam {
				out[k].Text += p.Text
				continue
			}
			out = append(out, p)
		}
	}
	return out
}

// has reports whether a part of the kind is in the name.
func (n Name) has(kind int) bool {
	return slices.ContainsFunc(n, func(p Part) bool { return p.Kind == kind })
}

// text is the name when it is all constant.
func (n Name) text() (string, bool) {
	if n.has(partParam) || n.has(partUnknown) {
		return "", false
	}
	s, _ := n.display()
	return s, true
}

// param is the parameter the name is, whole.
func (n Name) param() (int, bool) {
	if len(n) == 1 && n[0].Kind == partParam {
		return n[0].Param, true
	}
	return -1, false
}

// subst replaces each parameter by what arg says it is.
func (n Name) subst(arg func(i int) Name) Name {
	var out []Name
	for _, p := range n {
		if p.Kind == partParam {
			out = append(out, arg(p.Param))
		} else {
			out = append(out, Name{p})
		}
	}
	return join(out...)
}

// unknownParams is the name with its parameters unknown: what the
// function itself knows of it.
func (n Name) unknownParams() Name {
	return n.subst(func(int) Name { return unknownName })
}

// display writes the name with "…" for the unknown parts and {i} for
// parameter i; plain is false when there is either.
func (n Name) display() (s string, plain bool) {
	var b strings.Builder
	plain = true
	for _, p := range n {
		switch p.Kind {
		case partText:
			b.WriteString(p.Text)
		case partParam:
			b.WriteString("{" + strconv.Itoa(p.Param) + "}")
			plain = false
		default:
			b.WriteString("…")
			plain = false
		}
	}
	return b.String(), plain
}

// builder works out the Name of an expression in one function.
type builder struct {
	info *types.Info
	vals *ssmsdk.Values
	sig  *types.Signature // nil: the function's parameters are unknown
	body *ast.BlockStmt
}

// name returns the Name e evaluates to and how it is built
// ("fmt.Sprintf", "concatenation", or "" when it is not).
func (b builder) name(e ast.Expr, depth int) (Name, string) {
	if depth > 16 || e == nil {
		return unknownName, ""
	}
	e = ast.Unparen(e)
	if s, ok := b.vals.String(e); ok {
		return textName(s), ""
	}
	if b.sig != nil {
		if i, ok := paramFlow(b.info, b.sig, b.body, e); ok {
			return Name{{Kind: partParam, Param: i}}, ""
		}
	}
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return b.name(x.X, depth+1)
		}
	case *ast.CallExpr:
		if len(x.Args) == 1 && (ssmsdk.IsFunc(b.info, x, ssmsdk.V2AWS, "String") || ssmsdk.IsFunc(b.info, x, ssmsdk.V1AWS, "String") ||
			ssmsdk.IsFunc(b.info, x, ssmsdk.Ptr, "String")) {
			return b.name(x.Args[0], depth+1)
		}
		if ssmsdk.IsFunc(b.info, x, "fmt", "Sprintf") {
			return b.sprintf(x, depth), "fmt.Sprintf"
		}
	case *ast.BinaryExpr:
		if x.Op == token.ADD && plainString(b.info.TypeOf(x)) {
			l, how1 := b.name(x.X, depth+1)
			r, how2 := b.name(x.Y, depth+1)
			if how1 == "" && how2 == "" {
				how1 = "concatenation"
			}
			return join(l, r), cmpOr(how1, how2)
		}
	case *ast.Ident:
		if v, ok := b.info.Uses[x].(*types.Var); ok {
			if init := localInit(b.info, b.body, v); init != nil {
				return b.name(init, depth+1)
			}
		}
	}
	return unknownName, ""
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// sprintf evaluates fmt.Sprintf with a constant format whose verbs are
// plain (%s, %v of a string; any verb of a constant). Anything else is
// unknown as a whole.
func (b builder) sprintf(call *ast.CallExpr, depth int) Name {
	if len(call.Args) == 0 || call.Ellipsis.IsValid() {
		return unknownName
	}
	format, ok := b.vals.String(call.Args[0])
	if !ok {
		return unknownName
	}
	args := call.Args[1:]
	var parts []Name
	var text strings.Builder
	next := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			text.WriteByte(format[i])
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.", format[j]) >= 0 {
			j++
		}
		if j >= len(format) || format[j] == '[' || format[j] == '*' {
			return unknownName // explicit argument indexes and * widths: not followed
		}
		if format[j] == '%' {
			if j != i+1 {
				return unknownName
			}
			text.WriteByte('%')
			i = j
			continue
		}
		if next >= len(args) {
			return unknownName
		}
		verb, arg := format[i:j+1], args[next]
		next++
		i = j
		parts = append(parts, textName(text.String()))
		text.Reset()
		switch {
		case (verb == "%s" || verb == "%v") && plainString(b.info.TypeOf(arg)):
			n, _ := b.name(arg, depth+1)
			parts = append(parts, n)
		default:
			if v, ok := goConstant(b.info, arg); ok {
				parts = append(parts, textName(fmt.Sprintf(verb, v)))
			} else {
				parts = append(parts, unknownName)
			}
		}
	}
	if next != len(args) {
		return unknownName // %!(EXTRA …)
	}
	parts = append(parts, textName(text.String()))
	return join(parts...)
}

// plainString reports a string type that fmt prints as it is (no String
// or Format method of its own).
func plainString(t types.Type) bool {
	if t == nil {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return false
	}
	for _, m := range []string{"String", "Format", "Error"} {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, m); obj != nil {
			return false
		}
	}
	return true
}

// goConstant is a compile-time constant argument as a Go value.
func goConstant(info *types.Info, e ast.Expr) (any, bool) {
	tv, ok := info.Types[ast.Unparen(e)]
	if !ok || tv.Value == nil {
		return nil, false
	}
	switch tv.Value.Kind() {
	case constant.String:
		return constant.StringVal(tv.Value), true
	case constant.Bool:
		return constant.BoolVal(tv.Value), true
	case constant.Int:
		i, exact := constant.Int64Val(tv.Value)
		return i, exact
	}
	return nil, false
}

// localInit is the one value a local variable of body is given, when it
// is given exactly one and its address is never taken.
func localInit(info *types.Info, body *ast.BlockStmt, v *types.Var) ast.Expr {
	if body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return nil
	}
	var init ast.Expr
	count := 0
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == v {
					count++
					if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) {
						init = n.Rhs[i]
					} else {
						count++
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.ObjectOf(id) == v {
					count++
					if len(n.Values) == len(n.Names) {
						init = n.Values[i]
					} else {
						count++
					}
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.ObjectOf(id) == v {
				count += 2
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok && info.ObjectOf(id) == v {
					count += 2
				}
			}
		}
		return count < 2
	})
	if count != 1 {
		return nil
	}
	return init
}
