package bench

import (
	"fmt"
	"strings"
)

// tfvar is one `variable` block.
type tfvar struct {
	name, typ, def, desc string
	sensitive            bool
	validation           string // condition; "" for none
}

func writeVar(w *hw, v tfvar) {
	w.sep()
	w.l(`variable %q {`, v.name)
	w.l("  description = %q", v.desc)
	if v.typ != "" {
		w.l("  type        = %s", v.typ)
	}
	if v.def != "" {
		w.l("  default     = %s", v.def)
	}
	if v.sensitive {
		w.l("  sensitive   = true")
	}
	if v.validation != "" {
		w.blank()
		w.l("  validation {")
		w.l("    condition     = %s", v.validation)
		w.l("    error_message = %q", "The "+v.name+" value is not valid.")
		w.l("  }")
	}
	w.l("}")
}

// outputs writes a file of output blocks: name, value, description.
func (g *gen) outputs(rel string, os [][3]string) {
	w := &hw{}
	for _, o := range os {
		writeOutput(w, o[0], o[1], o[2])
	}
	g.file(rel, w)
}

func writeOutput(w *hw, name, value, desc string) {
	w.sep()
	w.l(`output %q {`, name)
	w.l("  description = %q", desc)
	w.l("  value       = %s", value)
	w.l("}")
}

// extraVars are optional settings roots and modules declare with defaults
// (most of them unused, as in real code).
var extraVars = []tfvar{
	{name: "enable_detailed_monitoring", typ: "bool", def: "false", desc: "Enable detailed CloudWatch monitoring."},
	{name: "alarm_email", typ: "string", def: `"oncall@example.com"`, desc: "Where alarms are sent."},
	{name: "backup_retention_days", typ: "number", def: "7", desc: "Days to keep backups.", validation: "var.backup_retention_days >= 1"},
	{name: "owner", typ: "string", def: `"platform-team"`, desc: "Owning team, for tags."},
	{name: "cost_center", typ: "string", def: `"cc-1234"`, desc: "Cost center, for tags."},
	{name: "enable_session_logging", typ: "bool", def: "true", desc: "Log Session Manager sessions."},
	{name: "session_timeout_minutes", typ: "number", def: "20", desc: "Idle timeout of Session Manager sessions."},
	{name: "ssm_agent_version", typ: "string", def: `"latest"`, desc: "SSM agent version to install."},
	{name: "patch_window_hour", typ: "number", def: "3", desc: "Hour of the weekly patch window.", validation: "var.patch_window_hour >= 0 && var.patch_window_hour < 24"},
	{name: "allowed_account_ids", typ: "list(string)", def: `["123456789012"]`, desc: "Accounts allowed to assume the roles."},
	{name: "extra_policy_arns", typ: "list(string)", def: "[]", desc: "More managed policies for the instance role."},
	{name: "log_kms_key_arn", typ: "string", def: "null", desc: "KMS key for log groups (null: AWS managed)."},
	{name: "instance_tags", typ: "map(string)", def: "{}", desc: "Extra tags for instances."},
	{name: "root_volume_size", typ: "number", def: "30", desc: "Root volume size in GiB."},
	{name: "associate_public_ip", typ: "bool", def: "false", desc: "Give instances public IPs."},
	{name: "ssh_key_name", typ: "string", def: "null", desc: "EC2 key pair (null: Session Manager only)."},
	{name: "compliance_severity", typ: "string", def: `"MEDIUM"`, desc: "Association compliance severity.", validation: `contains(["LOW", "MEDIUM", "HIGH", "CRITICAL"], var.compliance_severity)`},
	{name: "schedule_timezone", typ: "string", def: `"UTC"`, desc: "Time zone of schedules."},
	{name: "notification_topic_arn", typ: "string", def: `""`, desc: "SNS topic for notifications."},
	{name: "dns_zone_name", typ: "string", def: `"internal.example.com"`, desc: "Private DNS zone."},
}

// padVars writes extra variables (those not in skip) until target lines.
func (g *gen) padVars(w *hw, target int, skip map[string]bool) []tfvar {
	var used []tfvar
	for _, i := range g.rng.Perm(len(extraVars)) {
		if w.lines >= target {
			break
		}
		v := extraVars[i]
		if skip[v.name] {
			continue
		}
		writeVar(w, v)
		used = append(used, v)
	}
	return used
}

// sharedCtx is the shared module's context.
func sharedCtx() *mctx {
	return &mctx{
		prefix:      "${local.name_prefix}",
		paramPrefix: "${local.parameter_prefix}",
		tags:        "local.tags",
		region:      "var.region",
		vpcID:       "aws_vpc.this.id",
		vpcCIDR:     "var.vpc_cidr",
		subnets:     "[for s in aws_subnet.this_private : s.id]",
		sg:          "aws_security_group.instance.id",
		profile:     "aws_iam_instance_profile.this.name",
		role:        "aws_iam_role.instance.name",
		roleARN:     "aws_iam_role.instance.arn",
		kms:         "local.parameter_kms_key_arn",
		ami:         "var.ami_id",
		itype:       "var.instance_type",
		logGroup:    `aws_cloudwatch_log_group.this["run_command"].name`,
	}
}

// sharedVars is the interface of the shared module; examples set a part.
var sharedVars = []tfvar{
	{name: "name", typ: "string", desc: "Name of the deployment; prefixes every resource.", validation: "length(var.name) <= 32"},
	{name: "environment", typ: "string", def: `"dev"`, desc: "Environment name."},
	{name: "region", typ: "string", def: `"us-east-1"`, desc: "AWS region."},
	{name: "vpc_cidr", typ: "string", def: `"10.0.0.0/16"`, desc: "CIDR block of the VPC.", validation: "can(cidrhost(var.vpc_cidr, 0))"},
	{name: "azs", typ: "list(string)", def: `["us-east-1a", "us-east-1b", "us-east-1c"]`, desc: "Availability zones."},
	{name: "az_count", typ: "number", def: "2", desc: "How many of the zones to use."},
	{name: "enable_nat_gateway", typ: "bool", def: "true", desc: "Create NAT gateways."},
	{name: "single_nat_gateway", typ: "bool", def: "true", desc: "One NAT gateway for all zones."},
	{name: "enable_vpc_endpoints", typ: "bool", def: "true", desc: "Create the ssm, ssmmessages and ec2messages endpoints."},
	{name: "instance_count", typ: "number", def: "1", desc: "Managed instances to create."},
	{name: "instance_type", typ: "string", def: `"t3.micro"`, desc: "Instance type."},
	{name: "ami_id", typ: "string", def: `"ami-0c02fb55956c7d316"`, desc: "AMI of the managed instances."},
	{name: "enable_asg", typ: "bool", def: "false", desc: "Create an Auto Scaling group."},
	{name: "asg_max_size", typ: "number", def: "3", desc: "Auto Scaling group maximum size."},
	{name: "ingress_rules", typ: "map(object({\n    from_port   = number\n    to_port     = number\n    protocol    = string\n    cidr_blocks = list(string)\n  }))", def: "{}", desc: "Extra ingress rules of the instance security group."},
	{name: "parameters", typ: "map(object({\n    type        = string\n    value       = string\n    tier        = optional(string)\n    description = optional(string, \"Managed by Terraform\")\n  }))", def: "{}", desc: "Parameters to create under /NAME/ENVIRONMENT/."},
	{name: "secure_parameters", typ: "map(string)", def: "{}", desc: "SecureString parameters (values from a secret store).", sensitive: true},
	{name: "parameter_tier", typ: "string", def: `"Standard"`, desc: "Default tier of the parameters.", validation: `contains(["Standard", "Advanced", "Intelligent-Tiering"], var.parameter_tier)`},
	{name: "create_parameter_kms_key", typ: "bool", def: "true", desc: "Create a customer managed key for SecureString parameters."},
	{name: "log_retention_in_days", typ: "number", def: "30", desc: "Retention of the SSM log groups."},
	{name: "patch_approval_days", typ: "number", def: "7", desc: "Days before patches are approved."},
	{name: "maintenance_window_schedule", typ: "string", def: `"cron(0 3 ? * SUN *)"`, desc: "Schedule of the patch window."},
	{name: "tags", typ: "map(string)", def: "{}", desc: "Tags for every resource."},
}

// sharedModule writes the module at the corpus root that every example
// calls with source = "../../".
func (g *gen) sharedModule() {
	c := sharedCtx()

	w := &hw{}
	w.l("terraform {")
	w.l(`  required_version = ">= 1.5.0"`)
	w.blank()
	w.l("  required_providers {")
	w.l("    aws = {")
	w.l(`      source  = "hashicorp/aws"`)
	w.l(`      version = ">= 5.40.0, < 6.0.0"`)
	w.l("    }")
	w.l("  }")
	w.l("}")
	w.blank()
	w.text(`data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

data "aws_availability_zones" "available" {
  state = "available"

  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-*-x86_64"]
  }

  filter {
    name   = "virtualization-type"
    values = ["hvm"]
  }
}`)
	g.file("versions.tf", w)

	w = &hw{}
	for _, v := range sharedVars {
		writeVar(w, v)
	}
	g.file("variables.tf", w)

	w = &hw{}
	w.text(`locals {
  name_prefix      = "${var.name}-${var.environment}"
  parameter_prefix = "/${var.name}/${var.environment}"

  azs = slice(var.azs, 0, min(var.az_count, length(var.azs)))

  public_subnets  = { for i, az in local.azs : az => cidrsubnet(var.vpc_cidr, 8, i) }
  private_subnets = { for i, az in local.azs : az => cidrsubnet(var.vpc_cidr, 8, i + 10) }

  nat_gateway_count = var.enable_nat_gateway ? (var.single_nat_gateway ? 1 : length(local.azs)) : 0

  endpoint_services = toset(var.enable_vpc_endpoints ? ["ssm", "ssmmessages", "ec2messages"] : [])

  common_tags = {
    Environment = var.environment
    ManagedBy   = "terraform"
    Module      = "ssm-platform"
    Name        = local.name_prefix
  }
  tags = merge(local.common_tags, var.tags)

  parameter_kms_key_arn = var.create_parameter_kms_key ? aws_kms_key.parameters[0].arn : "alias/aws/ssm"

  log_groups = {
    sessions    = "/aws/ssm/${local.name_prefix}/sessions"
    run_command = "/aws/ssm/${local.name_prefix}/run-command"
    patching    = "/aws/ssm/${local.name_prefix}/patching"
  }

  instance_names = [for i in range(var.instance_count) : format("%s-%02d", local.name_prefix, i + 1)]

  maintenance_tags = {
    "Patch Group"     = local.name_prefix
    MaintenanceWindow = var.maintenance_window_schedule
  }

  user_data_vars = {
    region    = var.region
    prefix    = local.parameter_prefix
    log_group = local.log_groups.run_command
  }

  ingress_rules = merge({
    https_vpc = {
      from_port   = 443
      to_port     = 443
      protocol    = "tcp"
      cidr_blocks = [var.vpc_cidr]
    }
  }, var.ingress_rules)
}`)
	g.file("locals.tf", w)

	w = &hw{}
	g.network(w, c, "this", "var.vpc_cidr", "local.azs")
	g.file("network.tf", w)

	w = &hw{}
	w.text(`resource "aws_security_group" "instance" {
  name_prefix = "${local.name_prefix}-instance-"
  description = "Managed instances"
  vpc_id      = aws_vpc.this.id

  dynamic "ingress" {
    for_each = local.ingress_rules

    content {
      description = ingress.key
      from_port   = ingress.value.from_port
      to_port     = ingress.value.to_port
      protocol    = ingress.value.protocol
      cidr_blocks = ingress.value.cidr_blocks
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = local.tags
}

resource "aws_security_group" "endpoints" {
  name_prefix = "${local.name_prefix}-endpoints-"
  description = "Interface endpoints"
  vpc_id      = aws_vpc.this.id

  ingress {
    description = "HTTPS from the VPC"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [var.vpc_cidr]
  }

  tags = local.tags
}`)
	g.fill(w, c, 90, g.securityGroup)
	g.file("security_groups.tf", w)

	w = &hw{}
	g.fill(w, c, 60, g.securityGroupRules)
	g.file("security_group_rules.tf", w)

	w = &hw{}
	w.text(`resource "aws_vpc_endpoint" "ssm" {
  for_each = local.endpoint_services

  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [for s in aws_subnet.this_private : s.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true

  tags = merge(local.tags, { Name = "${local.name_prefix}-${each.key}" })
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${var.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [for rt in aws_route_table.this_private : rt.id]

  tags = merge(local.tags, { Name = "${local.name_prefix}-s3" })
}`)
	g.fill(w, c, 55, g.vpcEndpoints)
	g.file("endpoints.tf", w)

	w = &hw{}
	w.text(`resource "aws_iam_role" "instance" {
  name_prefix = "${local.name_prefix}-"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })

  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "core" {
  for_each = toset([
    "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
    "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
  ])

  role       = aws_iam_role.instance.name
  policy_arn = each.value
}

resource "aws_iam_instance_profile" "this" {
  name_prefix = "${local.name_prefix}-"
  role        = aws_iam_role.instance.name
}`)
	g.fill(w, c, 80, g.iamRole)
	g.file("iam.tf", w)

	w = &hw{}
	w.text(`resource "aws_instance" "this" {
  count = var.instance_count

  ami                    = var.ami_id
  instance_type          = var.instance_type
  subnet_id              = element([for s in aws_subnet.this_private : s.id], count.index)
  vpc_security_group_ids = [aws_security_group.instance.id]
  iam_instance_profile   = aws_iam_instance_profile.this.name

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  user_data = templatefile("${path.module}/templates/user_data.sh.tftpl", local.user_data_vars)

  tags = merge(local.tags, local.maintenance_tags, { Name = local.instance_names[count.index] })
}`)
	g.fill(w, c, 60, g.instance)
	g.file("instances.tf", w)

	w = &hw{}
	w.text(`resource "aws_launch_template" "this" {
  count = var.enable_asg ? 1 : 0

  name_prefix   = "${local.name_prefix}-"
  image_id      = var.ami_id
  instance_type = var.instance_type

  iam_instance_profile {
    name = aws_iam_instance_profile.this.name
  }

  vpc_security_group_ids = [aws_security_group.instance.id]
}

resource "aws_autoscaling_group" "this" {
  count = var.enable_asg ? 1 : 0

  name_prefix         = "${local.name_prefix}-"
  min_size            = 1
  max_size            = var.asg_max_size
  vpc_zone_identifier = [for s in aws_subnet.this_private : s.id]

  launch_template {
    id      = aws_launch_template.this[0].id
    version = "$Latest"
  }
}`)
	g.fill(w, c, 70, g.launchTemplateASG)
	g.file("autoscaling.tf", w)

	w = &hw{}
	w.text(`resource "aws_kms_key" "parameters" {
  count = var.create_parameter_kms_key ? 1 : 0

  description             = "SecureString parameters of ${local.name_prefix}"
  deletion_window_in_days = 7
  enable_key_rotation     = true

  tags = local.tags
}

resource "aws_kms_alias" "parameters" {
  count = var.create_parameter_kms_key ? 1 : 0

  name          = "alias/${local.name_prefix}-parameters"
  target_key_id = aws_kms_key.parameters[0].key_id
}`)
	g.fill(w, c, 60, g.kmsKey)
	g.file("kms.tf", w)

	w = &hw{}
	w.text(`resource "aws_cloudwatch_log_group" "this" {
  for_each = local.log_groups

  name              = each.value
  retention_in_days = var.log_retention_in_days
  tags              = local.tags
}`)
	g.fill(w, c, 45, g.logGroups)
	g.file("logs.tf", w)

	w = &hw{}
	w.text(`resource "aws_ssm_parameter" "custom" {
  for_each = var.parameters

  name        = "${local.parameter_prefix}/${each.key}"
  description = each.value.description
  type        = each.value.type
  value       = each.value.value
  tier        = coalesce(each.value.tier, var.parameter_tier)
  key_id      = each.value.type == "SecureString" ? local.parameter_kms_key_arn : null
  overwrite   = true

  tags = merge(local.tags, { Parameter = each.key })
}

resource "aws_ssm_parameter" "secure" {
  for_each = nonsensitive(toset(keys(var.secure_parameters)))

  name   = "${local.parameter_prefix}/secure/${each.key}"
  type   = "SecureString"
  value  = var.secure_parameters[each.key]
  key_id = local.parameter_kms_key_arn

  tags = local.tags
}

resource "aws_ssm_parameter" "vpc_id" {
  name  = "${local.parameter_prefix}/network/vpc_id"
  type  = "String"
  value = aws_vpc.this.id
  tags  = local.tags
}

resource "aws_ssm_parameter" "private_subnet_ids" {
  name  = "${local.parameter_prefix}/network/private_subnet_ids"
  type  = "StringList"
  value = join(",", [for s in aws_subnet.this_private : s.id])
  tags  = local.tags
}

resource "aws_ssm_parameter" "network" {
  name = "${local.parameter_prefix}/network/config"
  type = "String"
  tier = var.parameter_tier
  value = jsonencode({
    vpc_cidr        = var.vpc_cidr
    azs             = local.azs
    public_subnets  = local.public_subnets
    private_subnets = local.private_subnets
    nat_gateways    = local.nat_gateway_count
    endpoints       = sort(tolist(local.endpoint_services))
  })
  tags = local.tags
}

resource "aws_ssm_parameter" "endpoint_ids" {
  for_each = aws_vpc_endpoint.ssm

  name  = "${local.parameter_prefix}/endpoints/${each.key}"
  type  = "String"
  value = each.value.id
}

resource "aws_ssm_parameter" "log_groups" {
  for_each = local.log_groups

  name  = "${local.parameter_prefix}/logs/${each.key}"
  type  = "String"
  value = aws_cloudwatch_log_group.this[each.key].name
}

resource "aws_ssm_parameter" "instance_role" {
  name  = "${local.parameter_prefix}/iam/instance_role_arn"
  type  = "String"
  value = aws_iam_role.instance.arn
}

resource "aws_ssm_parameter" "maintenance_window" {
  name  = "${local.parameter_prefix}/maintenance/window_id"
  type  = "String"
  value = aws_ssm_maintenance_window.this.id
}`)
	g.file("ssm_parameters.tf", w)

	w = &hw{}
	w.text(`resource "aws_ssm_document" "session_preferences" {
  name            = "${local.name_prefix}-session-preferences"
  document_type   = "Session"
  document_format = "JSON"

  content = jsonencode({
    schemaVersion = "1.0"
    description   = "Session Manager preferences"
    sessionType   = "Standard_Stream"
    inputs = {
      cloudWatchLogGroupName      = aws_cloudwatch_log_group.this["sessions"].name
      cloudWatchEncryptionEnabled = true
      idleSessionTimeout          = "20"
      runAsEnabled                = false
      shellProfile = {
        linux = "cd ~ && bash"
      }
    }
  })
}`)
	g.fill(w, c, 90, g.ssmDocument)
	g.file("ssm_documents.tf", w)

	w = &hw{}
	g.fill(w, c, 50, g.ssmAssociation)
	g.file("ssm_associations.tf", w)

	w = &hw{}
	w.text(`resource "aws_ssm_maintenance_window" "this" {
  name     = "${local.name_prefix}-patching"
  schedule = var.maintenance_window_schedule
  duration = 3
  cutoff   = 1
  tags     = local.tags
}

resource "aws_ssm_maintenance_window_target" "this" {
  window_id     = aws_ssm_maintenance_window.this.id
  resource_type = "INSTANCE"

  targets {
    key    = "tag:Patch Group"
    values = [local.name_prefix]
  }
}`)
	g.fill(w, c, 80, g.maintenanceWindow)
	g.file("maintenance_windows.tf", w)

	w = &hw{}
	w.text(`resource "aws_ssm_patch_baseline" "this" {
  name             = "${local.name_prefix}-al2023"
  operating_system = "AMAZON_LINUX_2023"

  approval_rule {
    approve_after_days = var.patch_approval_days

    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security", "Bugfix"]
    }
  }

  tags = local.tags
}

resource "aws_ssm_patch_group" "this" {
  baseline_id = aws_ssm_patch_baseline.this.id
  patch_group = local.name_prefix
}`)
	g.fill(w, c, 60, g.patchBaseline)
	g.file("patch_baselines.tf", w)

	w = &hw{}
	g.fill(w, c, 50, g.alarm)
	g.file("alarms.tf", w)

	w = &hw{}
	g.fill(w, c, 50, g.kmsKey, g.logGroups)
	g.file("session_logging.tf", w)

	g.outputs("outputs.tf", [][3]string{
		{"vpc_id", "aws_vpc.this.id", "ID of the VPC."},
		{"vpc_cidr", "aws_vpc.this.cidr_block", "CIDR of the VPC."},
		{"private_subnet_ids", "[for s in aws_subnet.this_private : s.id]", "Private subnets."},
		{"public_subnet_ids", "[for s in aws_subnet.this_public : s.id]", "Public subnets."},
		{"nat_gateway_ids", "aws_nat_gateway.this[*].id", "NAT gateways."},
		{"security_group_id", "aws_security_group.instance.id", "Security group of the instances."},
		{"instance_ids", "aws_instance.this[*].id", "Managed instances."},
		{"instance_profile_name", "aws_iam_instance_profile.this.name", "Instance profile."},
		{"instance_role_name", "aws_iam_role.instance.name", "Instance role name."},
		{"instance_role_arn", "aws_iam_role.instance.arn", "Instance role ARN."},
		{"kms_key_arn", "local.parameter_kms_key_arn", "Key of the SecureString parameters."},
		{"parameter_names", "merge({ for k, p in aws_ssm_parameter.custom : k => p.name }, { for k, p in aws_ssm_parameter.secure : k => p.name })", "Parameter names by key."},
		{"parameter_prefix", "local.parameter_prefix", "Path of every parameter."},
		{"endpoint_ids", "{ for k, e in aws_vpc_endpoint.ssm : k => e.id }", "Interface endpoints by service."},
		{"log_group_names", "{ for k, g in aws_cloudwatch_log_group.this : k => g.name }", "Log groups by purpose."},
		{"maintenance_window_id", "aws_ssm_maintenance_window.this.id", "Patch window."},
		{"patch_baseline_id", "aws_ssm_patch_baseline.this.id", "Patch baseline."},
		{"session_document_name", "aws_ssm_document.session_preferences.name", "Session preferences document."},
		{"autoscaling_group_name", "one(aws_autoscaling_group.this[*].name)", "Auto Scaling group, when created."},
	})

	// templatefile() target: not a Terraform file, not counted.
	g.raw("templates/user_data.sh.tftpl", "#!/bin/bash\nset -euo pipefail\necho \"region=${region}\" > /etc/app.conf\necho \"prefix=${prefix}\" >> /etc/app.conf\necho \"log_group=${log_group}\" >> /etc/app.conf\nsystemctl enable --now amazon-ssm-agent\n")
}

// raw writes a non-Terraform file (not counted in Stats).
func (g *gen) raw(rel, content string) {
	w := &hw{}
	w.text(content)
	files, lines, bytes := g.stats.Files, g.stats.Lines, g.stats.Bytes
	g.file(rel, w)
	g.stats.Files, g.stats.Lines, g.stats.Bytes = files, lines, bytes
}

// localModules writes modules/*, called from stacks.
func (g *gen) localModules() {
	g.networkModule()
	g.parametersModule()
	g.bastionModule()
	g.patchingModule()
	g.endpointsModule()
}

func moduleCtx(vpc, subnets, sg string) *mctx {
	return &mctx{
		prefix:      "${var.name}",
		paramPrefix: "/${var.name}",
		tags:        "var.tags",
		region:      "data.aws_region.current.name",
		vpcID:       vpc,
		vpcCIDR:     `"10.0.0.0/8"`,
		subnets:     subnets,
		sg:          sg,
		profile:     "aws_iam_instance_profile.this.name",
		role:        "aws_iam_role.this.name",
		roleARN:     "aws_iam_role.this.arn",
		kms:         `"alias/aws/ssm"`,
		ami:         "var.ami_id",
		itype:       "var.instance_type",
		logGroup:    `"/aws/ssm/${var.name}/run-command"`,
	}
}

func (g *gen) networkModule() {
	c := moduleCtx("aws_vpc.this.id", "[for s in aws_subnet.this_private : s.id]", "aws_security_group.default.id")
	w := &hw{}
	for _, v := range []tfvar{
		{name: "name", typ: "string", desc: "Name prefix."},
		{name: "cidr", typ: "string", desc: "VPC CIDR block.", validation: "can(cidrhost(var.cidr, 0))"},
		{name: "azs", typ: "list(string)", desc: "Availability zones."},
		{name: "enable_flow_logs", typ: "bool", def: "false", desc: "Send VPC flow logs to CloudWatch."},
		{name: "flow_log_retention_days", typ: "number", def: "14", desc: "Flow log retention."},
		{name: "tags", typ: "map(string)", def: "{}", desc: "Tags."},
	} {
		writeVar(w, v)
	}
	g.padVars(w, 55, nil)
	g.file("modules/network/variables.tf", w)

	w = &hw{}
	w.text(`data "aws_region" "current" {}`)
	g.network(w, c, "this", "var.cidr", "var.azs")
	g.file("modules/network/main.tf", w)

	w = &hw{}
	w.text(`resource "aws_security_group" "default" {
  name_prefix = "${var.name}-default-"
  vpc_id      = aws_vpc.this.id
  tags        = var.tags
}

resource "aws_flow_log" "this" {
  count = var.enable_flow_logs ? 1 : 0

  vpc_id          = aws_vpc.this.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow_logs[0].arn
}

resource "aws_cloudwatch_log_group" "flow_logs" {
  count = var.enable_flow_logs ? 1 : 0

  name              = "/aws/vpc/${var.name}/flow-logs"
  retention_in_days = var.flow_log_retention_days
  tags              = var.tags
}`)
	g.fill(w, c, 70, g.securityGroupRules, g.vpcEndpoints)
	g.file("modules/network/security.tf", w)

	g.outputs("modules/network/outputs.tf", [][3]string{
		{"vpc_id", "aws_vpc.this.id", "VPC ID."},
		{"vpc_cidr", "aws_vpc.this.cidr_block", "VPC CIDR."},
		{"private_subnet_ids", "[for s in aws_subnet.this_private : s.id]", "Private subnets."},
		{"public_subnet_ids", "[for s in aws_subnet.this_public : s.id]", "Public subnets."},
		{"private_subnets_by_az", "{ for az, s in aws_subnet.this_private : az => s.id }", "Private subnets by zone."},
		{"nat_gateway_ids", "aws_nat_gateway.this[*].id", "NAT gateways."},
		{"private_route_table_ids", "[for rt in aws_route_table.this_private : rt.id]", "Private route tables."},
		{"public_route_table_id", "aws_route_table.this_public.id", "Public route table."},
		{"default_security_group_id", "aws_security_group.default.id", "Default security group."},
		{"internet_gateway_id", "aws_internet_gateway.this.id", "Internet gateway."},
	})
}

func (g *gen) parametersModule() {
	w := &hw{}
	for _, v := range []tfvar{
		{name: "prefix", typ: "string", desc: "Path prefix of every parameter, starting with /.", validation: `startswith(var.prefix, "/")`},
		{name: "parameters", typ: "map(object({\n    type        = string\n    value       = string\n    tier        = optional(string, \"Standard\")\n    description = optional(string, \"\")\n  }))", desc: "Parameters by name below prefix."},
		{name: "kms_key_id", typ: "string", def: "null", desc: "KMS key for SecureString parameters."},
		{name: "overwrite", typ: "bool", def: "true", desc: "Overwrite existing parameters."},
		{name: "tags", typ: "map(string)", def: "{}", desc: "Tags."},
	} {
		writeVar(w, v)
	}
	g.padVars(w, 45, nil)
	g.file("modules/ssm-parameters/variables.tf", w)

	w = &hw{}
	w.text(`locals {
  secure = { for k, p in var.parameters : k => p if p.type == "SecureString" }
  plain  = { for k, p in var.parameters : k => p if p.type != "SecureString" }
}

resource "aws_ssm_parameter" "this" {
  for_each = var.parameters

  name        = "${var.prefix}/${each.key}"
  description = each.value.description
  type        = each.value.type
  value       = each.value.value
  tier        = each.value.tier
  key_id      = each.value.type == "SecureString" ? var.kms_key_id : null
  overwrite   = var.overwrite

  tags = merge(var.tags, { Name = each.key })

  lifecycle {
    precondition {
      condition     = each.value.type != "SecureString" || var.kms_key_id != null
      error_message = "SecureString parameters need kms_key_id."
    }
  }
}

data "aws_kms_key" "this" {
  count  = var.kms_key_id == null ? 0 : 1
  key_id = var.kms_key_id
}

resource "aws_ssm_parameter" "index" {
  name  = "${var.prefix}/_index"
  type  = "StringList"
  value = join(",", sort(keys(local.plain)))
  tags  = var.tags
}

resource "aws_ssm_parameter" "secure_index" {
  name  = "${var.prefix}/_secure_index"
  type  = "StringList"
  value = length(local.secure) > 0 ? join(",", sort(keys(local.secure))) : "none"
  tags  = var.tags
}`)
	g.file("modules/ssm-parameters/main.tf", w)

	g.outputs("modules/ssm-parameters/outputs.tf", [][3]string{
		{"names", "{ for k, p in aws_ssm_parameter.this : k => p.name }", "Parameter names by key."},
		{"arns", "{ for k, p in aws_ssm_parameter.this : k => p.arn }", "Parameter ARNs by key."},
		{"versions", "{ for k, p in aws_ssm_parameter.this : k => p.version }", "Parameter versions by key."},
		{"secure_names", "[for k, p in aws_ssm_parameter.this : p.name if p.type == \"SecureString\"]", "SecureString parameters."},
		{"plain_names", "[for k, p in aws_ssm_parameter.this : p.name if p.type != \"SecureString\"]", "Plain parameters."},
		{"index_name", "aws_ssm_parameter.index.name", "Index parameter."},
		{"secure_index_name", "aws_ssm_parameter.secure_index.name", "Index of SecureString parameters."},
		{"prefix", "var.prefix", "Prefix."},
		{"read_policy_json", `jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["ssm:GetParameter*"], Resource = [for p in aws_ssm_parameter.this : p.arn] }] })`, "Policy to read the parameters."},
		{"count", "length(aws_ssm_parameter.this)", "How many parameters."},
	})
}

func (g *gen) bastionModule() {
	c := moduleCtx("var.vpc_id", "[var.subnet_id]", "aws_security_group.this.id")
	w := &hw{}
	for _, v := range []tfvar{
		{name: "name", typ: "string", desc: "Name prefix."},
		{name: "vpc_id", typ: "string", desc: "VPC of the bastion."},
		{name: "subnet_id", typ: "string", desc: "Subnet of the bastion."},
		{name: "ami_id", typ: "string", def: `"ami-0c02fb55956c7d316"`, desc: "AMI."},
		{name: "instance_type", typ: "string", def: `"t3.nano"`, desc: "Instance type."},
		{name: "allowed_cidrs", typ: "list(string)", def: "[]", desc: "CIDRs allowed to reach the bastion (Session Manager needs none)."},
		{name: "tags", typ: "map(string)", def: "{}", desc: "Tags."},
	} {
		writeVar(w, v)
	}
	g.padVars(w, 60, nil)
	g.file("modules/bastion/variables.tf", w)

	w = &hw{}
	w.text(`data "aws_region" "current" {}

resource "aws_security_group" "this" {
  name_prefix = "${var.name}-bastion-"
  description = "Bastion reachable through Session Manager only"
  vpc_id      = var.vpc_id

  dynamic "ingress" {
    for_each = var.allowed_cidrs

    content {
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = [ingress.value]
    }
  }

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = var.tags
}

resource "aws_instance" "this" {
  ami                    = var.ami_id
  instance_type          = var.instance_type
  subnet_id              = var.subnet_id
  vpc_security_group_ids = [aws_security_group.this.id]
  iam_instance_profile   = aws_iam_instance_profile.this.name

  metadata_options {
    http_tokens = "required"
  }

  tags = merge(var.tags, { Name = "${var.name}-bastion" })
}`)
	g.file("modules/bastion/main.tf", w)

	w = &hw{}
	w.text(`resource "aws_iam_role" "this" {
  name_prefix = "${var.name}-bastion-"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "ssm" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "this" {
  name_prefix = "${var.name}-bastion-"
  role        = aws_iam_role.this.name
}`)
	g.fill(w, c, 60, g.iamRole)
	g.file("modules/bastion/iam.tf", w)

	w = &hw{}
	w.text(`resource "aws_ssm_parameter" "instance_id" {
  name  = "/${var.name}/bastion/instance_id"
  type  = "String"
  value = aws_instance.this.id
  tags  = var.tags
}`)
	g.fill(w, c, 50, g.ssmDocument)
	g.file("modules/bastion/ssm.tf", w)

	g.outputs("modules/bastion/outputs.tf", [][3]string{
		{"instance_id", "aws_instance.this.id", "Bastion instance."},
		{"security_group_id", "aws_security_group.this.id", "Bastion security group."},
		{"role_arn", "aws_iam_role.this.arn", "Bastion role."},
		{"role_name", "aws_iam_role.this.name", "Bastion role name."},
		{"instance_profile_name", "aws_iam_instance_profile.this.name", "Instance profile."},
		{"private_ip", "aws_instance.this.private_ip", "Private IP."},
		{"instance_id_parameter", "aws_ssm_parameter.instance_id.name", "Parameter holding the instance ID."},
		{"start_session_command", `"aws ssm start-session --target ${aws_instance.this.id}"`, "How to connect."},
		{"subnet_id", "var.subnet_id", "Subnet."},
		{"vpc_id", "var.vpc_id", "VPC."},
	})
}

func (g *gen) patchingModule() {
	c := moduleCtx(`""`, "[]", `""`)
	c.roleARN = "var.service_role_arn"
	w := &hw{}
	for _, v := range []tfvar{
		{name: "name", typ: "string", desc: "Name prefix."},
		{name: "patch_group", typ: "string", desc: "Patch group (tag value of the targets)."},
		{name: "operating_system", typ: "string", def: `"AMAZON_LINUX_2023"`, desc: "Operating system of the baseline."},
		{name: "schedule", typ: "string", def: `"cron(0 3 ? * SUN *)"`, desc: "Window schedule."},
		{name: "approve_after_days", typ: "number", def: "7", desc: "Days before approval.", validation: "var.approve_after_days >= 0 && var.approve_after_days <= 360"},
		{name: "service_role_arn", typ: "string", def: "null", desc: "Role of the window tasks."},
		{name: "tags", typ: "map(string)", def: "{}", desc: "Tags."},
	} {
		writeVar(w, v)
	}
	g.padVars(w, 60, nil)
	g.file("modules/patching/variables.tf", w)

	w = &hw{}
	w.text(`data "aws_region" "current" {}

resource "aws_ssm_patch_baseline" "this" {
  name             = "${var.name}-baseline"
  operating_system = var.operating_system

  approval_rule {
    approve_after_days = var.approve_after_days
    compliance_level   = "HIGH"

    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security", "Bugfix", "Recommended"]
    }
  }

  tags = var.tags
}

resource "aws_ssm_patch_group" "this" {
  baseline_id = aws_ssm_patch_baseline.this.id
  patch_group = var.patch_group
}

resource "aws_ssm_maintenance_window" "this" {
  name     = "${var.name}-patch"
  schedule = var.schedule
  duration = 3
  cutoff   = 1
  tags     = var.tags
}

resource "aws_ssm_maintenance_window_target" "this" {
  window_id     = aws_ssm_maintenance_window.this.id
  resource_type = "INSTANCE"

  targets {
    key    = "tag:Patch Group"
    values = [var.patch_group]
  }
}

resource "aws_ssm_maintenance_window_task" "this" {
  window_id       = aws_ssm_maintenance_window.this.id
  task_type       = "RUN_COMMAND"
  task_arn        = "AWS-RunPatchBaseline"
  priority        = 1
  max_concurrency = "25%"
  max_errors      = "1"

  targets {
    key    = "WindowTargetIds"
    values = [aws_ssm_maintenance_window_target.this.id]
  }

  task_invocation_parameters {
    run_command_parameters {
      parameter {
        name   = "Operation"
        values = ["Install"]
      }
    }
  }
}`)
	g.file("modules/patching/main.tf", w)

	w = &hw{}
	g.fill(w, c, 60, g.maintenanceWindow, g.ssmAssociation)
	g.file("modules/patching/extra_windows.tf", w)

	g.outputs("modules/patching/outputs.tf", [][3]string{
		{"baseline_id", "aws_ssm_patch_baseline.this.id", "Patch baseline."},
		{"baseline_arn", "aws_ssm_patch_baseline.this.arn", "Patch baseline ARN."},
		{"window_id", "aws_ssm_maintenance_window.this.id", "Maintenance window."},
		{"target_id", "aws_ssm_maintenance_window_target.this.id", "Window target."},
		{"task_id", "aws_ssm_maintenance_window_task.this.id", "Window task."},
		{"patch_group", "aws_ssm_patch_group.this.patch_group", "Patch group."},
		{"schedule", "var.schedule", "Schedule."},
		{"operating_system", "var.operating_system", "Operating system."},
		{"name", "var.name", "Name."},
		{"region", "data.aws_region.current.name", "Region."},
	})
}

func (g *gen) endpointsModule() {
	c := moduleCtx("var.vpc_id", "var.subnet_ids", "aws_security_group.this.id")
	w := &hw{}
	for _, v := range []tfvar{
		{name: "name", typ: "string", desc: "Name prefix."},
		{name: "vpc_id", typ: "string", desc: "VPC."},
		{name: "subnet_ids", typ: "list(string)", desc: "Subnets of the interface endpoints."},
		{name: "services", typ: "set(string)", def: `["ssm", "ssmmessages", "ec2messages"]`, desc: "Interface endpoint services."},
		{name: "vpc_cidr", typ: "string", def: `"10.0.0.0/8"`, desc: "Allowed source CIDR."},
		{name: "tags", typ: "map(string)", def: "{}", desc: "Tags."},
	} {
		writeVar(w, v)
	}
	g.padVars(w, 50, nil)
	g.file("modules/endpoints/variables.tf", w)

	w = &hw{}
	w.text(`data "aws_region" "current" {}

resource "aws_security_group" "this" {
  name_prefix = "${var.name}-endpoints-"
  vpc_id      = var.vpc_id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [var.vpc_cidr]
  }

  tags = var.tags
}

resource "aws_vpc_endpoint" "this" {
  for_each = var.services

  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.${data.aws_region.current.name}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = var.subnet_ids
  security_group_ids  = [aws_security_group.this.id]
  private_dns_enabled = true

  tags = merge(var.tags, { Name = "${var.name}-${each.key}" })
}`)
	g.fill(w, c, 60, g.vpcEndpoints)
	g.file("modules/endpoints/main.tf", w)

	g.outputs("modules/endpoints/outputs.tf", [][3]string{
		{"endpoint_ids", "{ for k, e in aws_vpc_endpoint.this : k => e.id }", "Endpoints by service."},
		{"endpoint_dns", "{ for k, e in aws_vpc_endpoint.this : k => e.dns_entry }", "DNS entries by service."},
		{"security_group_id", "aws_security_group.this.id", "Endpoint security group."},
		{"services", "var.services", "Services."},
		{"network_interface_ids", "flatten([for e in aws_vpc_endpoint.this : e.network_interface_ids])", "ENIs."},
		{"vpc_id", "var.vpc_id", "VPC."},
		{"subnet_ids", "var.subnet_ids", "Subnets."},
		{"region", "data.aws_region.current.name", "Region."},
		{"name", "var.name", "Name."},
		{"tags", "var.tags", "Tags."},
	})
}

// fmtList formats strings as an HCL list of strings.
func fmtList(xs []string) string {
	qs := make([]string, len(xs))
	for i, x := range xs {
		qs[i] = fmt.Sprintf("%q", x)
	}
	return "[" + strings.Join(qs, ", ") + "]"
}
