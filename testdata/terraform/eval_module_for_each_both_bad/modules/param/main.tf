variable "name" {
  type = string
}

variable "value" {
  type = string
}

resource "aws_ssm_parameter" "this" {
  name  = var.name # expect: SSM203, SSM203
  type  = "String"
  value = var.value
}
