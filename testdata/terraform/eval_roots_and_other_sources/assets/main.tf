resource "aws_ssm_parameter" "bad_secret_name" {
  name  = "/assets/upload/password"
  type  = "String" # expect: SSM201
  value = "x"
}
