package checks

import (
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// instanceNoHTTPSEgress reports managed machines whose security groups
// allow no TCP 443 egress: SSM Agent cannot call Systems Manager. An
// aws_security_group without egress blocks or egress rules has no egress
// at all (Terraform removes AWS's default allow-all rule).
func instanceNoHTTPSEgress(pass *hclcheck.Pass) {
	c := pass.Config
	if sgRuleResourcesUnresolved(c, "egress") {
		return
	}
	ms := newManagedSet(pass)
	for _, m := range machines(c) {
		if !m.sgsKnown || !ms.managed(m) {
			continue
		}
		allowed, known := false, true
		for _, sg := range m.sgs {
			if sg.Body.Has("egress") && !egressAttrEmpty(sg) {
				known = false // attribute syntax we cannot read
			}
			for _, r := range sgRules(c, sg, "egress") {
				if !r.known {
					known = false
					continue
				}
				if r.coversTCP(443) {
					allowed = true
				}
			}
		}
		if allowed || !known {
			continue
		}
		var names []string
		for _, sg := range m.sgs {
			names = append(names, sg.Addr)
		}
		pass.Report(m.r, hclcheck.At(m.r, m.sgAttr), m.sgAttr.Name,
			"%s allows no outbound TCP 443 through its security groups (%s): SSM Agent cannot reach Systems Manager; note that an aws_security_group with no egress block has no egress at all",
			m.name(), strings.Join(names, ", "))
	}
}

// egressAttrEmpty reports `egress = []` written as an attribute.
func egressAttrEmpty(sg *hclcheck.Resource) bool {
	a := sg.Body.Attr("egress")
	if a == nil {
		return true
	}
	v := hclcheck.Plain(a.Value())
	return v.IsKnown() && !v.IsNull() && v.CanIterateElements() && v.LengthInt() == 0
}
