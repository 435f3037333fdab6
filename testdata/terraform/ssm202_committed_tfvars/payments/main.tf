variable "stripe_key" {
  type = string
}

resource "aws_ssm_parameter" "stripe" {
  name  = "/prod/stripe/secret_key"
  type  = "SecureString"
  value = var.stripe_key
}
