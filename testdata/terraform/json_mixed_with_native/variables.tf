# One module written in both syntaxes: the JSON file reads this variable,
# and the parameter below reads the JSON file's local.
variable "service" {
  type    = string
  default = "orders"
}

resource "aws_ssm_parameter" "bad_api_secret" {
  name  = "${local.base}/api/client_secret"
  type  = "String" # expect: SSM201
  value = "x"
}
