package hclcheck

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// scope is where an expression is evaluated: a module instance plus the
// each/count/dynamic-iterator values of the block it sits in.
type scope struct {
	mi         *ModuleInstance
	hasEach    bool
	eachKey    string
	eachValue  cty.Value
	hasCount   bool
	countIndex int
	unknownKey bool // count/for_each unknown: each.* and count.index unknown
	iterators  map[string]cty.Value
	eachObj    cty.Value // `each`, built on first use
	// vals remembers what eval returned for each expression in this
	// scope: rules read the same attributes and sub-expressions (a policy
	// statement's Resource, a template's parts) many times over.
	vals map[hcl.Expression]cty.Value
}

func (s *scope) withEach(key string, val cty.Value) *scope {
	c := *s
	c.vals = nil
	c.hasEach, c.eachKey, c.eachValue, c.eachObj = true, key, val, cty.NilVal
	return &c
}

func (s *scope) withCount(i int) *scope {
	c := *s
	c.vals = nil
	c.eachObj = cty.NilVal
	c.hasCount, c.countIndex = true, i
	return &c
}

func (s *scope) withUnknownKey() *scope {
	c := *s
	c.vals = nil
	c.eachObj = cty.NilVal
	c.unknownKey = true
	return &c
}

func (s *scope) withIterator(name string, key, val cty.Value) *scope {
	c := *s
	c.vals = nil
	c.eachObj = cty.NilVal
	c.iterators = make(map[string]cty.Value, len(s.iterators)+1)
	for k, v := range s.iterators {
		c.iterators[k] = v
	}
	c.iterators[name] = cty.ObjectVal(map[string]cty.Value{"key": key, "value": val})
	return &c
}

// eval evaluates an expression. Errors (unknown functions, type errors,
// references to things that do not exist) give an unknown value: a rule
// that meets one stays silent. It never panics.
func (s *scope) eval(expr hcl.Expression) (val cty.Value) {
	if expr == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	if s.mi.config.canceled() {
		return cty.DynamicVal // past the deadline: stop, quickly
	}
	defer func() {
		if r := recover(); r != nil {
			val = cty.DynamicVal
		}
	}()
	if c, ok := expr.(*hclsyntax.ConditionalExpr); ok {
		// HCL marks a conditional's result with the marks of both branches;
		// with a known condition only the branch taken counts (`var.nat ?
		// aws_route_table.nat.id : aws_route_table.isolated.id`).
		cond, _ := s.eval(c.Condition).Unmark()
		if cond.IsKnown() && !cond.IsNull() && cond.Type() == cty.Bool {
			if cond.True() {
				return s.eval(c.TrueResult)
			}
			return s.eval(c.FalseResult)
		}
	}
	if lit, ok := expr.(*hclsyntax.LiteralValueExpr); ok {
		return lit.Val
	}
	if v, ok := s.mi.Module.constant(expr); ok {
		return v
	}
	if v, ok := s.vals[expr]; ok {
		return v
	}
	ctx := s.context(expr)
	var v cty.Value
	if err := s.templatesFit(expr, ctx); err != nil {
		// "${local.a}${local.a}" over locals that double each time:
		// refused before hclsyntax builds a gigabyte string.
		s.mi.config.noteLimit(expr.Range(), fmt.Errorf("string template: %w", err))
		v = cty.DynamicVal
	} else if val, diags := expr.Value(ctx); diags.HasErrors() {
		s.mi.config.noteEvalErrors(diags)
		v = cty.DynamicVal
	} else {
		v = val
		s.mi.Module.rememberConstant(expr, v)
	}
	if s.vals == nil {
		s.vals = map[hcl.Expression]cty.Value{}
	}
	s.vals[expr] = v
	return v
}

// templatesFit measures the templates of expr that can grow before they
// are built (see the function of that name in funcbounds_template.go).
func (s *scope) templatesFit(expr hcl.Expression, ctx *hcl.EvalContext) error {
	hx, ok := expr.(hclsyntax.Expression)
	if !ok || !s.mi.Module.hasTemplate(expr) {
		return nil
	}
	return templatesFit(hx, ctx)
}

// context builds the evaluation context for one expression from the
// references it makes, so that only what it uses is evaluated. What an
// expression refers to is a matter of syntax: it is worked out once per
// module (see ctxPlan) and only the values are looked up per scope.
func (s *scope) context(expr hcl.Expression) *hcl.EvalContext {
	var p *ctxPlan
	if len(s.iterators) == 0 {
		p = s.mi.Module.planOf(expr)
	} else {
		// A dynamic block's iterator shadows a resource type of the same
		// name: plan for this scope only.
		p = makePlan(s.mi.Module.variablesOf(expr), expr, func(root string) bool {
			_, ok := s.iterators[root]
			return ok
		})
	}
	if p.empty {
		return &hcl.EvalContext{Functions: s.mi.config.funcs}
	}
	// Everything but each, count and the iterators is the same in every
	// scope of the module instance: build it once per expression, and put
	// what differs in a child context.
	base := s.mi.contexts[p]
	if base == nil {
		base = &hcl.EvalContext{Functions: s.mi.config.funcs, Variables: s.shared(p)}
		if len(s.iterators) == 0 {
			if s.mi.contexts == nil {
				s.mi.contexts = map[*ctxPlan]*hcl.EvalContext{}
			}
			s.mi.contexts[p] = base
		}
	}
	if !p.each && !p.count && len(p.iterators) == 0 {
		return base
	}
	ctx := base.NewChild()
	vars := make(map[string]cty.Value, 2+len(p.iterators))
	for _, root := range p.iterators {
		vars[root] = s.iterators[root]
	}
	if p.each {
		switch {
		case s.unknownKey:
			vars["each"] = cty.ObjectVal(map[string]cty.Value{"key": cty.UnknownVal(cty.String), "value": cty.DynamicVal})
		case s.hasEach:
			if s.eachObj == cty.NilVal {
				s.eachObj = cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal(s.eachKey), "value": s.eachValue})
			}
			vars["each"] = s.eachObj
		}
	}
	if p.count {
		switch {
		case s.unknownKey:
			vars["count"] = cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)})
		case s.hasCount:
			vars["count"] = cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(int64(s.countIndex))})
		}
	}
	ctx.Variables = vars
	return ctx
}

// shared builds the part of an expression's context that depends on the
// module instance only.
func (s *scope) shared(p *ctxPlan) map[string]cty.Value {
	vars := make(map[string]cty.Value, p.size)
	if p.path {
		vars["path"] = s.mi.config.pathValue(s.mi)
	}
	if p.terraform {
		vars["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})
	}
	if p.self {
		vars["self"] = cty.DynamicVal
	}
	if p.vars.key != "" {
		vars["var"] = s.mi.cachedObject(p.vars, s.mi.variable)
	}
	if p.locals.key != "" {
		vars["local"] = s.mi.cachedObject(p.locals, s.mi.local)
	}
	if len(p.modules) > 0 {
		m := make(map[string]cty.Value, len(p.modules))
		for _, w := range p.modules {
			m[w.name] = s.mi.callValue(w.name, w.names.names)
		}
		vars["module"] = cty.ObjectVal(m)
	}
	for _, t := range p.resources {
		vars[t.typ] = s.groupsObject(t, "")
	}
	if len(p.data) > 0 {
		m := make(map[string]cty.Value, len(p.data))
		for _, t := range p.data {
			m[t.typ] = s.groupsObject(t, "data.")
		}
		vars["data"] = cty.ObjectVal(m)
	}
	return vars
}

// groupsObject is the object of the resource blocks of one type that an
// expression uses, each with the attributes it reads.
func (s *scope) groupsObject(t typeWant, prefix string) cty.Value {
	m := make(map[string]cty.Value, len(t.names))
	for _, w := range t.names {
		g := s.mi.groups[prefix+t.typ+"."+w.name]
		if g == nil {
			m[w.name] = cty.DynamicVal
			continue
		}
		m[w.name] = g.value(w.names)
	}
	return cty.ObjectVal(m)
}

// cachedObject builds (once per module instance and set of names) the
// object of the named variables or locals an expression uses: many
// expressions use the same few, and building cty objects is costly.
func (mi *ModuleInstance) cachedObject(ns nameSet, get func(string) cty.Value) cty.Value {
	if v, ok := mi.objects[ns.key]; ok {
		return v
	}
	m := make(map[string]cty.Value, len(ns.names))
	for n := range ns.names {
		m[n] = get(n)
	}
	v := cty.ObjectVal(m)
	if mi.objects == nil {
		mi.objects = map[string]cty.Value{}
	}
	mi.objects[ns.key] = v
	return v
}

// namesKey is kind followed by the sorted names.
func namesKey(kind string, names map[string]bool) string {
	if len(names) == 1 {
		for n := range names {
			return kind + "\x00" + n
		}
	}
	ns := make([]string, 0, len(names))
	for n := range names {
		ns = append(ns, n)
	}
	slices.Sort(ns)
	return kind + "\x00" + strings.Join(ns, "\x00")
}

// pathValue is `path` for a module instance: module, root and cwd.
func (c *Config) pathValue(mi *ModuleInstance) cty.Value {
	rel := func(dir string) string {
		r, err := filepath.Rel(c.Root.Module.Dir, dir)
		if err != nil {
			return filepath.ToSlash(dir)
		}
		return filepath.ToSlash(r)
	}
	return cty.ObjectVal(map[string]cty.Value{
		"module": cty.StringVal(rel(mi.Module.Dir)),
		"root":   cty.StringVal("."),
		"cwd":    cty.StringVal("."),
	})
}

// evalConst evaluates an expression that may not refer to anything (a
// variable default, a tfvars value).
func evalConst(expr hcl.Expression) (cty.Value, hcl.Diagnostics) {
	v, diags := expr.Value(nil)
	if diags.HasErrors() {
		return cty.DynamicVal, diags
	}
	return v, nil
}

// Body is an evaluatable view of a block body in its scope. Dynamic blocks
// are expanded.
type Body struct {
	syn   *hclsyntax.Body
	scope *scope
	block *hclsyntax.Block
	attrs map[string]*Attr
	// Uncertain is true for a body produced by a dynamic block whose
	// for_each is unknown: it may stand for zero or many blocks.
	Uncertain bool
}

func newBody(b *hclsyntax.Body, s *scope, blk *hclsyntax.Block) *Body {
	return &Body{syn: b, scope: s, block: blk}
}

// Attr returns the attribute NAME, or nil when it is not set.
func (b *Body) Attr(name string) *Attr {
	if a, ok := b.attrs[name]; ok {
		return a
	}
	sa := b.syn.Attributes[name]
	if sa == nil {
		return nil
	}
	if b.attrs == nil {
		b.attrs = map[string]*Attr{}
	}
	a := &Attr{Name: name, syn: sa, scope: b.scope}
	b.attrs[name] = a
	return a
}

// Has reports whether the attribute is set.
func (b *Body) Has(name string) bool { return b.syn.Attributes[name] != nil }

// DefRange is the block header's range (the body's owner).
func (b *Body) DefRange() hcl.Range {
	if b.block == nil {
		return b.syn.SrcRange
	}
	return b.block.DefRange()
}

// Range is the whole block.
func (b *Body) Range() hcl.Range {
	if b.block == nil {
		return b.syn.SrcRange
	}
	return b.block.Range()
}

// Labels of the block owning this body.
func (b *Body) Labels() []string {
	if b.block == nil {
		return nil
	}
	return b.block.Labels
}

// Blocks returns the nested blocks of the given type, static ones first,
// then those generated by `dynamic` blocks.
func (b *Body) Blocks(typ string) []*Body {
	var out []*Body
	for _, blk := range b.syn.Blocks {
		switch {
		case blk.Type == typ:
			out = append(out, newBody(blk.Body, b.scope, blk))
		case blk.Type == "dynamic" && len(blk.Labels) == 1 && blk.Labels[0] == typ:
			out = append(out, b.expandDynamic(blk)...)
		}
	}
	return out
}

// expandDynamic turns `dynamic "x" { for_each = ...; content {...} }` into
// the bodies it generates.
func (b *Body) expandDynamic(blk *hclsyntax.Block) []*Body {
	var content *hclsyntax.Block
	for _, c := range blk.Body.Blocks {
		if c.Type == "content" {
			content = c
		}
	}
	fe := blk.Body.Attributes["for_each"]
	if content == nil || fe == nil {
		return nil
	}
	iter := blk.Labels[0]
	if a := blk.Body.Attributes["iterator"]; a != nil {
		if tr, diags := hcl.AbsTraversalForExpr(a.Expr); !diags.HasErrors() && len(tr) == 1 {
			iter = tr.RootName()
		}
	}
	v := Plain(b.scope.eval(fe.Expr))
	if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
		if v.IsKnown() && v.IsNull() {
			return nil
		}
		body := newBody(content.Body, b.scope.withIterator(iter, cty.DynamicVal, cty.DynamicVal), content)
		body.Uncertain = true
		return []*Body{body}
	}
	if n := v.LengthInt(); n > maxInstances {
		b.scope.mi.config.NoteError(fe.Expr.Range(), "dynamic %q has %d elements, more blocks than the %d ssmlint expands; they are not checked", blk.Labels[0], n, maxInstances)
		body := newBody(content.Body, b.scope.withIterator(iter, cty.DynamicVal, cty.DynamicVal), content)
		body.Uncertain = true
		return []*Body{body}
	}
	var out []*Body
	for it := v.ElementIterator(); it.Next(); {
		k, val := it.Element()
		if v.Type().IsSetType() {
			k = val
		}
		out = append(out, newBody(content.Body, b.scope.withIterator(iter, k, val), content))
	}
	return out
}

// Attr is one attribute in its scope.
type Attr struct {
	Name      string
	syn       *hclsyntax.Attribute
	scope     *scope
	evaluated bool
	val       cty.Value
	refsDone  bool
	refs      []Ref
}

// Expr is the attribute's expression.
func (a *Attr) Expr() hclsyntax.Expression { return a.syn.Expr }

// Range is the expression's range: where findings about the value point.
func (a *Attr) Range() hcl.Range { return a.syn.Expr.Range() }

// NameRange is the range of the attribute name.
func (a *Attr) NameRange() hcl.Range { return a.syn.NameRange }

// Value evaluates the attribute (once). The result may be unknown and may
// carry marks (sensitive, input, references).
func (a *Attr) Value() cty.Value {
	if !a.evaluated {
		a.scope.mi.config.evaluating(&a.syn.SrcRange)
		a.val = a.scope.eval(a.syn.Expr)
		a.evaluated = true
	}
	return a.val
}

// UsesEach reports whether the expression refers to each.* or count.index,
// i.e. differs between instances.
func (a *Attr) UsesEach() bool {
	for _, tr := range a.scope.mi.Module.variablesOf(a.syn.Expr) {
		if r := tr.RootName(); r == "each" || r == "count" {
			return true
		}
	}
	return false
}

// noteEvalErrors keeps the evaluation errors a user must hear about: a
// file() path leaving the repository, a function whose result would be
// over ssmlint's bounds. Other evaluation errors (unknown functions, type
// mismatches) only make values unknown.
func (c *Config) noteEvalErrors(diags hcl.Diagnostics) {
	for _, d := range diags {
		extra, ok := hcl.DiagnosticExtra[hclsyntax.FunctionCallDiagExtra](d)
		if !ok {
			continue
		}
		at := d.Subject
		if d.Expression != nil {
			r := d.Expression.Range()
			at = &r
		}
		var out *OutsideRootError
		var limit *limitError
		switch err := extra.FunctionCallError(); {
		case errors.As(err, &out):
			c.errs.add(hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("%s() path %s", extra.CalledFunctionName(), out.Error()), Subject: at})
		case errors.As(err, &limit) && at != nil:
			c.noteLimit(*at, fmt.Errorf("%s(): %w", extra.CalledFunctionName(), limit))
		}
	}
}

// noteLimit reports a value over ssmlint's bounds: it is left unknown,
// so the rules that read it say nothing, and the user must hear why.
func (c *Config) noteLimit(at hcl.Range, err error) {
	c.errs.add(hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("%v, over what ssmlint evaluates; the value is left unknown", err), Subject: &at})
}

// NoteError records a problem a check found in the input (document
// content that does not parse, say): it is reported with its position
// like a parse error, once, and is not a finding.
func (c *Config) NoteError(at hcl.Range, format string, args ...any) {
	c.errs.add(hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf(format, args...), Subject: &at})
}

// Config returns the configuration the attribute belongs to.
func (a *Attr) Config() *Config {
	if a == nil || a.scope == nil {
		return nil
	}
	return a.scope.mi.config
}

// Unknown stands for a part of a string that cannot be known before apply
// in the result of Attr.Pattern.
const Unknown = "\uFFFF"

// Eval evaluates a sub-expression of the attribute in the attribute's
// scope (for checks that walk the syntax, such as a jsonencode'd policy).
func (a *Attr) Eval(e hclsyntax.Expression) cty.Value { return a.scope.eval(e) }

// Pattern evaluates a string sub-expression of the attribute: the string
// itself when known; for a template, the string with each part that
// cannot be known replaced by Unknown; ok is false otherwise.
func (a *Attr) Pattern(e hclsyntax.Expression) (s string, known, ok bool) {
	return a.scope.pattern(e)
}

func (sc *scope) pattern(e hclsyntax.Expression) (s string, known, ok bool) {
	v, _ := sc.eval(e).Unmark()
	if v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
		return v.AsString(), true, true
	}
	t, isTemplate := e.(*hclsyntax.TemplateExpr)
	if !isTemplate {
		return "", false, false
	}
	var b strings.Builder
	for _, part := range t.Parts {
		pv, _ := sc.eval(part).Unmark()
		if pv.IsKnown() && !pv.IsNull() {
			if ps, err := convert.Convert(pv, cty.String); err == nil && ps.IsKnown() && !ps.IsNull() {
				b.WriteString(ps.AsString())
				continue
			}
		}
		b.WriteString(Unknown)
	}
	return b.String(), false, true
}
