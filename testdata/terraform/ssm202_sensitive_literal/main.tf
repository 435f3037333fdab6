# A literal wrapped in sensitive() is still a literal: sensitive() hides the
# value from plan output, but the secret is written in this file and in
# state. SSM202 fires on both values (only sensitive *variables* and
# external input stay silent).

locals {
  smtp_password = sensitive("m4il-p4ss")
}

resource "aws_ssm_parameter" "bad_sensitive_literal" {
  name  = "/mail/api/token"
  type  = "SecureString"
  value = sensitive("tok_3f9c2a") # expect: SSM202
}

resource "aws_ssm_parameter" "bad_sensitive_local_literal" {
  name  = "/mail/smtp/password"
  type  = "SecureString"
  value = local.smtp_password # expect: SSM202
}
