data "aws_iam_policy_document" "ecs_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

# Only the AWS execution policy: ECR and logs, no Parameter Store.
resource "aws_iam_role" "bare" {
  name               = "orders-exec"
  assume_role_policy = data.aws_iam_policy_document.ecs_assume.json
}

resource "aws_iam_role_policy_attachment" "bare" {
  role       = aws_iam_role.bare.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_ecs_task_definition" "orders" {
  family             = "orders"
  execution_role_arn = aws_iam_role.bare.arn
  container_definitions = jsonencode([{
    name  = "app"
    image = "orders:1.4"
    secrets = [
      { name = "DB_PASSWORD", valueFrom = "/orders/db/password" }, # expect: SSM206:43
      { name = "API_KEY", valueFrom = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders-api" },
    ]
  }])
}

# Reads /billing/* through an inline policy: fine, except where a Deny
# takes /billing/admin/* back.
resource "aws_iam_role" "billing" {
  name               = "billing-exec"
  assume_role_policy = data.aws_iam_policy_document.ecs_assume.json
}

resource "aws_iam_role_policy" "billing_params" {
  role = aws_iam_role.billing.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["ssm:GetParameters"], Resource = "arn:aws:ssm:*:*:parameter/billing/*" },
      { Effect = "Deny", Action = "ssm:*", Resource = "arn:aws:ssm:*:*:parameter/billing/admin/*" },
    ]
  })
}

resource "aws_ecs_task_definition" "billing" {
  family             = "billing"
  execution_role_arn = aws_iam_role.billing.arn
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "billing:2.0"
      secrets = [
        { name = "DB_HOST", valueFrom = "/billing/db/host" },
        { name = "ADMIN_TOKEN", valueFrom = "/billing/admin/token" }, # expect: SSM206:45
        { name = "REGION_ARN", valueFrom = "arn:aws:ssm:eu-west-1:111122223333:parameter/billing/region" },
      ]
    }
  ])
}

# A policy from another stack: cannot know, silent.
variable "shared_policy_arn" {
  type = string
}

resource "aws_iam_role" "shared" {
  name               = "shared-exec"
  assume_role_policy = data.aws_iam_policy_document.ecs_assume.json
}

resource "aws_iam_role_policy_attachment" "shared" {
  role       = aws_iam_role.shared.name
  policy_arn = var.shared_policy_arn
}

resource "aws_ecs_task_definition" "shared" {
  family             = "shared"
  execution_role_arn = aws_iam_role.shared.arn
  container_definitions = jsonencode([{
    name    = "app"
    image   = "shared:1"
    secrets = [{ name = "X", valueFrom = "/shared/x" }]
  }])
}

# ssm:GetParameter* on parameter/app/* covers /app/db/password: silent.
# A Deny under a condition may not apply: it does not count as taking
# the read back (silent too).
resource "aws_iam_role" "app" {
  name               = "app-exec"
  assume_role_policy = data.aws_iam_policy_document.ecs_assume.json
}

resource "aws_iam_role_policy" "app" {
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "ssm:GetParameter*", Resource = "arn:aws:ssm:*:*:parameter/app/*" },
      {
        Effect    = "Deny"
        Action    = "ssm:GetParameters"
        Resource  = "arn:aws:ssm:*:*:parameter/app/admin/*"
        Condition = { Bool = { "aws:ViaAWSService" = "false" } }
      },
    ]
  })
}

resource "aws_ecs_task_definition" "app" {
  family             = "app"
  execution_role_arn = aws_iam_role.app.arn
  container_definitions = jsonencode([{
    name  = "app"
    image = "app:3"
    secrets = [
      { name = "DB_PASSWORD", valueFrom = "/app/db/password" },
      { name = "ADMIN", valueFrom = "/app/admin/key" },
    ]
  }])
}
