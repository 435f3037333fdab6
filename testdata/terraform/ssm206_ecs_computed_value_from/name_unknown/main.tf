# The parameter's name depends on var.env, which has no value here:
# "/${var.env}/db/password". The execution role may call ssm:GetParameters
# on /orders/app/* only; with env = "orders/app" the name would be
# /orders/app/db/password, which the role can read. No value of env is
# proven unreadable, so SSM206 stays silent.
variable "db_password" {
  type      = string
  sensitive = true
}

variable "env" {
  type = string
}

variable "app_key" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "db" {
  name  = "/${var.env}/db/password"
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
      Effect   = "Allow"
      Action   = "ssm:GetParameters"
      Resource = "arn:aws:ssm:*:*:parameter/orders/app/*"
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
