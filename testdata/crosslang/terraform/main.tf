# The database DSN is a SecureString. Nothing in its name says so: only
# the Terraform tells the Go analyzers.
variable "db_dsn" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "dsn" {
  name  = "/app/db/dsn"
  type  = "SecureString"
  value = var.db_dsn
}

resource "aws_ssm_parameter" "region" {
  name  = "/app/region"
  type  = "String"
  value = "eu-west-1"
}
