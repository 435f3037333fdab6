resource "aws_ssm_parameter" "p" {
  name  = "/app/flags"
  type  = "String"
  value = "on"
}
