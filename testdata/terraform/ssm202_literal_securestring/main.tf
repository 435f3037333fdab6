# SecureString parameters whose value is written in the configuration:
# the secret is in version control and in the state.

variable "db_password" {
  description = "Master password of the reporting database"
  type        = string
  default     = "Reporting-2024!" # not sensitive, and a default
}

locals {
  smtp_password = "m4il-p4ss"
  db_user       = "reporting"
}

resource "aws_ssm_parameter" "bad_literal_value" {
  name  = "/reporting/api/token"
  type  = "SecureString"
  value = "tok_3f9c2a" # expect: SSM202
}

resource "aws_ssm_parameter" "bad_value_from_local_literal" {
  name  = "/reporting/smtp/password"
  type  = "SecureString"
  value = local.smtp_password # expect: SSM202
}

resource "aws_ssm_parameter" "bad_value_from_variable_default" {
  name   = "/reporting/db/password"
  type   = "SecureString"
  key_id = "alias/aws/ssm"
  value  = var.db_password # expect: SSM202
}

# A connection document assembled with jsonencode, every part written here.
resource "aws_ssm_parameter" "bad_jsonencode_of_literals" {
  name = "/reporting/db/connection"
  type = "SecureString"
  value = jsonencode({ # expect: SSM202
    host     = "reporting.cluster-abc.eu-west-1.rds.amazonaws.com"
    username = local.db_user
    password = var.db_password
  })
}

# Not a secret: plain String parameters are SSM201's business, not SSM202's.
resource "aws_ssm_parameter" "ok_plain_string_literal" {
  name  = "/reporting/db/host"
  type  = "String"
  value = "reporting.cluster-abc.eu-west-1.rds.amazonaws.com"
}
