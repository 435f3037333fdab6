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
			if wild || st.notResource || !readsParameters(st) || onlyInstanceCoreActions(st) {
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

// instanceCoreOnStar are the actions AWS's AmazonSSMManagedInstanceCore
// (policy version 2) grants on "*": what SSM Agent needs. A statement
// that grants only these on "*" is that policy inlined, no broader than
// attaching it (which SSM106 recommends).
var instanceCoreOnStar = map[string]bool{
	"ssm:describeassociation": true, "ssm:getdeployablepatchsnapshotforinstance": true,
	"ssm:getdocument": true, "ssm:describedocument": true, "ssm:getmanifest": true,
	"ssm:getparameter": true, "ssm:getparameters": true, "ssm:listassociations": true,
	"ssm:listinstanceassociations": true, "ssm:putinventory": true, "ssm:putcomplianceitems": true,
	"ssm:putconfigurepackageresult": true, "ssm:updateassociationstatus": true,
	"ssm:updateinstanceassociationstatus": true, "ssm:updateinstanceinformation": true,
	"ssmmessages:createcontrolchannel": true, "ssmmessages:createdatachannel": true,
	"ssmmessages:opencontrolchannel": true, "ssmmessages:opendatachannel": true,
	"ec2messages:acknowledgemessage": true, "ec2messages:deletemessage": true,
	"ec2messages:failmessage": true, "ec2messages:getendpoint": true,
	"ec2messages:getmessages": true, "ec2messages:sendreply": true,
}

// onlyInstanceCoreActions reports a statement whose actions are all
// written out and all among those AmazonSSMManagedInstanceCore grants on
// "*" (a pattern such as ssm:Get* reaches further: not these).
func onlyInstanceCoreActions(st stmt) bool {
	if !st.actionsComplete || len(st.actions) == 0 {
		return false
	}
	for _, a := range st.actions {
		if !a.known() || !instanceCoreOnStar[strings.ToLower(a.value)] {
			return false
		}
	}
	return true
}
