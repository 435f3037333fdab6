# A small application stack with the Parameter Store mistakes ssmlint is
# built to catch. `make run` scans this directory.

locals {
  prefix = "/${var.app}/${var.env}"
}

# The database password is stored as a plain String: readable in clear text
# by anyone who may call ssm:GetParameter.
resource "aws_ssm_parameter" "db_password" {
  name  = "${local.prefix}/db/password"
  type  = "String"
  value = var.db_password
}

# A SecureString whose value is written right here: it ends up in git and
# in the Terraform state.
resource "aws_ssm_parameter" "api_token" {
  name  = "${local.prefix}/api/token"
  type  = "SecureString"
  value = "tok_live_8f2b1c0e"
}

# Advanced tier for a 12-byte value: $0.05 a month for nothing.
resource "aws_ssm_parameter" "feature_flags" {
  name  = "${local.prefix}/feature-flags"
  type  = "String"
  tier  = "Advanced"
  value = jsonencode({ beta = true })
}

# One entry of this map breaks AWS's naming rules; the finding points at it.
resource "aws_ssm_parameter" "settings" {
  for_each = {
    "log-level"    = "info"
    "max conns"    = "50"
    "timeout-secs" = "30"
  }
  name  = "${local.prefix}/settings/${each.key}"
  type  = "String"
  value = each.value
}

# Fine: the value comes from a sensitive variable with no default.
resource "aws_ssm_parameter" "db_password_secure" {
  name  = "${local.prefix}/db/password-secure"
  type  = "SecureString"
  value = var.db_password
}

# Fine: token_url is about a token, not a token.
resource "aws_ssm_parameter" "token_url" {
  name  = "${local.prefix}/auth/token_url"
  type  = "String"
  value = "https://auth.example.com/oauth/token"
}
