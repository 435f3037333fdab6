# aws_ssm_parameter with the write-only value_wo (Terraform 1.11 or later,
# value_wo_version triggers the update). value_wo keeps the value out of
# state, so it is SSM202's remedy for secrets that come from outside the
# configuration, but a literal written into value_wo is still a secret in
# version control. Sizes and tiers are Parameter Store's: value_wo is
# measured like value.

# SSM202: a literal in value_wo is in version control.
resource "aws_ssm_parameter" "bad_literal_value_wo" {
  name             = "/orders/api/token"
  type             = "SecureString"
  value_wo         = "tok_5d1e7b" # expect: SSM202
  value_wo_version = 1
}

resource "aws_ssm_parameter" "bad_value_wo_from_variable_default" {
  name             = "/orders/smtp/password"
  type             = "SecureString"
  value_wo         = var.smtp_password # expect: SSM202
  value_wo_version = 1
}

# The module pattern that offers both forms: the one not chosen is null.
resource "aws_ssm_parameter" "bad_literal_value_wo_value_null" {
  name             = "/orders/queue/secret"
  type             = "SecureString"
  value            = var.use_write_only ? null : "q-s3cret"
  value_wo         = var.use_write_only ? "q-s3cret" : null # expect: SSM202
  value_wo_version = 1
}

# value_wo fed from outside the configuration: the remedy, silent.
resource "aws_ssm_parameter" "ok_value_wo_sensitive_variable" {
  name             = "/orders/db/password"
  type             = "SecureString"
  value_wo         = var.db_password
  value_wo_version = 1
}

resource "aws_ssm_parameter" "ok_value_wo_ephemeral_variable" {
  name             = "/orders/session/key"
  type             = "SecureString"
  value_wo         = var.session_key
  value_wo_version = 2
}

ephemeral "random_password" "signing" {
  length = 48
}

resource "aws_ssm_parameter" "ok_value_wo_ephemeral_resource" {
  name             = "/orders/jwt/signing_key"
  type             = "SecureString"
  value_wo         = ephemeral.random_password.signing.result
  value_wo_version = 1
}

resource "aws_ssm_parameter" "ok_value_null_value_wo_sensitive" {
  name             = "/orders/db/password_v2"
  type             = "SecureString"
  value            = null
  value_wo         = var.db_password
  value_wo_version = 1
}

# A placeholder under ignore_changes: the real value is put outside
# Terraform, and value_wo already keeps the placeholder out of state.
resource "aws_ssm_parameter" "ok_value_wo_placeholder_ignore_changes" {
  name             = "/orders/partner/api_key"
  type             = "SecureString"
  value_wo         = "set-by-ops"
  value_wo_version = 1

  lifecycle {
    ignore_changes = all
  }
}

# SSM204: value_wo over the tier's limit.
resource "aws_ssm_parameter" "bad_value_wo_over_4kb_standard" {
  name             = "/orders/routes"
  type             = "String"
  value_wo         = format("%05000d", 0) # expect: SSM204
  value_wo_version = 1
}

resource "aws_ssm_parameter" "bad_value_wo_over_8kb_advanced" {
  name             = "/orders/catalog"
  type             = "String"
  tier             = "Advanced"
  value_wo         = format("%09000d", 0) # expect: SSM204
  value_wo_version = 1
}

# SSM301: Advanced tier for a value_wo that fits in Standard.
resource "aws_ssm_parameter" "bad_advanced_small_value_wo" {
  name             = "/orders/flags"
  type             = "String"
  tier             = "Advanced" # expect: SSM301
  value_wo         = jsonencode({ express = true })
  value_wo_version = 1
}

resource "aws_ssm_parameter" "bad_advanced_small_literal_secret" {
  name             = "/orders/webhook/secret"
  type             = "SecureString"
  tier             = "Advanced" # expect: SSM301
  value_wo         = "whsec_9a8b7c" # expect: SSM202
  value_wo_version = 1
}

resource "aws_ssm_parameter" "ok_advanced_value_wo_over_4kb" {
  name             = "/orders/rate_table"
  type             = "String"
  tier             = "Advanced"
  value_wo         = format("%05000d", 0)
  value_wo_version = 1
}

resource "aws_ssm_parameter" "ok_advanced_value_wo_unknown" {
  name             = "/orders/db/password_advanced"
  type             = "SecureString"
  tier             = "Advanced"
  value_wo         = ephemeral.random_password.signing.result
  value_wo_version = 1
}
