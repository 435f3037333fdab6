# ENGINE BUG (hclcheck/check.go, At): a finding is moved to the for_each
# entry whenever the attribute merely refers to each.*, even when the
# offending part of the value does not come from the entry. Here the space
# comes from var.env (terraform.tfvars) through local.prefix; the entries
# are fine, yet each instance's finding points at its (valid) entry line.
# Expected: one SSM203 per instance on the name line. Got: SSM203 on the
# db_host and db_port entry lines.

locals {
  prefix = "/orders/${var.env}"
  settings = {
    db_host = "db.internal"
    db_port = "5432"
  }
}

resource "aws_ssm_parameter" "setting" {
  for_each = local.settings

  name  = "${local.prefix}/${each.key}" # expect: SSM203, SSM203
  type  = "String"
  value = each.value
}
