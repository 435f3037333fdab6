# Values set in terraform.tfvars are external input. They stay so when they
# reach a resource or a module through for_each's each.value, exactly as
# when read as var.service_secrets["db_password"]: SSM202 stays silent.

resource "aws_ssm_parameter" "secret" {
  for_each = var.service_secrets

  name  = "/billing/${each.key}"
  type  = "SecureString"
  value = each.value
}

module "replicated_secret" {
  source   = "./modules/secret"
  for_each = var.service_secrets

  name  = "/billing-dr/${each.key}"
  value = each.value
}

# Control: same input without for_each, no finding today.
resource "aws_ssm_parameter" "direct" {
  name  = "/billing/direct/db_password"
  type  = "SecureString"
  value = var.service_secrets["db_password"]
}
