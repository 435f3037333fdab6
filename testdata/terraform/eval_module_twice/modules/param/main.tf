variable "service" {
  type = string
}

variable "key" {
  type = string
}

variable "value" {
  type = string
}

variable "description" {
  type    = string
  default = null
}

variable "type" {
  type    = string
  default = "String"
}

resource "aws_ssm_parameter" "this" {
  name        = "/${var.service}/${var.key}" # expect: SSM203
  description = var.description
  type        = var.type
  value       = var.value
}

output "name" {
  value = aws_ssm_parameter.this.name
}
