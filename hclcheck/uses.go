package hclcheck

import (
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Use is a place in the configuration whose expression names a resource
// (syntactically, in the module that declares it): an attribute of
// another resource, or a local, an output or a module argument that
// passes it on.
type Use struct {
	// Type is the using resource's type ("aws_instance",
	// "data.aws_iam_policy_document"); "" for a local, an output or a
	// module call argument, through which the resource goes elsewhere.
	Type string
	// Attr is the attribute path inside the using block
	// ("vpc_config.security_group_ids"), or the local, output or argument
	// name.
	Attr string
}

// Uses lists the places in r's module that name r (any instance of its
// group): where a security group is attached, a key used, a role
// assumed. A rule that needs "used only by X" reads them; a use it does
// not know (Type "") means the resource goes somewhere not modelled here.
func (c *Config) Uses(r *Resource) []Use {
	if r == nil || r.Module == nil || r.Module.Module == nil {
		return nil
	}
	idx := c.Memo(usesKey{r.Module}, func() any { return usesIndex(r.Module) }).(map[string][]Use)
	key := r.Decl.Type + "." + r.Decl.Name
	if r.Decl.Mode == Data {
		key = "data." + key
	}
	return idx[key]
}

type usesKey struct{ mi *ModuleInstance }

// usesIndex walks every expression of a module once: resource key ->
// the places naming it.
func usesIndex(mi *ModuleInstance) map[string][]Use {
	m := mi.Module
	idx := map[string][]Use{}
	add := func(e hclsyntax.Expression, u Use) {
		seen := map[string]bool{}
		for _, tr := range m.variablesOf(e) {
			if key, _ := groupTraversal(tr); key != "" && !seen[key] {
				seen[key] = true
				idx[key] = append(idx[key], u)
			}
		}
	}
	var walk func(b *hclsyntax.Body, typ, prefix string)
	walk = func(b *hclsyntax.Body, typ, prefix string) {
		for name, a := range b.Attributes {
			add(a.Expr, Use{Type: typ, Attr: prefix + name})
		}
		for _, blk := range b.Blocks {
			name := blk.Type
			if blk.Type == "dynamic" && len(blk.Labels) == 1 {
				name = blk.Labels[0]
				for _, inner := range blk.Body.Blocks {
					if inner.Type == "content" {
						walk(inner.Body, typ, prefix+name+".")
					}
				}
				for an, a := range blk.Body.Attributes {
					add(a.Expr, Use{Type: typ, Attr: prefix + name + "." + an})
				}
				continue
			}
			walk(blk.Body, typ, prefix+name+".")
		}
	}
	for _, d := range m.Resources {
		typ := d.Type
		if d.Mode == Data {
			typ = "data." + typ
		}
		walk(d.Block.Body, typ, "")
		if d.Count != nil {
			add(d.Count, Use{Type: typ, Attr: "count"})
		}
		if d.ForEach != nil {
			add(d.ForEach, Use{Type: typ, Attr: "for_each"})
		}
	}
	for name, l := range m.Locals {
		add(l.Expr, Use{Attr: "local." + name})
	}
	for name, o := range m.Outputs {
		add(o.Expr, Use{Attr: "output." + name})
	}
	for _, call := range m.Calls {
		for name, a := range call.Block.Body.Attributes {
			add(a.Expr, Use{Attr: "module." + call.Name + "." + name})
		}
	}
	return idx
}

// In reports whether the use is attribute attr (a dotted path) of a
// resource of type typ.
func (u Use) In(typ, attr string) bool {
	return u.Type == typ && (u.Attr == attr || strings.HasPrefix(u.Attr, attr+"."))
}
