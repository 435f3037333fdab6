package checks

import (
	"fmt"
	"slices"
	"sort"

	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// endpointAZGap reports managed machines in an availability zone where
// their VPC's SSM endpoints have no subnet: it works across zones, but a
// zone outage cuts the machine off and traffic pays cross-zone charges.
// An Interface endpoint declared without subnets has a network interface
// in no zone at all: every zone is a gap, and the message says the
// endpoint serves nothing. Silent when any zone or subnet is unknown.
func endpointAZGap(pass *hclcheck.Pass) {
	c := pass.Config
	byVPC, unsure := endpointsByVPC(c)
	if unsure {
		return
	}
	if len(byVPC) == 0 {
		return
	}
	ms := newManagedSet(pass)
	for _, m := range machines(c) {
		if !m.subnetsKnown {
			continue
		}
		for _, s := range m.subnets {
			vpc := vpcOf(c, s)
			if vpc == nil || byVPC[vpc] == nil || !byVPC[vpc].any || !ms.managed(m) {
				continue
			}
			az, ok := zoneOf(s)
			if !ok {
				continue
			}
			g := servicesMissingZone(c, vpc, az)
			if !g.known || len(g.inZone)+len(g.nowhere) == 0 {
				continue
			}
			r, at := m.placement()
			var msg string
			switch {
			case len(g.nowhere) == 0:
				msg = fmt.Sprintf("the %s endpoints of %s have no subnet there: sessions cross zones (extra charges) and stop if another zone fails",
					joinAnd(g.inZone), vpc.Addr)
			case len(g.inZone) == 0:
				msg = fmt.Sprintf("the %s endpoints of %s have no subnet in any zone (no subnet_ids): an Interface endpoint without subnets has no network interface, so nothing reaches it",
					joinAnd(g.nowhere), vpc.Addr)
			default:
				msg = fmt.Sprintf("the %s endpoints of %s have no subnet there, and the %s endpoints have none in any zone (no subnet_ids, so no network interface): nothing reaches those",
					joinAnd(g.inZone), vpc.Addr, joinAnd(g.nowhere))
			}
			pass.Report(r, hclcheck.At(r, at), at.Name, "%s runs in %s, but %s", m.name(), az, msg)
			break
		}
	}
}

// zoneOf reads a subnet's availability zone (name or ID).
func zoneOf(s *hclcheck.Resource) (string, bool) {
	if z, _, ok := hclcheck.AttrString(s.Body, "availability_zone"); ok {
		return z, true
	}
	if z, _, ok := hclcheck.AttrString(s.Body, "availability_zone_id"); ok {
		return z, true
	}
	return "", false
}

// zoneGaps is what a VPC's SSM Interface endpoints lack in one zone.
type zoneGaps struct {
	// inZone lists the services whose endpoints have subnets, none of them
	// in the zone; nowhere those whose endpoints have no subnet at all.
	inZone, nowhere []string
	known           bool
}

// servicesMissingZone lists the SSM services whose Interface endpoints in
// the VPC have no subnet in the zone.
func servicesMissingZone(c *hclcheck.Config, vpc *hclcheck.Resource, az string) zoneGaps {
	return c.Memo(memoKey{"servicesMissingZone", vpc.Addr + "\x00" + az}, func() any {
		return findZoneGaps(c, vpc, az)
	}).(zoneGaps)
}

func findZoneGaps(c *hclcheck.Config, vpc *hclcheck.Resource, az string) zoneGaps {
	inZone := map[string]bool{}
	anyZone := map[string]bool{}
	present := map[string]bool{}
	for _, e := range endpoints(c) {
		if !isSSMService(e.service) || e.typ != "Interface" || vpcOf(c, e.r) != vpc {
			continue
		}
		present[e.service] = true
		subnets, known := interfaceSubnets(c, e)
		if !known {
			return zoneGaps{}
		}
		for _, s := range subnets {
			z, ok := zoneOf(s)
			if !ok {
				return zoneGaps{}
			}
			anyZone[e.service] = true
			if z == az {
				inZone[e.service] = true
			}
		}
	}
	g := zoneGaps{known: true}
	for svc := range present {
		switch {
		case !anyZone[svc]:
			g.nowhere = append(g.nowhere, svc)
		case !inZone[svc]:
			g.inZone = append(g.inZone, svc)
		}
	}
	sort.Strings(g.inZone)
	sort.Strings(g.nowhere)
	return g
}

// interfaceSubnets returns the subnets an Interface endpoint puts network
// interfaces in: those of subnet_ids and those an
// aws_vpc_endpoint_subnet_association adds (see associatedSubnets). An
// endpoint that declares none (subnet_ids absent, null or a literal empty
// list) and that no association gives one has none; an association that
// cannot be resolved makes the answer unknown. subnet_configuration blocks
// add nothing: each must name a subnet of subnet_ids. subnet_ids set to
// anything else (a variable, a module output) goes through resolveAll.
func interfaceSubnets(c *hclcheck.Config, e endpoint) ([]*hclcheck.Resource, bool) {
	extra, extraKnown := associatedSubnets(c, e.r)
	a := e.r.Body.Attr("subnet_ids")
	if declaresNoSubnets(a) {
		return extra, extraKnown
	}
	subnets, known := resolveAll(c, a, "aws_subnet")
	for _, s := range extra {
		if !slices.Contains(subnets, s) {
			subnets = append(subnets, s)
		}
	}
	return subnets, known && extraKnown
}

// declaresNoSubnets reports subnet_ids absent, or written as null or [].
// A variable or local that evaluates to an empty list is not taken as
// empty: its value may be set elsewhere.
func declaresNoSubnets(a *hclcheck.Attr) bool {
	if a == nil {
		return true
	}
	switch x := a.Expr().(type) {
	case *hclsyntax.TupleConsExpr:
		return len(x.Exprs) == 0
	case *hclsyntax.LiteralValueExpr:
		return x.Val.IsNull()
	}
	return false
}
