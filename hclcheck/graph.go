package hclcheck

import (
	"slices"
	"strings"

	"github.com/zclconf/go-cty/cty"
)

// Refs returns the resource instances an attribute's value refers to
// through attributes that are not known before apply (`aws_kms_key.app.arn`,
// `aws_subnet.private[0].id`), followed through locals, variables and
// module inputs and outputs. Each Ref names the instance address and the
// attribute; the list is sorted and has no duplicates.
func (a *Attr) Refs() []Ref {
	if a == nil {
		return nil
	}
	if !a.refsDone {
		a.refs, a.refsDone = refsOf(a.Value()), true
	}
	return a.refs
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

func refsOf(v cty.Value) []Ref {
	var out []Ref
	if shallow(v) {
		for m := range v.Marks() {
			if r, ok := m.(Ref); ok {
				out = append(out, r)
			}
		}
	} else {
		_, pvm := v.UnmarkDeepWithPaths()
		for _, pm := range pvm {
			for m := range pm.Marks {
				if r, ok := m.(Ref); ok {
					out = append(out, r)
				}
			}
		}
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
	var out []*Resource
	for _, ref := range a.Refs() {
		if r := c.Resource(ref.Addr); r != nil && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}
