package checks

import (
	"strings"

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
			if k, ok := hclcheck.String(a.Value()); ok {
				ip.KeyID = k
				ip.CustomerKey = !isDefaultSSMKey(k)
			} else {
				for _, r := range c.Referenced(a) {
					if r.Type() == "aws_kms_key" || r.Type() == "aws_kms_alias" {
						ip.KeyID, ip.CustomerKey = r.Addr, true
					}
				}
			}
		}
		out = append(out, ip)
	}
	return out
}

// isDefaultSSMKey reports the AWS managed key of Parameter Store.
func isDefaultSSMKey(k string) bool {
	return k == "" || strings.HasSuffix(k, "alias/aws/ssm")
}
