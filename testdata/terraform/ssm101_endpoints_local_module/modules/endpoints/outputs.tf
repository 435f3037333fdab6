output "endpoint_ids" {
  value = { for k, e in aws_vpc_endpoint.this : k => e.id }
}

output "security_group_id" {
  value = aws_security_group.this.id
}
