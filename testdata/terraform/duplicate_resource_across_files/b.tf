# Terraform rejects a second declaration of the same resource in one
# module: an error naming both places, not a silent pick.
resource "aws_ssm_parameter" "p" { # expect-error: duplicate resource "aws_ssm_parameter.p": also declared at a.tf:1
  name  = "/app/flags"
  type  = "String"
  value = "off"
}
