# Outputs of terraform-aws-modules/ec2-instance/aws that ssmlint's model
# can give (see main.tf). IDs, ARNs and addresses are unknown but refer to
# the resources above; outputs of the real module not declared here are
# unknown.

locals {
  has_instance = local.create && !var.create_spot_instance
}

output "id" {
  value = local.has_instance ? aws_instance.this[0].id : null
}

output "arn" {
  value = local.has_instance ? aws_instance.this[0].arn : null
}

output "ami" {
  value = local.has_instance ? aws_instance.this[0].ami : null
}

# availability_zone is not declared: without the input the AZ is the
# subnet's, which is not known here, so the output stays unknown.

output "private_ip" {
  value = local.has_instance ? aws_instance.this[0].private_ip : null
}

output "private_dns" {
  value = local.has_instance ? aws_instance.this[0].private_dns : null
}

output "public_dns" {
  value = local.has_instance ? aws_instance.this[0].public_dns : null
}

output "primary_network_interface_id" {
  value = local.has_instance ? aws_instance.this[0].primary_network_interface_id : null
}

output "instance_state" {
  value = local.has_instance ? aws_instance.this[0].instance_state : null
}

output "tags_all" {
  value = local.has_instance ? aws_instance.this[0].tags_all : null
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
  value = local.create_iam ? aws_iam_instance_profile.this[0].arn : null
}

output "iam_instance_profile_id" {
  value = local.create_iam ? aws_iam_instance_profile.this[0].id : null
}

output "iam_instance_profile_unique" {
  value = local.create_iam ? aws_iam_instance_profile.this[0].unique_id : null
}

output "security_group_id" {
  value = local.create_security_group ? aws_security_group.this[0].id : null
}

output "security_group_arn" {
  value = local.create_security_group ? aws_security_group.this[0].arn : null
}
