# A role reads /orders/db/password (encrypted with aws_kms_key.params)
# through a heredoc JSON policy whose kms:Decrypt is on
# "${aws_kms_key.other.arn}": the element names the other key, not the
# parameter's, so SSM205 fires. A literal action of a heredoc is reported
# at the heredoc, so the expectation sits in a comment before it. Here and
# in the other directories the read is on "${aws_ssm_parameter.p.arn}":
# the parameter's own ARN ties the role to it.
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
  policy = /* # expect: SSM205:38 */ <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "${aws_ssm_parameter.p.arn}"},
        {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "${aws_kms_key.other.arn}"}
      ]
    }
  EOT
}
