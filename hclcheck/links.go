package hclcheck

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Links between resources are resolved by reference first, by value
// second, as Terraform's own graph is: an attribute that names a resource
// (`iam_instance_profile = aws_iam_instance_profile.app.name`) links to
// it whatever the attribute's value, known, unknown (a name built from a
// variable CI sets) or partly known. The references are found in two
// ways:
//
//   - marks: a value that is not known before apply (an `id`, an `arn`)
//     carries a Ref mark naming the resource and attribute it stands for,
//     through locals, variables, module inputs and outputs and functions
//     (see Resource.value);
//   - syntax, when the value carries no mark (a configured attribute such
//     as a name is evaluated, not marked): the expression is followed as
//     written, through locals, variables and module inputs (to the
//     expression that gave the value), module outputs, conditionals (both
//     branches, unless the condition is known), try/coalesce and the
//     collection functions, single-interpolation templates, splats, for
//     expressions and literal or evaluated indexes (see chase).
//
// A link is certain when every part of the expression resolves to
// resources (Attr.OnlyReferences); a conditional whose branches name
// different resources links to both, and a rule that needs one target
// (a machine's role) is certain only when they lead to the same one.

// maxChaseDepth bounds how many locals, variables and outputs a chase
// follows (a cycle of locals ends there too).
const maxChaseDepth = 16

// chase follows an expression to the resource instances it names, as
// written. only is true when every leaf of the expression names a
// declared resource (no literal, no value from outside the
// configuration).
func (s *scope) chase(e hclsyntax.Expression, depth int) (refs []Ref, only bool) {
	if e == nil || depth > maxChaseDepth {
		return nil, false
	}
	switch x := e.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return s.chaseTraversal(x.Traversal, depth)
	case *hclsyntax.RelativeTraversalExpr:
		refs, only = s.chase(x.Source, depth)
		return withAttr(refs, x.Traversal), only
	case *hclsyntax.IndexExpr:
		return s.chaseIndex(x, depth)
	case *hclsyntax.SplatExpr:
		return s.chase(x.Source, depth)
	case *hclsyntax.ForExpr:
		return s.chase(x.CollExpr, depth)
	case *hclsyntax.ParenthesesExpr:
		return s.chase(x.Expression, depth)
	case *hclsyntax.TemplateWrapExpr:
		return s.chase(x.Wrapped, depth)
	case *hclsyntax.TupleConsExpr:
		return s.chaseAll(x.Exprs, depth, false)
	case *hclsyntax.ConditionalExpr:
		if c, _ := s.eval(x.Condition).Unmark(); c.IsKnown() && !c.IsNull() && c.Type() == cty.Bool {
			if c.True() {
				return s.chase(x.TrueResult, depth)
			}
			return s.chase(x.FalseResult, depth)
		}
		return s.chaseAll([]hclsyntax.Expression{x.TrueResult, x.FalseResult}, depth, false)
	case *hclsyntax.FunctionCallExpr:
		switch x.Name {
		case "try", "coalesce", "coalescelist", "one":
			return s.chaseAll(x.Args, depth, true)
		case "tostring", "tolist", "toset", "concat", "compact", "flatten", "distinct", "sort":
			return s.chaseAll(x.Args, depth, false)
		}
	}
	return nil, false
}

// chaseAll chases each expression: the union of what they name, only
// when each names resources. With skipNull, literal nulls (the fallback
// of try, coalesce) are left out.
func (s *scope) chaseAll(es []hclsyntax.Expression, depth int, skipNull bool) ([]Ref, bool) {
	var out []Ref
	only, any := true, false
	for _, el := range es {
		if lit, ok := el.(*hclsyntax.LiteralValueExpr); ok && skipNull && lit.Val.IsNull() {
			continue
		}
		refs, o := s.chase(el, depth)
		out = append(out, refs...)
		only = only && o
		any = true
	}
	return mergeRefs(nil, out), only && any
}

// chaseTraversal follows a traversal: a resource group (with a literal
// index), a local, a variable or a module output.
func (s *scope) chaseTraversal(tr hcl.Traversal, depth int) ([]Ref, bool) {
	if key, _ := groupTraversal(tr); key != "" {
		if s.mi.groups[key] == nil {
			return nil, false
		}
		refs := s.traversalRefs(tr)
		return refs, len(refs) > 0
	}
	if d, ds := s.definition(tr); d != nil {
		return ds.chase(d, depth+1)
	}
	return nil, false
}

// chaseIndex follows `aws_x.y[key]` (the key evaluated: each.key, a
// variable) to the instances it names: certain when the key is known.
func (s *scope) chaseIndex(ix *hclsyntax.IndexExpr, _ int) ([]Ref, bool) {
	refs, group, known := s.indexRefs(ix)
	return refs, group && known && len(refs) > 0
}

// indexRefs resolves an index into a resource group: the instances whose
// key is the index's value (every instance when it is not known). group
// is false when the collection is not a resource group.
func (s *scope) indexRefs(ix *hclsyntax.IndexExpr) (refs []Ref, group, known bool) {
	src, ok := ix.Collection.(*hclsyntax.ScopeTraversalExpr)
	if !ok {
		return nil, false, false
	}
	key, rest := groupTraversal(src.Traversal)
	g := s.mi.groups[key]
	if key == "" || len(rest) > 0 || g == nil {
		return nil, false, false
	}
	k, _ := s.eval(ix.Key).Unmark()
	for _, r := range g.instances() {
		if !k.IsKnown() || r.Addr == g.addr()+indexSuffix(k) {
			refs = append(refs, Ref{Addr: r.Addr})
		}
	}
	return refs, true, k.IsKnown()
}

// withAttr names the attribute a relative traversal reads on each ref
// that has none yet (`aws_x.y[each.key].name`).
func withAttr(refs []Ref, tr hcl.Traversal) []Ref {
	if len(tr) == 0 {
		return refs
	}
	at, ok := tr[0].(hcl.TraverseAttr)
	if !ok {
		return refs
	}
	out := make([]Ref, len(refs))
	for i, r := range refs {
		if r.Attr == "" {
			r.Attr = at.Name
		}
		out[i] = r
	}
	return out
}

// ByValue finds, for an attribute that names no resource (a name written
// as a string, `"${var.env}-app"`), the one resource of type typ whose
// key attribute (its name) has the same value: equal when both are known,
// the same known parts around the same unknown ones otherwise. It is the
// fallback after references: ok is false unless exactly one resource
// matches and no other could (a resource whose name is unknown, or whose
// known parts leave room for the same value, makes the match uncertain).
func (c *Config) ByValue(a *Attr, typ, key string) (*Resource, bool) {
	if a == nil {
		return nil, false
	}
	e := a.Expr()
	if t, isTuple := e.(*hclsyntax.TupleConsExpr); isTuple && len(t.Exprs) == 1 {
		e = t.Exprs[0] // values = ["web-servers"]: one name
	}
	want, _, ok := a.Pattern(e)
	if !ok || want == Unknown {
		return nil, false
	}
	var match *Resource
	for _, r := range c.Resources(typ) {
		ka := r.Body.Attr(key)
		if ka == nil {
			continue // no name: AWS names it, not the attribute's value
		}
		have, _, ok := ka.Pattern(ka.Expr())
		switch {
		case !ok:
			return nil, false // a name that cannot be told: it could be this one
		case have == want:
			if match != nil {
				return nil, false
			}
			match = r
		case CouldEqual(have, want):
			return nil, false
		}
	}
	return match, match != nil
}

// Named lists the resources of type typ whose key attribute (a name)
// has the value name, known: a link written as a literal name (a role's
// name in an attachment, an alias name in a key_id, a log group's name
// in Session preferences). Names are unique per type, so an exact match
// is the resource; use ByValue when the name is only partly known.
func (c *Config) Named(typ, key, name string) []*Resource {
	var out []*Resource
	for _, r := range c.Resources(typ) {
		if n, _, ok := AttrString(r.Body, key); ok && n == name {
			out = append(out, r)
		}
	}
	return out
}

// CouldEqual reports whether two patterns (strings in which Unknown
// stands for any text) can be the same string: "a-" + Unknown and
// Unknown + "-b" can, "a-" + Unknown and "b-" + Unknown cannot.
func CouldEqual(p, q string) bool {
	a, b := []rune(p), []rune(q)
	if len(a)*len(b) > 1<<20 {
		return true // too long to tell cheaply: it could
	}
	wild := []rune(Unknown)[0]
	// m[i][j]: a[i:] and b[j:] can be equal.
	m := make([][]bool, len(a)+1)
	for i := range m {
		m[i] = make([]bool, len(b)+1)
	}
	m[len(a)][len(b)] = true
	for i := len(a); i >= 0; i-- {
		for j := len(b); j >= 0; j-- {
			if i == len(a) && j == len(b) {
				continue
			}
			switch {
			case i < len(a) && a[i] == wild:
				m[i][j] = m[i+1][j] || (j < len(b) && m[i][j+1])
			case j < len(b) && b[j] == wild:
				m[i][j] = m[i][j+1] || (i < len(a) && m[i+1][j])
			case i < len(a) && j < len(b):
				m[i][j] = a[i] == b[j] && m[i+1][j+1]
			}
		}
	}
	return m[0][0]
}

// FromAutoTFVars follows an attribute written as var.NAME, through module
// inputs written as var.NAME too, to the root module's variables: when
// the value comes from an auto-loaded tfvars file of the root module
// (terraform.tfvars, *.auto.tfvars, in the repository), it returns where
// that file sets it.
func (a *Attr) FromAutoTFVars() (hcl.Range, bool) {
	if a == nil {
		return hcl.Range{}, false
	}
	e, mi := a.syn.Expr, a.scope.mi
	for range maxChaseDepth {
		t, ok := e.(*hclsyntax.ScopeTraversalExpr)
		if !ok || len(t.Traversal) != 2 || t.Traversal.RootName() != "var" {
			return hcl.Range{}, false
		}
		name, ok := t.Traversal[1].(hcl.TraverseAttr)
		if !ok {
			return hcl.Range{}, false
		}
		if mi.Call == nil {
			x, set := mi.config.rootVarExprs[name.Name]
			if !set || !mi.config.autoVars[name.Name] {
				return hcl.Range{}, false
			}
			return x.Range(), true
		}
		arg := mi.Call.Block.Body.Attributes[name.Name]
		if arg == nil || mi.callScope == nil {
			return hcl.Range{}, false
		}
		e, mi = arg.Expr, mi.callScope.mi
	}
	return hcl.Range{}, false
}
