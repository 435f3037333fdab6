package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
)

// missingSupportingEndpoint reports, for managed machines in subnets
// without egress, the endpoints Session Manager's companions need: logs
// for CloudWatch session logs, kms for a customer-managed key, and an s3
// Gateway endpoint on the route table for S3 session logs or patching.
func missingSupportingEndpoint(pass *hclcheck.Pass) {
	c := pass.Config
	byVPC, unsure := endpointsByVPC(c)
	if unsure {
		return
	}
	// Machines in subnets without egress come first: most stacks have
	// none, and then nothing else needs reading.
	type placed struct {
		m      machine
		subnet *hclcheck.Resource
		vpc    *hclcheck.Resource
	}
	var isolated []placed
	ms := newManagedSet(pass)
	for _, m := range machines(c) {
		if !m.subnetsKnown || !ms.managed(m) {
			continue
		}
		for _, s := range m.subnets {
			vpc := vpcOf(c, s)
			if vpc == nil {
				continue
			}
			if st, _ := subnetEgress(c, s); st == egressNo {
				isolated = append(isolated, placed{m, s, vpc})
				break
			}
		}
	}
	if len(isolated) == 0 {
		return
	}
	docs, docsUnknown := sessionDocs(c)
	if docsUnknown {
		return
	}
	needs := map[string]string{} // service -> why
	for _, d := range docs {
		if d.names(c, "cloudWatchLogGroupName", "aws_cloudwatch_log_group") {
			needs[svcLogs] = "session logs go to CloudWatch Logs (" + d.r.Addr + ")"
		}
		if _, set := keyOfInput(c, d.get("kmsKeyId")); set {
			needs[svcKMS] = "sessions are encrypted with a KMS key (" + d.r.Addr + ")"
		}
		if d.names(c, "s3BucketName", "aws_s3_bucket") {
			needs[svcS3] = "session logs go to S3 (" + d.r.Addr + ")"
		}
	}
	if p := customerKeyParameter(c); p != "" && needs[svcKMS] == "" {
		needs[svcKMS] = "SecureString " + p + " uses a customer-managed KMS key"
	}
	if p := patching(c); p != "" && needs[svcS3] == "" {
		needs[svcS3] = "instances are patched (" + p + "), and patches come from S3"
	}
	for _, pl := range isolated {
		m, s, vpc := pl.m, pl.subnet, pl.vpc
		have := byVPC[vpc]
		r, at := m.placement()
		for _, svc := range []string{svcLogs, svcKMS, svcS3} {
			why := needs[svc]
			if why == "" {
				continue
			}
			switch svc {
			case svcS3:
				if ok, known := s3Reachable(c, have, s, vpc); ok || !known {
					continue
				}
				pass.Report(r, hclcheck.At(r, at), at.Name,
					"%s runs in %s, which has no way out of the VPC, and %s; but no s3 Gateway endpoint is on that subnet's route table", m.name(), s.Addr, why)
			default:
				if have != nil && have.interfaces[svc] {
					continue
				}
				pass.Report(r, hclcheck.At(r, at), at.Name,
					"%s runs in %s, which has no way out of the VPC, and %s; but %s has no %s Interface endpoint", m.name(), s.Addr, why, vpc.Addr, svc)
			}
		}
	}
}

// customerKeyParameter names a SecureString parameter encrypted with a
// customer-managed key declared in the stack (not alias/aws/ssm).
func customerKeyParameter(c *hclcheck.Config) string {
	for _, p := range parameters(c) {
		if p.typ != typeSecureString {
			continue
		}
		if k := keyOf(c, p.r.Body.Attr("key_id")); k.key != nil || k.alias != nil {
			return p.r.Addr
		}
	}
	return ""
}

// patching names a resource that makes instances install patches.
func patching(c *hclcheck.Config) string {
	for _, typ := range []string{"aws_ssm_maintenance_window_task", "aws_ssm_association"} {
		for _, r := range c.Resources(typ) {
			attr := "task_arn"
			if typ == "aws_ssm_association" {
				attr = "name"
			}
			if s, _, ok := hclcheck.AttrString(r.Body, attr); ok && s == "AWS-RunPatchBaseline" {
				return r.Addr
			}
		}
	}
	return ""
}

// s3Reachable tells whether a subnet reaches S3 privately: an s3
// Interface endpoint in the VPC, or an s3 Gateway endpoint on the
// subnet's route table (or, for a subnet on the implicit main table, one
// that names the VPC's main table), through its route_table_ids or an
// aws_vpc_endpoint_route_table_association (see gatewayOnTables).
func s3Reachable(c *hclcheck.Config, have *vpcEndpoints, s, vpc *hclcheck.Resource) (ok, known bool) {
	if have != nil && have.interfaces[svcS3] {
		return true, true
	}
	tables, _, tablesKnown := effectiveTables(c, s)
	if !tablesKnown {
		return false, false
	}
	targets := tables
	if len(targets) == 0 {
		targets = mainTableNames(c, vpc)
	}
	var gateways []endpoint
	if have != nil {
		gateways = have.gateways[svcS3]
	}
	return gatewayOnTables(c, gateways, targets)
}
