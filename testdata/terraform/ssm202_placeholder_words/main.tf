# Values that hold no secret, written where the real one is put later (by
# an operator, a pipeline, a rotation Lambda): empty, blank, placeholder
# words in any case, runs of x. Silent in the resource and as a variable
# default, with or without ignore_changes. A real literal beside them
# still fires.
variable "token" {
  type    = string
  default = "TODO"
}

resource "aws_ssm_parameter" "empty" {
  name  = "/app/a/secret"
  type  = "SecureString"
  value = ""
}

resource "aws_ssm_parameter" "blank" {
  name  = "/app/b/secret"
  type  = "SecureString"
  value = "   "
}

resource "aws_ssm_parameter" "xs" {
  name  = "/app/c/secret"
  type  = "SecureString"
  value = "XXXXXXXX"
}

resource "aws_ssm_parameter" "na" {
  name  = "/app/d/secret"
  type  = "SecureString"
  value = "N/A"
}

resource "aws_ssm_parameter" "dash" {
  name  = "/app/e/secret"
  type  = "SecureString"
  value = "-"
}

resource "aws_ssm_parameter" "dummy_write_only" {
  name             = "/app/f/secret"
  type             = "SecureString"
  value_wo         = "dummy"
  value_wo_version = 1
}

resource "aws_ssm_parameter" "from_default" {
  name  = "/app/g/secret"
  type  = "SecureString"
  value = var.token
}

resource "aws_ssm_parameter" "null_word" {
  name  = "/app/h/secret"
  type  = "SecureString"
  value = "null"
}

resource "aws_ssm_parameter" "real" {
  name  = "/app/i/secret"
  type  = "SecureString"
  value = "xk2-prod-9a7f" # expect: SSM202:11
}

# An example's value (it spells "secret" once digits and punctuation are
# out): reported at info, which does not fail the gate.
resource "aws_ssm_parameter" "demo" {
  name  = "/app/j/secret"
  type  = "SecureString"
  value = "secret123123!!!" # expect: SSM202:11
}
