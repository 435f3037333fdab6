# Every key of the map breaks the naming rules in the same way (a space):
# the fault is in each entry, so each finding points at its own entry even
# though all instances share the problem.
resource "aws_ssm_parameter" "setting" {
  for_each = {
    "db host" = "db.internal" # expect: SSM203
    "db port" = "5432"        # expect: SSM203
  }

  name  = "/orders/${each.key}"
  type  = "String"
  value = each.value
}
