variable "name" {
  type = string
}

resource "aws_ssm_parameter" "this" {
  name  = var.name # expect: SSM203
  type  = "String"
  value = "v"
}
