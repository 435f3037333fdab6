package hclcheck

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// ModuleInstance is one evaluation of a Module: the root of a
// configuration, or one instance of a module call.
type ModuleInstance struct {
	Module *Module
	// Addr is "" for the root, else e.g. `module.app` or
	// `module.app["a"].module.vpc`.
	Addr   string
	Parent *ModuleInstance
	Call   *CallDecl
	// callScope is the scope (in the parent) in which the call's inputs
	// are evaluated: it carries the call's each/count.
	callScope *scope
	config    *Config

	vars     map[string]cty.Value
	locals   map[string]cty.Value
	outputs  map[string]cty.Value
	inFlight map[string]bool
	objects  map[string]cty.Value          // see cachedObject
	contexts map[*ctxPlan]*hcl.EvalContext // see scope.context

	// Children are the instances of this module's calls, by call name, in
	// key order.
	Children map[string][]*ModuleInstance
	groups   map[string]*resourceGroup // "type.name" / "data.type.name"
	order    []*resourceGroup
}

// prefix returns Addr followed by a dot, or "" for the root.
func (mi *ModuleInstance) prefix() string {
	if mi.Addr == "" {
		return ""
	}
	return mi.Addr + "."
}

func (mi *ModuleInstance) scope() *scope { return &scope{mi: mi} }

// variable returns the value of var.NAME in this instance.
func (mi *ModuleInstance) variable(name string) cty.Value {
	if v, ok := mi.vars[name]; ok {
		return v
	}
	key := "var." + name
	if mi.inFlight[key] {
		return cty.DynamicVal
	}
	mi.inFlight[key] = true
	defer delete(mi.inFlight, key)

	decl := mi.Module.Variables[name]
	if decl == nil {
		mi.vars[name] = cty.DynamicVal
		return cty.DynamicVal
	}
	val, set := mi.inputValue(name)
	if !set && decl.Default != nil {
		val, _ = evalConst(decl.Default)
		set = true
	}
	if !set {
		val = cty.UnknownVal(decl.Type)
	}
	val = conformToType(val, decl)
	if decl.Sensitive {
		val = val.WithMarks(cty.NewValueMarks(MarkSensitive, MarkSensitiveVar))
	}
	mi.vars[name] = val
	return val
}

// inputValue is the value given for a variable from outside the module:
// the call's argument for a child, tfvars and CLI values for a root.
func (mi *ModuleInstance) inputValue(name string) (cty.Value, bool) {
	if mi.Call != nil {
		a := mi.Call.Block.Body.Attributes[name]
		if a == nil || metaArgs[name] {
			return cty.NilVal, false
		}
		return mi.callScope.eval(a.Expr), true
	}
	v, ok := mi.config.rootVars[name]
	return v, ok
}

func conformToType(val cty.Value, decl *Variable) cty.Value {
	if val == cty.NilVal {
		return cty.DynamicVal
	}
	// Conversion cannot carry marks: take them off with their paths and put
	// them back where they were, so that a list of references stays a list
	// of references (not one value marked with all of them).
	unmarked, pvm := unmarkDeepWithPaths(val)
	if decl.Defaults != nil && unmarked.IsWhollyKnown() {
		func() {
			defer func() { _ = recover() }()
			unmarked = decl.Defaults.Apply(unmarked)
		}()
	}
	if decl.Type != cty.DynamicPseudoType {
		if conv, err := convert.Convert(unmarked, decl.Type); err == nil {
			unmarked = conv
		}
	}
	return remark(unmarked, pvm)
}

// remark puts marks back at their paths; paths that no longer exist after
// a conversion put their marks on the whole value instead (never lost).
func remark(v cty.Value, pvm []cty.PathValueMarks) (out cty.Value) {
	if len(pvm) == 0 {
		return v
	}
	defer func() {
		if recover() != nil {
			all := cty.ValueMarks{}
			for _, pm := range pvm {
				for m := range pm.Marks {
					all[m] = struct{}{}
				}
			}
			out = v.WithMarks(all)
		}
	}()
	var lost cty.ValueMarks
	for _, pm := range pvm {
		if _, err := pm.Path.Apply(v); err != nil {
			if lost == nil {
				lost = cty.ValueMarks{}
			}
			for m := range pm.Marks {
				lost[m] = struct{}{}
			}
		}
	}
	return v.MarkWithPaths(pvm).WithMarks(lost)
}

// local returns the value of local.NAME.
func (mi *ModuleInstance) local(name string) cty.Value {
	return mi.memoEval(mi.locals, "local."+name, mi.Module.Locals[name])
}

// output returns the value of an output of this instance.
func (mi *ModuleInstance) output(name string) cty.Value {
	return mi.memoEval(mi.outputs, "output."+name, mi.Module.Outputs[name])
}

// memoEval evaluates a local or output once; a reference cycle (or a
// missing declaration) is unknown.
func (mi *ModuleInstance) memoEval(cache map[string]cty.Value, key string, a *hclsyntax.Attribute) cty.Value {
	if v, ok := cache[key]; ok {
		return v
	}
	if a == nil || mi.inFlight[key] {
		return cty.DynamicVal
	}
	mi.inFlight[key] = true
	mi.config.evaluating(&a.SrcRange)
	v := mi.scope().eval(a.Expr)
	delete(mi.inFlight, key)
	cache[key] = v
	return v
}

// callValue is the value of `module.NAME` as seen from this instance,
// restricted to the named outputs (all outputs when names is nil).
func (mi *ModuleInstance) callValue(name string, names map[string]bool) cty.Value {
	kids, ok := mi.Children[name]
	if !ok {
		return cty.DynamicVal
	}
	var call *CallDecl
	for _, c := range mi.Module.Calls {
		if c.Name == name {
			call = c
		}
	}
	obj := func(k *ModuleInstance) cty.Value {
		attrs := map[string]cty.Value{}
		if k.Module == nil {
			return cty.DynamicVal // unresolved source: nothing is known
		}
		for o := range k.Module.Outputs {
			if names == nil || names[o] {
				attrs[o] = k.output(o)
			}
		}
		for n := range names {
			if _, ok := attrs[n]; !ok {
				attrs[n] = cty.DynamicVal
			}
		}
		return cty.ObjectVal(attrs)
	}
	switch {
	case call == nil:
		return cty.DynamicVal
	case call.Count == nil && call.ForEach == nil:
		if len(kids) != 1 {
			return cty.DynamicVal
		}
		return obj(kids[0])
	}
	if len(kids) == 1 && kids[0].callScope.unknownKey {
		return cty.DynamicVal
	}
	if call.Count != nil {
		vals := make([]cty.Value, len(kids))
		for i, k := range kids {
			vals[i] = obj(k)
		}
		return cty.TupleVal(vals)
	}
	m := map[string]cty.Value{}
	for _, k := range kids {
		m[k.callScope.eachKey] = obj(k)
	}
	return cty.ObjectVal(m)
}

// Resources returns the resource instances (managed and data) declared in
// this module instance, in declaration order.
func (mi *ModuleInstance) Resources() []*Resource {
	var out []*Resource
	for _, g := range mi.order {
		out = append(out, g.instances()...)
	}
	return out
}

// resourceGroup is one resource block in one module instance, with its
// instances expanded on first use.
type resourceGroup struct {
	decl     *ResourceDecl
	mi       *ModuleInstance
	expanded bool
	insts    []*Resource
	// unknown is true when count/for_each could not be evaluated; then
	// insts holds one instance whose key is unknown.
	unknown bool
	// values caches value() by the attribute names asked for.
	values map[string]cty.Value
}

func (g *resourceGroup) addr() string {
	if g.decl.Mode == Data {
		return g.mi.prefix() + "data." + g.decl.Type + "." + g.decl.Name
	}
	return g.mi.prefix() + g.decl.Type + "." + g.decl.Name
}

func (g *resourceGroup) instances() []*Resource {
	if g.expanded {
		return g.insts
	}
	g.expanded = true
	g.mi.config.evaluating(&g.decl.Block.TypeRange)
	base := g.mi.scope()
	for _, e := range expand(base, g.addr(), g.decl.Count, g.decl.ForEach, g.decl.Block.Body) {
		r := &Resource{
			Decl:       g.decl,
			Module:     g.mi,
			Addr:       g.addr() + e.suffix,
			scope:      e.scope,
			EntryRange: e.entry,
		}
		r.Body = newBody(g.decl.Block.Body, e.scope, g.decl.Block)
		if e.scope.unknownKey {
			g.unknown = true
		}
		g.insts = append(g.insts, r)
	}
	return g.insts
}

// value is the value of `TYPE.NAME` (or `data.TYPE.NAME`) seen from
// another expression, restricted to the attributes the expression uses
// (all configured attributes when names is nil).
func (g *resourceGroup) value(ns nameSet) cty.Value {
	if v, ok := g.values[ns.key]; ok {
		return v
	}
	v := g.build(ns.names)
	if g.values == nil {
		g.values = map[string]cty.Value{}
	}
	g.values[ns.key] = v
	return v
}

func (g *resourceGroup) build(names map[string]bool) cty.Value {
	insts := g.instances()
	if g.unknown {
		return cty.DynamicVal
	}
	switch {
	case g.decl.Count == nil && g.decl.ForEach == nil:
		if len(insts) != 1 {
			return cty.DynamicVal
		}
		return insts[0].value(names)
	case g.decl.Count != nil:
		vals := make([]cty.Value, len(insts))
		for i, r := range insts {
			vals[i] = r.value(names)
		}
		return cty.TupleVal(vals)
	}
	m := map[string]cty.Value{}
	for _, r := range insts {
		m[r.scope.eachKey] = r.value(names)
	}
	return cty.ObjectVal(m)
}

// Resource is one instance of a resource or data block.
type Resource struct {
	Decl   *ResourceDecl
	Module *ModuleInstance
	// Addr is the full instance address, e.g.
	// `module.app.aws_ssm_parameter.p["db"]`.
	Addr string
	Body *Body
	// EntryRange is the source of the for_each entry or count that made
	// this instance, when it can be pinned down; zero otherwise.
	EntryRange hcl.Range
	scope      *scope
	inFlight   bool
}

// Type is the resource type, e.g. "aws_ssm_parameter".
func (r *Resource) Type() string { return r.Decl.Type }

// Name is the resource name label.
func (r *Resource) Name() string { return r.Decl.Name }

// DefRange is the range of the block header (`resource "t" "n"`).
func (r *Resource) DefRange() hcl.Range { return r.Decl.Block.DefRange() }

// IsData reports whether this is a data source.
func (r *Resource) IsData() bool { return r.Decl.Mode == Data }

// KeyKnown reports whether the instance key (each.key / count.index) is
// known: false for a resource whose count or for_each is unknown.
func (r *Resource) KeyKnown() bool { return !r.scope.unknownKey }

// value builds the object other expressions see for this instance:
// configured attributes are evaluated; anything else the expression asks
// for is unknown, marked with a reference to this instance.
func (r *Resource) value(names map[string]bool) cty.Value {
	if r.inFlight {
		return cty.DynamicVal
	}
	r.inFlight = true
	defer func() { r.inFlight = false }()
	attrs := map[string]cty.Value{}
	ref := Ref{Addr: r.Addr}
	if names == nil {
		for n := range r.Decl.Block.Body.Attributes {
			if !metaArgs[n] {
				attrs[n] = r.Body.Attr(n).Value()
			}
		}
		for _, n := range []string{"id", "arn"} {
			if _, ok := attrs[n]; !ok {
				ref.Attr = n
				attrs[n] = cty.DynamicVal.Mark(ref)
			}
		}
		return cty.ObjectVal(attrs)
	}
	for n := range names {
		if a := r.Body.Attr(n); a != nil && !r.IsData() {
			// A configured value is known; Attr.Refs finds direct references to it.
			attrs[n] = a.Value()
			continue
		}
		ref.Attr = n
		attrs[n] = cty.DynamicVal.Mark(ref)
	}
	return cty.ObjectVal(attrs)
}

// Ref marks an unknown value that stands for an attribute of a resource
// instance (`aws_subnet.a.id`). Marks survive locals, variables and module
// boundaries, so rules can follow references through them.
type Ref struct {
	Addr string
	Attr string
}

// Marks of values that come from outside the configuration.
const (
	// MarkSensitive is carried by values of sensitive variables and of
	// sensitive().
	MarkSensitive = valueMark("sensitive")
	// MarkSensitiveVar is carried, with MarkSensitive, by values of
	// variables declared sensitive (sensitive() marks only MarkSensitive).
	MarkSensitiveVar = valueMark("sensitive-variable")
	// MarkInput is carried by values set from tfvars files, --var or the
	// config file's variables: not literals of the configuration itself.
	MarkInput = valueMark("input")
)

type valueMark string

// expansion is one instance produced by count/for_each.
type expansion struct {
	suffix string
	scope  *scope
	entry  hcl.Range
}

// expand evaluates count or for_each in base and returns one scope per
// instance. Unknown expansions yield one instance with unknown keys. what
// names the block (its address) in the error for an expansion over
// maxInstances, which leaves it unchecked.
func expand(base *scope, what string, count, forEach hclsyntax.Expression, body *hclsyntax.Body) []expansion {
	switch {
	case count != nil:
		v := Plain(base.eval(count))
		if !v.IsKnown() || v.IsNull() {
			return []expansion{{suffix: "[?]", scope: base.withUnknownKey(), entry: count.Range()}}
		}
		n, err := convert.Convert(v, cty.Number)
		if err != nil || !n.IsKnown() || n.IsNull() {
			return []expansion{{suffix: "[?]", scope: base.withUnknownKey(), entry: count.Range()}}
		}
		i64, acc := n.AsBigFloat().Int64()
		if acc != 0 && !n.AsBigFloat().IsInt() || i64 < 0 {
			return nil // Terraform rejects it
		}
		if i64 > maxInstances {
			base.mi.config.NoteError(count.Range(), "count is %s, more instances than the %d ssmlint expands; %s is not checked", n.AsBigFloat().Text('f', 0), maxInstances, what)
			return nil
		}
		out := make([]expansion, i64)
		for i := range out {
			out[i] = expansion{suffix: fmt.Sprintf("[%d]", i), scope: base.withCount(i), entry: count.Range()}
		}
		return out
	case forEach != nil:
		return expandForEach(base, what, forEach, body)
	}
	return []expansion{{scope: base}}
}

// expandForEach expands a for_each over a map, object or set of strings.
// Marks (sensitive, input from tfvars, references) stay with the element
// they were on; marks on the collection itself go to every element.
func expandForEach(base *scope, what string, forEach hclsyntax.Expression, body *hclsyntax.Body) []expansion {
	unknown := []expansion{{suffix: "[?]", scope: base.withUnknownKey(), entry: forEach.Range()}}
	// Marks on the collection itself apply to every element; marks inside
	// an element stay with it (only the collection must be unmarked to be
	// iterated).
	v, marks := base.forEachValue(forEach, body).Unmark()
	if !v.IsKnown() || v.IsNull() {
		return unknown
	}
	ty := v.Type()
	switch {
	case ty.IsMapType() || ty.IsObjectType():
		// Keys are known even when some values are not.
	case ty.IsSetType():
		if !v.IsWhollyKnown() {
			return unknown
		}
	default:
		return nil // Terraform rejects lists and others
	}
	if n := v.LengthInt(); n > maxInstances {
		base.mi.config.NoteError(forEach.Range(), "for_each has %d elements, more instances than the %d ssmlint expands; %s is not checked", n, maxInstances, what)
		return nil
	}
	entries := entryRanges(base, forEach)
	var out []expansion
	for it := v.ElementIterator(); it.Next(); {
		k, val := it.Element()
		if ty.IsSetType() {
			var km cty.ValueMarks
			k, km = k.Unmark()
			if !k.IsKnown() || k.Type() != cty.String {
				return unknown
			}
			val = k.WithMarks(km)
		}
		key := k.AsString()
		e := expansion{suffix: fmt.Sprintf("[%q]", key), scope: base.withEach(key, val.WithMarks(marks)), entry: forEach.Range()}
		if r, ok := entries[key]; ok {
			e.entry = r
		}
		out = append(out, e)
	}
	return out
}

// forEachValue evaluates a for_each. `for_each = aws_subnet.private` (a
// whole resource group) only needs, for each instance, the attributes the
// block reads from each.value: building every configured attribute of
// every instance is the costly part, so only those are built.
func (s *scope) forEachValue(forEach hclsyntax.Expression, body *hclsyntax.Body) cty.Value {
	st, ok := forEach.(*hclsyntax.ScopeTraversalExpr)
	if !ok || body == nil {
		return s.eval(forEach)
	}
	key, rest := groupTraversal(st.Traversal)
	g := s.mi.groups[key]
	if key == "" || len(rest) > 0 || g == nil {
		return s.eval(forEach)
	}
	return g.value(s.mi.Module.eachValueNames(body))
}

// eachValueNames is what a block body reads of each.value, as a name set
// (allNames when it uses each.value as a whole). It is syntax, so it is
// worked out once per module.
func (m *Module) eachValueNames(body *hclsyntax.Body) nameSet {
	if m != nil {
		if ns, ok := m.eachNames.Load(body); ok {
			return ns.(nameSet)
		}
	}
	names := map[string]bool{}
	whole := false
	_ = hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
		e, ok := n.(*hclsyntax.ScopeTraversalExpr)
		if !ok || e.Traversal.RootName() != "each" || len(e.Traversal) < 2 {
			return nil
		}
		if a, ok := e.Traversal[1].(hcl.TraverseAttr); !ok || a.Name != "value" {
			return nil
		}
		if len(e.Traversal) < 3 {
			whole = true
			return nil
		}
		if a, ok := e.Traversal[2].(hcl.TraverseAttr); ok {
			names[a.Name] = true
		} else {
			whole = true
		}
		return nil
	})
	ns := allNames
	if !whole {
		ns = newNameSet("", names)
	}
	if m != nil {
		m.eachNames.Store(body, ns)
	}
	return ns
}

// maxInstances caps one count or for_each.
const maxInstances = 10000

// entryRanges finds, for a for_each written as (or referring to) a map or
// set literal, the source range of each key's entry, so that findings about
// one instance point at the entry that made it.
func entryRanges(s *scope, expr hclsyntax.Expression) map[string]hcl.Range {
	for range 8 { // follow a few levels of locals / variables / toset()
		switch e := expr.(type) {
		case *hclsyntax.ObjectConsExpr:
			out := map[string]hcl.Range{}
			for _, item := range e.Items {
				k, diags := item.KeyExpr.Value(nil)
				if diags.HasErrors() {
					// A bare word key is a traversal; ObjectConsKeyExpr handles it.
					continue
				}
				if k, err := convert.Convert(k, cty.String); err == nil && k.IsKnown() && !k.IsNull() {
					out[k.AsString()] = hcl.RangeBetween(item.KeyExpr.Range(), item.ValueExpr.Range())
				}
			}
			return out
		case *hclsyntax.TupleConsExpr:
			out := map[string]hcl.Range{}
			for _, item := range e.Exprs {
				if v, diags := item.Value(nil); !diags.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
					out[v.AsString()] = item.Range()
				}
			}
			return out
		case *hclsyntax.ForExpr:
			// { for k, v in X : k => ... } keeps X's keys.
			if kt, ok := e.KeyExpr.(*hclsyntax.ScopeTraversalExpr); ok && e.KeyVar != "" && len(kt.Traversal) == 1 && kt.Traversal.RootName() == e.KeyVar {
				expr = e.CollExpr
				continue
			}
			return nil
		case *hclsyntax.FunctionCallExpr:
			if (e.Name == "toset" || e.Name == "tomap") && len(e.Args) == 1 {
				expr = e.Args[0]
				continue
			}
			return nil
		case *hclsyntax.ScopeTraversalExpr:
			tr := e.Traversal
			if len(tr) != 2 {
				return nil
			}
			name, ok := tr[1].(hcl.TraverseAttr)
			if !ok {
				return nil
			}
			switch tr.RootName() {
			case "local":
				a := s.mi.Module.Locals[name.Name]
				if a == nil {
					return nil
				}
				expr = a.Expr
				continue
			case "var":
				x, xs := s.mi.variableSource(name.Name)
				if x == nil {
					return nil
				}
				expr, s = x, xs
				continue
			}
			return nil
		default:
			return nil
		}
	}
	return nil
}

// variableSource is the expression that gave var.NAME its value (a call
// argument, a tfvars entry or the default) and the scope it belongs to, for
// locating entries.
func (mi *ModuleInstance) variableSource(name string) (hclsyntax.Expression, *scope) {
	if mi.Call != nil {
		if a := mi.Call.Block.Body.Attributes[name]; a != nil {
			return a.Expr, mi.callScope
		}
	} else if x, ok := mi.config.rootVarExprs[name]; ok {
		return x, mi.scope()
	}
	if v := mi.Module.Variables[name]; v != nil && v.Default != nil {
		return v.Default, mi.scope()
	}
	return nil, nil
}

// Unresolved reports whether this is a module call whose source ssmlint
// could not follow (not local, not installed, not modelled): what it
// creates is unknown.
func (mi *ModuleInstance) Unresolved() bool { return mi.Module == nil && mi.Call != nil }

// CallArgs returns the arguments of the module call that made this
// instance, evaluated in the caller (nil for a root).
func (mi *ModuleInstance) CallArgs() []*Attr {
	if mi.Call == nil {
		return nil
	}
	body := newBody(mi.Call.Block.Body, mi.callScope, mi.Call.Block)
	var out []*Attr
	for name := range mi.Call.Block.Body.Attributes {
		if !metaArgs[name] {
			out = append(out, body.Attr(name))
		}
	}
	return out
}

// Eval evaluates an expression of this module instance's own body (a
// provider block's argument, say) in its scope: variables, locals and
// resources are in reach, each and count are not.
func (mi *ModuleInstance) Eval(expr hcl.Expression) cty.Value {
	return mi.scope().eval(expr)
}
