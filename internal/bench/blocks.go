package bench

import (
	"fmt"
	"strings"
)

// mctx is what block generators may refer to inside one module: HCL
// expressions that are valid there. Interpolation fields (prefix,
// paramPrefix) are template fragments such as "${local.name_prefix}".
type mctx struct {
	prefix      string // name prefix, as a template fragment
	paramPrefix string // parameter path prefix, as a template fragment
	tags        string // map expression
	region      string // string expression
	vpcID       string
	vpcCIDR     string // string expression
	subnets     string // list expression
	sg          string // security group id
	profile     string // instance profile name
	role        string // IAM role name
	roleARN     string // IAM role ARN
	kms         string // KMS key ARN (or alias) for SecureString parameters
	ami         string
	itype       string
	logGroup    string // a log group name expression
	seq         int    // for unique resource names
}

// next returns a fresh resource name built on base.
func (c *mctx) next(base string) string {
	c.seq++
	return fmt.Sprintf("%s_%d", base, c.seq)
}

// sep writes the blank line between blocks.
func (w *hw) sep() {
	if w.lines > 0 {
		w.blank()
	}
}

// filler generates one or more blocks.
type filler func(w *hw, c *mctx)

// fill appends blocks picked from fs until the file reaches target lines.
func (g *gen) fill(w *hw, c *mctx, target int, fs ...filler) {
	for w.lines < target {
		fs[g.intn(len(fs))](w, c)
	}
}

func (g *gen) securityGroup(w *hw, c *mctx) {
	n := c.next(g.pick("app", "service", "worker", "internal", "admin", "lb"))
	w.sep()
	w.l(`resource "aws_security_group" %q {`, n)
	w.group(1,
		kv{"name_prefix", q(c.prefix + "-" + strings.ReplaceAll(n, "_", "-") + "-")},
		kv{"description", q("Traffic for the " + strings.ReplaceAll(n, "_", " ") + " tier")},
		kv{"vpc_id", c.vpcID},
	)
	ports := g.subset([]string{"22", "80", "443", "5432", "6379", "8080", "8443", "9090"}, g.between(1, 3))
	for _, p := range ports {
		w.blank()
		w.l("  ingress {")
		w.group(2,
			kv{"description", q("Port " + p + " from the VPC")},
			kv{"from_port", p},
			kv{"to_port", p},
			kv{"protocol", q("tcp")},
			kv{"cidr_blocks", "[" + c.vpcCIDR + "]"},
		)
		w.l("  }")
	}
	w.blank()
	w.l("  egress {")
	w.group(2,
		kv{"description", q("All outbound")},
		kv{"from_port", "0"},
		kv{"to_port", "0"},
		kv{"protocol", q("-1")},
		kv{"cidr_blocks", `["0.0.0.0/0"]`},
	)
	w.l("  }")
	w.blank()
	w.l(`  tags = merge(%s, { Name = "%s-%s" })`, c.tags, c.prefix, strings.ReplaceAll(n, "_", "-"))
	w.blank()
	w.l("  lifecycle {")
	w.l("    create_before_destroy = true")
	w.l("  }")
	w.l("}")
}

func (g *gen) securityGroupRules(w *hw, c *mctx) {
	n := c.next(g.pick("ingress", "service_ingress", "peer_ingress"))
	w.sep()
	w.l(`resource "aws_security_group_rule" %q {`, n)
	w.l("  for_each = {")
	for _, p := range g.subset([]string{"https:443", "http:80", "postgres:5432", "redis:6379", "metrics:9100", "grpc:50051"}, g.between(2, 4)) {
		name, port, _ := strings.Cut(p, ":")
		w.l(`    %s = { port = %s, cidrs = ["10.%d.0.0/16"] }`, name, port, g.intn(250))
	}
	w.l("  }")
	w.blank()
	w.group(1,
		kv{"type", q("ingress")},
		kv{"security_group_id", c.sg},
		kv{"from_port", "each.value.port"},
		kv{"to_port", "each.value.port"},
		kv{"protocol", q("tcp")},
		kv{"cidr_blocks", "each.value.cidrs"},
		kv{"description", `"Allow ${each.key}"`},
	)
	w.l("}")
	if g.chance(0.5) {
		w.blank()
		w.l(`resource "aws_security_group_rule" "%s_egress" {`, n)
		w.group(1,
			kv{"type", q("egress")},
			kv{"security_group_id", c.sg},
			kv{"from_port", "443"},
			kv{"to_port", "443"},
			kv{"protocol", q("tcp")},
			kv{"cidr_blocks", `["0.0.0.0/0"]`},
			kv{"description", q("HTTPS to AWS APIs")},
		)
		w.l("}")
	}
}

func (g *gen) vpcEndpoints(w *hw, c *mctx) {
	n := c.next("ssm")
	w.sep()
	w.l(`resource "aws_vpc_endpoint" %q {`, n)
	w.l(`  for_each = toset(["ssm", "ssmmessages", "ec2messages"])`)
	w.blank()
	w.group(1,
		kv{"vpc_id", c.vpcID},
		kv{"service_name", `"com.amazonaws.${` + c.region + `}.${each.key}"`},
		kv{"vpc_endpoint_type", q("Interface")},
		kv{"subnet_ids", c.subnets},
		kv{"security_group_ids", "[" + c.sg + "]"},
		kv{"private_dns_enabled", "true"},
	)
	w.blank()
	w.l(`  tags = merge(%s, { Name = "%s-${each.key}" })`, c.tags, c.prefix)
	w.l("}")
	if g.chance(0.4) {
		w.blank()
		w.l(`resource "aws_vpc_endpoint" "%s_s3" {`, n)
		w.group(1,
			kv{"vpc_id", c.vpcID},
			kv{"service_name", `"com.amazonaws.${` + c.region + `}.s3"`},
			kv{"vpc_endpoint_type", q("Gateway")},
		)
		w.blank()
		w.l(`  tags = merge(%s, { Name = "%s-s3" })`, c.tags, c.prefix)
		w.l("}")
	}
}

func (g *gen) instance(w *hw, c *mctx) {
	n := c.next(g.pick("app", "worker", "jump", "batch", "agent"))
	w.sep()
	w.l(`resource "aws_instance" %q {`, n)
	w.l("  count = %d", g.between(1, 3))
	w.blank()
	w.group(1,
		kv{"ami", c.ami},
		kv{"instance_type", c.itype},
		kv{"subnet_id", "element(" + c.subnets + ", count.index)"},
		kv{"vpc_security_group_ids", "[" + c.sg + "]"},
		kv{"iam_instance_profile", c.profile},
		kv{"monitoring", "true"},
		kv{"ebs_optimized", "true"},
	)
	w.blank()
	w.l("  metadata_options {")
	w.group(2,
		kv{"http_endpoint", q("enabled")},
		kv{"http_tokens", q("required")},
		kv{"http_put_response_hop_limit", "1"},
	)
	w.l("  }")
	w.blank()
	w.l("  root_block_device {")
	w.group(2,
		kv{"volume_size", fmt.Sprint(g.pick("20", "30", "50", "100"))},
		kv{"volume_type", q("gp3")},
		kv{"encrypted", "true"},
	)
	w.l("  }")
	w.blank()
	w.l("  user_data = base64encode(<<-EOT")
	w.l("    #!/bin/bash")
	w.l("    set -euo pipefail")
	w.l("    dnf install -y amazon-ssm-agent amazon-cloudwatch-agent")
	w.l("    systemctl enable --now amazon-ssm-agent")
	w.l(`    echo "region=${%s}" >> /etc/app.conf`, c.region)
	w.l(`    echo "prefix=%s" >> /etc/app.conf`, c.paramPrefix)
	w.l("  EOT")
	w.l("  )")
	w.blank()
	w.l(`  tags = merge(%s, { Name = "%s-%s-${count.index}", "Patch Group" = "%s" })`, c.tags, c.prefix, strings.ReplaceAll(n, "_", "-"), c.prefix)
	w.l("}")
}

func (g *gen) launchTemplateASG(w *hw, c *mctx) {
	n := c.next(g.pick("app", "workers", "fleet", "consumers"))
	w.sep()
	w.l(`resource "aws_launch_template" %q {`, n)
	w.group(1,
		kv{"name_prefix", q(c.prefix + "-" + strings.ReplaceAll(n, "_", "-") + "-")},
		kv{"image_id", c.ami},
		kv{"instance_type", c.itype},
		kv{"update_default_version", "true"},
		kv{"vpc_security_group_ids", "[" + c.sg + "]"},
	)
	w.blank()
	w.l("  iam_instance_profile {")
	w.l("    name = %s", c.profile)
	w.l("  }")
	w.blank()
	w.l("  metadata_options {")
	w.group(2, kv{"http_endpoint", q("enabled")}, kv{"http_tokens", q("required")})
	w.l("  }")
	w.blank()
	w.l("  block_device_mappings {")
	w.l(`    device_name = "/dev/xvda"`)
	w.blank()
	w.l("    ebs {")
	w.group(3, kv{"volume_size", "30"}, kv{"volume_type", q("gp3")}, kv{"encrypted", "true"}, kv{"delete_on_termination", "true"})
	w.l("    }")
	w.l("  }")
	w.blank()
	w.l("  tag_specifications {")
	w.l(`    resource_type = "instance"`)
	w.l(`    tags          = merge(%s, { Name = "%s-%s" })`, c.tags, c.prefix, strings.ReplaceAll(n, "_", "-"))
	w.l("  }")
	w.l("}")
	w.blank()
	w.l(`resource "aws_autoscaling_group" %q {`, n)
	w.group(1,
		kv{"name_prefix", q(c.prefix + "-" + strings.ReplaceAll(n, "_", "-") + "-")},
		kv{"min_size", fmt.Sprint(g.between(1, 2))},
		kv{"max_size", fmt.Sprint(g.between(3, 10))},
		kv{"desired_capacity", fmt.Sprint(g.between(1, 3))},
		kv{"vpc_zone_identifier", c.subnets},
		kv{"health_check_type", q("EC2")},
		kv{"health_check_grace_period", "300"},
	)
	w.blank()
	w.l("  launch_template {")
	w.l("    id      = aws_launch_template.%s.id", n)
	w.l(`    version = "$Latest"`)
	w.l("  }")
	w.blank()
	w.l("  instance_refresh {")
	w.l(`    strategy = "Rolling"`)
	w.blank()
	w.l("    preferences {")
	w.l("      min_healthy_percentage = 90")
	w.l("    }")
	w.l("  }")
	w.blank()
	w.l("  tag {")
	w.group(2, kv{"key", q("Name")}, kv{"value", q(c.prefix + "-" + strings.ReplaceAll(n, "_", "-"))}, kv{"propagate_at_launch", "true"})
	w.l("  }")
	w.l("}")
}

func (g *gen) iamRole(w *hw, c *mctx) {
	n := c.next(g.pick("ssm_instance", "automation", "maintenance", "app_runtime"))
	w.sep()
	w.l(`resource "aws_iam_role" %q {`, n)
	w.l(`  name_prefix = "%s-%s-"`, c.prefix, strings.ReplaceAll(n, "_", "-"))
	w.l("  assume_role_policy = jsonencode({")
	w.l(`    Version = "2012-10-17"`)
	w.l("    Statement = [{")
	w.l(`      Effect    = "Allow"`)
	w.l(`      Action    = "sts:AssumeRole"`)
	w.l(`      Principal = { Service = %s }`, q(g.pick("ec2.amazonaws.com", "ssm.amazonaws.com", "lambda.amazonaws.com")))
	w.l("    }]")
	w.l("  })")
	w.blank()
	w.l("  tags = %s", c.tags)
	w.l("}")
	w.blank()
	w.l(`resource "aws_iam_role_policy_attachment" "%s_core" {`, n)
	w.l("  role       = aws_iam_role.%s.name", n)
	w.l(`  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"`)
	w.l("}")
	w.blank()
	w.l(`resource "aws_iam_role_policy" %q {`, n)
	w.l(`  name = "parameter-access"`)
	w.l("  role = aws_iam_role.%s.id", n)
	w.blank()
	w.l("  policy = jsonencode({")
	w.l(`    Version = "2012-10-17"`)
	w.l("    Statement = [")
	w.l("      {")
	w.l(`        Sid      = "ReadParameters"`)
	w.l(`        Effect   = "Allow"`)
	w.l(`        Action   = ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"]`)
	w.l(`        Resource = "arn:aws:ssm:${%s}:*:parameter%s/*"`, c.region, c.paramPrefix)
	w.l("      },")
	w.l("      {")
	w.l(`        Sid      = "DecryptParameters"`)
	w.l(`        Effect   = "Allow"`)
	w.l(`        Action   = ["kms:Decrypt"]`)
	w.l("        Resource = [%s]", c.kms)
	w.l("      },")
	w.l("    ]")
	w.l("  })")
	w.l("}")
	if g.chance(0.6) {
		w.blank()
		w.l(`resource "aws_iam_instance_profile" %q {`, n)
		w.l(`  name_prefix = "%s-"`, c.prefix)
		w.l("  role        = aws_iam_role.%s.name", n)
		w.l("}")
	}
}

func (g *gen) kmsKey(w *hw, c *mctx) {
	n := c.next(g.pick("parameters", "sessions", "logs", "documents"))
	w.sep()
	w.l(`resource "aws_kms_key" %q {`, n)
	w.group(1,
		kv{"description", `"` + c.prefix + " " + strings.ReplaceAll(n, "_", " ") + `"`},
		kv{"deletion_window_in_days", fmt.Sprint(g.pick("7", "14", "30"))},
		kv{"enable_key_rotation", "true"},
	)
	w.blank()
	w.l("  policy = jsonencode({")
	w.l(`    Version = "2012-10-17"`)
	w.l("    Statement = [")
	w.l("      {")
	w.l(`        Sid       = "RootAccess"`)
	w.l(`        Effect    = "Allow"`)
	w.l(`        Principal = { AWS = "arn:aws:iam::123456789012:root" }`)
	w.l(`        Action    = "kms:*"`)
	w.l(`        Resource  = "*"`)
	w.l("      },")
	w.l("      {")
	w.l(`        Sid       = "AllowRoleUse"`)
	w.l(`        Effect    = "Allow"`)
	w.l("        Principal = { AWS = %s }", c.roleARN)
	w.l(`        Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]`)
	w.l(`        Resource  = "*"`)
	w.l("      },")
	w.l("    ]")
	w.l("  })")
	w.blank()
	w.l("  tags = %s", c.tags)
	w.l("}")
	w.blank()
	w.l(`resource "aws_kms_alias" %q {`, n)
	w.l(`  name          = "alias/%s-%s"`, c.prefix, strings.ReplaceAll(n, "_", "-"))
	w.l("  target_key_id = aws_kms_key.%s.key_id", n)
	w.l("}")
}

func (g *gen) logGroups(w *hw, c *mctx) {
	n := c.next(g.pick("ssm", "app", "patching", "sessions"))
	w.sep()
	w.l(`resource "aws_cloudwatch_log_group" %q {`, n)
	w.l("  for_each = {")
	for _, k := range g.subset([]string{"sessions", "run_command", "patching", "automation", "agent", "inventory"}, g.between(2, 4)) {
		w.l(`    %s = "/aws/ssm/%s/%s"`, k, c.prefix, k)
	}
	w.l("  }")
	w.blank()
	w.group(1,
		kv{"name", "each.value"},
		kv{"retention_in_days", g.pick("14", "30", "90", "365")},
		kv{"kms_key_id", c.kms},
		kv{"tags", c.tags},
	)
	w.l("}")
}

func (g *gen) ssmDocument(w *hw, c *mctx) {
	n := c.next(g.pick("bootstrap", "rotate_logs", "install_agent", "hardening", "collect_diagnostics"))
	w.sep()
	w.l(`resource "aws_ssm_document" %q {`, n)
	w.group(1,
		kv{"name", q(c.prefix + "-" + strings.ReplaceAll(n, "_", "-"))},
		kv{"document_type", q("Command")},
	)
	if g.chance(0.5) {
		w.l(`  document_format = "JSON"`)
		w.blank()
		w.l("  content = jsonencode({")
		w.l(`    schemaVersion = "2.2"`)
		w.l("    description   = %q", "Run "+strings.ReplaceAll(n, "_", " ")+" on managed instances")
		w.l("    parameters = {")
		w.l(`      LogLevel = { type = "String", default = "info", allowedValues = ["debug", "info", "warn"] }`)
		w.l("    }")
		w.l("    mainSteps = [")
		for i := range g.between(1, 3) {
			w.l("      {")
			w.l(`        action = "aws:runShellScript"`)
			w.l(`        name   = "step%d"`, i+1)
			w.l("        inputs = {")
			w.l("          runCommand = [")
			w.l(`            "set -e",`)
			w.l(`            "echo running step %d with {{ LogLevel }}",`, i+1)
			w.l(`            "/usr/local/bin/%s --region ${%s}",`, strings.ReplaceAll(n, "_", "-"), c.region)
			w.l("          ]")
			w.l("        }")
			w.l("      },")
		}
		w.l("    ]")
		w.l("  })")
	} else {
		w.l(`  document_format = "YAML"`)
		w.blank()
		w.l("  content = <<-DOC")
		w.l("    schemaVersion: '2.2'")
		w.l("    description: Run %s", strings.ReplaceAll(n, "_", " "))
		w.l("    mainSteps:")
		for i := range g.between(1, 3) {
			w.l("      - action: aws:runShellScript")
			w.l("        name: step%d", i+1)
			w.l("        inputs:")
			w.l("          runCommand:")
			w.l("            - echo step %d", i+1)
			w.l("            - systemctl restart amazon-ssm-agent")
		}
		w.l("  DOC")
	}
	w.blank()
	w.l("  tags = %s", c.tags)
	w.l("}")
}

func (g *gen) ssmAssociation(w *hw, c *mctx) {
	n := c.next(g.pick("inventory", "agent_update", "cw_agent", "baseline_scan"))
	w.sep()
	w.l(`resource "aws_ssm_association" %q {`, n)
	w.group(1,
		kv{"name", q(g.pick("AWS-GatherSoftwareInventory", "AWS-UpdateSSMAgent", "AmazonCloudWatch-ManageAgent", "AWS-RunPatchBaseline"))},
		kv{"association_name", q(c.prefix + "-" + strings.ReplaceAll(n, "_", "-"))},
		kv{"schedule_expression", q(g.pick("rate(30 minutes)", "rate(1 day)", "cron(0 2 ? * * *)"))},
		kv{"compliance_severity", q(g.pick("MEDIUM", "HIGH", "LOW"))},
	)
	w.blank()
	w.l("  targets {")
	w.l(`    key    = "tag:Patch Group"`)
	w.l("    values = [%q]", c.prefix)
	w.l("  }")
	if g.chance(0.5) {
		w.blank()
		w.l("  output_location {")
		w.l(`    s3_bucket_name = "%s-ssm-output"`, c.prefix)
		w.l(`    s3_key_prefix  = "associations/%s"`, n)
		w.l("  }")
	}
	w.l("}")
}

func (g *gen) maintenanceWindow(w *hw, c *mctx) {
	n := c.next(g.pick("patching", "weekly", "nightly", "reboot"))
	w.sep()
	w.l(`resource "aws_ssm_maintenance_window" %q {`, n)
	w.group(1,
		kv{"name", q(c.prefix + "-" + strings.ReplaceAll(n, "_", "-"))},
		kv{"schedule", q(g.pick("cron(0 3 ? * SUN *)", "cron(0 2 ? * * *)", "rate(7 days)"))},
		kv{"duration", g.pick("2", "3", "4")},
		kv{"cutoff", "1"},
		kv{"allow_unassociated_targets", "false"},
		kv{"schedule_timezone", q(g.pick("UTC", "Europe/Dublin", "America/New_York"))},
		kv{"tags", c.tags},
	)
	w.l("}")
	w.blank()
	w.l(`resource "aws_ssm_maintenance_window_target" %q {`, n)
	w.group(1,
		kv{"window_id", "aws_ssm_maintenance_window." + n + ".id"},
		kv{"name", q(strings.ReplaceAll(n, "_", "-") + "-targets")},
		kv{"resource_type", q("INSTANCE")},
	)
	w.blank()
	w.l("  targets {")
	w.l(`    key    = "tag:Patch Group"`)
	w.l("    values = [%q]", c.prefix)
	w.l("  }")
	w.l("}")
	w.blank()
	w.l(`resource "aws_ssm_maintenance_window_task" %q {`, n)
	w.group(1,
		kv{"window_id", "aws_ssm_maintenance_window." + n + ".id"},
		kv{"task_type", q("RUN_COMMAND")},
		kv{"task_arn", q("AWS-RunPatchBaseline")},
		kv{"priority", "1"},
		kv{"max_concurrency", q("25%")},
		kv{"max_errors", q("1")},
		kv{"service_role_arn", c.roleARN},
	)
	w.blank()
	w.l("  targets {")
	w.l(`    key    = "WindowTargetIds"`)
	w.l("    values = [aws_ssm_maintenance_window_target.%s.id]", n)
	w.l("  }")
	w.blank()
	w.l("  task_invocation_parameters {")
	w.l("    run_command_parameters {")
	w.l("      timeout_seconds = 3600")
	w.blank()
	w.l("      cloudwatch_config {")
	w.l("        cloudwatch_log_group_name = %s", c.logGroup)
	w.l("        cloudwatch_output_enabled = true")
	w.l("      }")
	w.blank()
	w.l("      parameter {")
	w.l(`        name   = "Operation"`)
	w.l(`        values = [%q]`, g.pick("Install", "Scan"))
	w.l("      }")
	w.l("    }")
	w.l("  }")
	w.l("}")
}

func (g *gen) patchBaseline(w *hw, c *mctx) {
	n := c.next(g.pick("amazon_linux", "ubuntu", "windows", "rhel"))
	osName := map[string]string{"amazon": "AMAZON_LINUX_2023", "ubuntu": "UBUNTU", "windows": "WINDOWS", "rhel": "REDHAT_ENTERPRISE_LINUX"}[strings.SplitN(n, "_", 2)[0]]
	w.sep()
	w.l(`resource "aws_ssm_patch_baseline" %q {`, n)
	w.group(1,
		kv{"name", q(c.prefix + "-" + strings.ReplaceAll(n, "_", "-"))},
		kv{"description", q("Patch baseline for " + strings.ReplaceAll(n, "_", " "))},
		kv{"operating_system", q(osName)},
		kv{"approved_patches_compliance_level", q(g.pick("CRITICAL", "HIGH", "MEDIUM"))},
	)
	for i := range g.between(1, 2) {
		w.blank()
		w.l("  approval_rule {")
		w.l("    approve_after_days = %d", 7*(i+1))
		w.l(`    compliance_level   = "HIGH"`)
		w.blank()
		w.l("    patch_filter {")
		w.l(`      key    = "CLASSIFICATION"`)
		w.l(`      values = ["Security", "Bugfix"]`)
		w.l("    }")
		w.blank()
		w.l("    patch_filter {")
		w.l(`      key    = "SEVERITY"`)
		w.l(`      values = ["Critical", "Important"]`)
		w.l("    }")
		w.l("  }")
	}
	w.blank()
	w.l("  tags = %s", c.tags)
	w.l("}")
	w.blank()
	w.l(`resource "aws_ssm_patch_group" %q {`, n)
	w.l("  baseline_id = aws_ssm_patch_baseline.%s.id", n)
	w.l("  patch_group = %q", c.prefix)
	w.l("}")
}

func (g *gen) alarm(w *hw, c *mctx) {
	n := c.next(g.pick("cpu_high", "status_check", "command_failures", "patch_noncompliant"))
	w.sep()
	w.l(`resource "aws_cloudwatch_metric_alarm" %q {`, n)
	w.group(1,
		kv{"alarm_name", q(c.prefix + "-" + strings.ReplaceAll(n, "_", "-"))},
		kv{"comparison_operator", q("GreaterThanThreshold")},
		kv{"evaluation_periods", g.pick("1", "2", "3")},
		kv{"metric_name", q(g.pick("CPUUtilization", "StatusCheckFailed", "CommandsFailed"))},
		kv{"namespace", q(g.pick("AWS/EC2", "AWS/SSM-RunCommand"))},
		kv{"period", g.pick("60", "300")},
		kv{"statistic", q("Average")},
		kv{"threshold", g.pick("0", "80", "90")},
		kv{"alarm_description", q("Alarm for " + strings.ReplaceAll(n, "_", " "))},
		kv{"treat_missing_data", q("notBreaching")},
		kv{"tags", c.tags},
	)
	w.l("}")
}

// network writes a VPC with subnets, route tables, an internet gateway and
// NAT gateways, all named after base ("this" in modules).
func (g *gen) network(w *hw, c *mctx, base, cidr, azs string) {
	w.sep()
	w.l(`resource "aws_vpc" %q {`, base)
	w.group(1, kv{"cidr_block", cidr}, kv{"enable_dns_support", "true"}, kv{"enable_dns_hostnames", "true"})
	w.blank()
	w.l(`  tags = merge(%s, { Name = "%s" })`, c.tags, c.prefix)
	w.l("}")
	w.blank()
	w.l(`resource "aws_internet_gateway" %q {`, base)
	w.l("  vpc_id = aws_vpc.%s.id", base)
	w.l(`  tags   = merge(%s, { Name = "%s-igw" })`, c.tags, c.prefix)
	w.l("}")
	for i, tier := range []string{"public", "private"} {
		w.blank()
		w.l(`resource "aws_subnet" "%s_%s" {`, base, tier)
		w.l("  for_each = { for i, az in %s : az => cidrsubnet(%s, 8, i + %d) }", azs, cidr, i*10)
		w.blank()
		w.group(1,
			kv{"vpc_id", "aws_vpc." + base + ".id"},
			kv{"availability_zone", "each.key"},
			kv{"cidr_block", "each.value"},
			kv{"map_public_ip_on_launch", fmt.Sprint(tier == "public")},
		)
		w.blank()
		w.l(`  tags = merge(%s, { Name = "%s-%s-${each.key}", Tier = %q })`, c.tags, c.prefix, tier, tier)
		w.l("}")
	}
	w.blank()
	w.l(`resource "aws_eip" "%s_nat" {`, base)
	w.l("  count  = length(%s) > 1 ? 2 : 1", azs)
	w.l(`  domain = "vpc"`)
	w.l(`  tags   = merge(%s, { Name = "%s-nat-${count.index}" })`, c.tags, c.prefix)
	w.l("}")
	w.blank()
	w.l(`resource "aws_nat_gateway" %q {`, base)
	w.l("  count = length(aws_eip.%s_nat)", base)
	w.blank()
	w.group(1,
		kv{"allocation_id", "aws_eip." + base + "_nat[count.index].id"},
		kv{"subnet_id", "values(aws_subnet." + base + "_public)[count.index].id"},
		kv{"tags", `merge(` + c.tags + `, { Name = "` + c.prefix + `-nat-${count.index}" })`},
	)
	w.blank()
	w.l("  depends_on = [aws_internet_gateway.%s]", base)
	w.l("}")
	w.blank()
	w.l(`resource "aws_route_table" "%s_public" {`, base)
	w.l("  vpc_id = aws_vpc.%s.id", base)
	w.blank()
	w.l("  route {")
	w.l(`    cidr_block = "0.0.0.0/0"`)
	w.l("    gateway_id = aws_internet_gateway.%s.id", base)
	w.l("  }")
	w.blank()
	w.l(`  tags = merge(%s, { Name = "%s-public" })`, c.tags, c.prefix)
	w.l("}")
	w.blank()
	w.l(`resource "aws_route_table" "%s_private" {`, base)
	w.l("  for_each = aws_subnet.%s_private", base)
	w.blank()
	w.l("  vpc_id = aws_vpc.%s.id", base)
	w.l(`  tags   = merge(%s, { Name = "%s-private-${each.key}" })`, c.tags, c.prefix)
	w.l("}")
	w.blank()
	w.l(`resource "aws_route" "%s_private_nat" {`, base)
	w.l("  for_each = aws_route_table.%s_private", base)
	w.blank()
	w.group(1,
		kv{"route_table_id", "each.value.id"},
		kv{"destination_cidr_block", q("0.0.0.0/0")},
		kv{"nat_gateway_id", "aws_nat_gateway." + base + "[0].id"},
	)
	w.l("}")
	for _, tier := range []string{"public", "private"} {
		w.blank()
		w.l(`resource "aws_route_table_association" "%s_%s" {`, base, tier)
		w.l("  for_each = aws_subnet.%s_%s", base, tier)
		w.blank()
		w.l("  subnet_id      = each.value.id")
		if tier == "public" {
			w.l("  route_table_id = aws_route_table.%s_public.id", base)
		} else {
			w.l("  route_table_id = aws_route_table.%s_private[each.key].id", base)
		}
		w.l("}")
	}
}

// Parameter kinds for ssmParameter. The bad ones make findings.
const (
	pConfig        = iota // String with a literal value
	pJSON                 // String holding jsonencode of a local or literal map
	pList                 // StringList from a list expression
	pRef                  // String holding another resource's attribute
	pSecureVar            // SecureString from a sensitive variable
	pForEach              // for_each over a literal map
	pCount                // count over a list
	pPlaceholder          // SecureString literal kept as placeholder (ignore_changes): info finding
	pSecretName           // SSM201: String whose name marks a secret
	pSecureLiteral        // SSM202: SecureString with a literal value
	pBadName              // SSM203: a name AWS rejects
	pAdvanced             // SSM301: Advanced tier for a small value
	pTooLarge             // SSM204: a value over 4 KB on Standard
)

// ssmParameter writes one aws_ssm_parameter of the given kind. refs are
// expressions usable as values for pRef; secureVar names a sensitive
// variable for pSecureVar.
func (g *gen) ssmParameter(w *hw, c *mctx, kind int, refs []string, secureVar string) {
	word := g.pickOf(configWords)
	if kind == pSecureVar || kind == pPlaceholder || kind == pSecretName || kind == pSecureLiteral {
		word = g.pickOf(secretWords)
	}
	n := c.next(word)
	name := c.paramPrefix + "/" + word
	w.sep()
	switch kind {
	case pConfig:
		w.l(`resource "aws_ssm_parameter" %q {`, n)
		w.group(1,
			kv{"name", q(name)},
			kv{"description", q("Runtime setting " + word)},
			kv{"type", q("String")},
			kv{"value", q(g.pick("info", "250", "30", "https://api.internal.example.com", "enabled", "false", "us-east-1", "8"))},
			kv{"tags", c.tags},
		)
	case pJSON:
		w.l(`resource "aws_ssm_parameter" %q {`, n)
		w.group(1,
			kv{"name", q(name)},
			kv{"type", q("String")},
			kv{"tier", q("Standard")},
		)
		w.l("  value = jsonencode({")
		for _, k := range g.subset(configWords, g.between(2, 6)) {
			w.l("    %s = %s", k, g.pick(`"on"`, "true", "100", `"info"`, "3", `"`+c.prefix+`"`))
		}
		w.l("  })")
		w.blank()
		w.l("  tags = %s", c.tags)
	case pList:
		w.l(`resource "aws_ssm_parameter" %q {`, n)
		w.group(1,
			kv{"name", q(name)},
			kv{"type", q("StringList")},
			kv{"value", `join(",", ` + c.subnets + `)`},
		)
	case pRef:
		w.l(`resource "aws_ssm_parameter" %q {`, n)
		w.group(1,
			kv{"name", q(c.paramPrefix + "/refs/" + word)},
			kv{"type", q("String")},
			kv{"value", g.pickOf(refs)},
			kv{"overwrite", "true"},
		)
	case pSecureVar:
		w.l(`resource "aws_ssm_parameter" %q {`, n)
		w.group(1,
			kv{"name", q(c.paramPrefix + "/secure/" + word)},
			kv{"type", q("SecureString")},
			kv{"value", secureVar},
			kv{"key_id", c.kms},
		)
	case pForEach:
		w.l(`resource "aws_ssm_parameter" %q {`, n)
		w.l("  for_each = {")
		for _, k := range g.subset(configWords, g.between(2, 7)) {
			w.l("    %s = %s", k, q(g.pick("1", "true", "info", "primary", "10.0.0.10", "https://hooks.example.com/"+k)))
		}
		w.l("  }")
		w.blank()
		w.group(1,
			kv{"name", `"` + c.paramPrefix + `/settings/${each.key}"`},
			kv{"type", q("String")},
			kv{"value", "each.value"},
			kv{"tags", c.tags},
		)
	case pCount:
		w.l(`resource "aws_ssm_parameter" %q {`, n)
		w.l(`  count = length(["primary", "replica", "analytics"])`)
		w.blank()
		w.group(1,
			kv{"name", `"` + c.paramPrefix + `/` + word + `/${count.index}"`},
			kv{"type", q("String")},
			kv{"value", `element(["primary", "replica", "analytics"], count.index)`},
		)
	case pPlaceholder:
		w.l(`resource "aws_ssm_parameter" %q {`, n)
		w.group(1,
			kv{"name", q(c.paramPrefix + "/secure/" + word)},
			kv{"type", q("SecureString")},
			kv{"value", q("placeholder")},
			kv{"key_id", c.kms},
		)
		w.blank()
		w.l("  lifecycle {")
		w.l("    ignore_changes = [value]")
		w.l("  }")
	case pSecretName:
		w.l(`resource "aws_ssm_parameter" %q {`, n)
		w.group(1,
			kv{"name", q(c.paramPrefix + "/" + word)},
			kv{"type", q("String")},
			kv{"value", q(g.pick("hunter2", "sk_live_51Habc", "s3cr3t-value", "P@ssw0rd!"))},
		)
	case pSecureLiteral:
		w.l(`resource "aws_ssm_parameter" %q {`, n)
		w.group(1,
			kv{"name", q(c.paramPrefix + "/secure/" + word)},
			kv{"type", q("SecureString")},
			kv{"value", q(g.pick("changeme", "Sup3rS3cret!", "tok_9f8e7d6c"))},
			kv{"key_id", c.kms},
		)
	case pBadName:
		bad := g.pickOf(badNames)
		if strings.Contains(bad, "%s") {
			bad = fmt.Sprintf(bad, c.prefix)
		}
		w.l(`resource "aws_ssm_parameter" %q {`, n)
		w.group(1,
			kv{"name", q(bad)},
			kv{"type", q("String")},
			kv{"value", q("1")},
		)
	case pAdvanced:
		if g.chance(0.3) {
			// Suppressed in the CLI (the engine still reports it).
			w.l("# ssmlint:ignore SSM301 -- parameter policies are added by the rotation stack")
		}
		w.l(`resource "aws_ssm_parameter" %q {`, n)
		w.group(1,
			kv{"name", q(name)},
			kv{"type", q("String")},
			kv{"tier", q("Advanced")},
			kv{"value", q(g.pick("blue", "v2.3.1", "enabled", "https://status.example.com"))},
		)
	case pTooLarge:
		w.l(`resource "aws_ssm_parameter" %q {`, n)
		w.group(1,
			kv{"name", q(c.paramPrefix + "/hosts/allowlist")},
			kv{"type", q("StringList")},
			kv{"value", `join(",", [for i in range(250) : format("host-%04d.internal", i)])`},
		)
	}
	w.l("}")
}
