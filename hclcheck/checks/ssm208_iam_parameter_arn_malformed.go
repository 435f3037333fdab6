package checks

import (
	"fmt"
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// iamParameterARNMalformed reports parameter ARNs in policies that can
// never match a parameter: a double slash after "parameter" (the name's
// leading slash kept), or a region or account that no ARN has.
func iamParameterARNMalformed(pass *hclcheck.Pass) {
	for _, d := range policyDocuments(pass.Config) {
		for _, st := range d.stmts {
			for _, r := range st.resources {
				if msg := parameterARNProblem(r.value); msg != "" {
					pass.Report(d.owner, r.at, "policy", "%s: %s", d.owner.Addr, msg)
				}
			}
		}
	}
}

// parameterARNProblem explains why a parameter ARN pattern cannot match,
// or returns "". Unknown parts (hclcheck.Unknown) and wildcards are given
// the benefit of the doubt.
func parameterARNProblem(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "ssm" || !strings.HasPrefix(parts[5], "parameter") {
		return ""
	}
	region, account, res := parts[3], parts[4], parts[5]
	pattern := func(s string) bool { return strings.ContainsAny(s, "*?") || strings.Contains(s, hclcheck.Unknown) }
	show := strings.ReplaceAll(arn, hclcheck.Unknown, "${…}")
	if strings.HasPrefix(res, "parameter//") {
		return fmt.Sprintf("parameter ARN %q has a double slash: the ARN drops the name's leading slash (parameter/app/db, not parameter//app/db), so it matches nothing", show)
	}
	// An empty account is right for AWS's public parameters
	// (arn:aws:ssm:REGION::parameter/aws/service/...).
	if account != "" && !pattern(account) && (len(account) != 12 || strings.Trim(account, "0123456789") != "") {
		return fmt.Sprintf("parameter ARN %q has account %q, which is not a 12-digit account ID: it matches nothing", show, account)
	}
	if !pattern(region) && (region == "" || strings.Trim(region, "abcdefghijklmnopqrstuvwxyz0123456789-") != "") {
		return fmt.Sprintf("parameter ARN %q has region %q, which no Region is called: it matches nothing", show, region)
	}
	return ""
}
