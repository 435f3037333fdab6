package checks

import (
	"fmt"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// sshOpenToWorld reports ingress that admits TCP 22 from anywhere:
// Session Manager makes the open SSH port unnecessary.
func sshOpenToWorld(pass *hclcheck.Pass) {
	c := pass.Config
	for _, r := range allRules(c, "ingress") {
		if !r.known || !r.coversTCP(22) {
			continue
		}
		if g := ruleGroup(c, r); g != nil && !mayReachMachine(c, g) {
			continue // attached only to endpoints, load balancers, databases…: no SSH server behind it
		}
		for _, p := range r.cidrs {
			if p.Bits() != 0 {
				continue
			}
			at, attr := r.at.DefRange(), ""
			if r.cidrAttr != nil {
				at, attr = r.cidrAttr.Range(), r.cidrAttr.Name
			}
			what := r.from.Addr
			if r.group != nil {
				what = fmt.Sprintf("an ingress block of %s", r.from.Addr)
				attr = "ingress." + attr
			}
			pass.Report(r.from, at, attr, "%s admits SSH (TCP 22) from %s: anyone on the internet can try to log in; Session Manager needs no inbound port", what, p)
			break
		}
	}
}

// ruleGroup is the security group a rule belongs to: its inline group, or
// the one group a standalone rule names; nil when that cannot be told.
func ruleGroup(c *hclcheck.Config, r sgRule) *hclcheck.Resource {
	if r.group != nil {
		return r.group
	}
	gs, ok := resolveAll(c, r.groupAttr, "aws_security_group")
	if !ok || len(gs) != 1 {
		return nil
	}
	return gs[0]
}

// machineGroupUses are the attributes that put a security group on a
// machine, or on a network interface an instance may use.
var machineGroupUses = [][2]string{
	{"aws_instance", "vpc_security_group_ids"}, {"aws_instance", "security_groups"},
	{"aws_instance", "network_interface"},
	{"aws_launch_template", "vpc_security_group_ids"}, {"aws_launch_template", "security_group_names"},
	{"aws_launch_template", "network_interfaces"},
	{"aws_launch_configuration", "security_groups"},
	{"aws_spot_instance_request", "vpc_security_group_ids"}, {"aws_spot_instance_request", "security_groups"},
	{"aws_network_interface", "security_groups"},
	{"aws_network_interface_sg_attachment", "security_group_id"},
}

// otherGroupUses are attachments to things with no SSH server behind
// them (VPC endpoints, load balancers, databases, caches, Lambda, EFS),
// and references that are not attachments (rules naming the group as
// their own or as a source).
var otherGroupUses = map[string]bool{
	"aws_vpc_endpoint": true, "aws_vpc_endpoint_security_group_association": true,
	"aws_lb": true, "aws_alb": true, "aws_elb": true,
	"aws_db_instance": true, "aws_rds_cluster": true, "aws_rds_cluster_instance": true, "aws_db_proxy": true,
	"aws_docdb_cluster": true, "aws_neptune_cluster": true, "aws_redshift_cluster": true,
	"aws_elasticache_cluster": true, "aws_elasticache_replication_group": true, "aws_memorydb_cluster": true,
	"aws_lambda_function": true, "aws_efs_mount_target": true,
	"aws_security_group": true, "aws_security_group_rule": true,
	"aws_vpc_security_group_ingress_rule": true, "aws_vpc_security_group_egress_rule": true,
}

// mayReachMachine reports whether a security group is, or may be, on a
// machine: a machine's attribute names it, or it is used somewhere ssmlint
// does not model (passed to a module, output, a local, another resource
// type), or nothing in the scan attaches it (it is attached elsewhere).
// False only when every use is a known attachment to something that runs
// no SSH server.
func mayReachMachine(c *hclcheck.Config, g *hclcheck.Resource) bool {
	if g.Type() != "aws_security_group" {
		return true // the default group: everything without a group uses it
	}
	attached := false
	for _, u := range c.Uses(g) {
		for _, m := range machineGroupUses {
			if u.In(m[0], m[1]) {
				return true
			}
		}
		if !otherGroupUses[u.Type] {
			return true
		}
		switch u.Type {
		case "aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule":
		default:
			attached = true
		}
	}
	return !attached
}
