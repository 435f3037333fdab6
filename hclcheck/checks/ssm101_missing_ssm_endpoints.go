package checks

import (
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// missingSSMEndpoints reports managed machines in subnets without egress
// whose VPC lacks the ssm or ssmmessages Interface endpoint (SSM101).
func missingSSMEndpoints(pass *hclcheck.Pass) {
	reportMissingEndpoints(pass, []string{svcSSM, svcSSMMessages})
}

// missingEC2MessagesEndpoint reports the same situation when only
// ec2messages is missing (SSM110): needed by SSM Agent before 3.3.40.0.
func missingEC2MessagesEndpoint(pass *hclcheck.Pass) {
	reportMissingEndpoints(pass, []string{svcEC2Messages})
}

// reportMissingEndpoints is SSM101 for the ssm/ssmmessages services and
// SSM110 for ec2messages. SSM110 stays quiet where SSM101 already names
// ec2messages among the missing services.
func reportMissingEndpoints(pass *hclcheck.Pass, services []string) {
	c := pass.Config
	var byVPC map[*hclcheck.Resource]*vpcEndpoints
	var ms *managedSet
	for _, m := range machines(c) {
		if !m.subnetsKnown {
			continue
		}
		for _, s := range m.subnets {
			vpc := vpcOf(c, s)
			if vpc == nil {
				continue
			}
			st, why := subnetEgress(c, s)
			if st != egressNo {
				continue
			}
			// Only now, for an isolated machine, the costlier questions.
			if ms == nil {
				var unsure bool
				if byVPC, unsure = endpointsByVPC(c); unsure {
					return
				}
				ms = newManagedSet(pass)
			}
			if !ms.managed(m) {
				break
			}
			have := byVPC[vpc]
			var missing []string
			for _, svc := range []string{svcSSM, svcSSMMessages, svcEC2Messages} {
				if have == nil || !have.interfaces[svc] {
					missing = append(missing, svc)
				}
			}
			core := 0
			for _, svc := range missing {
				if svc != svcEC2Messages {
					core++
				}
			}
			isSSM110 := len(services) == 1
			if isSSM110 && (core > 0 || len(missing) == 0) || !isSSM110 && core == 0 {
				continue
			}
			r, at := m.placement()
			if isSSM110 {
				pass.Report(r, hclcheck.At(r, at), at.Name,
					"%s runs in %s, which has no way out of the VPC (%s), and %s has endpoints for ssm and ssmmessages but not ec2messages: SSM Agent older than 3.3.40.0 still needs it",
					m.name(), s.Addr, why, vpc.Addr)
			} else {
				pass.Report(r, hclcheck.At(r, at), at.Name,
					"%s runs in %s, which has no way out of the VPC (%s), and %s has no Interface endpoint for %s: SSM Agent cannot reach Systems Manager, so Session Manager cannot connect",
					m.name(), s.Addr, why, vpc.Addr, joinAnd(missing))
			}
			break
		}
	}
}

// joinAnd lists words as "a", "a and b", "a, b and c".
func joinAnd(ws []string) string {
	if len(ws) <= 1 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}
