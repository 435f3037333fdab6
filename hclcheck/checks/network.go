package checks

import (
	"fmt"
	"slices"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// egress is what is known of a subnet's way out of the VPC.
type egress int

const (
	egressUnknown egress = iota // cannot tell: stay silent
	egressYes                   // a default route to some gateway
	egressNo                    // known: no default route
)

// subnetEgress tells whether a subnet has a default route (to an internet
// or NAT gateway, a NAT instance, a transit gateway or anything else):
// its effective route table is the one associated with it, else the
// VPC's main table (aws_main_route_table_association, else
// aws_default_route_table, else the implicit main table that has only the
// local route). why explains a "no" for messages.
func subnetEgress(c *hclcheck.Config, subnet *hclcheck.Resource) (state egress, why string) {
	type result struct {
		state egress
		why   string
	}
	r := c.Memo(memoKey{"subnetEgress", subnet.Addr}, func() any {
		st, why := findEgress(c, subnet)
		return result{st, why}
	}).(result)
	return r.state, r.why
}

func findEgress(c *hclcheck.Config, subnet *hclcheck.Resource) (state egress, why string) {
	if unresolvedRoutes(c) {
		return egressUnknown, ""
	}
	tables, vpc, known := effectiveTables(c, subnet)
	if !known {
		return egressUnknown, ""
	}
	if vpc != nil {
		return implicitMainEgress(c, vpc)
	}
	state = egressNo
	for _, rt := range tables {
		switch tableEgress(c, rt) {
		case egressYes:
			return egressYes, ""
		case egressUnknown:
			state = egressUnknown
		}
	}
	if len(tables) == 1 {
		why = fmt.Sprintf("route table %s has no default route", tables[0].Addr)
	} else {
		why = "none of its route tables has a default route"
	}
	return state, why
}

// effectiveTables returns the route tables a subnet uses: those
// associated with it, else the table made main by
// aws_main_route_table_association. When it uses the VPC's own main
// table, tables is empty and vpc is that VPC. known is false when that
// cannot be told (an association to a subnet or table that cannot be
// resolved).
func effectiveTables(c *hclcheck.Config, subnet *hclcheck.Resource) (tables []*hclcheck.Resource, vpc *hclcheck.Resource, known bool) {
	for _, a := range c.Resources("aws_route_table_association") {
		sa := a.Body.Attr("subnet_id")
		if sa == nil {
			continue
		}
		if !refersTo(c, sa, subnet) {
			if len(sa.Refs()) == 0 {
				return nil, nil, false // may be this subnet
			}
			continue
		}
		rts, ok := resolveAll(c, a.Body.Attr("route_table_id"), "aws_route_table")
		if !ok {
			return nil, nil, false
		}
		tables = append(tables, rts...)
	}
	if len(tables) > 0 {
		return tables, nil, true
	}
	vpcs, ok := resolveAll(c, subnet.Body.Attr("vpc_id"), "aws_vpc")
	if !ok || len(vpcs) != 1 {
		return nil, nil, false
	}
	for _, a := range c.Resources("aws_main_route_table_association") {
		va := a.Body.Attr("vpc_id")
		if va == nil {
			continue
		}
		if !refersTo(c, va, vpcs[0]) {
			if len(va.Refs()) == 0 {
				return nil, nil, false
			}
			continue
		}
		rts, ok := resolveAll(c, a.Body.Attr("route_table_id"), "aws_route_table")
		if !ok || len(rts) != 1 {
			return nil, nil, false
		}
		return rts, nil, true
	}
	return nil, vpcs[0], true
}

// implicitMainEgress decides for a subnet on the VPC's own main table:
// aws_default_route_table manages it, and aws_route may add to it through
// the VPC's main/default table id.
func implicitMainEgress(c *hclcheck.Config, vpc *hclcheck.Resource) (egress, string) {
	state := egressNo
	if vgwPropagates(c, vpc) {
		state = egressUnknown
	}
	for _, d := range c.Resources("aws_default_route_table") {
		if refersTo(c, d.Body.Attr("default_route_table_id"), vpc) {
			if d.Body.Has("propagating_vgws") || vgwPropagates(c, d) {
				state = egressUnknown
			}
			if st := routesEgress(d.Body); st != egressNo {
				state = st
			}
		}
	}
	for _, r := range c.Resources("aws_route") {
		if refersTo(c, r.Body.Attr("route_table_id"), vpc) {
			if st := routeIsDefault(r.Body); st != egressNo {
				state = st
			}
		}
	}
	if state != egressNo {
		return state, ""
	}
	return egressNo, fmt.Sprintf("it has no route table association and the main route table of %s has only the local route", vpc.Addr)
}

// tableEgress looks at a route table's inline routes and aws_route
// resources.
func tableEgress(c *hclcheck.Config, rt *hclcheck.Resource) egress {
	if rt.Body.Has("propagating_vgws") || vgwPropagates(c, rt) {
		return egressUnknown // a VPN gateway may propagate a default route
	}
	state := routesEgress(rt.Body)
	for _, r := range c.Resources("aws_route") {
		if refersTo(c, r.Body.Attr("route_table_id"), rt) {
			switch routeIsDefault(r.Body) {
			case egressYes:
				return egressYes
			case egressUnknown:
				state = egressUnknown
			}
		}
	}
	return state
}

// routesEgress reads the inline `route` blocks of a table body.
func routesEgress(b *hclcheck.Body) egress {
	if a := b.Attr("route"); a != nil {
		// Attribute syntax: only an empty list is readable.
		v := hclcheck.Plain(a.Value())
		if v.IsKnown() && !v.IsNull() && v.CanIterateElements() && v.LengthInt() == 0 {
			return egressNo
		}
		return egressUnknown
	}
	state := egressNo
	for _, rb := range b.Blocks("route") {
		if rb.Uncertain {
			state = egressUnknown
			continue
		}
		switch routeIsDefault(rb) {
		case egressYes:
			return egressYes
		case egressUnknown:
			state = egressUnknown
		}
	}
	return state
}

// routeIsDefault tells whether a route (inline block or aws_route) is a
// default route: destination 0.0.0.0/0 or ::/0. A prefix-list destination
// or an unknown one may be anything.
func routeIsDefault(b *hclcheck.Body) egress {
	if b.Has("destination_prefix_list_id") {
		return egressUnknown
	}
	for _, n := range []string{"cidr_block", "destination_cidr_block", "ipv6_cidr_block", "destination_ipv6_cidr_block"} {
		a := b.Attr(n)
		if a == nil {
			continue
		}
		s, ok := hclcheck.String(a.Value())
		if !ok {
			return egressUnknown
		}
		if s == "0.0.0.0/0" || s == "::/0" {
			return egressYes
		}
	}
	return egressNo
}

// unresolvedRoutes reports whether some aws_route names a table that
// cannot be resolved (a variable, a data source): it might add a default
// route to any table.
func unresolvedRoutes(c *hclcheck.Config) bool {
	return c.Memo(memoKey{query: "unresolvedRoutes"}, func() any { return anyUnresolvedRoute(c) }).(bool)
}

func anyUnresolvedRoute(c *hclcheck.Config) bool {
	if unresolvedNetworkModule(c) {
		return true
	}
	for _, r := range c.Resources("aws_route") {
		a := r.Body.Attr("route_table_id")
		if a == nil {
			continue
		}
		if len(c.Referenced(a)) == 0 {
			if routeIsDefault(r.Body) != egressNo {
				return true
			}
		}
	}
	return false
}

// vpcOf returns the declared VPC a resource's vpc_id refers to.
func vpcOf(c *hclcheck.Config, r *hclcheck.Resource) *hclcheck.Resource {
	vpcs, known := resolveAll(c, r.Body.Attr("vpc_id"), "aws_vpc")
	if !known || len(vpcs) != 1 {
		return nil
	}
	return vpcs[0]
}

// vpcEndpoints is what is known of the endpoints of one VPC.
type vpcEndpoints struct {
	// interfaces holds services with an Interface endpoint (or one whose
	// type is unknown, which may be one).
	interfaces map[string]bool
	// gateways holds services with a Gateway endpoint (s3).
	gateways map[string][]endpoint
	// any is true when the VPC has an endpoint for ssm, ssmmessages or
	// ec2messages.
	any bool
}

// endpointsByVPC groups endpoints by their VPC. unsure is true when some
// endpoint's VPC or service cannot be told: it might serve any VPC, so
// rules about missing endpoints stay silent.
func endpointsByVPC(c *hclcheck.Config) (by map[*hclcheck.Resource]*vpcEndpoints, unsure bool) {
	type result struct {
		by     map[*hclcheck.Resource]*vpcEndpoints
		unsure bool
	}
	r := c.Memo(memoKey{query: "endpointsByVPC"}, func() any {
		by, unsure := groupEndpoints(c)
		return result{by, unsure}
	}).(result)
	return r.by, r.unsure
}

func groupEndpoints(c *hclcheck.Config) (by map[*hclcheck.Resource]*vpcEndpoints, unsure bool) {
	by = map[*hclcheck.Resource]*vpcEndpoints{}
	if unresolvedNetworkModule(c) {
		unsure = true
	}
	for _, e := range endpoints(c) {
		vpc := vpcOf(c, e.r)
		if vpc == nil || e.service == "" || !e.r.KeyKnown() {
			unsure = true
			continue
		}
		ve := by[vpc]
		if ve == nil {
			ve = &vpcEndpoints{interfaces: map[string]bool{}, gateways: map[string][]endpoint{}}
			by[vpc] = ve
		}
		switch e.typ {
		case "Interface", "":
			ve.interfaces[e.service] = true
		case "Gateway":
			ve.gateways[e.service] = append(ve.gateways[e.service], e)
		}
		if isSSMService(e.service) {
			ve.any = true
		}
	}
	return by, unsure
}

// unresolvedNetworkModule reports a module call that ssmlint cannot follow
// and that is given a VPC, subnet or route table of the stack: it may add
// routes (a NAT instance module) or endpoints to them.
func unresolvedNetworkModule(c *hclcheck.Config) bool {
	return c.Memo(memoKey{query: "unresolvedNetworkModule"}, func() any {
		for _, mi := range c.Instances {
			if !mi.Unresolved() {
				continue
			}
			for _, a := range mi.CallArgs() {
				for _, r := range c.Referenced(a) {
					switch r.Type() {
					case "aws_vpc", "aws_subnet", "aws_route_table", "aws_default_route_table":
						return true
					}
				}
			}
		}
		return false
	}).(bool)
}

// vgwPropagates reports an aws_vpn_gateway_route_propagation into the
// table (or, given a VPC, into its main table), or one whose table cannot
// be told.
func vgwPropagates(c *hclcheck.Config, target *hclcheck.Resource) bool {
	for _, p := range c.Resources("aws_vpn_gateway_route_propagation") {
		a := p.Body.Attr("route_table_id")
		if a == nil || len(a.Refs()) == 0 || refersTo(c, a, target) {
			return true
		}
	}
	return false
}

// gatewayRouteTables returns the route tables a Gateway endpoint is on:
// those its route_table_ids names and those
// aws_vpc_endpoint_route_table_association attaches to it. A VPC in the
// list stands for its main route table (`aws_vpc.x.main_route_table_id`).
// known is false when some cannot be told. Associations whose endpoint
// cannot be told are not counted here (see gatewayOnTables).
func gatewayRouteTables(c *hclcheck.Config, ep *hclcheck.Resource) (tables []*hclcheck.Resource, known bool) {
	tables, known = attachedBy(c, ep, assocRouteTable, "route_table_id", routeTableTypes...)
	if a := ep.Body.Attr("route_table_ids"); namesSomething(a) {
		if !a.OnlyReferences() {
			known = false
		}
		for _, t := range c.Referenced(a) {
			if !slices.Contains(tables, t) {
				tables = append(tables, t)
			}
		}
	}
	return tables, known
}

// routeTableTypes are what a route_table_id may refer to: a table, or a
// VPC for its main table.
var routeTableTypes = []string{"aws_route_table", "aws_default_route_table", "aws_vpc"}

// gatewayOnTables tells whether one of the Gateway endpoints is on one of
// the route tables (targets; a VPC stands for its main table). known is
// false when an endpoint's tables cannot be told, or when an association
// whose endpoint cannot be told (another stack's, maybe a gateway for the
// same service) attaches to a target or to a table that cannot be told.
func gatewayOnTables(c *hclcheck.Config, gateways []endpoint, targets []*hclcheck.Resource) (on, known bool) {
	known = true
	for _, e := range gateways {
		tables, ok := gatewayRouteTables(c, e.r)
		for _, t := range tables {
			if slices.Contains(targets, t) {
				return true, true
			}
		}
		known = known && ok
	}
	for _, r := range associationsOf(c, assocRouteTable).unresolved {
		tables, ok := linked(c, r.Body.Attr("route_table_id"), routeTableTypes...)
		if !ok {
			known = false
		}
		for _, t := range tables {
			if slices.Contains(targets, t) {
				known = false
			}
		}
	}
	return false, known
}

// mainTableNames are what names a VPC's main route table: the VPC itself
// (`aws_vpc.x.main_route_table_id`) and the aws_default_route_table that
// manages it.
func mainTableNames(c *hclcheck.Config, vpc *hclcheck.Resource) []*hclcheck.Resource {
	out := []*hclcheck.Resource{vpc}
	for _, d := range c.Resources("aws_default_route_table") {
		if refersTo(c, d.Body.Attr("default_route_table_id"), vpc) {
			out = append(out, d)
		}
	}
	return out
}
