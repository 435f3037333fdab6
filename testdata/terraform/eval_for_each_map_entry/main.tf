# A map of parameter definitions in locals, one resource with for_each.
# Attributes that come from each.value are reported at the entry that gave
# the value.

locals {
  service = "inventory"

  parameters = {
    db_host = {
      type  = "String"
      value = "inventory.cluster-abc.eu-west-1.rds.amazonaws.com"
    }
    db_password = { # expect: SSM201
      type  = "String"
      value = "inventory-pw"
    }
    catalog = { # expect: SSM204
      type  = "String"
      value = format("%05000d", 0)
    }
    catalog_full = {
      type  = "String"
      tier  = "Advanced"
      value = format("%05000d", 0)
    }
    flags = { # expect: SSM301
      type  = "String"
      tier  = "Advanced"
      value = jsonencode({ beta = true })
    }
    hosts = {
      type  = "StringList"
      value = "a.internal,b.internal"
    }
  }
}

resource "aws_ssm_parameter" "this" {
  for_each = local.parameters

  name  = "/${local.service}/${each.key}"
  type  = each.value.type
  tier  = lookup(each.value, "tier", "Standard")
  value = each.value.value
}
