package hclcheck

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// ctxPlan is what an expression refers to, worked out from its syntax
// once per module: which variables, locals, module outputs and resource
// attributes its evaluation context needs. A shared module's expressions
// are evaluated once per call and per instance, so the plan is reused many
// times; only the values differ between scopes.
type ctxPlan struct {
	empty     bool
	size      int      // number of top-level context variables
	iterators []string // dynamic-block iterators used (scope-specific plans only)
	each      bool
	count     bool
	path      bool
	terraform bool
	self      bool
	vars      nameSet // var.* names; key "" when none
	locals    nameSet // local.* names; key "" when none
	modules   []groupWant
	resources []typeWant
	data      []typeWant
}

// nameSet is a set of attribute names with its cache key; names nil means
// every attribute.
type nameSet struct {
	key   string
	names map[string]bool
}

// allNames stands for every attribute of an object.
var allNames = nameSet{key: "*"}

func newNameSet(kind string, names map[string]bool) nameSet {
	return nameSet{key: namesKey(kind, names), names: names}
}

// groupWant is one named object (a resource block or a module call) and
// the attributes used of it.
type groupWant struct {
	name  string
	names nameSet
}

// typeWant is the resource blocks of one type that an expression uses.
type typeWant struct {
	typ   string
	names []groupWant
}

// planOf returns the cached plan of an expression of this module.
func (m *Module) planOf(expr hcl.Expression) *ctxPlan {
	if m == nil {
		return makePlan(expr.Variables(), expr, nil)
	}
	if p, ok := m.plans.Load(expr); ok {
		return p.(*ctxPlan)
	}
	p := makePlan(m.variablesOf(expr), expr, nil)
	m.plans.Store(expr, p)
	return p
}

// want collects the attributes used of one object; all means the whole
// object is used.
type want struct {
	names map[string]bool
	all   bool
}

func (w *want) set() nameSet {
	if w.all {
		return allNames
	}
	return newNameSet("", w.names)
}

// makePlan classifies an expression's traversals. isIterator tells the
// names of dynamic-block iterators in scope (nil: none).
func makePlan(trs []hcl.Traversal, expr hcl.Expression, isIterator func(string) bool) *ctxPlan {
	p := &ctxPlan{}
	if len(trs) == 0 {
		p.empty = true
		return p
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
		if isIterator != nil && isIterator(root) {
			if !slices.Contains(p.iterators, root) {
				p.iterators = append(p.iterators, root)
			}
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
			p.each = true
		case "count":
			p.count = true
		case "path":
			p.path = true
		case "terraform":
			p.terraform = true
		case "self":
			p.self = true
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
		p.vars = newNameSet("var", varNames)
	}
	if len(localNames) > 0 {
		p.locals = newNameSet("local", localNames)
	}
	for name, w := range modWant {
		p.modules = append(p.modules, groupWant{name: name, names: w.set()})
	}
	p.resources = typeWants(resWant)
	p.data = typeWants(dataWant)
	p.size = len(p.iterators) + len(p.resources)
	for _, b := range []bool{p.each, p.count, p.path, p.terraform, p.self, p.vars.key != "", p.locals.key != "", len(p.modules) > 0, len(p.data) > 0} {
		if b {
			p.size++
		}
	}
	p.empty = p.size == 0
	return p
}

func typeWants(m map[string]map[string]*want) []typeWant {
	out := make([]typeWant, 0, len(m))
	for typ, byName := range m {
		t := typeWant{typ: typ}
		for name, w := range byName {
			t.names = append(t.names, groupWant{name: name, names: w.set()})
		}
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b typeWant) int { return strings.Compare(a.typ, b.typ) })
	return out
}
