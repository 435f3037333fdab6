# The map comes from a variable's default (nothing overrides it): the bad
# entry is reported in variables.tf.

resource "aws_ssm_parameter" "threshold" {
  for_each = var.alarm_thresholds

  name  = "/oncall/thresholds/${each.key}"
  type  = "String"
  value = each.value
}
