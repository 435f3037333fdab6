# Values over the tier's size limit. Terraform has no string-repeat
# function (and range() stops at 1024 elements), so large values are built
# the way real stacks do: format padding, a for over range, or a file.

locals {
  # 1000 x 5 bytes = 5000 bytes.
  allow_list = join("", [for i in range(1000) : "abcde"])
  # 9000 bytes.
  big_policy = format("%09000d", 0)
  # 5000 bytes, over Standard but within Advanced.
  mid_blob = format("%05000d", 0)
}

resource "aws_ssm_parameter" "bad_5000_bytes_tier_unset" {
  name  = "/edge/allow_list"
  type  = "StringList"
  value = local.allow_list # expect: SSM204
}

resource "aws_ssm_parameter" "bad_5000_bytes_standard" {
  name  = "/edge/blob"
  type  = "String"
  tier  = "Standard"
  value = local.mid_blob # expect: SSM204
}

resource "aws_ssm_parameter" "bad_9000_bytes_advanced" {
  name  = "/edge/policy"
  type  = "String"
  tier  = "Advanced"
  value = local.big_policy # expect: SSM204
}

resource "aws_ssm_parameter" "bad_9000_bytes_intelligent_tiering" {
  name  = "/edge/policy-it"
  type  = "String"
  tier  = "Intelligent-Tiering"
  value = local.big_policy # expect: SSM204
}

# The CA bundle read from a file next to the configuration.
resource "aws_ssm_parameter" "bad_file_over_4kb" {
  name  = "/edge/tls/ca_bundle"
  type  = "String"
  value = file("${path.module}/files/ca-bundle.pem") # expect: SSM204
}

# insecure_value is measured like value.
resource "aws_ssm_parameter" "bad_insecure_value_over_4kb" {
  name           = "/edge/routes"
  type           = "String"
  insecure_value = jsonencode([for i in range(600) : "route-${i}"]) # expect: SSM204
}

resource "aws_ssm_parameter" "ok_5000_bytes_advanced" {
  name  = "/edge/blob-advanced"
  type  = "String"
  tier  = "Advanced"
  value = local.mid_blob
}

resource "aws_ssm_parameter" "ok_5000_bytes_intelligent_tiering" {
  name  = "/edge/blob-it"
  type  = "String"
  tier  = "Intelligent-Tiering"
  value = local.mid_blob
}

resource "aws_ssm_parameter" "ok_exactly_4096_bytes" {
  name  = "/edge/blob-4096"
  type  = "String"
  value = format("%04096d", 0)
}

resource "random_password" "signing_key" {
  length = 64
}

data "http" "jwks" {
  url = "https://auth.example.com/.well-known/jwks.json"
}

resource "aws_ssm_parameter" "ok_unknown_value" {
  name  = "/edge/jwks"
  type  = "String"
  value = data.http.jwks.response_body
}

resource "aws_ssm_parameter" "ok_unknown_generated_value" {
  name  = "/edge/signing_key"
  type  = "SecureString"
  value = random_password.signing_key.result
}
