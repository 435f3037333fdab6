# The same heredoc JSON policy as heredoc_wrong_key/, with kms:Decrypt on
# "${aws_kms_key.params.arn}": the element names the parameter's key, the
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
  role   = aws_iam_role.app.id
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "${aws_ssm_parameter.p.arn}"},
        {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "${aws_kms_key.params.arn}"}
      ]
    }
  EOT
}
