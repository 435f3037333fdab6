package rules

import "strings"

// All returns every rule of the catalog in ID order. Each call returns a new
// slice, so callers may sort or filter it freely; the *Rule values are shared
// and must not be modified.
func All() []*Rule {
	return []*Rule{
		SSM101, SSM102, SSM103, SSM104, SSM105, SSM106, SSM107, SSM108, SSM109, SSM110, SSM111,
		SSM201, SSM202, SSM203, SSM204, SSM205, SSM206, SSM207, SSM208, SSM209,
		SSM301, SSM302, SSM303,
		SSM401, SSM402, SSM403, SSM404, SSM405, SSM406, SSM407,
		SSM501, SSM502, SSM503,
		SSM601, SSM602, SSM603, SSM604, SSM605, SSM606, SSM607, SSM608, SSM609,
	}
}

// Lookup finds a rule by its ID ("SSM201") or its name
// ("secret-in-plain-string"), both case-insensitive. It is meant for the
// config and CLI boundary; code inside ssmlint refers to the values directly.
func Lookup(idOrName string) (*Rule, bool) {
	for _, r := range All() {
		if strings.EqualFold(r.ID, idOrName) || strings.EqualFold(r.Name, idOrName) {
			return r, true
		}
	}
	return nil, false
}

// Expand resolves what a user may name where rules are selected: a rule's
// ID or name, as Lookup, or a group prefix, "SSM" and one digit ("SSM6":
// every SSM6xx rule, the Go side), case-insensitive. It returns the rules
// in ID order, and false when nothing matches (an unknown group such as
// "SSM9" included).
func Expand(idNameOrGroup string) ([]*Rule, bool) {
	if r, ok := Lookup(idNameOrGroup); ok {
		return []*Rule{r}, true
	}
	s := idNameOrGroup
	if len(s) != len("SSM6") || !strings.EqualFold(s[:3], "SSM") || s[3] < '0' || s[3] > '9' {
		return nil, false
	}
	var out []*Rule
	for _, r := range All() {
		if strings.EqualFold(r.ID[:4], s) {
			out = append(out, r)
		}
	}
	return out, len(out) > 0
}

// Citations shared by several entries' Sources. The facts are in
// ssm-facts.md (with the AWS page each comes from); the seed notes are the
// Japanese operations notes the catalog is derived from.
const (
	factTiers            = "ssm-facts.md: Parameter Store tiers (AWS User Guide, parameter-store-advanced-parameters)"
	factIntelligentTier  = "ssm-facts.md: Intelligent-Tiering (AWS User Guide, ps-default-tier)"
	factThroughput       = "ssm-facts.md: higher throughput is billed per API interaction (AWS User Guide, parameter-store-throughput)"
	factNames            = "ssm-facts.md: parameter naming rules (SSM API Reference, PutParameter)"
	factARN              = "ssm-facts.md: parameter ARN format"
	factPagination       = "ssm-facts.md: GetParametersByPath, DescribeParameters and GetParameterHistory are paginated"
	factGetParameters    = "ssm-facts.md: GetParameters takes at most 10 names and reports unknown ones in InvalidParameters"
	factValueWO          = "ssm-facts.md: write-only value_wo on aws_ssm_parameter (Terraform AWS provider PR #40952, Terraform 1.11 or later)"
	factInstanceCore     = "ssm-facts.md: instance permissions, AmazonSSMManagedInstanceCore"
	factRoleForSSM       = "ssm-facts.md: AmazonEC2RoleforSSM is due for deprecation"
	factDHMC             = "ssm-facts.md: Default Host Management Configuration"
	factEndpoints        = "ssm-facts.md: endpoints for instances without internet egress (ssm, ssmmessages, ec2messages, s3, logs, kms)"
	factEndpointSG       = "ssm-facts.md: the endpoints' security group must allow inbound TCP 443 from the instances"
	factProviderDefaults = "ssm-facts.md: Terraform AWS provider defaults (vpc_endpoint_type Gateway, private_dns_enabled false, no egress on a new aws_security_group)"
	factKMS              = "ssm-facts.md: alias/aws/ssm versus customer-managed keys (AWS User Guide, ps-restrict-decryption)"
	factWindow           = "ssm-facts.md: maintenance window duration and cutoff"
	factApproval         = "ssm-facts.md: patch baseline approval rules (approve_after_days 0–360 or approve_until_date)"
	factPatchGroupTag    = "ssm-facts.md: patch group tag key Patch Group or PatchGroup"
	factPeers            = "ssm-facts.md: what the peers check"

	seedTrouble1       = "seed notes (ssm-operations-notes.ja.md): trouble 1, \"We couldn't start the session\""
	seedTrouble2       = "seed notes (ssm-operations-notes.ja.md): trouble 2, Parameter Store values cannot be read"
	seedTrouble3       = "seed notes (ssm-operations-notes.ja.md): trouble 3, Patch Manager does not apply patches"
	seedPrivateSubnet  = "seed notes (ssm-operations-notes.ja.md): Private Subnet + VPC endpoints (ssm, ssmmessages, ec2messages)"
	seedSSH            = "seed notes (ssm-operations-notes.ja.md): Session Manager vs SSH table"
	seedIAM            = "seed notes (ssm-operations-notes.ja.md): IAM role design, custom policies with least privilege"
	seedSecretsManager = "seed notes (ssm-operations-notes.ja.md): Parameter Store vs Secrets Manager table"
	seedCost           = "seed notes (ssm-operations-notes.ja.md): cost traps"
	seedLogging        = "seed notes (ssm-operations-notes.ja.md): monitoring and logs, session logs to CloudWatch Logs are mandatory"
	seedRunCommand     = "seed notes (ssm-operations-notes.ja.md): Run Command, save output to S3"
	seedPatching       = "seed notes (ssm-operations-notes.ja.md): Patch Manager, maintenance windows and baseline approval rules"
)
