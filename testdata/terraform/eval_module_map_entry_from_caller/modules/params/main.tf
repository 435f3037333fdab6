variable "prefix" {
  type = string
}

variable "parameters" {
  type = map(object({
    value  = string
    secure = optional(bool, false)
  }))
}

resource "aws_ssm_parameter" "this" {
  for_each = var.parameters

  name  = "${var.prefix}/${each.key}"
  type  = each.value.secure ? "SecureString" : "String"
  value = each.value.value
}
