# The map of parameters is written in for_each itself; each entry is an
# object. The bad entry is reported, not the resource.

resource "aws_ssm_parameter" "service" {
  for_each = {
    api = {
      name  = "/orders/api/base_url"
      value = "https://api.example.com"
    }
    worker = { # expect: SSM203
      name  = "orders/worker/concurrency"
      value = "8"
    }
    cron = {
      name  = "/orders/cron/schedule"
      value = "rate(5 minutes)"
    }
  }

  name        = each.value.name
  description = "Setting ${each.key} of the orders service"
  type        = "String"
  value       = each.value.value
}
