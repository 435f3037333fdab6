# A module called with for_each. Two instances build bad names; both are
# reported at the same line of the module, with messages that name each
# instance (module.settings["..."]).

locals {
  settings = {
    "cache ttl"  = "300"              # space
    "aws_region" = "eu-west-1"        # fine: the prefix is /shop/...
    "retry:max"  = "5"                # colon
    log_level    = "info"
  }
}

module "settings" {
  source   = "./modules/param"
  for_each = local.settings

  name  = "/shop/${each.key}"
  value = each.value
}
