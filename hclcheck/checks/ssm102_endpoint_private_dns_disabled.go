package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
)

// endpointPrivateDNSDisabled reports Interface endpoints for the Session
// Manager services without private DNS: the agent then still resolves
// the public service endpoint, which a private subnet cannot reach.
func endpointPrivateDNSDisabled(pass *hclcheck.Pass) {
	for _, e := range endpoints(pass.Config) {
		if !isSSMService(e.service) || e.typ != "Interface" {
			continue
		}
		a := e.r.Body.Attr("private_dns_enabled")
		if a == nil || isNull(a) {
			at := e.r.DefRange()
			if a != nil {
				at = hclcheck.At(e.r, a)
			}
			pass.Report(e.r, at, "private_dns_enabled",
				"%s (%s) does not set private_dns_enabled, which defaults to false: SSM Agent keeps resolving the public %s endpoint", e.r.Addr, e.service, e.service)
			continue
		}
		if s, ok := hclcheck.String(a.Value()); !ok || s != "false" {
			continue // true, or unknown
		}
		pass.Report(e.r, hclcheck.At(e.r, a), "private_dns_enabled",
			"%s (%s) has private_dns_enabled = false: SSM Agent keeps resolving the public %s endpoint", e.r.Addr, e.service, e.service)
	}
}
