# The role's policy is rendered with templatefile(): the parameter's ARN
# and key = aws_kms_key.other.arn are passed in. The template's "${key}"
# names the other key, not the parameter's: SSM205 fires, at the start of
# the templatefile( call (the template has no place for a comment).
variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_kms_key" "params" {
  description = "Orders parameters"
}

resource "aws_kms_key" "other" {
  description = "Orders artifacts"
}

resource "aws_ssm_parameter" "p" {
  name   = "/orders/db/password"
  type   = "SecureString"
  key_id = aws_kms_key.params.arn
  value  = var.db_password
}

resource "aws_iam_role" "app" {
  name               = "orders-app"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "app" {
  role = aws_iam_role.app.id
  policy = templatefile("${path.module}/policy.json.tpl", { # expect: SSM205:12
    param = aws_ssm_parameter.p.arn
    key   = aws_kms_key.other.arn
  })
}
