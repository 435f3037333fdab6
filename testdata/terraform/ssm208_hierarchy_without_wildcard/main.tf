resource "aws_ssm_parameter" "db_host" {
  name  = "/orders/db/host"
  type  = "String"
  value = "db.internal"
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/orders/db/password"
  type  = "SecureString"
  value = var.db_password
}

variable "db_password" {
  type      = string
  sensitive = true
}

# Meant for everything under /orders/db, but names only the path: no
# parameter is called /orders/db, so the role reads nothing.
resource "aws_iam_policy" "bad_path_only" {
  name = "orders-db-read"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ssm:GetParameter", "ssm:GetParameters"]
      Resource = "arn:aws:ssm:eu-west-1:111122223333:parameter/orders/db" # expect: SSM208:18
    }]
  })
}

# For GetParametersByPath the path is the right resource: silent.
resource "aws_iam_policy" "ok_by_path" {
  name = "orders-db-by-path"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "ssm:GetParametersByPath"
      Resource = "arn:aws:ssm:eu-west-1:111122223333:parameter/orders/db"
    }]
  })
}

# With /* it covers the parameters; a full name names one: silent.
resource "aws_iam_policy" "ok_wildcard_and_exact" {
  name = "orders-db-exact"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = "ssm:GetParameter"
      Resource = [
        "arn:aws:ssm:eu-west-1:111122223333:parameter/orders/db/*",
        "arn:aws:ssm:eu-west-1:111122223333:parameter/orders/db/host",
      ]
    }]
  })
}

# A path no parameter of this stack lives under: cannot tell, silent.
resource "aws_iam_policy" "ok_other_stack" {
  name = "shared-read"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "ssm:GetParameter"
      Resource = "arn:aws:ssm:eu-west-1:111122223333:parameter/shared/config"
    }]
  })
}
