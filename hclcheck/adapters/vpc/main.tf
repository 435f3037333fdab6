# ssmlint adapter for the registry module terraform-aws-modules/vpc/aws
#
# This is ssmlint's own model of that module's interface, written from its
# documentation (the README's inputs, outputs and resources, and its
# documented behaviour). It contains none of the module's code. ssmlint
# evaluates it in place of the real module when a stack calls the module
# from the registry and `terraform init` has not installed it.
#
# Version line: v6.x (read against v6.6.0); every input and behaviour
# modelled here is the same on v5.x.
#
# Modelled, from the same inputs and with the module's resource addresses:
# the VPC; public, private, database and intra subnets (count over the
# lists, AZs taken in turn from `azs`); the internet gateway; NAT gateways
# and their EIPs (one, one per AZ, or one per subnet index); route tables
# (one public, one private per NAT gateway, database tables when asked for,
# one intra) with their default routes and subnet associations; the IPv6
# egress-only gateway routes; VPN gateway route propagation; the managed
# default route table and default security group.
#
# Left out: elasticache, redshift and outpost subnets (their list lengths
# only count towards the number of private route tables, as in the module),
# IPv6 subnet prefixes and IPv6-only subnets, secondary CIDR blocks, IPAM
# (the VPC CIDR is then null: not known here), network ACLs, DHCP options,
# flow logs, customer gateways, the default VPC, subnet groups. Outputs not
# declared in outputs.tf are unknown to ssmlint.

locals {
  create_vpc = var.create_vpc && var.putin_khuylo

  n_public   = length(var.public_subnets)
  n_private  = length(var.private_subnets)
  n_database = length(var.database_subnets)
  n_intra    = length(var.intra_subnets)

  # The longest subnet list: the number of private route tables and NAT
  # gateways when there is neither a single one nor one per AZ.
  n_longest = max(
    local.n_private,
    local.n_public,
    local.n_database,
    length(var.elasticache_subnets),
    length(var.redshift_subnets),
  )
  n_nat = var.single_nat_gateway ? 1 : (var.one_nat_gateway_per_az ? length(var.azs) : local.n_longest)

  has_public   = local.create_vpc && local.n_public > 0
  has_private  = local.create_vpc && local.n_private > 0
  has_database = local.create_vpc && local.n_database > 0
  has_intra    = local.create_vpc && local.n_intra > 0

  n_public_tables = var.create_multiple_public_route_tables ? local.n_public : 1

  # Database subnets get their own route table(s) only when asked; else
  # they share the private ones.
  database_tables = local.has_database && var.create_database_subnet_route_table

  # A VPN gateway the module creates or attaches.
  has_vgw = var.enable_vpn_gateway || var.vpn_gateway_id != ""

  # How many of each the module creates. Where the module picks the i-th
  # of a list with element() (which wraps around), the model indexes the
  # resource with i % count: one instance, as in the module (an empty list
  # is an error there and unknown here).
  n_public_subnets  = local.has_public && (!var.one_nat_gateway_per_az || local.n_public >= length(var.azs)) ? local.n_public : 0
  n_nat_gateways    = local.create_vpc && var.enable_nat_gateway ? local.n_nat : 0
  n_private_tables  = local.has_private && local.n_longest > 0 ? local.n_nat : 0
  n_database_tables = local.database_tables ? (var.single_nat_gateway || var.create_database_internet_gateway_route ? 1 : local.n_database) : 0
  n_intra_tables    = local.has_intra ? (var.create_multiple_intra_route_tables ? local.n_intra : 1) : 0

  # The tables the database subnets use (the private ones unless they
  # have their own), as a list of IDs.
  database_route_table_ids = local.database_tables ? aws_route_table.database[*].id : aws_route_table.private[*].id
}

################################################################################
# VPC
################################################################################

resource "aws_vpc" "this" {
  count = local.create_vpc ? 1 : 0

  cidr_block                       = var.use_ipam_pool ? null : var.cidr
  assign_generated_ipv6_cidr_block = var.enable_ipv6 && !var.use_ipam_pool ? true : null
  instance_tenancy                 = var.instance_tenancy
  enable_dns_hostnames             = var.enable_dns_hostnames
  enable_dns_support               = var.enable_dns_support

  tags = merge({ Name = var.name }, var.tags, var.vpc_tags)
}

################################################################################
# Subnets
################################################################################

# The module creates no public subnet at all when one NAT gateway per AZ is
# asked for with fewer public subnets than AZs.
resource "aws_subnet" "public" {
  count = local.n_public_subnets

  vpc_id                  = aws_vpc.this[0].id
  cidr_block              = var.public_subnets[count.index]
  availability_zone       = can(regex("^[a-z]{2}-", element(var.azs, count.index))) ? element(var.azs, count.index) : null
  availability_zone_id    = can(regex("^[a-z]{2}-", element(var.azs, count.index))) ? null : element(var.azs, count.index)
  map_public_ip_on_launch = var.map_public_ip_on_launch

  tags = merge(
    { Name = count.index < length(var.public_subnet_names) ? var.public_subnet_names[count.index] : "${var.name}-${var.public_subnet_suffix}-${element(var.azs, count.index)}" },
    var.tags,
    var.public_subnet_tags,
    lookup(var.public_subnet_tags_per_az, element(var.azs, count.index), {}),
  )
}

resource "aws_subnet" "private" {
  count = local.has_private ? local.n_private : 0

  vpc_id               = aws_vpc.this[0].id
  cidr_block           = var.private_subnets[count.index]
  availability_zone    = can(regex("^[a-z]{2}-", element(var.azs, count.index))) ? element(var.azs, count.index) : null
  availability_zone_id = can(regex("^[a-z]{2}-", element(var.azs, count.index))) ? null : element(var.azs, count.index)

  tags = merge(
    { Name = count.index < length(var.private_subnet_names) ? var.private_subnet_names[count.index] : "${var.name}-${var.private_subnet_suffix}-${element(var.azs, count.index)}" },
    var.tags,
    var.private_subnet_tags,
    lookup(var.private_subnet_tags_per_az, element(var.azs, count.index), {}),
  )
}

resource "aws_subnet" "database" {
  count = local.has_database ? local.n_database : 0

  vpc_id               = aws_vpc.this[0].id
  cidr_block           = var.database_subnets[count.index]
  availability_zone    = can(regex("^[a-z]{2}-", element(var.azs, count.index))) ? element(var.azs, count.index) : null
  availability_zone_id = can(regex("^[a-z]{2}-", element(var.azs, count.index))) ? null : element(var.azs, count.index)

  tags = merge(
    { Name = count.index < length(var.database_subnet_names) ? var.database_subnet_names[count.index] : "${var.name}-${var.database_subnet_suffix}-${element(var.azs, count.index)}" },
    var.tags,
    var.database_subnet_tags,
  )
}

resource "aws_subnet" "intra" {
  count = local.has_intra ? local.n_intra : 0

  vpc_id               = aws_vpc.this[0].id
  cidr_block           = var.intra_subnets[count.index]
  availability_zone    = can(regex("^[a-z]{2}-", element(var.azs, count.index))) ? element(var.azs, count.index) : null
  availability_zone_id = can(regex("^[a-z]{2}-", element(var.azs, count.index))) ? null : element(var.azs, count.index)

  tags = merge(
    { Name = count.index < length(var.intra_subnet_names) ? var.intra_subnet_names[count.index] : "${var.name}-${var.intra_subnet_suffix}-${element(var.azs, count.index)}" },
    var.tags,
    var.intra_subnet_tags,
  )
}

################################################################################
# Gateways
################################################################################

# Only with public subnets.
resource "aws_internet_gateway" "this" {
  count = local.has_public && var.create_igw ? 1 : 0

  vpc_id = aws_vpc.this[0].id
  tags   = merge({ Name = var.name }, var.tags, var.igw_tags)
}

resource "aws_egress_only_internet_gateway" "this" {
  count = local.create_vpc && var.create_egress_only_igw && var.enable_ipv6 && local.n_longest > 0 ? 1 : 0

  vpc_id = aws_vpc.this[0].id
  tags   = merge({ Name = var.name }, var.tags, var.igw_tags)
}

resource "aws_eip" "nat" {
  count = local.create_vpc && var.enable_nat_gateway && !var.reuse_nat_ips ? local.n_nat : 0

  domain = "vpc"
  tags   = merge({ Name = "${var.name}-${element(var.azs, var.single_nat_gateway ? 0 : count.index)}" }, var.tags, var.nat_eip_tags)
}

# NAT gateway i sits in public subnet i (wrapping around; the first one
# when single).
resource "aws_nat_gateway" "this" {
  count = local.n_nat_gateways

  allocation_id = var.reuse_nat_ips ? element(var.external_nat_ip_ids, var.single_nat_gateway ? 0 : count.index) : aws_eip.nat[var.single_nat_gateway ? 0 : count.index].id
  subnet_id     = aws_subnet.public[(var.single_nat_gateway ? 0 : count.index) % max(local.n_public_subnets, 1)].id

  tags = merge({ Name = "${var.name}-${element(var.azs, var.single_nat_gateway ? 0 : count.index)}" }, var.tags, var.nat_gateway_tags)
}

resource "aws_vpn_gateway" "this" {
  count = local.create_vpc && var.enable_vpn_gateway ? 1 : 0

  vpc_id          = aws_vpc.this[0].id
  amazon_side_asn = var.amazon_side_asn
  tags            = merge({ Name = var.name }, var.tags, var.vpn_gateway_tags)
}

resource "aws_vpn_gateway_attachment" "this" {
  count = var.vpn_gateway_id != "" ? 1 : 0

  vpc_id         = aws_vpc.this[0].id
  vpn_gateway_id = var.vpn_gateway_id
}

################################################################################
# Public routing: one table (or one per subnet), default route to the IGW
################################################################################

resource "aws_route_table" "public" {
  count = local.has_public ? local.n_public_tables : 0

  vpc_id = aws_vpc.this[0].id
  tags = merge(
    { Name = var.create_multiple_public_route_tables ? "${var.name}-${var.public_subnet_suffix}-${element(var.azs, count.index)}" : "${var.name}-${var.public_subnet_suffix}" },
    var.tags,
    var.public_route_table_tags,
  )
}

resource "aws_route_table_association" "public" {
  count = local.has_public ? local.n_public : 0

  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public[var.create_multiple_public_route_tables ? count.index : 0].id
}

resource "aws_route" "public_internet_gateway" {
  count = local.has_public && var.create_igw ? local.n_public_tables : 0

  route_table_id         = aws_route_table.public[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this[0].id
}

resource "aws_route" "public_internet_gateway_ipv6" {
  count = local.has_public && var.create_igw && var.enable_ipv6 ? local.n_public_tables : 0

  route_table_id              = aws_route_table.public[count.index].id
  destination_ipv6_cidr_block = "::/0"
  gateway_id                  = aws_internet_gateway.this[0].id
}

################################################################################
# Private routing: one table per NAT gateway, default route to that NAT
# gateway when NAT is enabled
################################################################################

resource "aws_route_table" "private" {
  count = local.n_private_tables

  vpc_id = aws_vpc.this[0].id
  tags = merge(
    { Name = var.single_nat_gateway ? "${var.name}-${var.private_subnet_suffix}" : "${var.name}-${var.private_subnet_suffix}-${element(var.azs, count.index)}" },
    var.tags,
    var.private_route_table_tags,
  )
}

# Subnet i uses table i (wrapping around), or the only one when single.
resource "aws_route_table_association" "private" {
  count = local.has_private ? local.n_private : 0

  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[(var.single_nat_gateway ? 0 : count.index) % max(local.n_private_tables, 1)].id
}

resource "aws_route" "private_nat_gateway" {
  count = local.create_vpc && var.enable_nat_gateway && var.create_private_nat_gateway_route ? local.n_nat : 0

  route_table_id         = aws_route_table.private[count.index % max(local.n_private_tables, 1)].id
  destination_cidr_block = var.nat_gateway_destination_cidr_block
  nat_gateway_id         = aws_nat_gateway.this[count.index].id
}

resource "aws_route" "private_ipv6_egress" {
  count = local.create_vpc && var.create_egress_only_igw && var.enable_ipv6 && local.n_private > 0 ? local.n_nat : 0

  route_table_id              = aws_route_table.private[count.index % max(local.n_private_tables, 1)].id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.this[0].id
}

################################################################################
# Database routing: the private tables, unless the database subnets get
# their own (then optionally with a route to the IGW or to NAT)
################################################################################

resource "aws_route_table" "database" {
  count = local.n_database_tables

  vpc_id = aws_vpc.this[0].id
  tags = merge(
    { Name = var.single_nat_gateway || var.create_database_internet_gateway_route ? "${var.name}-${var.database_subnet_suffix}" : "${var.name}-${var.database_subnet_suffix}-${element(var.azs, count.index)}" },
    var.tags,
    var.database_route_table_tags,
  )
}

resource "aws_route_table_association" "database" {
  count = local.has_database ? local.n_database : 0

  subnet_id = aws_subnet.database[count.index].id
  route_table_id = element(
    local.database_route_table_ids,
    var.create_database_subnet_route_table && (var.single_nat_gateway || var.create_database_internet_gateway_route) ? 0 : count.index,
  )
}

resource "aws_route" "database_internet_gateway" {
  count = local.database_tables && var.create_igw && var.create_database_internet_gateway_route && !var.create_database_nat_gateway_route ? 1 : 0

  route_table_id         = aws_route_table.database[0].id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this[0].id
}

resource "aws_route" "database_nat_gateway" {
  count = local.database_tables && !var.create_database_internet_gateway_route && var.create_database_nat_gateway_route && var.enable_nat_gateway ? (var.single_nat_gateway ? 1 : local.n_database) : 0

  route_table_id         = aws_route_table.database[count.index % max(local.n_database_tables, 1)].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.this[count.index % max(local.n_nat_gateways, 1)].id
}

################################################################################
# Intra routing: table(s) with no route out of the VPC
################################################################################

resource "aws_route_table" "intra" {
  count = local.n_intra_tables

  vpc_id = aws_vpc.this[0].id
  tags = merge(
    { Name = var.create_multiple_intra_route_tables ? "${var.name}-${var.intra_subnet_suffix}-${element(var.azs, count.index)}" : "${var.name}-${var.intra_subnet_suffix}" },
    var.tags,
    var.intra_route_table_tags,
  )
}

resource "aws_route_table_association" "intra" {
  count = local.has_intra ? local.n_intra : 0

  subnet_id      = aws_subnet.intra[count.index].id
  route_table_id = aws_route_table.intra[var.create_multiple_intra_route_tables ? count.index : 0].id
}

################################################################################
# VPN gateway route propagation (routes learned at run time: not known here)
################################################################################

resource "aws_vpn_gateway_route_propagation" "public" {
  count = local.create_vpc && var.propagate_public_route_tables_vgw && local.has_vgw ? 1 : 0

  route_table_id = aws_route_table.public[0].id
  vpn_gateway_id = var.enable_vpn_gateway ? aws_vpn_gateway.this[0].id : var.vpn_gateway_id
}

resource "aws_vpn_gateway_route_propagation" "private" {
  count = local.create_vpc && var.propagate_private_route_tables_vgw && local.has_vgw ? local.n_private : 0

  route_table_id = aws_route_table.private[count.index % max(local.n_private_tables, 1)].id
  vpn_gateway_id = var.enable_vpn_gateway ? aws_vpn_gateway.this[0].id : var.vpn_gateway_id
}

resource "aws_vpn_gateway_route_propagation" "intra" {
  count = local.create_vpc && var.propagate_intra_route_tables_vgw && local.has_vgw ? local.n_intra : 0

  route_table_id = aws_route_table.intra[count.index % max(local.n_intra_tables, 1)].id
  vpn_gateway_id = var.enable_vpn_gateway ? aws_vpn_gateway.this[0].id : var.vpn_gateway_id
}

################################################################################
# The VPC's default route table and default security group, which the
# module adopts by default: with the default (empty) inputs the main route
# table has no route out and the default security group has no rule at all.
################################################################################

resource "aws_default_route_table" "default" {
  count = local.create_vpc && var.manage_default_route_table ? 1 : 0

  default_route_table_id = aws_vpc.this[0].default_route_table_id
  propagating_vgws       = var.default_route_table_propagating_vgws

  dynamic "route" {
    for_each = var.default_route_table_routes
    content {
      cidr_block                = route.value.cidr_block
      ipv6_cidr_block           = lookup(route.value, "ipv6_cidr_block", null)
      gateway_id                = lookup(route.value, "gateway_id", null)
      nat_gateway_id            = lookup(route.value, "nat_gateway_id", null)
      egress_only_gateway_id    = lookup(route.value, "egress_only_gateway_id", null)
      network_interface_id      = lookup(route.value, "network_interface_id", null)
      transit_gateway_id        = lookup(route.value, "transit_gateway_id", null)
      vpc_endpoint_id           = lookup(route.value, "vpc_endpoint_id", null)
      vpc_peering_connection_id = lookup(route.value, "vpc_peering_connection_id", null)
    }
  }

  tags = merge({ Name = var.default_route_table_name != null ? var.default_route_table_name : "${var.name}-default" }, var.tags, var.default_route_table_tags)
}

# Rules are given as maps of strings; list-valued fields are
# comma-separated, protocol defaults to all and ports to 0.
resource "aws_default_security_group" "this" {
  count = local.create_vpc && var.manage_default_security_group ? 1 : 0

  vpc_id = aws_vpc.this[0].id

  dynamic "ingress" {
    for_each = var.default_security_group_ingress
    content {
      description      = lookup(ingress.value, "description", null)
      protocol         = lookup(ingress.value, "protocol", "-1")
      from_port        = lookup(ingress.value, "from_port", 0)
      to_port          = lookup(ingress.value, "to_port", 0)
      self             = lookup(ingress.value, "self", null)
      cidr_blocks      = [for s in split(",", lookup(ingress.value, "cidr_blocks", "")) : s if s != ""]
      ipv6_cidr_blocks = [for s in split(",", lookup(ingress.value, "ipv6_cidr_blocks", "")) : s if s != ""]
      prefix_list_ids  = [for s in split(",", lookup(ingress.value, "prefix_list_ids", "")) : s if s != ""]
      security_groups  = [for s in split(",", lookup(ingress.value, "security_groups", "")) : s if s != ""]
    }
  }

  dynamic "egress" {
    for_each = var.default_security_group_egress
    content {
      description      = lookup(egress.value, "description", null)
      protocol         = lookup(egress.value, "protocol", "-1")
      from_port        = lookup(egress.value, "from_port", 0)
      to_port          = lookup(egress.value, "to_port", 0)
      self             = lookup(egress.value, "self", null)
      cidr_blocks      = [for s in split(",", lookup(egress.value, "cidr_blocks", "")) : s if s != ""]
      ipv6_cidr_blocks = [for s in split(",", lookup(egress.value, "ipv6_cidr_blocks", "")) : s if s != ""]
      prefix_list_ids  = [for s in split(",", lookup(egress.value, "prefix_list_ids", "")) : s if s != ""]
      security_groups  = [for s in split(",", lookup(egress.value, "security_groups", "")) : s if s != ""]
    }
  }

  tags = merge({ Name = var.default_security_group_name != null ? var.default_security_group_name : "${var.name}-default" }, var.tags, var.default_security_group_tags)
}
