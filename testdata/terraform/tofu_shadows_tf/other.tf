# No other.tofu: this file is read.
resource "aws_ssm_parameter" "bad_other" {
  name  = "/app/smtp/password"
  type  = "String" # expect: SSM201
  value = "x"
}
