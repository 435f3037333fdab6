# Secrets stored as plain String/StringList parameters. Each spelling the
# rule must recognise: path segment, snake_case, kebab-case, camelCase,
# two-word pairs and plurals of "credential".

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

variable "environment" {
  type    = string
  default = "prod"
}

locals {
  prefix = "/${var.environment}/app"
}

resource "aws_ssm_parameter" "bad_db_password" {
  name  = "/app/db/password"
  type  = "String" # expect: SSM201
  value = "not-so-secret"
}

resource "aws_ssm_parameter" "bad_db_passwd" {
  name  = "db_passwd"
  type  = "String" # expect: SSM201
  value = "hunter2"
}

resource "aws_ssm_parameter" "bad_github_token" {
  name        = "${local.prefix}/ci/github-token"
  description = "Used by the release pipeline"
  type        = "String" # expect: SSM201
  value       = "ghp_exampleexampleexample"
}

resource "aws_ssm_parameter" "bad_api_key" {
  name  = "${local.prefix}/payments/apiKey"
  type  = "String" # expect: SSM201
  value = "pk_live_example"
}

resource "aws_ssm_parameter" "bad_stripe_private_key" {
  name  = "/billing/stripe_private_key"
  type  = "String" # expect: SSM201
  value = "sk_live_example"
}

resource "aws_ssm_parameter" "bad_oauth_client_secret" {
  name  = "/app/oauth/client_secret"
  type  = "String" # expect: SSM201
  value = "s3cr3t"
}

resource "aws_ssm_parameter" "bad_smtp_credentials" {
  name  = "/app/smtp/credentials"
  type  = "StringList" # expect: SSM201
  value = "mailer,hunter2"
}

# Same secret, stored the right way: no finding.
resource "aws_ssm_parameter" "ok_secure_string" {
  name  = "/app/db/password-secure"
  type  = "SecureString"
  value = var.db_password
}

variable "db_password" {
  type      = string
  sensitive = true
}
