package hclcheck

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// refinement is what an expression uses of a whole resource group or
// module call (`aws_subnet.private` without an attribute): when every such
// use is the collection of a `for` expression or the source of a splat,
// only the attributes read from the elements are needed, not every
// configured attribute of every instance.
type refinement struct {
	total, refined int
	names          map[string]bool
}

// refinements maps "type.name", "data.type.name" and "module.name" to
// what the expression reads of them as a whole.
func refinements(expr hcl.Expression) map[string]*refinement {
	node, ok := expr.(hclsyntax.Node)
	if !ok {
		return nil
	}
	var out map[string]*refinement
	get := func(key string) *refinement {
		if out == nil {
			out = map[string]*refinement{}
		}
		r := out[key]
		if r == nil {
			r = &refinement{names: map[string]bool{}}
			out[key] = r
		}
		return r
	}
	_ = hclsyntax.VisitAll(node, func(n hclsyntax.Node) hcl.Diagnostics {
		switch e := n.(type) {
		case *hclsyntax.ScopeTraversalExpr:
			if key, whole := wholeKey(e.Traversal); whole {
				get(key).total++
			}
		case *hclsyntax.ForExpr:
			src, ok := e.CollExpr.(*hclsyntax.ScopeTraversalExpr)
			if !ok {
				return nil
			}
			key, whole := wholeKey(src.Traversal)
			if !whole {
				return nil
			}
			names, ok := attrsOf(e.ValVar, e.KeyExpr, e.ValExpr, e.CondExpr)
			if ok {
				r := get(key)
				r.refined++
				for n := range names {
					r.names[n] = true
				}
			}
		case *hclsyntax.SplatExpr:
			src, ok := e.Source.(*hclsyntax.ScopeTraversalExpr)
			if !ok {
				return nil
			}
			key, whole := wholeKey(src.Traversal)
			rel, ok2 := e.Each.(*hclsyntax.RelativeTraversalExpr)
			if !whole || !ok2 || len(rel.Traversal) == 0 {
				return nil
			}
			if a, ok := rel.Traversal[0].(hcl.TraverseAttr); ok {
				r := get(key)
				r.refined++
				r.names[a.Name] = true
			}
		}
		return nil
	})
	return out
}

// wholeKey returns the key of a traversal that names a whole resource
// group, data source group or module call (no attribute after it).
func wholeKey(tr hcl.Traversal) (string, bool) {
	name := func(i int) (string, bool) {
		if i >= len(tr) {
			return "", false
		}
		a, ok := tr[i].(hcl.TraverseAttr)
		return a.Name, ok
	}
	switch root := tr.RootName(); root {
	case "var", "local", "each", "count", "path", "terraform", "self":
		return "", false
	case "data":
		t, ok1 := name(1)
		n, ok2 := name(2)
		return "data." + t + "." + n, ok1 && ok2 && len(tr) == 3
	default:
		n, ok := name(1)
		return root + "." + n, ok && len(tr) == 2
	}
}

// attrsOf collects the attributes read from the iteration variable v in
// the expressions; false when v is used whole (passed on, indexed).
func attrsOf(v string, exprs ...hclsyntax.Expression) (map[string]bool, bool) {
	names := map[string]bool{}
	for _, x := range exprs {
		if x == nil {
			continue
		}
		for _, tr := range x.Variables() {
			if tr.RootName() != v {
				continue
			}
			if len(tr) < 2 {
				return nil, false
			}
			a, ok := tr[1].(hcl.TraverseAttr)
			if !ok {
				return nil, false
			}
			names[a.Name] = true
		}
	}
	return names, true
}
