package ssm603

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
)

// source is what is known of a list of names: a bound on its length, or
// the run-time input it comes from, or that it is one batch of a split
// list, or none of these.
type source struct {
	// max bounds the length when it is not negative; exact says it is
	// the length itself (a list literal, unchanged).
	max   int
	exact bool
	// origin says where a list of no known bound comes from ("the
	// parameter names of LoadConfig"); "" when that cannot be told.
	origin string
	// batch: one batch of a list split visibly (slices.Chunk, a loop
	// over a [][]string, names[i:end]), of a size not known here.
	batch bool
}

var (
	unknown = source{max: -1}
	batch   = source{max: -1, batch: true}
)

func bounded(n int, exact bool) source { return source{max: n, exact: exact} }

func fromInput(origin string) source { return source{max: -1, origin: origin} }

// known is false when nothing can be said, or for a batch, of which no
// more can be said once appended to or repeated: the analyzer stays
// silent.
func (s source) known() bool { return s.max >= 0 || s.origin != "" }

// small is a source of at most MaxNames names, or a batch.
func (s source) small() bool { return s.batch || s.max >= 0 && s.max <= MaxNames }

// plus is the list of both (append): unknown when either is, else the
// first run-time input, else the sum of the bounds.
func plus(a, b source) source {
	switch {
	case !a.known() || !b.known():
		return unknown
	case a.max < 0:
		return a
	case b.max < 0:
		return b
	}
	return bounded(a.max+b.max, false)
}

// either is one list or the other (a variable assigned in two places).
func either(a, b source) source {
	if a.known() && b.known() && a.max >= 0 && b.max >= 0 {
		return bounded(max(a.max, b.max), false)
	}
	return plus(a, b)
}

// times is per appended once for each of n iterations.
func times(n, per source) source {
	switch {
	case !n.known() || !per.known():
		return unknown
	case per.max == 0:
		return per
	case n.max < 0:
		return n
	case per.max < 0:
		return per
	}
	return bounded(n.max*per.max, false)
}

// tracer works out where a list of names comes from. vars collects the
// variables the list was traced through: a length limit on any of them
// (index.limited) is a check that silences the analyzer.
type tracer struct {
	idx   *index
	info  *types.Info
	seen  map[types.Object]bool
	vars  map[*types.Var]bool
	depth int
}

func newTracer(idx *index) *tracer {
	return &tracer{idx: idx, info: idx.info, seen: map[types.Object]bool{}, vars: map[*types.Var]bool{}}
}

// limited reports whether a variable the list was traced through has its
// length compared with a limit somewhere in the package.
func (t *tracer) limited() bool {
	for v := range t.vars {
		if t.idx.limited[v] {
			return true
		}
	}
	return false
}

// of traces a list expression.
func (t *tracer) of(e ast.Expr) source {
	if t.depth > 32 {
		return unknown
	}
	t.depth++
	defer func() { t.depth-- }()
	e = ast.Unparen(e)
	if n, ok := arrayLen(t.info.TypeOf(e)); ok {
		return bounded(n, true)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if _, keyed := el.(*ast.KeyValueExpr); keyed {
				if _, isMap := t.info.TypeOf(x).Underlying().(*types.Map); !isMap {
					return unknown // []string{5: "x"}
				}
			}
		}
		return bounded(len(x.Elts), true)
	case *ast.Ident:
		if t.info.Types[x].IsNil() {
			return bounded(0, true)
		}
		if v, ok := t.info.Uses[x].(*types.Var); ok {
			return t.variable(v)
		}
	case *ast.SelectorExpr:
		if v, ok := t.info.Uses[x.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "os" && v.Name() == "Args" {
			t.vars[v] = true // len(os.Args) > 11
			return fromInput("the command-line arguments (os.Args)")
		}
		return t.field(x)
	case *ast.SliceExpr:
		if x.High == nil {
			s := t.of(x.X)
			s.exact = false
			return s
		}
		lo, hi := int64(0), constInt(t.info, x.High)
		if x.Low != nil {
			lo = constInt(t.info, x.Low)
		}
		if lo >= 0 && hi >= lo {
			return bounded(int(hi-lo), true)
		}
		return batch // names[i:end]
	case *ast.CallExpr:
		return t.call(x)
	}
	return unknown
}

// variable traces a variable: a parameter, or the values it is given.
func (t *tracer) variable(v *types.Var) source {
	if t.seen[v] || t.idx.escapes[v] {
		return unknown
	}
	t.seen[v] = true
	defer delete(t.seen, v)
	t.vars[v] = true
	if decl, isParam := t.idx.params[v]; isParam {
		return t.param(v, decl)
	}
	var defs []source
	var added []source
	for _, w := range t.idx.writes[v] {
		switch {
		case w.opaque:
			return unknown
		case w.zero:
			defs = append(defs, bounded(0, true))
		case w.rangeOf != nil:
			defs = append(defs, t.rangeValue(w))
		default:
			call, isCall := ast.Unparen(w.value).(*ast.CallExpr)
			if isCall && t.isBuiltin(call, "append") && len(call.Args) > 0 && t.idx.localVar(call.Args[0]) == v {
				if !w.in(v) {
					return unknown // appended to in another function, run any number of times
				}
				added = append(added, t.repeated(t.appended(call), w.where, v))
				continue
			}
			defs = append(defs, t.of(w.value))
		}
	}
	if len(defs) == 0 {
		return unknown
	}
	s := defs[0]
	for _, d := range defs[1:] {
		s = either(s, d)
	}
	for _, a := range added {
		s = plus(s, a)
	}
	return s
}

// param traces a parameter: input from the caller, unless the package
// calls the function and every call gives at most MaxNames names or a
// batch (a helper given batches).
func (t *tracer) param(v *types.Var, decl *ast.FuncDecl) source {
	if decl == nil {
		return unknown // a function literal's: its callers are not traced
	}
	origin := fromInput(fmt.Sprintf("the parameter %s of %s", v.Name(), funcName(decl)))
	fn, ok := t.info.Defs[decl.Name].(*types.Func)
	if !ok || t.idx.asValue[fn] || len(t.idx.calls[fn]) == 0 {
		return origin
	}
	sig := fn.Type().(*types.Signature)
	i := 0
	for i < sig.Params().Len() && sig.Params().At(i) != v {
		i++
	}
	if i == sig.Params().Len() {
		return unknown
	}
	all := bounded(0, false)
	for _, call := range t.idx.calls[fn] {
		s := unknown // f(g()) with g returning several values
		switch {
		case sig.Variadic() && i == sig.Params().Len()-1 && !call.Ellipsis.IsValid():
			s = bounded(max(len(call.Args)-i, 0), true)
		case i < len(call.Args):
			s = t.of(call.Args[i])
		}
		if !s.small() {
			return origin
		}
		if s.batch {
			all = batch
		} else if !all.batch {
			all = either(all, s)
		}
	}
	return all
}

// call traces a call that returns a list.
func (t *tracer) call(call *ast.CallExpr) source {
	info := t.info
	if tv := info.Types[call.Fun]; tv.IsType() && len(call.Args) == 1 {
		return t.of(call.Args[0]) // a conversion
	}
	switch {
	case t.isBuiltin(call, "append") && len(call.Args) > 0:
		return plus(t.of(call.Args[0]), t.appended(call))
	case t.isBuiltin(call, "make") && len(call.Args) >= 2:
		return t.count(call.Args[1], "")
	case len(call.Args) == 1 && (ssmsdk.IsFunc(info, call, ssmsdk.V2AWS, "StringSlice") || ssmsdk.IsFunc(info, call, ssmsdk.V1AWS, "StringSlice")):
		return t.of(call.Args[0])
	case ssmsdk.IsFunc(info, call, "flag", "Args"):
		return fromInput("the command-line arguments (flag.Args)")
	case ssmsdk.IsFunc(info, call, "strings", "SplitN", "SplitAfterN") && len(call.Args) == 3:
		if n := constInt(info, call.Args[2]); n > 0 {
			return bounded(int(n), false)
		}
		return unknown
	case ssmsdk.IsFunc(info, call, "strings", "Split", "SplitAfter", "Fields", "FieldsFunc") && len(call.Args) >= 1:
		if what := t.text(call.Args[0]); what != "" {
			return fromInput("splitting " + what)
		}
	case ssmsdk.IsFunc(info, call, "slices", "Clone", "Compact", "Collect", "Sorted", "Values") && len(call.Args) == 1,
		ssmsdk.IsFunc(info, call, "maps", "Keys", "Values") && len(call.Args) == 1:
		s := t.of(call.Args[0])
		s.exact = false
		return s
	}
	return unknown
}

// repeated is what per appended at w adds to the variable v: once per
// iteration of each loop around w that v is declared outside of.
func (t *tracer) repeated(per source, w where, v *types.Var) source {
	for _, loop := range w.loops {
		if !declaredIn(loop, v) {
			per = times(t.iterations(loop), per)
		}
	}
	return per
}

// names traces the Names of an input. An input built field by field may
// append to its Names, in.Names = append(in.Names, name), maybe in a
// loop: as the field's only assignment (ssmsdk.ReadInput), it appends
// to an empty list.
func (t *tracer) names(e ast.Expr) source {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || !t.isBuiltin(call, "append") || len(call.Args) == 0 {
		return t.of(e)
	}
	set, ok := t.idx.fieldSets[e]
	sel, isSel := ast.Unparen(call.Args[0]).(*ast.SelectorExpr)
	if !ok || !isSel || sel.Sel.Name != set.lhs.Sel.Name {
		return t.of(e)
	}
	v := t.idx.localVar(sel.X)
	if v == nil || v != t.idx.localVar(set.lhs.X) || set.fn == nil {
		return unknown
	}
	if f, ok := t.info.Uses[sel.Sel].(*types.Var); ok {
		t.vars[f] = true // len(in.Names) > 10
	}
	return t.repeated(t.appended(call), set.where, v)
}

// appended is what an append call adds to its first argument.
func (t *tracer) appended(call *ast.CallExpr) source {
	if call.Ellipsis.IsValid() && len(call.Args) == 2 {
		return t.of(call.Args[1])
	}
	return bounded(len(call.Args)-1, true)
}

// isBuiltin reports whether call calls the builtin name.
func (t *tracer) isBuiltin(call *ast.CallExpr, name string) bool {
	b, ok := t.info.Uses[calleeIdent(call)].(*types.Builtin)
	return ok && b.Name() == name
}
