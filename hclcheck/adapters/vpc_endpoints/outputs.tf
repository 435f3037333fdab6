# Outputs of terraform-aws-modules/vpc/aws//modules/vpc-endpoints (see
# main.tf). IDs and ARNs are unknown but refer to the resources above.

# The endpoint resources by key, as the module gives them.
output "endpoints" {
  value = aws_vpc_endpoint.this
}

output "security_group_id" {
  value = var.create && var.create_security_group ? aws_security_group.this[0].id : null
}

output "security_group_arn" {
  value = var.create && var.create_security_group ? aws_security_group.this[0].arn : null
}
