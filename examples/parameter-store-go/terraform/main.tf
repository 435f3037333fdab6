# The shop's parameters. The database DSN holds a password: it is a
# SecureString, encrypted with the account's default key.
variable "db_dsn" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "db_dsn" {
  name  = "/shop/prod/db/dsn"
  type  = "SecureString"
  value = var.db_dsn
}

resource "aws_ssm_parameter" "currency" {
  name  = "/shop/prod/currency"
  type  = "String"
  value = "EUR"
}
