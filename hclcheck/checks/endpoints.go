package checks

import (
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
