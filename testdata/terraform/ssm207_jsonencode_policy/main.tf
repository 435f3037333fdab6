# Customer managed policies written with jsonencode(), the way the platform
# IAM module writes them. SSM207 reports each offending element: an "ssm:*"
# or "*" action, and the "*" resource of an Allow statement that reads
# parameters. Deny, NotAction, DescribeParameters on "*", other services'
# wildcards, ARN patterns and unknown values stay silent.

variable "environment" {
  type    = string
  default = "prod"
}

variable "deploy_actions" {
  description = "Extra actions for the deploy role, set per account by the pipeline."
  type        = list(string)
}

variable "report_parameter_arns" {
  description = "Parameter ARNs the reporting job may read."
  type        = list(string)
}

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  app_params = "arn:aws:ssm:${local.region}:${local.account_id}:parameter/payments/${var.environment}"
}

# All of SSM, even if only on the application's parameters.
resource "aws_iam_policy" "bad_ssm_star" {
  name = "payments-parameter-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ParameterAdmin"
        Effect   = "Allow"
        Action   = ["ssm:*"] # expect: SSM207:21
        Resource = "${local.app_params}/*"
      },
    ]
  })
}

# Everything on everything: "*" grants all of SSM (and reads every
# parameter on Resource "*"). One finding, on the action: narrowing it is
# the fix, and a second finding on the same statement would be noise.
resource "aws_iam_policy" "bad_star_action_and_resource" {
  name        = "break-glass-admin"
  description = "Break-glass administrator for the platform account"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "BreakGlass"
      Effect   = "Allow"
      Action   = "*" # expect: SSM207:18
      Resource = "*"
    }]
  })
}

# Parameter reads on every parameter of the account.
resource "aws_iam_policy" "bad_get_parameters_star" {
  name = "reporting-read-config"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "ReadConfig"
        Effect = "Allow"
        Action = [
          "ssm:GetParameter",
          "ssm:GetParameters",
          "ssm:GetParametersByPath",
        ]
        Resource = "*" # expect: SSM207:20
      },
    ]
  })
}

# Wildcards that cover the reads, with "*" inside a resource list: the
# finding is on the "*" element, not on the ARN next to it.
resource "aws_iam_policy" "bad_get_wildcards_star_in_list" {
  name = "config-agent"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AgentConfig"
        Effect   = "Allow"
        Action   = "ssm:GetParameter*"
        Resource = ["*"] # expect: SSM207:21
      },
      {
        Sid    = "SharedConfig"
        Effect = "Allow"
        Action = ["ssm:Get*", "ssm:List*"]
        Resource = [
          "${local.app_params}/shared/*",
          "*", # expect: SSM207:11
        ]
      },
    ]
  })
}

# DescribeParameters needs "*", but GetParameterHistory returns values.
resource "aws_iam_policy" "bad_history_with_describe_star" {
  name = "parameter-auditor"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Audit"
        Effect   = "Allow"
        Action   = ["ssm:DescribeParameters", "ssm:GetParameterHistory"]
        Resource = "*" # expect: SSM207:20
      },
    ]
  })
}

# JSON pasted into jsonencode() keeps its quoted keys and colons.
resource "aws_iam_policy" "bad_pasted_json_style" {
  name = "legacy-batch"
  policy = jsonencode({
    "Version" : "2012-10-17",
    "Statement" : [
      {
        "Sid" : "Batch",
        "Effect" : "Allow",
        "Action" : ["ssm:GetParameters", "ssm:*"], # expect: SSM207:42
        "Resource" : "arn:aws:ssm:eu-west-1:123456789012:parameter/batch/*"
      }
    ]
  })
}

# Statement may be a single object rather than a list.
resource "aws_iam_policy" "bad_statement_object" {
  name = "feature-flags-reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = {
      Effect   = "Allow"
      Action   = "ssm:GetParametersByPath"
      Resource = "*" # expect: SSM207:18
    }
  })
}

# Least privilege: describe on "*" (the action needs it), reads on the
# application's path, decrypt on its key.
resource "aws_iam_policy" "ok_describe_parameters_star" {
  name = "payments-read-config"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Describe"
        Effect   = "Allow"
        Action   = "ssm:DescribeParameters"
        Resource = "*"
      },
      {
        Sid      = "Read"
        Effect   = "Allow"
        Action   = ["ssm:GetParameter*"]
        Resource = ["${local.app_params}/*"]
      },
      {
        Sid      = "Decrypt"
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = "arn:aws:kms:eu-west-1:123456789012:key/0f4c1a52-3b7e-4a47-9d61-2a8e6c1f7b90"
      },
    ]
  })
}

# ARN patterns are not "*": every Region and account, but only this path;
# and a pattern over all parameters is still a pattern.
resource "aws_iam_policy" "ok_parameter_arn_patterns" {
  name = "app-read-any-region"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssm:GetParameter", "ssm:GetParametersByPath"]
        Resource = "arn:aws:ssm:*:*:parameter/app/*"
      },
      {
        Effect   = "Allow"
        Action   = "ssm:GetParameters"
        Resource = "arn:aws:ssm:eu-west-1:123456789012:parameter/*"
      },
    ]
  })
}

# Deny statements only take away.
resource "aws_iam_policy" "ok_deny_ssm_star" {
  name = "deny-parameter-changes-outside-eu"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "DenyOutsideEU"
        Effect   = "Deny"
        Action   = "ssm:*"
        Resource = "*"
        Condition = {
          StringNotEquals = { "aws:RequestedRegion" = ["eu-west-1", "eu-central-1"] }
        }
      },
      {
        Sid      = "DenyRestrictedReads"
        Effect   = "Deny"
        Action   = ["ssm:GetParameter*"]
        Resource = ["*"]
        Condition = {
          StringEquals = { "ssm:resourceTag/classification" = "restricted" }
        }
      },
    ]
  })
}

# NotAction: what it grants depends on the list; SSM207 cannot tell.
resource "aws_iam_policy" "ok_not_action_power_user" {
  name = "power-user"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        NotAction = ["iam:*", "organizations:*", "account:*"]
        Resource  = "*"
      },
    ]
  })
}

# Wildcards of other services, including the ssm-looking ones.
resource "aws_iam_policy" "ok_other_services" {
  name = "session-host"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssmmessages:*", "ec2messages:*", "ssm:UpdateInstanceInformation"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = "s3:*"
        Resource = ["arn:aws:s3:::acme-session-logs", "arn:aws:s3:::acme-session-logs/*"]
      },
      {
        Effect   = "Allow"
        Action   = ["logs:*"]
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = ["ssm:SendCommand", "ssm:ListCommandInvocations"]
        Resource = "*"
      },
    ]
  })
}

# Values that cannot be known here.
resource "aws_iam_policy" "ok_unknown_values" {
  name = "deploy-and-report"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "DeployExtras"
        Effect   = "Allow"
        Action   = var.deploy_actions
        Resource = "*"
      },
      {
        Sid      = "ReportParameters"
        Effect   = "Allow"
        Action   = ["ssm:GetParameters"]
        Resource = var.report_parameter_arns
      },
    ]
  })
}
