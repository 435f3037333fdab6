# Inputs of terraform-aws-modules/vpc/aws//modules/vpc-endpoints that
# ssmlint's model reads (see main.tf). Types and defaults are the module's
# documented ones.

variable "create" {
  description = "Whether anything is created."
  type        = bool
  default     = true
}

variable "region" {
  description = "Region of the resources; when set, each endpoint must give service_endpoint."
  type        = string
  default     = null
}

variable "vpc_id" {
  type    = string
  default = null
}

variable "endpoints" {
  description = "Endpoints by key: service, service_endpoint, service_name, service_type (default Interface), private_dns_enabled, subnet_ids, security_group_ids, route_table_ids, policy, tags, create."
  type        = any
  default     = {}
}

# Declared `any` rather than the module's list(string) so that references keep
# their element positions (ssmlint converts typed inputs as a whole).
variable "security_group_ids" {
  description = "Security groups of every Interface endpoint."
  type        = any
  default     = []
}

# Declared `any` rather than the module's list(string) so that references keep
# their element positions (ssmlint converts typed inputs as a whole).
variable "subnet_ids" {
  description = "Subnets of every Interface endpoint."
  type        = any
  default     = []
}

variable "create_security_group" {
  type    = bool
  default = false
}

variable "security_group_name" {
  type    = string
  default = null
}

variable "security_group_name_prefix" {
  type    = string
  default = null
}

variable "security_group_description" {
  type    = string
  default = null
}

variable "security_group_rules" {
  description = "Rules of the created security group by key: type (default ingress), protocol (default tcp), from_port and to_port (default 443), cidr_blocks, ipv6_cidr_blocks, prefix_list_ids, self, source_security_group_id, description."
  type        = any
  default     = {}
}

variable "security_group_tags" {
  type    = map(string)
  default = {}
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "timeouts" {
  type    = map(string)
  default = {}
}
