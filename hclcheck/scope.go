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
}

func (s *scope) withEach(key string, val cty.Value) *scope {
	c := *s
	c.hasEach, c.eachKey, c.eachValue, c.eachObj = true, key, val, cty.NilVal
	return &c
}

func (s *scope) withCount(i int) *scope {
	c := *s
	c.eachObj = cty.NilVal
	c.hasCount, c.countIndex = true, i
	return &c
}

func (s *scope) withUnknownKey() *scope {
	c := *s
	c.eachObj = cty.NilVal
	c.unknownKey = true
	return &c
}

func (s *scope) withIterator(name string, key, val cty.Value) *scope {
	c := *s
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
	if v, ok := s.mi.Module.constant(expr); ok {
		return v
	}
	ctx := s.context(expr)
	v, diags := expr.Value(ctx)
	if diags.HasErrors() {
		s.mi.config.noteEvalErrors(diags)
		return cty.DynamicVal
	}
	s.mi.Module.rememberConstant(expr, v)
	return v
}

// context builds the evaluation context for one expression from the
// references it makes, so that only what it uses is evaluated.
func (s *scope) context(expr hcl.Expression) *hcl.EvalContext {
	trs := s.mi.Module.variablesOf(expr)
	ctx := &hcl.EvalContext{Functions: s.mi.config.funcs}
	if len(trs) == 0 {
		return ctx
	}
	vars := map[string]cty.Value{}
	// Attribute names used per referenced object; nil set = everything.
	type want struct {
		names map[string]bool
		all   bool
	}
	resWant := map[string]map[string]*want{}  // type -> name -> want
	dataWant := map[string]map[string]*want{} // type -> name -> want
	modWant := map[string]*want{}
	varNames := map[string]bool{}
	localNames := map[string]bool{}
	var refs map[string]*refinement
	refsDone := false
	note := func(m map[string]*want, name string, rest hcl.Traversal, key string) {
		w := m[name]
		if w == nil {
			w = &want{names: map[string]bool{}}
			m[name] = w
		}
		if len(rest) == 0 {
			// A whole group: if every such use is a for or a splat, only
			// the attributes they read are needed.
			if !refsDone {
				refs, refsDone = refinements(expr), true
			}
			if r := refs[key]; r != nil && r.total > 0 && r.refined == r.total {
				for n := range r.names {
					w.names[n] = true
				}
				return
			}
			w.all = true
			return
		}
		if _, isIdx := rest[0].(hcl.TraverseIndex); isIdx {
			rest = rest[1:]
		}
		if len(rest) == 0 {
			w.all = true
			return
		}
		if a, ok := rest[0].(hcl.TraverseAttr); ok {
			w.names[a.Name] = true
		} else {
			w.all = true
		}
	}
	nested := func(m map[string]map[string]*want, typ string) map[string]*want {
		if m[typ] == nil {
			m[typ] = map[string]*want{}
		}
		return m[typ]
	}
	for _, tr := range trs {
		root := tr.RootName()
		if _, ok := s.iterators[root]; ok {
			vars[root] = s.iterators[root]
			continue
		}
		switch root {
		case "var", "local":
			if len(tr) < 2 {
				continue
			}
			if a, ok := tr[1].(hcl.TraverseAttr); ok {
				if root == "var" {
					varNames[a.Name] = true
				} else {
					localNames[a.Name] = true
				}
			}
		case "each":
			switch {
			case s.unknownKey:
				vars["each"] = cty.ObjectVal(map[string]cty.Value{"key": cty.UnknownVal(cty.String), "value": cty.DynamicVal})
			case s.hasEach:
				if s.eachObj == cty.NilVal {
					s.eachObj = cty.ObjectVal(map[string]cty.Value{"key": cty.StringVal(s.eachKey), "value": s.eachValue})
				}
				vars["each"] = s.eachObj
			}
		case "count":
			switch {
			case s.unknownKey:
				vars["count"] = cty.ObjectVal(map[string]cty.Value{"index": cty.UnknownVal(cty.Number)})
			case s.hasCount:
				vars["count"] = cty.ObjectVal(map[string]cty.Value{"index": cty.NumberIntVal(int64(s.countIndex))})
			}
		case "path":
			vars["path"] = s.mi.config.pathValue(s.mi)
		case "terraform":
			vars["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": cty.StringVal("default")})
		case "self":
			vars["self"] = cty.DynamicVal
		case "module":
			if len(tr) < 2 {
				continue
			}
			if a, ok := tr[1].(hcl.TraverseAttr); ok {
				note(modWant, a.Name, tr[2:], "module."+a.Name)
			}
		case "data":
			if len(tr) < 3 {
				continue
			}
			t, ok1 := tr[1].(hcl.TraverseAttr)
			n, ok2 := tr[2].(hcl.TraverseAttr)
			if ok1 && ok2 {
				note(nested(dataWant, t.Name), n.Name, tr[3:], "data."+t.Name+"."+n.Name)
			}
		default:
			if len(tr) < 2 {
				continue
			}
			if n, ok := tr[1].(hcl.TraverseAttr); ok {
				note(nested(resWant, root), n.Name, tr[2:], root+"."+n.Name)
			}
		}
	}
	if len(varNames) > 0 {
		vars["var"] = s.mi.cachedObject("var", varNames, s.mi.variable)
	}
	if len(localNames) > 0 {
		vars["local"] = s.mi.cachedObject("local", localNames, s.mi.local)
	}
	if len(modWant) > 0 {
		m := map[string]cty.Value{}
		for n, w := range modWant {
			if w.all {
				m[n] = s.mi.callValue(n, nil)
			} else {
				m[n] = s.mi.callValue(n, w.names)
			}
		}
		vars["module"] = cty.ObjectVal(m)
	}
	build := func(wants map[string]map[string]*want, prefix string) map[string]cty.Value {
		out := map[string]cty.Value{}
		for typ, byName := range wants {
			m := map[string]cty.Value{}
			for name, w := range byName {
				g := s.mi.groups[prefix+typ+"."+name]
				if g == nil {
					m[name] = cty.DynamicVal
					continue
				}
				if w.all {
					m[name] = g.value(nil)
				} else {
					m[name] = g.value(w.names)
				}
			}
			out[typ] = cty.ObjectVal(m)
		}
		return out
	}
	for typ, v := range build(resWant, "") {
		vars[typ] = v
	}
	if len(dataWant) > 0 {
		vars["data"] = cty.ObjectVal(build(dataWant, "data."))
	}
	ctx.Variables = vars
	return ctx
}

// cachedObject builds (once per module instance and set of names) the
// object of the named variables or locals an expression uses: many
// expressions use the same few, and building cty objects is costly.
func (mi *ModuleInstance) cachedObject(kind string, names map[string]bool, get func(string) cty.Value) cty.Value {
	key := namesKey(kind, names)
	if v, ok := mi.objects[key]; ok {
		return v
	}
	m := make(map[string]cty.Value, len(names))
	for n := range names {
		m[n] = get(n)
	}
	v := cty.ObjectVal(m)
	if mi.objects == nil {
		mi.objects = map[string]cty.Value{}
	}
	mi.objects[key] = v
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
	v, _ := b.scope.eval(fe.Expr).UnmarkDeep()
	if !v.IsKnown() || v.IsNull() || !v.CanIterateElements() {
		if v.IsKnown() && v.IsNull() {
			return nil
		}
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
		if len(out) > maxInstances {
			break
		}
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
// file() path leaving the scanned root. Other evaluation errors (unknown
// functions, type mismatches) only make values unknown.
func (c *Config) noteEvalErrors(diags hcl.Diagnostics) {
	for _, d := range diags {
		extra, ok := hcl.DiagnosticExtra[hclsyntax.FunctionCallDiagExtra](d)
		if !ok {
			continue
		}
		var out *OutsideRootError
		if !errors.As(extra.FunctionCallError(), &out) {
			continue
		}
		at := d.Subject
		if d.Expression != nil {
			r := d.Expression.Range()
			at = &r
		}
		c.errs.add(hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("%s() path %s", extra.CalledFunctionName(), out.Error()), Subject: at})
	}
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
	v, _ := a.scope.eval(e).Unmark()
	if v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
		return v.AsString(), true, true
	}
	t, isTemplate := e.(*hclsyntax.TemplateExpr)
	if !isTemplate {
		return "", false, false
	}
	var b strings.Builder
	for _, part := range t.Parts {
		pv, _ := a.scope.eval(part).Unmark()
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
