package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
)

// deprecatedSSMRolePolicy reports attachments of AmazonEC2RoleforSSM.
func deprecatedSSMRolePolicy(pass *hclcheck.Pass) {
	seen := map[*hclcheck.Attr]bool{}
	for _, role := range pass.Config.Resources("aws_iam_role") {
		for _, p := range policiesOf(pass.Config, role).managed {
			if p.name() != policyEC2RoleForSSM || !p.awsManaged() || seen[p.attr] {
				continue
			}
			seen[p.attr] = true
			at := hclcheck.At(p.from, p.attr)
			if at == p.attr.Range() {
				at = hclcheck.ElementRange(p.attr, isEC2RoleForSSM)
			}
			pass.Report(p.from, at, p.attr.Name,
				"%s attaches AmazonEC2RoleforSSM to %s: AWS describes it as due for deprecation, and it is far broader than Session Manager needs", p.from.Addr, role.Addr)
		}
	}
	// Attachments whose role is not declared in the stack still attach it.
	for _, typ := range []string{"aws_iam_role_policy_attachment", "aws_iam_policy_attachment"} {
		for _, r := range pass.Config.Resources(typ) {
			a := r.Body.Attr("policy_arn")
			if a == nil || seen[a] {
				continue
			}
			arn, ok := hclcheck.KnownSuffix(a)
			p := policyRef{arn: arn}
			if !ok || p.name() != policyEC2RoleForSSM || !p.awsManaged() {
				continue
			}
			seen[a] = true
			pass.Report(r, hclcheck.At(r, a), "policy_arn",
				"%s attaches AmazonEC2RoleforSSM: AWS describes it as due for deprecation, and it is far broader than Session Manager needs", r.Addr)
		}
	}
}

// isEC2RoleForSSM matches the deprecated policy's ARN (or its known tail).
func isEC2RoleForSSM(arn string) bool {
	p := policyRef{arn: arn}
	return p.awsManaged() && p.name() == policyEC2RoleForSSM
}
