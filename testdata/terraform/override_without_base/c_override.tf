# An override with nothing to override is an error in Terraform too.
resource "aws_ssm_parameter" "missing" { # expect-error: override of resource aws_ssm_parameter.missing
  type = "String"
}
