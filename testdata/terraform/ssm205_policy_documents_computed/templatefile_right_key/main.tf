# The same templatefile() policy as templatefile_wrong_key/, with
# key = aws_kms_key.params.arn: "${key}" names the parameter's key, the
# role may decrypt it: silent.
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
  policy = templatefile("${path.module}/policy.json.tpl", {
    param = aws_ssm_parameter.p.arn
    key   = aws_kms_key.params.arn
  })
}
