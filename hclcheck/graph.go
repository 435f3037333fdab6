package hclcheck

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Refs returns the resource instances an attribute's value refers to
// (`aws_kms_key.app.arn`, `aws_subnet.private[0].id`,
// `aws_iam_instance_profile.app.name` whatever its name's value), followed
// through locals, variables and module inputs and outputs (see links.go). Each Ref names the instance address and the
// attribute; the list is sorted and has no duplicates.
func (a *Attr) Refs() []Ref {
	if a == nil {
		return nil
	}
	if !a.refsDone {
		// Marks name what computed values come from, precisely (one
		// instance of a splat, the branch a conditional takes). Only a
		// value without them (a known configured attribute such as
		// aws_iam_role.app.name) falls back to what the syntax names.
		a.refs = refsOf(a.Value())
		if len(a.refs) == 0 {
			// No marks: a configured attribute (a name, known or built
			// from a variable) or a value from outside. Follow the
			// expression as written (see links.go), then any resource it
			// names inside (a template, a function's arguments).
			chased, _ := a.scope.chase(a.syn.Expr, 0)
			a.refs = mergeRefs(chased, a.directRefs())
		}
		a.refsDone = true
	}
	return a.refs
}

// directRefs are the resources the expression names itself
// (`aws_iam_role.app.name`): values of configured attributes are known and
// carry no Ref mark, so they are found from the syntax. A group named
// without a literal index stands for each of its instances.
func (a *Attr) directRefs() []Ref {
	named := false
	for _, tr := range a.scope.mi.Module.variablesOf(a.syn.Expr) {
		if key, _ := groupTraversal(tr); key != "" && a.scope.mi.groups[key] != nil {
			named = true
			break
		}
	}
	if !named {
		return nil
	}
	var out []Ref
	// aws_x.y[each.key].attr: the index is an expression; evaluate it.
	indexed := map[hcl.Range]bool{}
	_ = hclsyntax.VisitAll(a.syn.Expr, func(n hclsyntax.Node) hcl.Diagnostics {
		ix, ok := n.(*hclsyntax.IndexExpr)
		if !ok {
			return nil
		}
		if refs, group, _ := a.scope.indexRefs(ix); group {
			indexed[ix.Collection.Range()] = true
			out = append(out, refs...)
		}
		return nil
	})
	_ = hclsyntax.VisitAll(a.syn.Expr, func(n hclsyntax.Node) hcl.Diagnostics {
		st, ok := n.(*hclsyntax.ScopeTraversalExpr)
		if !ok || indexed[st.Range()] {
			return nil
		}
		out = append(out, a.scope.traversalRefs(st.Traversal)...)
		return nil
	})
	return out
}

// traversalRefs resolves a static traversal naming a resource group
// (optionally with a literal index) to its instances.
func (s *scope) traversalRefs(tr hcl.Traversal) []Ref {
	key, rest := groupTraversal(tr)
	g := s.mi.groups[key]
	if key == "" || g == nil {
		return nil
	}
	attr := ""
	var idx *hcl.TraverseIndex
	if len(rest) > 0 {
		if ix, ok := rest[0].(hcl.TraverseIndex); ok {
			idx = &ix
			rest = rest[1:]
		}
	}
	if len(rest) > 0 {
		if at, ok := rest[0].(hcl.TraverseAttr); ok {
			attr = at.Name
		}
	}
	var out []Ref
	for _, r := range g.instances() {
		if idx == nil || r.Addr == g.addr()+indexSuffix(idx.Key) {
			out = append(out, Ref{Addr: r.Addr, Attr: attr})
		}
	}
	return out
}

// groupTraversal splits a traversal that names a resource or data source
// into the group key ("aws_x.y", "data.aws_x.y") and what follows.
func groupTraversal(tr hcl.Traversal) (string, hcl.Traversal) {
	name := func(i int) (string, bool) {
		if i >= len(tr) {
			return "", false
		}
		at, ok := tr[i].(hcl.TraverseAttr)
		return at.Name, ok
	}
	switch root := tr.RootName(); root {
	case "var", "local", "each", "count", "path", "terraform", "self", "module":
		return "", nil
	case "data":
		t, ok1 := name(1)
		n, ok2 := name(2)
		if !ok1 || !ok2 {
			return "", nil
		}
		return "data." + t + "." + n, tr[3:]
	default:
		n, ok := name(1)
		if !ok {
			return "", nil
		}
		return root + "." + n, tr[2:]
	}
}

// indexSuffix formats an instance key as in addresses: [0], ["k"].
func indexSuffix(k cty.Value) string {
	if !k.IsKnown() || k.IsNull() {
		return "[?]"
	}
	if k.Type() == cty.String {
		return fmt.Sprintf("[%q]", k.AsString())
	}
	if k.Type() == cty.Number {
		return "[" + k.AsBigFloat().Text('f', -1) + "]"
	}
	return "[?]"
}

func mergeRefs(a, b []Ref) []Ref {
	if len(b) == 0 {
		return a
	}
	out := append(slices.Clone(a), b...)
	slices.SortFunc(out, func(x, y Ref) int {
		if c := strings.Compare(x.Addr, y.Addr); c != 0 {
			return c
		}
		return strings.Compare(x.Attr, y.Attr)
	})
	return slices.Compact(out)
}

// Memo returns the value computed for key in this configuration, computing
// it once. Checks use it for queries that several rules share (the
// security group rules of the stack, the endpoints by VPC): rules stay
// pure functions of the configuration, and the work is done once.
func (c *Config) Memo(key any, compute func() any) any {
	if v, ok := c.memo[key]; ok {
		return v
	}
	if c.memo == nil {
		c.memo = map[any]any{}
	}
	v := compute()
	c.memo[key] = v
	return v
}

// RefsOf returns the Ref marks anywhere in a value.
func RefsOf(v cty.Value) []Ref { return refsOf(v) }

func refsOf(v cty.Value) []Ref {
	var out []Ref
	if shallow(v) {
		for m := range v.Marks() {
			if r, ok := m.(Ref); ok {
				out = append(out, r)
			}
		}
	} else {
		walkMarks(v, func(ms cty.ValueMarks) bool {
			for m := range ms {
				if r, ok := m.(Ref); ok {
					out = append(out, r)
				}
			}
			return true
		})
	}
	slices.SortFunc(out, func(a, b Ref) int {
		if c := strings.Compare(a.Addr, b.Addr); c != 0 {
			return c
		}
		return strings.Compare(a.Attr, b.Attr)
	})
	return slices.Compact(out)
}

// Resource returns the resource or data source instance at a full
// address (`module.app.aws_kms_key.this`, `aws_subnet.private[0]`,
// `data.aws_iam_policy_document.p`), or nil.
func (c *Config) Resource(addr string) *Resource {
	if c.groupsByAddr == nil {
		c.groupsByAddr = map[string]*resourceGroup{}
		for _, mi := range c.Instances {
			for _, g := range mi.order {
				c.groupsByAddr[g.addr()] = g
			}
		}
	}
	// The group address is the instance address without its key; only
	// that group is expanded.
	g := c.groupsByAddr[addr]
	for i := strings.LastIndexByte(addr, '['); g == nil && i > 0; i = strings.LastIndexByte(addr[:i], '[') {
		g = c.groupsByAddr[addr[:i]]
	}
	if g == nil {
		return nil
	}
	for _, r := range g.instances() {
		if r.Addr == addr {
			return r
		}
	}
	return nil
}

// Referenced returns the resource instances an attribute refers to, as
// Resource values of this configuration (references to things that are
// not declared in the scanned configuration are left out). A nil
// attribute refers to nothing.
func (c *Config) Referenced(a *Attr) []*Resource {
	return c.ResourcesOf(a.Refs())
}

// ResourcesOf returns the declared resource instances refs name (those
// not declared in the scanned configuration are left out).
func (c *Config) ResourcesOf(refs []Ref) []*Resource {
	var out []*Resource
	for _, ref := range refs {
		if r := c.Resource(ref.Addr); r != nil && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// OnlyReferences reports whether the attribute's value is made only of
// references to declared resources: every unknown part stands for a
// resource attribute, and every known part is a configured attribute the
// expression names directly (`aws_iam_role.app.name`). Literal IDs and
// values from variables make it false.
func (a *Attr) OnlyReferences() bool {
	if a == nil {
		return false
	}
	if _, only := a.scope.chase(a.syn.Expr, 0); only {
		return true
	}
	if _, isTemplate := a.syn.Expr.(*hclsyntax.TemplateExpr); isTemplate {
		return false // "arn:${data.aws_partition.current.partition}:…" is a string of its own
	}
	return refLeaves(a.Value(), false)
}

// refLeaves reports whether every leaf of v is a reference: an unknown
// carrying a Ref mark (a container's Ref marks, which cty moves there from
// set elements, count for the leaves inside).
func refLeaves(v cty.Value, inherited bool) bool {
	inner, marks := v.Unmark()
	for m := range marks {
		if _, isRef := m.(Ref); isRef {
			inherited = true
		}
	}
	if !inner.IsKnown() {
		return inherited
	}
	if inner.IsNull() {
		return false
	}
	ty := inner.Type()
	if !(ty.IsListType() || ty.IsTupleType() || ty.IsSetType()) {
		return inherited && ty.IsPrimitiveType()
	}
	if inner.LengthInt() == 0 {
		return false
	}
	for it := inner.ElementIterator(); it.Next(); {
		_, el := it.Element()
		if !refLeaves(el, inherited) {
			return false
		}
	}
	return true
}
