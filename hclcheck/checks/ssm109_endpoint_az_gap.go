package checks

import (
	"sort"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// endpointAZGap reports managed machines in an availability zone where
// their VPC's SSM endpoints have no subnet: it works across zones, but a
// zone outage cuts the machine off and traffic pays cross-zone charges.
// Silent when any zone is unknown.
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
			gaps, known := servicesMissingZone(c, vpc, az)
			if !known || len(gaps) == 0 {
				continue
			}
			r, at := m.placement()
			pass.Report(r, hclcheck.At(r, at), at.Name,
				"%s runs in %s, but the %s endpoints of %s have no subnet there: sessions cross zones (extra charges) and stop if another zone fails",
				m.name(), az, joinAnd(gaps), vpc.Addr)
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

// servicesMissingZone lists the SSM services whose Interface endpoints in
// the VPC have no subnet in the zone.
func servicesMissingZone(c *hclcheck.Config, vpc *hclcheck.Resource, az string) ([]string, bool) {
	type result struct {
		gaps  []string
		known bool
	}
	r := c.Memo(memoKey{"servicesMissingZone", vpc.Addr + "\x00" + az}, func() any {
		gaps, known := findZoneGaps(c, vpc, az)
		return result{gaps, known}
	}).(result)
	return r.gaps, r.known
}

func findZoneGaps(c *hclcheck.Config, vpc *hclcheck.Resource, az string) ([]string, bool) {
	inZone := map[string]bool{}
	present := map[string]bool{}
	for _, e := range endpoints(c) {
		if !isSSMService(e.service) || e.typ != "Interface" || vpcOf(c, e.r) != vpc {
			continue
		}
		present[e.service] = true
		subnets, known := resolveAll(c, e.r.Body.Attr("subnet_ids"), "aws_subnet")
		if !known {
			return nil, false
		}
		for _, s := range subnets {
			z, ok := zoneOf(s)
			if !ok {
				return nil, false
			}
			if z == az {
				inZone[e.service] = true
			}
		}
	}
	var gaps []string
	for svc := range present {
		if !inZone[svc] {
			gaps = append(gaps, svc)
		}
	}
	sort.Strings(gaps)
	return gaps, true
}
