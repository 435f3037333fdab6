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
	return refsOf(a.Value())
}

func refsOf(v cty.Value) []Ref {
	_, pvm := v.UnmarkDeepWithPaths()
	var out []Ref
	for _, pm := range pvm {
		for m := range pm.Marks {
			if r, ok := m.(Ref); ok {
				out = append(out, r)
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
	if c.byAddr == nil {
		c.byAddr = map[string]*Resource{}
		for _, mi := range c.Instances {
			for _, g := range mi.order {
				for _, r := range g.instances() {
					c.byAddr[r.Addr] = r
				}
			}
		}
	}
	if r, ok := c.byAddr[addr]; ok {
		return r
	}
	for _, mi := range c.Instances {
		if !strings.HasPrefix(addr, mi.prefix()) {
			continue
		}
		for _, g := range mi.order {
			if !strings.HasPrefix(addr, g.addr()) {
				continue
			}
			for _, r := range g.instances() {
				if r.Addr == addr {
					return r
				}
			}
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
