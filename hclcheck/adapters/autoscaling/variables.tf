# Inputs of terraform-aws-modules/autoscaling/aws that ssmlint's model
# reads (see main.tf). Types and defaults are the module's documented ones
# on the v9.x line; inputs whose real type is a large object are `any`
# here, and only the fields main.tf names are read.

variable "create" {
  type    = bool
  default = true
}

variable "putin_khuylo" {
  type    = bool
  default = true
}

variable "name" {
  description = "Name of the autoscaling group (required by the module)."
  type        = string
}

variable "use_name_prefix" {
  type    = bool
  default = true
}

variable "instance_name" {
  type    = string
  default = ""
}

variable "region" {
  type    = string
  default = null
}

# Declared `any` rather than the module's list(string) so that references keep
# their element positions (ssmlint converts typed inputs as a whole).
variable "vpc_zone_identifier" {
  type    = any
  default = null
}

variable "availability_zones" {
  type    = list(string)
  default = null
}

variable "min_size" {
  type    = number
  default = null
}

variable "max_size" {
  type    = number
  default = null
}

variable "desired_capacity" {
  type    = number
  default = null
}

variable "health_check_type" {
  type    = string
  default = null
}

variable "ignore_desired_capacity_changes" {
  type    = bool
  default = false
}

variable "use_mixed_instances_policy" {
  type    = bool
  default = false
}

variable "mixed_instances_policy" {
  type    = any
  default = null
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "autoscaling_group_tags" {
  type    = map(string)
  default = {}
}

variable "autoscaling_group_tags_not_propagate_at_launch" {
  type    = list(string)
  default = []
}

# Launch template

variable "create_launch_template" {
  type    = bool
  default = true
}

variable "launch_template_id" {
  description = "An existing launch template, used when create_launch_template is false."
  type        = string
  default     = null
}

variable "launch_template_name" {
  type    = string
  default = ""
}

variable "launch_template_use_name_prefix" {
  type    = bool
  default = true
}

variable "launch_template_description" {
  type    = string
  default = null
}

variable "launch_template_version" {
  type    = string
  default = null
}

variable "launch_template_tags" {
  type    = map(string)
  default = {}
}

variable "image_id" {
  type    = string
  default = null
}

variable "instance_type" {
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

# Declared `any` rather than the module's list(string) so that references keep
# their element positions (ssmlint converts typed inputs as a whole).
variable "security_groups" {
  type    = any
  default = []
}

variable "network_interfaces" {
  description = "Network interfaces of the template (list of objects); fields read: associate_public_ip_address, delete_on_termination, description, device_index, network_interface_id, private_ip_address, security_groups, subnet_id."
  type        = any
  default     = null
}

variable "tag_specifications" {
  type = list(object({
    resource_type = optional(string)
    tags          = optional(map(string), {})
  }))
  default = null
}

# IAM

variable "create_iam_instance_profile" {
  type    = bool
  default = false
}

variable "iam_instance_profile_arn" {
  type    = string
  default = null
}

variable "iam_instance_profile_name" {
  type    = string
  default = null
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
