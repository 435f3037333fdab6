# SecureString values that come from outside the configuration or are
# generated: none is a finding.

resource "random_password" "db" {
  length  = 32
  special = false
}

data "aws_secretsmanager_secret_version" "stripe" {
  secret_id = "prod/stripe"
}

resource "aws_ssm_parameter" "ok_sensitive_variable_without_default" {
  name  = "/${var.environment}/upstream/api_token"
  type  = "SecureString"
  value = var.api_token
}

resource "aws_ssm_parameter" "ok_variable_set_by_ci" {
  name  = "/${var.environment}/smtp/password"
  type  = "SecureString"
  value = var.smtp_password
}

resource "aws_ssm_parameter" "ok_generated_password" {
  name  = "/${var.environment}/db/password"
  type  = "SecureString"
  value = random_password.db.result
}

resource "aws_ssm_parameter" "ok_from_secrets_manager" {
  name  = "/${var.environment}/stripe/secret_key"
  type  = "SecureString"
  value = data.aws_secretsmanager_secret_version.stripe.secret_string
}

resource "aws_ssm_parameter" "ok_write_only_value" {
  name             = "/${var.environment}/db/password_wo"
  type             = "SecureString"
  value_wo         = random_password.db.result
  value_wo_version = 1
}

# Literal parts around a generated one: the whole value is unknown.
resource "aws_ssm_parameter" "ok_partially_unknown_template" {
  name  = "/${var.environment}/db/url"
  type  = "SecureString"
  value = "postgres://app:${random_password.db.result}@db.internal:5432/app"
}

# jsonencode keeps the sensitivity of the variable it embeds.
resource "aws_ssm_parameter" "ok_jsonencode_with_sensitive_variable" {
  name = "/${var.environment}/db/connection"
  type = "SecureString"
  value = jsonencode({
    username = "app"
    password = var.db_password
  })
}
