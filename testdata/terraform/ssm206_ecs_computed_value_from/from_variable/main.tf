# The db secret's valueFrom is var.secret_arn, which has no value here: it
# may name any parameter (or a Secrets Manager secret), so SSM206 cannot
# tell whether the execution role (ssm:GetParameters on /orders/app/*)
# may read it and stays silent. The key secret is readable: silent.
variable "secret_arn" {
  type = string
}

variable "app_key" {
  type      = string
  sensitive = true
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
      { name = "DB", valueFrom = var.secret_arn },
      { name = "KEY", valueFrom = aws_ssm_parameter.key.arn },
    ]
  }])
}
