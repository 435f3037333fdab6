resource "aws_ssm_parameter" "bad_plain_password" {
  name  = "/app/db/password"
  type  = "String" # expect: SSM201
  value = "x"
}

resource "aws_ssm_parameter" "ok_token_url" {
  name  = "/app/auth/token_url"
  type  = "String"
  value = "https://example.com/token"
}
