package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
)

// endpointTypeNotInterface reports ssm/ssmmessages/ec2messages endpoints
// that are not Interface endpoints: unset means Gateway, which these
// services do not offer.
func endpointTypeNotInterface(pass *hclcheck.Pass) {
	for _, e := range endpoints(pass.Config) {
		if !isSSMService(e.service) || e.typ == "Interface" || e.typ == "" {
			continue
		}
		if e.typAttr == nil {
			at := e.r.DefRange()
			if a := e.r.Body.Attr("vpc_endpoint_type"); a != nil {
				at = hclcheck.At(e.r, a) // set to null: the default applies
			}
			pass.Report(e.r, at, "vpc_endpoint_type",
				"%s (%s) has no vpc_endpoint_type, so the provider creates a Gateway endpoint; %s is only offered as an Interface endpoint", e.r.Addr, e.service, e.service)
			continue
		}
		pass.Report(e.r, hclcheck.At(e.r, e.typAttr), "vpc_endpoint_type",
			"%s (%s) is a %s endpoint; %s is only offered as an Interface endpoint", e.r.Addr, e.service, e.typ, e.service)
	}
}
