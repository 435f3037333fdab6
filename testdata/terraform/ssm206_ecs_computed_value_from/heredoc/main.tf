# The same secrets as jsonencode/, with container_definitions written as a
# JSON heredoc: "valueFrom": "${aws_ssm_parameter.db.arn}" is the
# parameter /orders/db/password, which the execution role (ssm:GetParameters
# on /orders/app/* only) may not read: SSM206 at that valueFrom. Nothing
# may follow a heredoc line without becoming part of the JSON, so the
# expectation sits in a comment inside the interpolation. The key secret
# (/orders/app/key) is readable: silent.
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
      Effect   = "Allow"
      Action   = "ssm:GetParameters"
      Resource = "arn:aws:ssm:*:*:parameter/orders/app/*"
    }]
  })
}

resource "aws_ecs_task_definition" "orders" {
  family                = "orders"
  execution_role_arn    = aws_iam_role.exec.arn
  container_definitions = <<-EOF
    [
      {
        "name": "orders",
        "image": "orders:1",
        "secrets": [
          { "name": "DB", "valueFrom": "${aws_ssm_parameter.db.arn /* # expect: SSM206:43 */}" },
          { "name": "KEY", "valueFrom": "${aws_ssm_parameter.key.arn}" }
        ]
      }
    ]
  EOF
}
