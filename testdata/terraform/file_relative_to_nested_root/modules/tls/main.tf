variable "name" {
  type = string
}

resource "aws_ssm_parameter" "chain" {
  name  = var.name
  type  = "String"
  value = file("${path.module}/chain.pem") # expect: SSM204
}
