# Outputs of terraform-aws-modules/vpc/aws that ssmlint's model can give
# (see main.tf). Names and shapes are the module's documented ones; IDs,
# ARNs and other values AWS assigns are unknown but refer to the resources
# above. Outputs of the real module not declared here are unknown.

output "vpc_id" {
  value = local.create_vpc ? aws_vpc.this[0].id : null
}

output "vpc_arn" {
  value = local.create_vpc ? aws_vpc.this[0].arn : null
}

output "vpc_cidr_block" {
  value = local.create_vpc ? aws_vpc.this[0].cidr_block : null
}

output "vpc_enable_dns_support" {
  value = local.create_vpc ? aws_vpc.this[0].enable_dns_support : null
}

output "vpc_enable_dns_hostnames" {
  value = local.create_vpc ? aws_vpc.this[0].enable_dns_hostnames : null
}

output "vpc_instance_tenancy" {
  value = local.create_vpc ? aws_vpc.this[0].instance_tenancy : null
}

output "vpc_main_route_table_id" {
  value = local.create_vpc ? aws_vpc.this[0].main_route_table_id : null
}

output "default_route_table_id" {
  value = local.create_vpc ? aws_vpc.this[0].default_route_table_id : null
}

output "default_security_group_id" {
  value = local.create_vpc ? aws_vpc.this[0].default_security_group_id : null
}

output "default_network_acl_id" {
  value = local.create_vpc ? aws_vpc.this[0].default_network_acl_id : null
}

output "name" {
  value = var.name
}

output "azs" {
  value = var.azs
}

# Public

output "public_subnets" {
  value = aws_subnet.public[*].id
}

output "public_subnet_arns" {
  value = aws_subnet.public[*].arn
}

output "public_subnets_cidr_blocks" {
  value = aws_subnet.public[*].cidr_block
}

output "public_subnet_objects" {
  value = aws_subnet.public
}

output "public_route_table_ids" {
  value = aws_route_table.public[*].id
}

output "public_route_table_association_ids" {
  value = aws_route_table_association.public[*].id
}

output "public_internet_gateway_route_id" {
  value = local.has_public && var.create_igw ? aws_route.public_internet_gateway[0].id : null
}

# Private

output "private_subnets" {
  value = aws_subnet.private[*].id
}

output "private_subnet_arns" {
  value = aws_subnet.private[*].arn
}

output "private_subnets_cidr_blocks" {
  value = aws_subnet.private[*].cidr_block
}

output "private_subnet_objects" {
  value = aws_subnet.private
}

output "private_route_table_ids" {
  value = aws_route_table.private[*].id
}

output "private_route_table_association_ids" {
  value = aws_route_table_association.private[*].id
}

output "private_nat_gateway_route_ids" {
  value = aws_route.private_nat_gateway[*].id
}

# Database

output "database_subnets" {
  value = aws_subnet.database[*].id
}

output "database_subnet_arns" {
  value = aws_subnet.database[*].arn
}

output "database_subnets_cidr_blocks" {
  value = aws_subnet.database[*].cidr_block
}

output "database_subnet_objects" {
  value = aws_subnet.database
}

# The private tables when the database subnets have none of their own.
output "database_route_table_ids" {
  value = local.database_route_table_ids
}

output "database_route_table_association_ids" {
  value = aws_route_table_association.database[*].id
}

# Intra

output "intra_subnets" {
  value = aws_subnet.intra[*].id
}

output "intra_subnet_arns" {
  value = aws_subnet.intra[*].arn
}

output "intra_subnets_cidr_blocks" {
  value = aws_subnet.intra[*].cidr_block
}

output "intra_subnet_objects" {
  value = aws_subnet.intra
}

output "intra_route_table_ids" {
  value = aws_route_table.intra[*].id
}

output "intra_route_table_association_ids" {
  value = aws_route_table_association.intra[*].id
}

# Gateways

output "igw_id" {
  value = local.has_public && var.create_igw ? aws_internet_gateway.this[0].id : null
}

output "igw_arn" {
  value = local.has_public && var.create_igw ? aws_internet_gateway.this[0].arn : null
}

output "egress_only_internet_gateway_id" {
  value = local.create_vpc && var.create_egress_only_igw && var.enable_ipv6 && local.n_longest > 0 ? aws_egress_only_internet_gateway.this[0].id : null
}

output "natgw_ids" {
  value = aws_nat_gateway.this[*].id
}

output "nat_ids" {
  value = aws_eip.nat[*].id
}

output "nat_public_ips" {
  value = var.reuse_nat_ips ? var.external_nat_ips : aws_eip.nat[*].public_ip
}

output "vgw_id" {
  value = var.enable_vpn_gateway && local.create_vpc ? aws_vpn_gateway.this[0].id : (var.vpn_gateway_id != "" ? var.vpn_gateway_id : null)
}
