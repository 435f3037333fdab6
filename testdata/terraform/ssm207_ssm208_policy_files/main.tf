# Policies kept as JSON files next to the stack, read with file() or
# rendered with templatefile(). Findings point at the start of the call
# (`file(` / `templatefile(`): the JSON has no place for them. Each bad
# file or rendering has exactly one offending element.

variable "environment" {
  type    = string
  default = "prod"
}

data "aws_caller_identity" "current" {}

# file(), path relative to the root module.
resource "aws_iam_policy" "bad_file_ssm_star" {
  name   = "ops-parameters"
  policy = file("policies/ops-admin.json") # expect: SSM207:12
}

# file() with path.module; the name's leading slash kept in the ARN.
resource "aws_iam_policy" "bad_file_double_slash" {
  name   = "reporting-read"
  policy = file("${path.module}/policies/reporting-read.json") # expect: SSM208:12
}

# Describe on "*", GetParametersByPath on the path itself (its ARN has no
# trailing "/*"), reads below it, a Deny with "ssm:*".
resource "aws_iam_policy" "ok_file_least_privilege" {
  name   = "orders-read"
  policy = file("${path.module}/policies/orders-read.json")
}

# templatefile() with a path given as a parameter name, leading slash
# included: renders parameter//billing/prod/*.
resource "aws_iam_policy" "bad_template_path_with_leading_slash" {
  name = "billing-read"
  policy = templatefile("${path.module}/policies/parameter-read.json.tftpl", { # expect: SSM208:12
    region     = "eu-west-1"
    account_id = "123456789012"
    path       = "/billing/${var.environment}"
  })
}

# An account ID one digit short.
resource "aws_iam_policy" "bad_template_account_typo" {
  name = "invoicing-read"
  policy = templatefile("${path.module}/policies/parameter-read.json.tftpl", { # expect: SSM208:12
    region     = "eu-west-1"
    account_id = "12345678901"
    path       = "invoicing/${var.environment}"
  })
}

resource "aws_iam_policy" "ok_template_path" {
  name = "shipping-read"
  policy = templatefile("${path.module}/policies/parameter-read.json.tftpl", {
    region     = "eu-west-1"
    account_id = "123456789012"
    path       = "shipping/${var.environment}"
  })
}

# The account is known only at apply: nothing to report.
resource "aws_iam_policy" "ok_template_unknown_account" {
  name = "catalog-read"
  policy = templatefile("${path.module}/policies/parameter-read.json.tftpl", {
    region     = "eu-west-1"
    account_id = data.aws_caller_identity.current.account_id
    path       = "catalog/${var.environment}"
  })
}

resource "aws_iam_role" "runner" {
  name = "build-runner"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "codebuild.amazonaws.com" }
    }]
  })
}

# Actions and resources passed into the template: reads on "*".
resource "aws_iam_role_policy" "bad_template_reads_on_star" {
  name = "runner-parameters"
  role = aws_iam_role.runner.id
  policy = templatefile("${path.module}/policies/runner.json.tftpl", { # expect: SSM207:12
    actions   = ["ssm:GetParameters", "ssm:GetParameter", "ssm:GetParameterHistory"]
    resources = ["*"]
  })
}

resource "aws_iam_role_policy" "ok_template_runner_scoped" {
  name = "runner-build-parameters"
  role = aws_iam_role.runner.id
  policy = templatefile("${path.module}/policies/runner.json.tftpl", {
    actions   = ["ssm:GetParameters", "ssm:GetParameter"]
    resources = ["arn:aws:ssm:eu-west-1:123456789012:parameter/build/*"]
  })
}
