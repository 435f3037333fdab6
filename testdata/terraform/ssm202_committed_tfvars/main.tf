# Secrets that reach a SecureString from terraform.tfvars or *.auto.tfvars
# in the scanned tree: Terraform loads those files automatically and they
# are committed with the configuration, so the secret is in version
# control. Reported at the tfvars line, sensitive variable or not, through
# a module input too. A placeholder there, or a variable no committed file
# sets, is silent.
variable "smtp_password" {
  type = string
}

variable "webhook_secret" {
  type      = string
  sensitive = true
}

variable "stripe_key" {
  type    = string
  default = "change-me"
}

variable "api_token" {
  type = string
}

variable "set_by_ci" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "smtp" {
  name  = "/prod/smtp/password"
  type  = "SecureString"
  value = var.smtp_password
}

resource "aws_ssm_parameter" "webhook" {
  name  = "/prod/webhook/secret"
  type  = "SecureString"
  value = var.webhook_secret
}

module "payments" {
  source     = "./payments"
  stripe_key = var.stripe_key
}

resource "aws_ssm_parameter" "ok_placeholder_in_tfvars" {
  name  = "/prod/upstream/api_token"
  type  = "SecureString"
  value = var.api_token
}

resource "aws_ssm_parameter" "ok_set_by_ci" {
  name  = "/prod/ci/token"
  type  = "SecureString"
  value = var.set_by_ci
}
