resource "aws_kms_key" "params" {
  description = "Parameter Store key for the orders service"
}

resource "aws_ssm_parameter" "db_password" {
  name   = "/orders/db/password"
  type   = "SecureString"
  key_id = aws_kms_key.params.arn
  value  = var.db_password
}

variable "db_password" {
  type      = string
  sensitive = true
}

# Reads the parameter, may not decrypt it: the key has the default policy
# (it leaves the decision to IAM) and the role has no kms:Decrypt.
resource "aws_iam_role" "api" {
  name               = "orders-api"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "api" {
  role = aws_iam_role.api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ssm:GetParameter"] # expect: SSM205:19
      Resource = "arn:aws:ssm:*:*:parameter/orders/*"
    }]
  })
}

# Reads it and may decrypt it through its own policy: silent.
resource "aws_iam_role" "worker" {
  name               = "orders-worker"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "worker" {
  role = aws_iam_role.worker.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["ssm:GetParameter", "ssm:GetParameters"], Resource = "arn:aws:ssm:*:*:parameter/orders/*" },
      { Effect = "Allow", Action = "kms:Decrypt", Resource = aws_kms_key.params.arn },
    ]
  })
}

# A second key whose policy grants the reader directly: silent.
resource "aws_kms_key" "billing" {
  description = "Billing parameters"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" },
      { Effect = "Allow", Principal = { AWS = aws_iam_role.billing.arn }, Action = "kms:Decrypt", Resource = "*" },
    ]
  })
}

resource "aws_ssm_parameter" "billing_token" {
  name   = "/billing/api/token"
  type   = "SecureString"
  key_id = aws_kms_key.billing.key_id
  value  = var.db_password
}

resource "aws_iam_role" "billing" {
  name               = "billing"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "billing" {
  role = aws_iam_role.billing.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "ssm:GetParameter", Resource = "arn:aws:ssm:*:*:parameter/billing/*" }]
  })
}

# The AWS managed key needs nothing: silent.
resource "aws_ssm_parameter" "default_key" {
  name  = "/reports/db/password"
  type  = "SecureString"
  value = var.db_password
}

resource "aws_iam_role" "reports" {
  name               = "reports"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "reports" {
  role = aws_iam_role.reports.id
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "ssm:GetParameter", Resource = "arn:aws:ssm:*:*:parameter/reports/*" }]
  })
}

# An instance role with AmazonSSMManagedInstanceCore may read every
# parameter (ssm:GetParameter on "*"), and has no kms:Decrypt for the
# customer key. A grant that broad says nothing about which parameters the
# role is meant to read: silent (it would fire for every role and key).
resource "aws_iam_role" "instance" {
  name               = "orders-instance"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy_attachment" "instance_core" {
  role       = aws_iam_role.instance.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}
