# The execution role's policy grants ssm:GetParameters on /orders/app/*
# and on aws_ssm_parameter.db.arn by reference: both secrets, the db one
# computed from that same parameter, are readable. SSM206 stays silent.
variable "db_password" {
  type      = string
  sensitive = true
}

variable "app_key" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "db" {
  name  = "/orders/db/password"
  type  = "SecureString"
  value = var.db_password
}

resource "aws_ssm_parameter" "key" {
  name  = "/orders/app/key"
  type  = "SecureString"
  value = var.app_key
}

resource "aws_iam_role" "exec" {
  name = "orders-exec"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy" "exec_params" {
  name = "orders-app-params"
  role = aws_iam_role.exec.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = "ssm:GetParameters"
      Resource = [
        "arn:aws:ssm:*:*:parameter/orders/app/*",
        aws_ssm_parameter.db.arn,
      ]
    }]
  })
}

resource "aws_ecs_task_definition" "orders" {
  family             = "orders"
  execution_role_arn = aws_iam_role.exec.arn
  container_definitions = jsonencode([{
    name  = "orders"
    image = "orders:1"
    secrets = [
      { name = "DB", valueFrom = aws_ssm_parameter.db.arn },
      { name = "KEY", valueFrom = aws_ssm_parameter.key.arn },
    ]
  }])
}
