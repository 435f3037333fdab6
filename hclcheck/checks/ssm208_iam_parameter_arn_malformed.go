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
	var names map[string]bool // parameter names of the stack, read on first need
	for _, d := range policyDocuments(pass.Config) {
		for _, st := range d.stmts {
			for _, r := range st.resources {
				if msg := parameterARNProblem(r.value); msg != "" {
					pass.Report(d.owner, r.at, "policy", "%s: %s", d.owner.Addr, msg)
					continue
				}
				if names == nil {
					names = map[string]bool{}
					for _, p := range parameters(pass.Config) {
						names[p.name] = true
					}
				}
				if path, ok := hierarchyOnly(r.value, names, st); ok {
					pass.Report(d.owner, r.at, "policy",
						"%s: %q names the hierarchy %s, not its parameters: GetParameter on it reads only a parameter called exactly %s; use %s/* for the parameters below it",
						d.owner.Addr, r.value, path, path, r.value)
				}
			}
		}
	}
}

// hierarchyOnly reports a parameter ARN without wildcards that names a
// path of the stack's parameters (/app/db for /app/db/password) rather
// than a parameter, in a statement that reads parameters one by one (not
// GetParametersByPath, for which the path is right).
func hierarchyOnly(arn string, names map[string]bool, st stmt) (string, bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[2] != "ssm" || !strings.HasPrefix(parts[5], "parameter/") || strings.ContainsAny(parts[5], "*?") || strings.Contains(parts[5], hclcheck.Unknown) {
		return "", false
	}
	path := "/" + strings.TrimPrefix(parts[5], "parameter/")
	if names[path] || names[strings.TrimPrefix(path, "/")] {
		return "", false // it is a parameter
	}
	below := false
	for n := range names {
		if strings.HasPrefix(n, path+"/") {
			below = true
			break
		}
	}
	if !below || st.notAction {
		return "", false
	}
	reads := false
	for _, a := range st.actions {
		if !a.known() {
			return "", false
		}
		if actionMatches(a.value, "ssm:GetParametersByPath") {
			return "", false
		}
		if actionMatches(a.value, "ssm:GetParameter") || actionMatches(a.value, "ssm:GetParameters") {
			reads = true
		}
	}
	return path, reads
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
