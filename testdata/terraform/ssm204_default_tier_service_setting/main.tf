# The account's default tier is Intelligent-Tiering (set in this stack), so
# a 5000-byte value without `tier` is created as Advanced: no SSM204. A
# value over 8 KB still fails on every tier.

resource "aws_ssm_service_setting" "default_tier" {
  setting_id    = "/ssm/parameter-store/default-parameter-tier"
  setting_value = "Intelligent-Tiering"
}

locals {
  rules_5k = format("%05000d", 0)
  rules_9k = format("%09000d", 0)
}

resource "aws_ssm_parameter" "ok_5000_bytes_default_tier" {
  name  = "/waf/rules"
  type  = "String"
  value = local.rules_5k
}

resource "aws_ssm_parameter" "bad_9000_bytes_default_tier" {
  name  = "/waf/rules-all"
  type  = "String"
  value = local.rules_9k # expect: SSM204
}

# An explicit Standard tier overrides the account default.
resource "aws_ssm_parameter" "bad_5000_bytes_explicit_standard" {
  name  = "/waf/rules-standard"
  type  = "String"
  tier  = "Standard"
  value = local.rules_5k # expect: SSM204
}
