# The heredoc policy allows kms:Decrypt on "${var.key_arn}", a variable
# with no value: it may be the parameter's key, so SSM205 stays silent.

variable "key_arn" {
  type = string
}

resource "aws_iam_role_policy" "app" {
  role   = aws_iam_role.app.id
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "${aws_ssm_parameter.p.arn}"},
        {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "${var.key_arn}"}
      ]
    }
  EOT
}
