package checks

import (
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/zclconf/go-cty/cty"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// sgRule is one ingress or egress permission of a security group, from an
// inline block, an aws_security_group_rule, or an
// aws_vpc_security_group_ingress_rule / _egress_rule.
type sgRule struct {
	from *hclcheck.Resource // the resource that declares it
	at   *hclcheck.Body     // its block (inline) or the rule resource body
	// group is the security group of an inline rule; a standalone rule
	// names its group in groupAttr.
	group     *hclcheck.Resource
	groupAttr *hclcheck.Attr
	// self: a standalone rule admitting its own group.
	self bool
	// cidrAttr is the attribute holding the first CIDR (for positions).
	cidrAttr *hclcheck.Attr
	// known is false when protocol, ports or sources could not be
	// evaluated: the rule may admit anything.
	known    bool
	protocol string // "tcp", "udp", "icmp", "-1" (all), or a number
	fromPort int
	toPort   int
	cidrs    []netip.Prefix
	// sgs are the security groups it names as source/destination; self
	// counts as the group itself.
	sgs []*hclcheck.Resource
	// sgsUnknown is true when a group reference could not be resolved.
	sgsUnknown bool
	// prefixLists is true when it names a prefix list (contents unknown).
	prefixLists bool
}

// coversTCP reports whether the rule admits TCP on port.
func (r sgRule) coversTCP(port int) bool {
	switch r.protocol {
	case "-1", "all":
		return true
	case "tcp", "6":
		return r.fromPort <= port && port <= r.toPort
	}
	return false
}

// sgRules returns the rules of a security group for a direction
// ("ingress" or "egress").
func sgRules(c *hclcheck.Config, sg *hclcheck.Resource, direction string) []sgRule {
	return rulesByGroup(c, direction)[sg]
}

// rulesByGroup indexes the rules of a direction by the declared groups
// they belong to (once per configuration).
func rulesByGroup(c *hclcheck.Config, direction string) map[*hclcheck.Resource][]sgRule {
	return c.Memo(memoKey{"rulesByGroup", direction}, func() any {
		by := map[*hclcheck.Resource][]sgRule{}
		for _, r := range allRules(c, direction) {
			if r.group != nil {
				by[r.group] = append(by[r.group], r)
				continue
			}
			for _, sg := range c.Referenced(r.groupAttr) {
				rr := r
				if rr.self {
					rr.sgs = append(slices.Clone(rr.sgs), sg)
				}
				by[sg] = append(by[sg], rr)
			}
		}
		return by
	}).(map[*hclcheck.Resource][]sgRule)
}

// allRules lists every rule of a direction in the configuration: the
// inline blocks of each group, then the standalone rule resources.
func allRules(c *hclcheck.Config, direction string) []sgRule {
	return c.Memo(memoKey{"allRules", direction}, func() any { return readRules(c, direction) }).([]sgRule)
}

// memoKey names a memoized query of this package.
type memoKey struct{ query, arg string }

func readRules(c *hclcheck.Config, direction string) []sgRule {
	var out []sgRule
	for _, typ := range []string{"aws_security_group", "aws_default_security_group"} {
		for _, sg := range c.Resources(typ) {
			for _, b := range sg.Body.Blocks(direction) {
				r := sgRule{from: sg, at: b, group: sg, known: !b.Uncertain}
				r.protocol, r.fromPort, r.toPort = protoPorts(b, "protocol", "from_port", "to_port", &r.known)
				r.cidrs, r.cidrAttr = prefixes(b, &r.known, "cidr_blocks", "ipv6_cidr_blocks")
				r.sgs, r.sgsUnknown = referencedGroups(c, b.Attr("security_groups"))
				if isTrue(b.Attr("self")) {
					r.sgs = append(r.sgs, sg)
				}
				r.prefixLists = namesSomething(b.Attr("prefix_list_ids"))
				out = append(out, r)
			}
		}
	}
	for _, rr := range c.Resources("aws_security_group_rule") {
		// A rule whose type cannot be known may be either direction, with
		// contents we cannot rely on.
		t, _, typeKnown := hclcheck.AttrString(rr.Body, "type")
		if typeKnown && t != direction {
			continue
		}
		r := sgRule{from: rr, at: rr.Body, groupAttr: rr.Body.Attr("security_group_id"), known: typeKnown}
		r.protocol, r.fromPort, r.toPort = protoPorts(rr.Body, "protocol", "from_port", "to_port", &r.known)
		r.cidrs, r.cidrAttr = prefixes(rr.Body, &r.known, "cidr_blocks", "ipv6_cidr_blocks")
		r.sgs, r.sgsUnknown = referencedGroups(c, rr.Body.Attr("source_security_group_id"))
		r.self = isTrue(rr.Body.Attr("self"))
		r.prefixLists = namesSomething(rr.Body.Attr("prefix_list_ids"))
		out = append(out, r)
	}
	typ := "aws_vpc_security_group_ingress_rule"
	if direction == "egress" {
		typ = "aws_vpc_security_group_egress_rule"
	}
	for _, rr := range c.Resources(typ) {
		r := sgRule{from: rr, at: rr.Body, groupAttr: rr.Body.Attr("security_group_id"), known: true}
		r.protocol, r.fromPort, r.toPort = protoPorts(rr.Body, "ip_protocol", "from_port", "to_port", &r.known)
		r.cidrs, r.cidrAttr = prefixes(rr.Body, &r.known, "cidr_ipv4", "cidr_ipv6")
		r.sgs, r.sgsUnknown = referencedGroups(c, rr.Body.Attr("referenced_security_group_id"))
		r.prefixLists = namesSomething(rr.Body.Attr("prefix_list_id"))
		out = append(out, r)
	}
	return out
}

// sgRuleResourcesUnresolved reports whether some standalone rule of the
// given types cannot be tied to a group (its security_group_id is
// unknown and refers to nothing declared): then any group might have more
// rules than we see.
func sgRuleResourcesUnresolved(c *hclcheck.Config, direction string) bool {
	return c.Memo(memoKey{"sgRuleResourcesUnresolved", direction}, func() any { return rulesUnresolved(c, direction) }).(bool)
}

func rulesUnresolved(c *hclcheck.Config, direction string) bool {
	types := []string{"aws_security_group_rule", "aws_vpc_security_group_ingress_rule"}
	if direction == "egress" {
		types[1] = "aws_vpc_security_group_egress_rule"
	}
	for _, t := range types {
		for _, rr := range c.Resources(t) {
			if t == "aws_security_group_rule" {
				if d, _, ok := hclcheck.AttrString(rr.Body, "type"); ok && d != direction {
					continue
				}
			}
			a := rr.Body.Attr("security_group_id")
			if a == nil {
				continue
			}
			if _, known := hclcheck.String(a.Value()); known {
				continue // a literal sg-… id: a group outside the stack
			}
			if len(c.Referenced(a)) == 0 {
				return true
			}
		}
	}
	return false
}

// protoPorts reads protocol and port range; ports of "-1" cover all.
func protoPorts(b *hclcheck.Body, protoName, fromName, toName string, known *bool) (string, int, int) {
	proto, _, ok := hclcheck.AttrString(b, protoName)
	if !ok {
		*known = false
		return "", 0, 0
	}
	proto = strings.ToLower(proto)
	if proto == "-1" || proto == "all" {
		return "-1", 0, 65535
	}
	from, ok1 := intAttr(b, fromName)
	to, ok2 := intAttr(b, toName)
	if !ok1 || !ok2 {
		*known = false
	}
	return proto, from, to
}

func intAttr(b *hclcheck.Body, name string) (int, bool) {
	a := b.Attr(name)
	if a == nil {
		return 0, false
	}
	v := hclcheck.Plain(a.Value())
	if v.IsKnown() && !v.IsNull() && v.Type() == cty.Number {
		n, acc := v.AsBigFloat().Int64()
		return int(n), acc == 0
	}
	s, ok := hclcheck.String(v)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// prefixes reads CIDR attributes (strings or lists of strings), and the
// first attribute that holds one.
func prefixes(b *hclcheck.Body, known *bool, names ...string) ([]netip.Prefix, *hclcheck.Attr) {
	var out []netip.Prefix
	var first *hclcheck.Attr
	for _, n := range names {
		a := b.Attr(n)
		if a == nil {
			continue
		}
		if first == nil {
			first = a
		}
		v := hclcheck.Plain(a.Value())
		if !v.IsWhollyKnown() {
			*known = false
			continue
		}
		if v.IsNull() {
			continue
		}
		add := func(x cty.Value) {
			if x.IsNull() || x.Type() != cty.String {
				return
			}
			if p, err := netip.ParsePrefix(x.AsString()); err == nil {
				out = append(out, p.Masked())
			}
		}
		if v.Type() == cty.String {
			add(v)
			continue
		}
		if v.CanIterateElements() {
			for it := v.ElementIterator(); it.Next(); {
				_, x := it.Element()
				add(x)
			}
		}
	}
	return out, first
}

// referencedGroups resolves security group references of an attribute.
func referencedGroups(c *hclcheck.Config, a *hclcheck.Attr) (sgs []*hclcheck.Resource, unknown bool) {
	if a == nil {
		return nil, false
	}
	for _, r := range c.Referenced(a) {
		if r.Type() == "aws_security_group" || r.Type() == "aws_default_security_group" {
			sgs = append(sgs, r)
		}
	}
	v := hclcheck.Plain(a.Value())
	if len(sgs) == 0 && !v.IsWhollyKnown() {
		unknown = true
	}
	return sgs, unknown
}

// refersTo reports whether an attribute refers to the resource.
func refersTo(c *hclcheck.Config, a *hclcheck.Attr, r *hclcheck.Resource) bool {
	if a == nil {
		return false
	}
	for _, x := range c.Referenced(a) {
		if x == r {
			return true
		}
	}
	return false
}

func isTrue(a *hclcheck.Attr) bool {
	if a == nil {
		return false
	}
	s, ok := hclcheck.String(a.Value())
	return ok && s == "true"
}

// namesSomething reports an attribute that may hold a value: set, and not
// a known null or empty list.
func namesSomething(a *hclcheck.Attr) bool {
	if a == nil {
		return false
	}
	v, _ := a.Value().Unmark()
	if !v.IsKnown() {
		return true
	}
	if v.IsNull() {
		return false
	}
	if v.CanIterateElements() {
		return v.LengthInt() > 0
	}
	return true
}

// eniAttachments are the aws_network_interface_sg_attachment resources,
// by the instance whose primary network interface they name
// (`network_interface_id = aws_instance.x.primary_network_interface_id`).
type eniAttachments struct {
	byInstance map[*hclcheck.Resource][]*hclcheck.Resource
	// unresolved attach to an interface that cannot be told (a variable):
	// it may be any instance's. One that gives a literal ID, or names
	// another declared resource (an aws_network_interface), is left out.
	unresolved bool
}

func eniAttachmentsOf(c *hclcheck.Config) eniAttachments {
	return c.Memo(memoKey{query: "eniAttachments"}, func() any {
		ea := eniAttachments{byInstance: map[*hclcheck.Resource][]*hclcheck.Resource{}}
		for _, r := range c.Resources("aws_network_interface_sg_attachment") {
			a := r.Body.Attr("network_interface_id")
			if a == nil {
				continue
			}
			refs := a.Refs()
			for _, ref := range refs {
				if inst := c.Resource(ref.Addr); inst != nil && inst.Type() == "aws_instance" && ref.Attr == "primary_network_interface_id" {
					ea.byInstance[inst] = append(ea.byInstance[inst], r)
				}
			}
			if len(c.Referenced(a)) > 0 {
				continue
			}
			if _, literal := hclcheck.String(a.Value()); !literal {
				ea.unresolved = true
			}
		}
		return ea
	}).(eniAttachments)
}

// withAttachedGroups adds to an instance's security groups (sgs, known,
// from vpc_security_group_ids) those aws_network_interface_sg_attachment
// attaches to its primary network interface. known becomes false when an
// attached group cannot be told, or an attachment's interface cannot be
// (it may be this instance's).
func withAttachedGroups(c *hclcheck.Config, inst *hclcheck.Resource, sgs []*hclcheck.Resource, known bool) ([]*hclcheck.Resource, bool) {
	sgs = slices.Clip(sgs) // appending must not write into the caller's array
	ea := eniAttachmentsOf(c)
	if ea.unresolved {
		known = false
	}
	for _, r := range ea.byInstance[inst] {
		got, ok := linked(c, r.Body.Attr("security_group_id"), "aws_security_group", "aws_default_security_group")
		known = known && ok
		for _, sg := range got {
			if !slices.Contains(sgs, sg) {
				sgs = append(sgs, sg)
			}
		}
	}
	return sgs, known
}
