package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/internal/inventory"
)

// Inventory lists the aws_ssm_parameter instances of a configuration for
// the parameter inventory.
func Inventory(c *hclcheck.Config) []inventory.Parameter {
	var out []inventory.Parameter
	for _, p := range parameters(c) {
		rg := p.r.DefRange()
		ip := inventory.Parameter{
			Address: p.r.Addr, Name: p.name, Type: p.typ, Tier: p.tier,
			File: rg.Filename, Line: rg.Start.Line, Column: rg.Start.Column,
			EndLine: rg.End.Line, EndColumn: rg.End.Column,
		}
		if p.tierAttr == nil {
			ip.Tier = tierStandard
		}
		if a := p.r.Body.Attr("key_id"); a != nil {
			k := keyOf(c, a)
			ip.CustomerKey = k.customer
			if s, ok := hclcheck.String(a.Value()); ok {
				ip.KeyID = s
			} else if k.key != nil {
				ip.KeyID = k.key.Addr
			} else if refs := c.Referenced(a); len(refs) > 0 {
				ip.KeyID = refs[0].Addr
			}
		}
		out = append(out, ip)
	}
	return out
}
