# ssmlint adapter for the registry module terraform-aws-modules/autoscaling/aws
#
# This is ssmlint's own model of that module's interface, written from its
# documentation (README inputs, outputs and resources) and documented
# behaviour. It contains none of the module's code. ssmlint evaluates it
# in place of the real module when a stack calls the module from the
# registry and `terraform init` has not installed it.
#
# Version line: v9.x (read against v9.2.1). v7.x and v8.x behave the same
# for everything modelled here, except that there `network_interfaces`
# defaults to [] rather than null.
#
# Modelled: the autoscaling group (aws_autoscaling_group.this) with its
# subnets (vpc_zone_identifier), AZs, sizes, tags, and its launch template
# (the one the module creates, or launch_template_id), in a
# launch_template block or, with use_mixed_instances_policy, in the
# mixed instances policy; the launch template (aws_launch_template.this)
# with image, instance type, security groups (vpc_security_group_ids, or
# per network interface together with `security_groups`), instance
# profile, tag specifications and tags; and, with
# create_iam_instance_profile, the IAM role, one
# aws_iam_role_policy_attachment per iam_role_policies entry, and the
# instance profile the template then uses.
#
# The instance profile block is written as one block with only `arn`
# (the created profile, or iam_instance_profile_arn) or one with only
# `name` (iam_instance_profile_name), never both: the module sets the
# other one to null. The attachments and profile refer to the created
# role by `id`, which for a role is its name and stays a reference when
# the name is generated from a prefix (the module's default).
#
# Left out: the ignore_desired_capacity_changes variant (modelled as the
# same group), launch template overrides of a mixed instances policy,
# instances distribution, lifecycle hooks, scaling policies, schedules,
# warm pools, traffic sources, block devices, metadata and other launch
# template options.

locals {
  create = var.create && var.putin_khuylo

  launch_template_name    = var.launch_template_name != null && var.launch_template_name != "" ? var.launch_template_name : var.name
  launch_template_id      = var.create_launch_template ? aws_launch_template.this[0].id : var.launch_template_id
  launch_template_version = var.create_launch_template && var.launch_template_version == null ? aws_launch_template.this[0].latest_version : var.launch_template_version

  group_tags = merge(var.tags, { Name = var.instance_name != "" ? var.instance_name : var.name }, var.autoscaling_group_tags)

  create_iam = local.create && var.create_iam_instance_profile

  # The security groups as a tuple, whatever collection was given.
  security_groups = var.security_groups == null ? [] : [for s in var.security_groups : s]

  # The role's name: iam_instance_profile_name, else iam_role_name.
  iam_role_name = var.iam_instance_profile_name != null && var.iam_instance_profile_name != "" ? var.iam_instance_profile_name : (var.iam_role_name != null ? var.iam_role_name : "")

  # Which instance profile the template names: by ARN (created, or given),
  # else by name when given.
  profile_by_arn  = var.create_iam_instance_profile || var.iam_instance_profile_arn != null
  profile_by_name = var.iam_instance_profile_name != null && !local.profile_by_arn
}

data "aws_partition" "current" {}

################################################################################
# Launch template
################################################################################

resource "aws_launch_template" "this" {
  count = var.create_launch_template ? 1 : 0

  name        = var.launch_template_use_name_prefix ? null : local.launch_template_name
  name_prefix = var.launch_template_use_name_prefix ? "${local.launch_template_name}-" : null
  description = var.launch_template_description

  image_id      = var.image_id
  instance_type = var.instance_type
  key_name      = var.key_name
  user_data     = var.user_data

  # With network interfaces, the groups are set on the interfaces instead.
  vpc_security_group_ids = var.network_interfaces != null ? [] : local.security_groups

  dynamic "iam_instance_profile" {
    for_each = local.profile_by_arn ? [1] : []
    content {
      arn = var.create_iam_instance_profile ? aws_iam_instance_profile.this[0].arn : var.iam_instance_profile_arn
    }
  }

  dynamic "iam_instance_profile" {
    for_each = local.profile_by_name ? [1] : []
    content {
      name = var.iam_instance_profile_name
    }
  }

  dynamic "network_interfaces" {
    for_each = var.network_interfaces != null ? var.network_interfaces : []
    content {
      associate_public_ip_address = try(network_interfaces.value.associate_public_ip_address, null)
      delete_on_termination       = try(network_interfaces.value.delete_on_termination, null)
      description                 = try(network_interfaces.value.description, null)
      device_index                = try(network_interfaces.value.device_index, null)
      network_interface_id        = try(network_interfaces.value.network_interface_id, null)
      private_ip_address          = try(network_interfaces.value.private_ip_address, null)
      subnet_id                   = contains(keys(network_interfaces.value), "subnet_id") ? network_interfaces.value.subnet_id : null
      # The interface's groups followed by `security_groups`.
      security_groups = concat(
        contains(keys(network_interfaces.value), "security_groups") && network_interfaces.value.security_groups != null ? network_interfaces.value.security_groups : [],
        local.security_groups,
      )
    }
  }

  dynamic "tag_specifications" {
    for_each = var.tag_specifications != null ? var.tag_specifications : []
    content {
      resource_type = tag_specifications.value.resource_type
      tags          = merge(var.tags, tag_specifications.value.tags != null ? tag_specifications.value.tags : {})
    }
  }

  tags = merge(var.tags, var.launch_template_tags)
}

################################################################################
# Autoscaling group
################################################################################

resource "aws_autoscaling_group" "this" {
  count = local.create ? 1 : 0

  name        = var.use_name_prefix ? null : var.name
  name_prefix = var.use_name_prefix ? "${var.name}-" : null

  vpc_zone_identifier = var.vpc_zone_identifier
  availability_zones  = var.availability_zones
  min_size            = var.min_size
  max_size            = var.max_size
  desired_capacity    = var.desired_capacity
  health_check_type   = var.health_check_type

  dynamic "launch_template" {
    for_each = var.use_mixed_instances_policy ? [] : [1]
    content {
      id      = local.launch_template_id
      version = local.launch_template_version
    }
  }

  dynamic "mixed_instances_policy" {
    for_each = var.use_mixed_instances_policy ? [1] : []
    content {
      launch_template {
        launch_template_specification {
          launch_template_id = local.launch_template_id
          version            = local.launch_template_version
        }
      }
    }
  }

  # Every tag is propagated to the instances unless listed in
  # autoscaling_group_tags_not_propagate_at_launch.
  dynamic "tag" {
    for_each = local.group_tags
    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = !contains(var.autoscaling_group_tags_not_propagate_at_launch, tag.key)
    }
  }
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
  name        = var.iam_role_use_name_prefix ? null : var.iam_role_name
  name_prefix = var.iam_role_use_name_prefix ? "${var.iam_role_name}-" : null
  path        = var.iam_role_path

  tags = merge(var.tags, var.iam_role_tags)
}
