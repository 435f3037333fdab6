# The execution role's policy is built from documents: a base document
# reads /app/*, and an override with the same Sid narrows it to
# /app/public/* (the provider replaces statements by Sid).
data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Read"
    actions   = ["ssm:GetParameters"]
    resources = ["arn:aws:ssm:*:*:parameter/app/*"]
  }
}

data "aws_iam_policy_document" "narrow" {
  statement {
    sid       = "Read"
    actions   = ["ssm:GetParameter*"]
    resources = ["arn:aws:ssm:*:*:parameter/app/public/*"]
  }
}

data "aws_iam_policy_document" "exec" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [data.aws_iam_policy_document.narrow.json]
}

resource "aws_iam_role" "exec" {
  name               = "app-exec"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "exec" {
  role   = aws_iam_role.exec.id
  policy = data.aws_iam_policy_document.exec.json
}

resource "aws_ecs_task_definition" "app" {
  family             = "app"
  execution_role_arn = aws_iam_role.exec.arn
  container_definitions = jsonencode([{
    name  = "app"
    image = "app:1"
    secrets = [
      { name = "BANNER", valueFrom = "/app/public/banner" },
      { name = "DB_PASSWORD", valueFrom = "/app/db/password" }, # expect: SSM206:43
    ]
  }])
}

# The AWS managed key, named explicitly: reading needs no kms:Decrypt.
resource "aws_ssm_parameter" "banner" {
  name   = "/app/public/banner"
  type   = "SecureString"
  key_id = "alias/aws/ssm"
  value  = var.banner
}

variable "banner" {
  type      = string
  sensitive = true
}
