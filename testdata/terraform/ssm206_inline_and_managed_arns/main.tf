# Execution roles whose permissions come from an inline_policy block and
# from managed_policy_arns naming a customer policy of the stack.
resource "aws_iam_policy" "read_app" {
  name = "read-app-params"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ssm:GetParameters", Resource = "arn:aws:ssm:*:*:parameter/app/*" }]
  })
}

resource "aws_iam_role" "managed_arns" {
  name                = "exec-managed"
  assume_role_policy  = "{}"
  managed_policy_arns = [aws_iam_policy.read_app.arn]
}

resource "aws_iam_role" "inline" {
  name               = "exec-inline"
  assume_role_policy = "{}"

  inline_policy {
    name = "read-web"
    policy = jsonencode({
      Statement = [{ Effect = "Allow", Action = ["ssm:GetParameters"], Resource = ["arn:aws:ssm:*:*:parameter/web/*"] }]
    })
  }
}

resource "aws_ecs_task_definition" "app" {
  family             = "app"
  execution_role_arn = aws_iam_role.managed_arns.arn
  container_definitions = jsonencode([{
    name  = "app"
    image = "app:1"
    secrets = [
      { name = "OK", valueFrom = "/app/db/host" },
      { name = "NOPE", valueFrom = "/web/session/key" }, # expect: SSM206:36
    ]
  }])
}

resource "aws_ecs_task_definition" "web" {
  family             = "web"
  execution_role_arn = aws_iam_role.inline.arn
  container_definitions = jsonencode([{
    name  = "web"
    image = "web:1"
    secrets = [
      { name = "OK", valueFrom = "/web/session/key" },
      { name = "NOPE", valueFrom = "/app/db/host" }, # expect: SSM206:36
    ]
  }])
}
