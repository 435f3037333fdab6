# ssmlint adapter for the registry module
# terraform-aws-modules/vpc/aws//modules/vpc-endpoints
#
# This is ssmlint's own model of that sub-module's interface, written from
# its documentation (README inputs, outputs, resources and usage example)
# and documented behaviour. It contains none of the module's code. ssmlint
# evaluates it in place of the real module when a stack calls it from the
# registry and `terraform init` has not installed it.
#
# Version line: the sub-module as shipped with terraform-aws-modules/vpc
# v5.x and v6.x (read against v6.6.0).
#
# Behaviour modelled, as the module documents and does it:
# - one aws_vpc_endpoint per entry of `endpoints` (entries with
#   `create = false` are skipped; nothing when `create` is false);
# - the service name is the entry's `service_endpoint` when given, else it
#   is looked up with data "aws_vpc_endpoint_service" from the entry's
#   `service` (or full `service_name`) and type;
# - `service_type` defaults to "Interface" (not the provider's "Gateway");
# - Interface endpoints get the module-wide `subnet_ids` and
#   `security_group_ids` followed by the entry's own, plus the created
#   security group; no security group at all when that leaves none;
# - `private_dns_enabled` is the entry's value, and is left unset (null)
#   when the entry does not give it, so the provider default (false)
#   applies: the module sets no default of its own;
# - Gateway endpoints get the entry's `route_table_ids`;
# - with `create_security_group` (default false) an aws_security_group and
#   one aws_security_group_rule per `security_group_rules` entry, whose
#   type defaults to "ingress", protocol to "tcp" and ports to 443.
#
# Left out: dns_options, subnet_configuration, ip_address_type,
# auto_accept, service_region, timeouts. Duplicate IDs in the merged
# subnet and security group lists are not removed (the module removes
# them; it changes nothing for the rules).

locals {
  endpoints = { for k, v in var.endpoints : k => v if var.create && try(v.create, true) }

  # The endpoint's type, by key.
  endpoint_type = { for k, v in local.endpoints : k => try(v.service_type, "Interface") }

  # The module-wide lists (as tuples, whatever collection was given).
  subnet_ids = var.subnet_ids == null ? [] : [for s in var.subnet_ids : s]
  given_sgs  = var.security_group_ids == null ? [] : [for s in var.security_group_ids : s]

  # Security groups given to every Interface endpoint.
  security_group_ids = var.create && var.create_security_group ? concat(local.given_sgs, [aws_security_group.this[0].id]) : local.given_sgs

  # Per endpoint: the common lists followed by the entry's own.
  endpoint_security_group_ids = {
    for k, v in local.endpoints : k => concat(local.security_group_ids, contains(keys(v), "security_group_ids") ? v.security_group_ids : [])
  }
  endpoint_subnet_ids = {
    for k, v in local.endpoints : k => concat(local.subnet_ids, contains(keys(v), "subnet_ids") ? v.subnet_ids : [])
  }
}

# Resolves `service` (e.g. "ssm") to the region's full service name; not
# needed when the entry names its endpoint service itself.
data "aws_vpc_endpoint_service" "this" {
  for_each = { for k, v in local.endpoints : k => v if var.region == null && !contains(keys(v), "service_endpoint") }

  service      = try(local.endpoints[each.key].service, null)
  service_name = try(local.endpoints[each.key].service_name, null)

  filter {
    name   = "service-type"
    values = [local.endpoint_type[each.key]]
  }
}

# Attributes are read through local.endpoints[each.key] rather than
# each.value so that each endpoint refers only to what its own entry names.
resource "aws_vpc_endpoint" "this" {
  for_each = local.endpoints

  vpc_id            = var.vpc_id
  service_name      = contains(keys(local.endpoints[each.key]), "service_endpoint") ? local.endpoints[each.key].service_endpoint : data.aws_vpc_endpoint_service.this[each.key].service_name
  vpc_endpoint_type = local.endpoint_type[each.key]

  subnet_ids          = local.endpoint_type[each.key] == "Interface" ? local.endpoint_subnet_ids[each.key] : null
  security_group_ids  = local.endpoint_type[each.key] == "Interface" && length(local.endpoint_security_group_ids[each.key]) > 0 ? local.endpoint_security_group_ids[each.key] : null
  private_dns_enabled = local.endpoint_type[each.key] == "Interface" ? try(local.endpoints[each.key].private_dns_enabled, null) : null
  route_table_ids     = local.endpoint_type[each.key] == "Gateway" && contains(keys(local.endpoints[each.key]), "route_table_ids") ? local.endpoints[each.key].route_table_ids : null
  policy              = contains(keys(local.endpoints[each.key]), "policy") ? local.endpoints[each.key].policy : null

  tags = merge(var.tags, { Name = replace(each.key, ".", "-") }, try(local.endpoints[each.key].tags, {}))
}

resource "aws_security_group" "this" {
  count = var.create && var.create_security_group ? 1 : 0

  name        = var.security_group_name
  name_prefix = var.security_group_name_prefix
  description = var.security_group_description
  vpc_id      = var.vpc_id

  tags = merge(
    var.tags,
    var.security_group_tags,
    { Name = var.security_group_name != null ? var.security_group_name : (var.security_group_name_prefix != null ? var.security_group_name_prefix : "") },
  )
}

resource "aws_security_group_rule" "this" {
  for_each = { for k, v in var.security_group_rules : k => v if var.create && var.create_security_group }

  security_group_id = aws_security_group.this[0].id
  type              = try(var.security_group_rules[each.key].type, "ingress")
  protocol          = try(var.security_group_rules[each.key].protocol, "tcp")
  from_port         = try(var.security_group_rules[each.key].from_port, 443)
  to_port           = try(var.security_group_rules[each.key].to_port, 443)
  description       = try(var.security_group_rules[each.key].description, null)

  cidr_blocks              = contains(keys(var.security_group_rules[each.key]), "cidr_blocks") ? var.security_group_rules[each.key].cidr_blocks : null
  ipv6_cidr_blocks         = contains(keys(var.security_group_rules[each.key]), "ipv6_cidr_blocks") ? var.security_group_rules[each.key].ipv6_cidr_blocks : null
  prefix_list_ids          = contains(keys(var.security_group_rules[each.key]), "prefix_list_ids") ? var.security_group_rules[each.key].prefix_list_ids : null
  self                     = try(var.security_group_rules[each.key].self, null)
  source_security_group_id = contains(keys(var.security_group_rules[each.key]), "source_security_group_id") ? var.security_group_rules[each.key].source_security_group_id : null
}
