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

# Conventional stand-ins, alone or as the secret field of a document (an
# integration webhook whose Authorization is to be filled in): silent.
resource "aws_ssm_parameter" "token_stand_in" {
  name  = "/app/k/secret"
  type  = "SecureString"
  value = "YOUR_API_KEY"
}

resource "aws_ssm_parameter" "webhook_stand_in" {
  name      = "/d9d01087-4a3f-49e0-b0b4-d568d7826553/ssm/integrations/webhook/alerts"
  type      = "SecureString"
  data_type = "aws:ssm:integration"
  value = jsonencode({
    description = "Alerts webhook"
    url         = "https://alerts.example.com/v2/alerts"
    headers = {
      Authorization = "MY_SECRET_TOKEN"
    }
  })
}

# A document whose token field holds a real value: fires.
resource "aws_ssm_parameter" "webhook_real" {
  name = "/app/l/secret"
  type = "SecureString"
  value = jsonencode({ # expect: SSM202:11
    url   = "https://alerts.example.com/v2/alerts"
    token = "9f8e7d6c5b4a39281706"
    note  = "MY_SECRET_TOKEN"
  })
}
