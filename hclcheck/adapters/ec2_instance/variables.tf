# Inputs of terraform-aws-modules/ec2-instance/aws that ssmlint's model
# reads (see main.tf). Types and defaults are the module's documented ones
# on the v6.x line.

variable "create" {
  type    = bool
  default = true
}

variable "putin_khuylo" {
  type    = bool
  default = true
}

variable "name" {
  type    = string
  default = ""
}

variable "region" {
  type    = string
  default = null
}

variable "ami" {
  type    = string
  default = null
}

variable "ami_ssm_parameter" {
  type    = string
  default = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

variable "ignore_ami_changes" {
  type    = bool
  default = false
}

variable "instance_type" {
  type    = string
  default = "t3.micro"
}

variable "availability_zone" {
  type    = string
  default = null
}

variable "subnet_id" {
  type    = string
  default = null
}

# Declared `any` rather than the module's list(string) so that references keep
# their element positions (ssmlint converts typed inputs as a whole).
variable "vpc_security_group_ids" {
  type    = any
  default = []
}

variable "associate_public_ip_address" {
  type    = bool
  default = null
}

# Accepted, not passed on (see main.tf).
variable "private_ip" {
  type    = string
  default = null
}

variable "key_name" {
  type    = string
  default = null
}

variable "user_data" {
  type    = string
  default = null
}

variable "network_interface" {
  type = map(object({
    delete_on_termination = optional(bool)
    device_index          = optional(number)
    network_card_index    = optional(number)
    network_interface_id  = string
  }))
  default = null
}

variable "create_spot_instance" {
  type    = bool
  default = false
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "instance_tags" {
  type    = map(string)
  default = {}
}

# IAM

variable "iam_instance_profile" {
  description = "Name of an existing instance profile, used when create_iam_instance_profile is false."
  type        = string
  default     = null
}

variable "create_iam_instance_profile" {
  type    = bool
  default = false
}

variable "iam_role_name" {
  type    = string
  default = null
}

variable "iam_role_use_name_prefix" {
  type    = bool
  default = true
}

variable "iam_role_path" {
  type    = string
  default = null
}

variable "iam_role_description" {
  type    = string
  default = null
}

variable "iam_role_permissions_boundary" {
  type    = string
  default = null
}

# Declared `any` rather than the module's map(string) so that references keep
# their element positions (ssmlint converts typed inputs as a whole).
variable "iam_role_policies" {
  description = "Managed policy ARNs attached to the created role, by any key."
  type        = any
  default     = {}
}

variable "iam_role_tags" {
  type    = map(string)
  default = {}
}

# The module's own security group (v6)

variable "create_security_group" {
  type    = bool
  default = true
}

variable "security_group_name" {
  type    = string
  default = null
}

variable "security_group_use_name_prefix" {
  type    = bool
  default = true
}

variable "security_group_description" {
  type    = string
  default = null
}

variable "security_group_vpc_id" {
  type    = string
  default = null
}

variable "security_group_tags" {
  type    = map(string)
  default = {}
}

variable "security_group_egress_rules" {
  # The module's type is map(object({cidr_ipv4, cidr_ipv6, description,
  # from_port, ip_protocol (default "tcp"), prefix_list_id,
  # referenced_security_group_id, tags, to_port})); declared `any` so that
  # references keep their positions, and the defaults are applied in main.tf.
  type = any
  # All IPv4 and IPv6 traffic out.
  default = {
    ipv4_default = {
      cidr_ipv4   = "0.0.0.0/0"
      description = "Allow all IPv4 traffic"
      ip_protocol = "-1"
    }
    ipv6_default = {
      cidr_ipv6   = "::/0"
      description = "Allow all IPv6 traffic"
      ip_protocol = "-1"
    }
  }
}

variable "security_group_ingress_rules" {
  # The module's type is map(object({cidr_ipv4, cidr_ipv6, description,
  # from_port, ip_protocol (default "tcp"), prefix_list_id,
  # referenced_security_group_id, tags, to_port})); declared `any` so that
  # references keep their positions, and the defaults are applied in main.tf.
  type    = any
  default = null
}
