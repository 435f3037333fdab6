package checks

import (
	"net/netip"
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// endpointSGNoHTTPSIngress reports SSM Interface endpoints whose security
// groups do not admit TCP 443 from the managed machines of their VPC
// (from a subnet CIDR, a CIDR containing it, or the machine's security
// group).
func endpointSGNoHTTPSIngress(pass *hclcheck.Pass) {
	c := pass.Config
	if sgRuleResourcesUnresolved(c, "ingress") {
		return
	}
	var managed []machine
	computed := false
	for _, e := range endpoints(c) {
		if !isSSMService(e.service) || e.typ != "Interface" {
			continue
		}
		vpc := vpcOf(c, e.r)
		if vpc == nil {
			continue
		}
		if !computed {
			computed = true
			ms := newManagedSet(pass)
			for _, m := range machines(c) {
				if m.subnetsKnown && m.sgsKnown && ms.managed(m) {
					managed = append(managed, m)
				}
			}
		}
		if len(managed) == 0 {
			return
		}
		sgAttr := e.r.Body.Attr("security_group_ids")
		sgs, known := endpointSecurityGroups(c, e.r, vpc)
		if !known {
			continue
		}
		var rulesIn []sgRule
		for _, sg := range sgs {
			rulesIn = append(rulesIn, sgRules(c, sg, "ingress")...)
		}
		var blocked []string
		unsure := false
		for _, m := range managed {
			if !inVPC(c, m, vpc) {
				continue
			}
			switch admits(c, rulesIn, m) {
			case grantNo:
				blocked = append(blocked, m.name())
			case grantUnknown:
				unsure = true
			}
		}
		if unsure || len(blocked) == 0 {
			continue
		}
		at, attr := e.r.DefRange(), "security_group_ids"
		if sgAttr != nil {
			at = hclcheck.At(e.r, sgAttr)
		}
		var names []string
		for _, sg := range sgs {
			names = append(names, sg.Addr)
		}
		pass.Report(e.r, at, attr,
			"the security groups of %s (%s endpoint: %s) admit no TCP 443 from %s: SSM Agent cannot open a connection to the endpoint",
			e.r.Addr, e.service, strings.Join(names, ", "), strings.Join(blocked, ", "))
	}
}

// defaultSecurityGroup is the VPC default group an endpoint without
// security_group_ids gets, when the stack manages it.
func defaultSecurityGroup(c *hclcheck.Config, vpc *hclcheck.Resource) ([]*hclcheck.Resource, bool) {
	for _, sg := range c.Resources("aws_default_security_group") {
		if refersTo(c, sg.Body.Attr("vpc_id"), vpc) {
			return []*hclcheck.Resource{sg}, true
		}
	}
	return nil, false // AWS's own default group: not in the stack
}

func inVPC(c *hclcheck.Config, m machine, vpc *hclcheck.Resource) bool {
	for _, s := range m.subnets {
		if vpcOf(c, s) == vpc {
			return true
		}
	}
	return false
}

// admits tells whether some ingress rule lets TCP 443 in from every
// subnet of the machine (by CIDR) or from one of its security groups.
func admits(c *hclcheck.Config, rs []sgRule, m machine) grant {
	var subnets []netip.Prefix
	for _, s := range m.subnets {
		cidr, _, ok := hclcheck.AttrString(s.Body, "cidr_block")
		p, err := netip.ParsePrefix(cidr)
		if !ok || err != nil {
			return grantUnknown
		}
		subnets = append(subnets, p.Masked())
	}
	result := grantNo
	for _, r := range rs {
		if !r.known || r.prefixLists || r.sgsUnknown {
			if r.protocol == "" || r.coversTCP(443) {
				result = grantUnknown
			}
			continue
		}
		if !r.coversTCP(443) {
			continue
		}
		for _, sg := range r.sgs {
			for _, own := range m.sgs {
				if sg == own {
					return grantYes
				}
			}
		}
		covered := 0
		for _, sp := range subnets {
			for _, p := range r.cidrs {
				if p.Addr().Is4() == sp.Addr().Is4() && p.Bits() <= sp.Bits() && p.Contains(sp.Addr()) {
					covered++
					break
				}
			}
		}
		if covered == len(subnets) {
			return grantYes
		}
	}
	return result
}
