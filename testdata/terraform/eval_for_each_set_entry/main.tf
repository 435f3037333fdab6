# for_each over a set of names written as a list literal: the bad element
# is reported.

locals {
  feature_flags = toset([
    "checkout_v2",
    "search.fuzzy",
    "ssm-sync", # expect: SSM203
    "dark_mode",
  ])
}

resource "aws_ssm_parameter" "flag" {
  for_each = local.feature_flags

  name  = each.value
  type  = "String"
  value = "false"
}

# The set written directly in for_each.
resource "aws_ssm_parameter" "endpoint" {
  for_each = toset([
    "/web/endpoints/api",
    "/web/endpoints/cdn origin", # expect: SSM203
  ])

  name  = each.key
  type  = "String"
  value = "https://example.com"
}
