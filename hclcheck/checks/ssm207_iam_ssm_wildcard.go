package checks

import (
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// parameterReads are the actions that return parameter values.
var parameterReads = []string{"ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:GetParameterHistory"}

// iamSSMWildcard reports Allow statements that grant every action (or
// every Systems Manager action), or that grant parameter reads on every
// resource: least privilege names the actions and the parameter paths.
func iamSSMWildcard(pass *hclcheck.Pass) {
	for _, d := range policyDocuments(pass.Config) {
		for _, st := range d.stmts {
			if st.effect != "Allow" || st.notAction {
				continue
			}
			wild := false
			for _, a := range st.actions {
				if !a.known() {
					continue
				}
				switch strings.ToLower(a.value) {
				case "*":
					wild = true
					pass.Report(d.owner, a.at, "policy", "%s allows every action (\"*\"): grant only the Systems Manager actions the principal needs", d.owner.Addr)
				case "ssm:*":
					wild = true
					pass.Report(d.owner, a.at, "policy", "%s allows every Systems Manager action (\"ssm:*\"), including writing and deleting parameters and running commands: grant only the actions needed", d.owner.Addr)
				}
			}
			if wild || st.notResource || !readsParameters(st) {
				continue
			}
			for _, r := range st.resources {
				if r.known() && r.value == "*" {
					pass.Report(d.owner, r.at, "policy", "%s allows reading parameters on every resource (\"*\"): every parameter of the account, secrets included; name the parameter paths (arn:aws:ssm:REGION:ACCOUNT:parameter/app/*)", d.owner.Addr)
				}
			}
		}
	}
}

// readsParameters reports whether a statement's actions cover a parameter
// read.
func readsParameters(st stmt) bool {
	for _, a := range st.actions {
		if !a.known() {
			continue
		}
		for _, read := range parameterReads {
			if actionMatches(a.value, read) {
				return true
			}
		}
	}
	return false
}
