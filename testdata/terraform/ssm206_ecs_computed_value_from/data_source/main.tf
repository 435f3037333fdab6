# The database password is a parameter of another stack, looked up with a
# data source whose name is literal: valueFrom = data.aws_ssm_parameter.db.arn
# is the parameter /orders/db/password. The execution role may call
# ssm:GetParameters only on /orders/app/*: SSM206 at that valueFrom; the
# key secret (/orders/app/key) is readable: silent.
variable "app_key" {
  type      = string
  sensitive = true
}

data "aws_ssm_parameter" "db" {
  name = "/orders/db/password"
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
      { name = "DB", valueFrom = data.aws_ssm_parameter.db.arn }, # expect: SSM206:34
      { name = "KEY", valueFrom = aws_ssm_parameter.key.arn },
    ]
  }])
}
