# The role aws_iam_role.app reads /orders/db/password and has no
# kms:Decrypt in IAM. The key policy of aws_kms_key.params (a heredoc)
# grants kms:Decrypt to "${aws_iam_role.other.arn}": the principal names
# another role, not this one, so SSM205 fires at the read action.
variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_kms_key" "params" {
  description = "Orders parameters"
  policy      = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Sid": "Admin", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
        {"Sid": "Decrypt", "Effect": "Allow", "Principal": {"AWS": "${aws_iam_role.other.arn}"}, "Action": "kms:Decrypt", "Resource": "*"}
      ]
    }
  EOT
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

resource "aws_iam_role" "other" {
  name               = "orders-reports"
  assume_role_policy = "{}"
}

# Read, no kms:Decrypt in IAM: the key policy decides.
resource "aws_iam_role_policy" "app" {
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "ssm:GetParameter" # expect: SSM205:18
      Resource = aws_ssm_parameter.p.arn
    }]
  })
}
