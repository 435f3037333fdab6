variable "names" {
  type = list(string)
}

resource "aws_ssm_parameter" "this" {
  for_each = toset(var.names)
  name     = each.value
  type     = "String" # expect: SSM201
  value    = "changeme"
}
