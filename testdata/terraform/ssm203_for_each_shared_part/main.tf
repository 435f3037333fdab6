# Every instance's name is bad because of the shared prefix (the space
# comes from var.env in terraform.tfvars), not because of its own entry:
# the findings stay on the name attribute rather than on the valid
# db_host / db_port entries.

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
