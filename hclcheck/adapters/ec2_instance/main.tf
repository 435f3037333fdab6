# ssmlint adapter for the registry module terraform-aws-modules/ec2-instance/aws
#
# This is ssmlint's own model of that module's interface, written from its
# documentation (README inputs, outputs and resources) and documented
# behaviour. It contains none of the module's code. ssmlint evaluates it
# in place of the real module when a stack calls the module from the
# registry and `terraform init` has not installed it.
#
# Version line: v6.x (read against v6.4.0). On v6 the module creates a
# security group of its own by default (create_security_group = true)
# that allows all egress, and adds it to the instance; v5.x had no such
# group, so for a v5 stack this model can only make egress findings
# quieter, never louder.
#
# Modelled: the instance (aws_instance.this) with its subnet, AZ, security
# groups (the given ones, plus the module's own group), public IP, tags
# and instance profile; the module's security group and its ingress and
# egress rules; and, with create_iam_instance_profile, the IAM role, one
# aws_iam_role_policy_attachment per iam_role_policies entry, and the
# instance profile the instance then uses.
#
# The instance refers to the created profile and the attachments to the
# created role by `id`: for those resources the id is the name, and it
# stays a reference when the name is generated from a prefix (the
# module's default).
#
# Left out: the private IP (an input private_ip is not passed on, so the
# output stays unknown rather than null when AWS picks it), spot instances (create_spot_instance creates no instance
# here), the ignore_ami_changes variant (modelled as the same instance),
# Elastic IP, EBS volumes, block devices, CPU/metadata/maintenance
# options, launch_template, user_data_base64.

locals {
  create = var.create && var.putin_khuylo

  iam_role_name = var.iam_role_name != null && var.iam_role_name != "" ? var.iam_role_name : var.name

  create_iam = var.create && var.create_iam_instance_profile

  create_security_group = local.create && var.create_security_group && var.network_interface == null
  security_group_name   = var.security_group_name != null && var.security_group_name != "" ? var.security_group_name : var.name

  given_sgs              = var.vpc_security_group_ids == null ? [] : [for s in var.vpc_security_group_ids : s]
  vpc_security_group_ids = local.create_security_group ? concat(local.given_sgs, [aws_security_group.this[0].id]) : local.given_sgs

  instance_tags = merge(var.tags, var.instance_tags, var.name != "" ? { Name = var.name } : {})
}

# The AMI when none is given: the module reads it from this public
# parameter (not known here).
data "aws_ssm_parameter" "this" {
  count = local.create && var.ami == null ? 1 : 0

  name = var.ami_ssm_parameter
}

data "aws_partition" "current" {}

resource "aws_instance" "this" {
  count = local.create && !var.create_spot_instance ? 1 : 0

  ami                         = var.ami != null ? var.ami : data.aws_ssm_parameter.this[0].value
  instance_type               = var.instance_type
  availability_zone           = var.availability_zone
  subnet_id                   = var.subnet_id
  vpc_security_group_ids      = var.network_interface == null ? local.vpc_security_group_ids : null
  associate_public_ip_address = var.associate_public_ip_address
  key_name                    = var.key_name
  user_data                   = var.user_data
  iam_instance_profile        = var.create_iam_instance_profile ? aws_iam_instance_profile.this[0].id : var.iam_instance_profile

  dynamic "network_interface" {
    for_each = var.network_interface != null ? var.network_interface : {}
    content {
      network_interface_id  = network_interface.value.network_interface_id
      device_index          = network_interface.value.device_index != null ? network_interface.value.device_index : network_interface.key
      delete_on_termination = network_interface.value.delete_on_termination
    }
  }

  tags = local.instance_tags
}

################################################################################
# IAM role and instance profile
################################################################################

resource "aws_iam_role" "this" {
  count = local.create_iam ? 1 : 0

  name                 = var.iam_role_use_name_prefix ? null : local.iam_role_name
  name_prefix          = var.iam_role_use_name_prefix ? "${local.iam_role_name}-" : null
  path                 = var.iam_role_path
  description          = var.iam_role_description
  permissions_boundary = var.iam_role_permissions_boundary

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "EC2AssumeRole"
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.${data.aws_partition.current.dns_suffix}" }
    }]
  })

  tags = merge(var.tags, var.iam_role_tags)
}

resource "aws_iam_role_policy_attachment" "this" {
  for_each = { for k, v in var.iam_role_policies : k => v if local.create_iam }

  policy_arn = var.iam_role_policies[each.key]
  role       = aws_iam_role.this[0].id
}

resource "aws_iam_instance_profile" "this" {
  count = local.create_iam ? 1 : 0

  role        = aws_iam_role.this[0].id
  name        = var.iam_role_use_name_prefix ? null : local.iam_role_name
  name_prefix = var.iam_role_use_name_prefix ? "${local.iam_role_name}-" : null
  path        = var.iam_role_path

  tags = merge(var.tags, var.iam_role_tags)
}

################################################################################
# The module's own security group (v6)
################################################################################

# The group's VPC, when not given, is the instance subnet's.
data "aws_subnet" "this" {
  count = local.create_security_group && var.security_group_vpc_id == null ? 1 : 0

  id = var.subnet_id
}

resource "aws_security_group" "this" {
  count = local.create_security_group ? 1 : 0

  name        = var.security_group_use_name_prefix ? null : local.security_group_name
  name_prefix = var.security_group_use_name_prefix ? "${local.security_group_name}-" : null
  description = var.security_group_description
  vpc_id      = var.security_group_vpc_id != null ? var.security_group_vpc_id : data.aws_subnet.this[0].vpc_id

  tags = merge(var.tags, { Name = local.security_group_name }, var.security_group_tags)
}

# The rules with the module's field defaults applied: ip_protocol "tcp";
# a rule with only one of from_port/to_port uses it for both.
locals {
  egress_rules = {
    for k, r in(local.create_security_group && var.security_group_egress_rules != null ? var.security_group_egress_rules : {}) : k => {
      ip_protocol                  = try(r.ip_protocol, null) != null ? r.ip_protocol : "tcp"
      from_port                    = try(r.from_port, null) != null ? r.from_port : try(r.to_port, null)
      to_port                      = try(r.to_port, null) != null ? r.to_port : try(r.from_port, null)
      cidr_ipv4                    = contains(keys(r), "cidr_ipv4") ? r.cidr_ipv4 : null
      cidr_ipv6                    = contains(keys(r), "cidr_ipv6") ? r.cidr_ipv6 : null
      prefix_list_id               = contains(keys(r), "prefix_list_id") ? r.prefix_list_id : null
      referenced_security_group_id = contains(keys(r), "referenced_security_group_id") ? r.referenced_security_group_id : null
      description                  = try(r.description, null)
    }
  }
  ingress_rules = {
    for k, r in(local.create_security_group && var.security_group_ingress_rules != null ? var.security_group_ingress_rules : {}) : k => {
      ip_protocol                  = try(r.ip_protocol, null) != null ? r.ip_protocol : "tcp"
      from_port                    = try(r.from_port, null) != null ? r.from_port : try(r.to_port, null)
      to_port                      = try(r.to_port, null) != null ? r.to_port : try(r.from_port, null)
      cidr_ipv4                    = contains(keys(r), "cidr_ipv4") ? r.cidr_ipv4 : null
      cidr_ipv6                    = contains(keys(r), "cidr_ipv6") ? r.cidr_ipv6 : null
      prefix_list_id               = contains(keys(r), "prefix_list_id") ? r.prefix_list_id : null
      referenced_security_group_id = contains(keys(r), "referenced_security_group_id") ? r.referenced_security_group_id : null
      description                  = try(r.description, null)
    }
  }
}

resource "aws_vpc_security_group_egress_rule" "this" {
  for_each = local.egress_rules

  security_group_id            = aws_security_group.this[0].id
  ip_protocol                  = local.egress_rules[each.key].ip_protocol
  from_port                    = local.egress_rules[each.key].from_port
  to_port                      = local.egress_rules[each.key].to_port
  cidr_ipv4                    = local.egress_rules[each.key].cidr_ipv4
  cidr_ipv6                    = local.egress_rules[each.key].cidr_ipv6
  prefix_list_id               = local.egress_rules[each.key].prefix_list_id
  referenced_security_group_id = local.egress_rules[each.key].referenced_security_group_id
  description                  = local.egress_rules[each.key].description
}

resource "aws_vpc_security_group_ingress_rule" "this" {
  for_each = local.ingress_rules

  security_group_id            = aws_security_group.this[0].id
  ip_protocol                  = local.ingress_rules[each.key].ip_protocol
  from_port                    = local.ingress_rules[each.key].from_port
  to_port                      = local.ingress_rules[each.key].to_port
  cidr_ipv4                    = local.ingress_rules[each.key].cidr_ipv4
  cidr_ipv6                    = local.ingress_rules[each.key].cidr_ipv6
  prefix_list_id               = local.ingress_rules[each.key].prefix_list_id
  referenced_security_group_id = local.ingress_rules[each.key].referenced_security_group_id
  description                  = local.ingress_rules[each.key].description
}
