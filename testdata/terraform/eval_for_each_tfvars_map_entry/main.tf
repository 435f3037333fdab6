# The map of parameters is in terraform.tfvars: findings about one entry
# point into the tfvars file.

resource "aws_ssm_parameter" "this" {
  for_each = var.parameters

  name  = "/${var.environment}/web/${each.key}"
  type  = "String"
  tier  = each.value.tier
  value = each.value.value
}
