# Advanced tier costs $0.05 per parameter per month; it is only needed for
# values over 4 KB or parameter policies.

variable "service_url" {
  type        = string
  description = "Set by the pipeline"
}

resource "aws_ssm_parameter" "bad_advanced_small_value" {
  name  = "/billing/feature_flags"
  type  = "String"
  tier  = "Advanced" # expect: SSM301
  value = jsonencode({ new_checkout = true, dark_mode = false })
}

resource "aws_ssm_parameter" "bad_advanced_small_insecure_value" {
  name           = "/billing/region"
  type           = "String"
  tier           = "Advanced" # expect: SSM301
  insecure_value = "eu-west-1"
}

resource "aws_ssm_parameter" "ok_advanced_large_value" {
  name  = "/billing/rate_table"
  type  = "String"
  tier  = "Advanced"
  value = format("%06000d", 0)
}

resource "aws_ssm_parameter" "ok_advanced_unknown_value" {
  name  = "/billing/service_url"
  type  = "String"
  tier  = "Advanced"
  value = var.service_url
}

# Parameter policies need the Advanced tier.
resource "aws_ssm_parameter" "ok_advanced_with_policies" {
  name  = "/billing/temp_token_url"
  type  = "String"
  tier  = "Advanced"
  value = "https://billing.example.com/tmp"
  policies = jsonencode([{
    Type    = "Expiration"
    Version = "1.0"
    Attributes = {
      Timestamp = "2030-12-02T21:34:33.000Z"
    }
  }])
}

resource "aws_ssm_parameter" "ok_standard_small_value" {
  name  = "/billing/currency"
  type  = "String"
  tier  = "Standard"
  value = "EUR"
}

resource "aws_ssm_parameter" "ok_intelligent_tiering_small_value" {
  name  = "/billing/locale"
  type  = "String"
  tier  = "Intelligent-Tiering"
  value = "en_GB"
}
