# for_each built with a for expression from a list of objects: there is no
# map entry to point at, so the finding is on the attribute (once per bad
# instance).

locals {
  queues = [
    { name = "orders", visibility = 30 },
    { name = "order events", visibility = 60 },
    { name = "refunds", visibility = 30 },
  ]
}

resource "aws_ssm_parameter" "queue_visibility" {
  for_each = { for q in local.queues : q.name => q }

  name  = "/queues/${each.key}/visibility_timeout" # expect: SSM203
  type  = "String"
  value = tostring(each.value.visibility)
}
