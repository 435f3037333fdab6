resource "aws_ssm_parameter" "db_password" {
  name  = "/app/db/password"
  type  = "String"
  value = var.db_password
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "api_key" {
  name  = "/app/stripe/api_key"
  type  = "String"
  value = var.api_key
}

variable "api_key" {
  type      = string
  sensitive = true
}
