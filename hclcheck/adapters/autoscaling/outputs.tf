# Outputs of terraform-aws-modules/autoscaling/aws that ssmlint's model
# can give (see main.tf). IDs and ARNs are unknown but refer to the
# resources above; outputs of the real module not declared here are
# unknown.

output "launch_template_id" {
  value = var.create_launch_template ? aws_launch_template.this[0].id : null
}

output "launch_template_arn" {
  value = var.create_launch_template ? aws_launch_template.this[0].arn : null
}

# launch_template_name is not declared: with the default name prefix the
# name is generated, so the output stays unknown.

output "launch_template_latest_version" {
  value = var.create_launch_template ? aws_launch_template.this[0].latest_version : null
}

output "autoscaling_group_id" {
  value = local.create ? aws_autoscaling_group.this[0].id : null
}

# A group's id is its name (which is generated with the default prefix).
output "autoscaling_group_name" {
  value = local.create ? aws_autoscaling_group.this[0].id : null
}

output "autoscaling_group_arn" {
  value = local.create ? aws_autoscaling_group.this[0].arn : null
}

output "autoscaling_group_min_size" {
  value = local.create ? aws_autoscaling_group.this[0].min_size : null
}

output "autoscaling_group_max_size" {
  value = local.create ? aws_autoscaling_group.this[0].max_size : null
}

output "autoscaling_group_vpc_zone_identifier" {
  value = local.create ? aws_autoscaling_group.this[0].vpc_zone_identifier : []
}

output "iam_role_name" {
  value = local.create_iam ? aws_iam_role.this[0].id : null
}

output "iam_role_arn" {
  value = local.create_iam ? aws_iam_role.this[0].arn : null
}

output "iam_role_unique_id" {
  value = local.create_iam ? aws_iam_role.this[0].unique_id : null
}

output "iam_instance_profile_arn" {
  value = local.create_iam ? aws_iam_instance_profile.this[0].arn : var.iam_instance_profile_arn
}

output "iam_instance_profile_id" {
  value = local.create_iam ? aws_iam_instance_profile.this[0].id : null
}

output "iam_instance_profile_unique" {
  value = local.create_iam ? aws_iam_instance_profile.this[0].unique_id : null
}
