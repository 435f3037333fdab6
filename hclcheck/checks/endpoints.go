package checks

import (
	"slices"
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// The services Session Manager needs endpoints for, and the ones that
// support it (logs, KMS, S3).
const (
	svcSSM         = "ssm"
	svcSSMMessages = "ssmmessages"
	svcEC2Messages = "ec2messages"
	svcLogs        = "logs"
	svcKMS         = "kms"
	svcS3          = "s3"
)

// isSSMService reports whether a service is one of the three Session
// Manager endpoints.
func isSSMService(s string) bool {
	return s == svcSSM || s == svcSSMMessages || s == svcEC2Messages
}

// endpoint is an aws_vpc_endpoint with what the rules read.
type endpoint struct {
	r *hclcheck.Resource
	// service is the short service name ("ssm", "s3"), "" when unknown.
	service string
	// typ is the endpoint type, "Gateway" when unset (provider default);
	// "" when set but unknown.
	typ     string
	typAttr *hclcheck.Attr
}

// endpoints lists the VPC endpoints of a configuration.
func endpoints(c *hclcheck.Config) []endpoint {
	return c.Memo(memoKey{query: "endpoints"}, func() any { return readEndpoints(c) }).([]endpoint)
}

func readEndpoints(c *hclcheck.Config) []endpoint {
	var out []endpoint
	for _, r := range c.Resources("aws_vpc_endpoint") {
		e := endpoint{r: r, service: serviceOf(c, r.Body.Attr("service_name")), typ: "Gateway"}
		if a := r.Body.Attr("vpc_endpoint_type"); a != nil && !isNull(a) {
			e.typAttr = a
			e.typ, _ = hclcheck.String(a.Value())
		}
		out = append(out, e)
	}
	return out
}

// serviceOf reads the short service name from a service_name such as
// "com.amazonaws.eu-west-1.ssm", a template whose region is unknown
// ("com.amazonaws.${var.region}.ssm"), or a reference to
// data.aws_vpc_endpoint_service (its `service` argument).
func serviceOf(c *hclcheck.Config, a *hclcheck.Attr) string {
	if a == nil {
		return ""
	}
	if s, ok := hclcheck.KnownSuffix(a); ok {
		if i := strings.LastIndexByte(s, '.'); i >= 0 {
			return s[i+1:]
		}
		if s, full := hclcheck.String(a.Value()); full {
			return s // a bare "ssm" is not valid, but names it
		}
		return ""
	}
	for _, d := range c.Referenced(a) {
		if d.IsData() && d.Type() == "aws_vpc_endpoint_service" {
			if s, _, ok := hclcheck.AttrString(d.Body, "service"); ok {
				return s
			}
			if sn := d.Body.Attr("service_name"); sn != nil {
				return serviceOf(c, sn)
			}
		}
	}
	return ""
}

// isNull reports an attribute set to a known null: Terraform then applies
// the provider default, as if it were unset.
func isNull(a *hclcheck.Attr) bool {
	v, _ := a.Value().Unmark()
	return v.IsKnown() && v.IsNull()
}

// Association resources that attach route tables, subnets and security
// groups to an endpoint declared elsewhere.
const (
	assocRouteTable    = "aws_vpc_endpoint_route_table_association"
	assocSubnet        = "aws_vpc_endpoint_subnet_association"
	assocSecurityGroup = "aws_vpc_endpoint_security_group_association"
)

// endpointAssociations are the association resources of one type, by the
// declared endpoint their vpc_endpoint_id refers to.
type endpointAssociations struct {
	byEndpoint map[*hclcheck.Resource][]*hclcheck.Resource
	// unresolved are associations whose endpoint cannot be told (a
	// variable, a module that cannot be read): they may name any endpoint,
	// or one of another stack. An association that gives a literal ID, or
	// refers to a data source, names an endpoint outside the stack and is
	// left out.
	unresolved []*hclcheck.Resource
}

// associationsOf indexes the association resources of a type (once per
// configuration).
func associationsOf(c *hclcheck.Config, typ string) endpointAssociations {
	return c.Memo(memoKey{"associationsOf", typ}, func() any {
		as := endpointAssociations{byEndpoint: map[*hclcheck.Resource][]*hclcheck.Resource{}}
		for _, r := range c.Resources(typ) {
			a := r.Body.Attr("vpc_endpoint_id")
			if a == nil {
				continue
			}
			eps, _ := linked(c, a, "aws_vpc_endpoint")
			for _, ep := range eps {
				as.byEndpoint[ep] = append(as.byEndpoint[ep], r)
			}
			if len(eps) > 0 || len(c.Referenced(a)) > 0 {
				continue
			}
			if _, literal := hclcheck.String(a.Value()); !literal {
				as.unresolved = append(as.unresolved, r)
			}
		}
		return as
	}).(endpointAssociations)
}

// associated returns what the associations of a type attach to an
// endpoint through attr (subnet_id, security_group_id): the declared
// resources of the given types it refers to. known is false when one of
// them attaches something that cannot be told, or when an association
// whose endpoint cannot be told may name this one: it attaches something
// in the endpoint's VPC, or something whose VPC cannot be told (a subnet
// or a group joins only endpoints of its own VPC).
func associated(c *hclcheck.Config, ep *hclcheck.Resource, typ, attr string, types ...string) (rs []*hclcheck.Resource, known bool) {
	rs, known = attachedBy(c, ep, typ, attr, types...)
	if !known {
		return rs, false
	}
	vpc := vpcOf(c, ep)
	for _, r := range associationsOf(c, typ).unresolved {
		targets, ok := linked(c, r.Body.Attr(attr), types...)
		if !ok || vpc == nil {
			return rs, false
		}
		for _, t := range targets {
			if v := vpcOf(c, t); v == nil || v == vpc {
				return rs, false
			}
		}
	}
	return rs, true
}

// attachedBy is associated without the associations whose endpoint
// cannot be told.
func attachedBy(c *hclcheck.Config, ep *hclcheck.Resource, typ, attr string, types ...string) (rs []*hclcheck.Resource, known bool) {
	known = true
	for _, r := range associationsOf(c, typ).byEndpoint[ep] {
		got, ok := linked(c, r.Body.Attr(attr), types...)
		known = known && ok
		for _, x := range got {
			if !slices.Contains(rs, x) {
				rs = append(rs, x)
			}
		}
	}
	return rs, known
}

// linked resolves an attribute that refers to one resource (or a few)
// to the declared resources of the given types it refers to (data
// sources left out). known is true when every part of its value is such a
// reference: no literal IDs of things outside the stack, no unknown
// inputs, no other types.
func linked(c *hclcheck.Config, a *hclcheck.Attr, types ...string) (rs []*hclcheck.Resource, known bool) {
	if a == nil {
		return nil, false
	}
	all := c.Referenced(a)
	for _, r := range all {
		if !r.IsData() && slices.Contains(types, r.Type()) {
			rs = append(rs, r)
		}
	}
	return rs, len(rs) > 0 && len(rs) == len(all) && a.OnlyReferences()
}

// associatedSubnets returns the subnets aws_vpc_endpoint_subnet_association
// adds to an Interface endpoint, beyond its subnet_ids (SSM109 takes the
// union). known is false when one cannot be told, or an association may
// name the endpoint but cannot be resolved.
func associatedSubnets(c *hclcheck.Config, ep *hclcheck.Resource) ([]*hclcheck.Resource, bool) {
	return associated(c, ep, assocSubnet, "subnet_id", "aws_subnet")
}

// endpointSecurityGroups returns the security groups of an Interface
// endpoint in a VPC: those its security_group_ids names, else the VPC's
// default group (when the stack manages it), plus those
// aws_vpc_endpoint_security_group_association adds; an association with
// replace_default_association = true takes the default group's place.
// known is false when some cannot be told.
func endpointSecurityGroups(c *hclcheck.Config, ep, vpc *hclcheck.Resource) ([]*hclcheck.Resource, bool) {
	extra, known := associated(c, ep, assocSecurityGroup, "security_group_id", "aws_security_group", "aws_default_security_group")
	var sgs []*hclcheck.Resource
	baseKnown := true
	if a := ep.Body.Attr("security_group_ids"); a != nil {
		// A null (as the registry module's model writes it) stays unknown.
		sgs, baseKnown = resolveAll(c, a, "aws_security_group")
	} else {
		switch replacesDefaultGroup(c, ep) {
		case grantNo:
			sgs, baseKnown = defaultSecurityGroup(c, vpc)
		case grantUnknown:
			baseKnown = false
		}
	}
	for _, sg := range extra {
		if !slices.Contains(sgs, sg) {
			sgs = append(sgs, sg)
		}
	}
	return sgs, known && baseKnown
}

// replacesDefaultGroup tells whether a security group association of the
// endpoint sets replace_default_association = true: the VPC's default
// group is then no longer on the endpoint.
func replacesDefaultGroup(c *hclcheck.Config, ep *hclcheck.Resource) grant {
	out := grantNo
	for _, r := range associationsOf(c, assocSecurityGroup).byEndpoint[ep] {
		a := r.Body.Attr("replace_default_association")
		if a == nil || isNull(a) {
			continue
		}
		s, ok := hclcheck.String(a.Value())
		switch {
		case !ok:
			out = grantUnknown
		case s == "true":
			return grantYes
		}
	}
	return out
}
