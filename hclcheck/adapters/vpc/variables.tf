# Inputs of terraform-aws-modules/vpc/aws that ssmlint's model reads (see
# main.tf for what the model is). Types and defaults are the module's
# documented ones (v6.x line; the same on v5.x for every input below).
# Inputs of the real module that are not declared here are ignored.

variable "create_vpc" {
  description = "Whether the VPC and everything in it is created."
  type        = bool
  default     = true
}

variable "putin_khuylo" {
  description = "The module's second switch for creating anything; false creates nothing."
  type        = bool
  default     = true
}

variable "name" {
  description = "Name used on all resources."
  type        = string
  default     = ""
}

variable "region" {
  description = "Region of the resources; null means the provider's."
  type        = string
  default     = null
}

variable "cidr" {
  description = "IPv4 CIDR block of the VPC."
  type        = string
  default     = "10.0.0.0/16"
}

variable "use_ipam_pool" {
  description = "Whether the VPC CIDR comes from an IPAM pool (then it is not known here)."
  type        = bool
  default     = false
}

variable "azs" {
  description = "Availability zone names or IDs, used in turn by the subnets."
  type        = list(string)
  default     = []
}

variable "instance_tenancy" {
  type    = string
  default = "default"
}

variable "enable_dns_hostnames" {
  type    = bool
  default = true
}

variable "enable_dns_support" {
  type    = bool
  default = true
}

variable "enable_ipv6" {
  type    = bool
  default = false
}

variable "public_subnets" {
  type    = list(string)
  default = []
}

variable "private_subnets" {
  type    = list(string)
  default = []
}

variable "database_subnets" {
  type    = list(string)
  default = []
}

variable "intra_subnets" {
  type    = list(string)
  default = []
}

# Not modelled as subnets; their lengths count towards the number of NAT
# gateways and private route tables, as in the module.
variable "elasticache_subnets" {
  type    = list(string)
  default = []
}

variable "redshift_subnets" {
  type    = list(string)
  default = []
}

variable "public_subnet_names" {
  type    = list(string)
  default = []
}

variable "private_subnet_names" {
  type    = list(string)
  default = []
}

variable "database_subnet_names" {
  type    = list(string)
  default = []
}

variable "intra_subnet_names" {
  type    = list(string)
  default = []
}

variable "public_subnet_suffix" {
  type    = string
  default = "public"
}

variable "private_subnet_suffix" {
  type    = string
  default = "private"
}

variable "database_subnet_suffix" {
  type    = string
  default = "db"
}

variable "intra_subnet_suffix" {
  type    = string
  default = "intra"
}

variable "map_public_ip_on_launch" {
  type    = bool
  default = false
}

variable "create_igw" {
  type    = bool
  default = true
}

variable "create_egress_only_igw" {
  type    = bool
  default = true
}

variable "create_multiple_public_route_tables" {
  type    = bool
  default = false
}

variable "create_multiple_intra_route_tables" {
  type    = bool
  default = false
}

variable "enable_nat_gateway" {
  type    = bool
  default = false
}

variable "single_nat_gateway" {
  type    = bool
  default = false
}

variable "one_nat_gateway_per_az" {
  type    = bool
  default = false
}

variable "reuse_nat_ips" {
  type    = bool
  default = false
}

variable "external_nat_ip_ids" {
  type    = list(string)
  default = []
}

variable "external_nat_ips" {
  type    = list(string)
  default = []
}

variable "create_private_nat_gateway_route" {
  type    = bool
  default = true
}

variable "nat_gateway_destination_cidr_block" {
  type    = string
  default = "0.0.0.0/0"
}

variable "create_database_subnet_route_table" {
  type    = bool
  default = false
}

variable "create_database_internet_gateway_route" {
  type    = bool
  default = false
}

variable "create_database_nat_gateway_route" {
  type    = bool
  default = false
}

variable "enable_vpn_gateway" {
  type    = bool
  default = false
}

variable "vpn_gateway_id" {
  type    = string
  default = ""
}

variable "amazon_side_asn" {
  type    = string
  default = "64512"
}

variable "propagate_public_route_tables_vgw" {
  type    = bool
  default = false
}

variable "propagate_private_route_tables_vgw" {
  type    = bool
  default = false
}

variable "propagate_intra_route_tables_vgw" {
  type    = bool
  default = false
}

variable "manage_default_route_table" {
  type    = bool
  default = true
}

variable "default_route_table_name" {
  type    = string
  default = null
}

variable "default_route_table_propagating_vgws" {
  type    = list(string)
  default = []
}

variable "default_route_table_routes" {
  type    = list(map(string))
  default = []
}

variable "manage_default_security_group" {
  type    = bool
  default = true
}

variable "default_security_group_name" {
  type    = string
  default = null
}

variable "default_security_group_ingress" {
  type    = list(map(string))
  default = []
}

variable "default_security_group_egress" {
  type    = list(map(string))
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "vpc_tags" {
  type    = map(string)
  default = {}
}

variable "igw_tags" {
  type    = map(string)
  default = {}
}

variable "nat_gateway_tags" {
  type    = map(string)
  default = {}
}

variable "nat_eip_tags" {
  type    = map(string)
  default = {}
}

variable "public_subnet_tags" {
  type    = map(string)
  default = {}
}

variable "private_subnet_tags" {
  type    = map(string)
  default = {}
}

variable "database_subnet_tags" {
  type    = map(string)
  default = {}
}

variable "intra_subnet_tags" {
  type    = map(string)
  default = {}
}

variable "public_subnet_tags_per_az" {
  type    = map(map(string))
  default = {}
}

variable "private_subnet_tags_per_az" {
  type    = map(map(string))
  default = {}
}

variable "public_route_table_tags" {
  type    = map(string)
  default = {}
}

variable "private_route_table_tags" {
  type    = map(string)
  default = {}
}

variable "database_route_table_tags" {
  type    = map(string)
  default = {}
}

variable "intra_route_table_tags" {
  type    = map(string)
  default = {}
}

variable "default_security_group_tags" {
  type    = map(string)
  default = {}
}

variable "default_route_table_tags" {
  type    = map(string)
  default = {}
}

variable "vpn_gateway_tags" {
  type    = map(string)
  default = {}
}
