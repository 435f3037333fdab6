// Package checks holds the Terraform rules (SSM1xx–SSM5xx): each one a pure
// function of an evaluated configuration (hclcheck.Config) that reports
// findings through a hclcheck.Pass.
package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/rules"
)

// All returns the Terraform checks, in rule ID order.
func All() []hclcheck.Check {
	return []hclcheck.Check{
		{Rule: rules.SSM101, Run: missingSSMEndpoints},
		{Rule: rules.SSM102, Run: endpointPrivateDNSDisabled},
		{Rule: rules.SSM103, Run: endpointSGNoHTTPSIngress},
		{Rule: rules.SSM104, Run: instanceNoHTTPSEgress},
		{Rule: rules.SSM105, Run: endpointTypeNotInterface},
		{Rule: rules.SSM106, Run: instanceProfileMissingSSMCore},
		{Rule: rules.SSM107, Run: deprecatedSSMRolePolicy},
		{Rule: rules.SSM108, Run: sshOpenToWorld},
		{Rule: rules.SSM109, Run: endpointAZGap},
		{Rule: rules.SSM110, Run: missingEC2MessagesEndpoint},
		{Rule: rules.SSM111, Run: missingSupportingEndpoint},
		{Rule: rules.SSM201, Run: secretInPlainString},
		{Rule: rules.SSM202, Run: secureStringLiteralValue},
		{Rule: rules.SSM203, Run: invalidParameterName},
		{Rule: rules.SSM204, Run: parameterValueTooLarge},
		{Rule: rules.SSM205, Run: iamMissingKMSDecrypt},
		{Rule: rules.SSM206, Run: iamMissingParameterRead},
		{Rule: rules.SSM207, Run: iamSSMWildcard},
		{Rule: rules.SSM208, Run: iamParameterARNMalformed},
		{Rule: rules.SSM209, Run: rotationCandidate},
		{Rule: rules.SSM301, Run: advancedTierWaste},
		{Rule: rules.SSM302, Run: highThroughputEnabled},
		{Rule: rules.SSM303, Run: sessionLogNoRetention},
		{Rule: rules.SSM401, Run: patchBaselineNoApproval},
		{Rule: rules.SSM402, Run: patchBaselineSlowApproval},
		{Rule: rules.SSM403, Run: patchGroupUnmatched},
		{Rule: rules.SSM404, Run: maintenanceWindowTargetUnmatched},
		{Rule: rules.SSM405, Run: maintenanceWindowCutoff},
		{Rule: rules.SSM406, Run: maintenanceWindowScanOnly},
		{Rule: rules.SSM407, Run: maintenanceWindowDisabled},
		{Rule: rules.SSM501, Run: sessionLoggingMissing},
		{Rule: rules.SSM502, Run: sessionLoggingUnencrypted},
		{Rule: rules.SSM503, Run: commandOutputNotSaved},
	}
}
