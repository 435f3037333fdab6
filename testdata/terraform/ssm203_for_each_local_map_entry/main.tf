# Parameters declared as a map in locals, created with for_each: the
# finding points at the one entry whose key makes a bad name.

locals {
  app_config = {
    "db_host"       = "orders.cluster-abc.eu-west-1.rds.amazonaws.com"
    "db_port"       = "5432"
    "feature flags" = "checkout,search" # expect: SSM203
    "log_level"     = "info"
  }
}

resource "aws_ssm_parameter" "config" {
  for_each = local.app_config

  name  = "/orders/config/${each.key}"
  type  = "String"
  value = each.value
}
