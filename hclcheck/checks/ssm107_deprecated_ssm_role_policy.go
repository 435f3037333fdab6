package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
)

// deprecatedSSMRolePolicy reports attachments of AmazonEC2RoleforSSM: in a
// role's managed_policy_arns, or by an attachment resource. Only ARNs are
// read (no policy documents), each attachment once.
func deprecatedSSMRolePolicy(pass *hclcheck.Pass) {
	c := pass.Config
	for _, role := range c.Resources("aws_iam_role") {
		a := role.Body.Attr("managed_policy_arns")
		if a == nil || a.OnlyReferences() || !attachesEC2RoleForSSM(a) {
			continue
		}
		at := hclcheck.At(role, a)
		if at == a.Range() {
			at = hclcheck.ElementRange(a, isEC2RoleForSSM)
		}
		pass.Report(role, at, a.Name,
			"%s attaches AmazonEC2RoleforSSM to %s: AWS describes it as due for deprecation, and it is far broader than Session Manager needs", role.Addr, role.Addr)
	}
	for _, att := range []struct{ typ, arns, role string }{
		{"aws_iam_role_policy_attachment", "policy_arn", "role"},
		{"aws_iam_policy_attachment", "policy_arn", "roles"},
		{"aws_iam_role_policy_attachments_exclusive", "policy_arns", "role_name"},
	} {
		for _, r := range c.Resources(att.typ) {
			a := r.Body.Attr(att.arns)
			if a == nil || a.OnlyReferences() || !attachesEC2RoleForSSM(a) {
				continue
			}
			to := ""
			if ra := r.Body.Attr(att.role); ra != nil {
				if roles := c.Referenced(ra); len(roles) == 1 && roles[0].Type() == "aws_iam_role" {
					to = " to " + roles[0].Addr
				}
			}
			at := hclcheck.At(r, a)
			if at == a.Range() {
				at = hclcheck.ElementRange(a, isEC2RoleForSSM)
			}
			pass.Report(r, at, att.arns,
				"%s attaches AmazonEC2RoleforSSM%s: AWS describes it as due for deprecation, and it is far broader than Session Manager needs", r.Addr, to)
		}
	}
}

// attachesEC2RoleForSSM reports whether an ARN attribute (one ARN or a
// list) names the deprecated policy, known whole or by its tail.
func attachesEC2RoleForSSM(a *hclcheck.Attr) bool {
	arns, _ := hclcheck.KnownTails(a)
	for _, arn := range arns {
		if isEC2RoleForSSM(arn) {
			return true
		}
	}
	return false
}

// isEC2RoleForSSM matches the deprecated policy's ARN (or its known tail).
func isEC2RoleForSSM(arn string) bool {
	p := policyRef{arn: arn}
	return p.awsManaged() && p.name() == policyEC2RoleForSSM
}
