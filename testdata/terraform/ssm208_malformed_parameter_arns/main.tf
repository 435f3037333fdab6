# Parameter ARNs that match no parameter, written literally, and ARNs that
# look odd but are right. A parameter ARN is
# arn:aws:ssm:REGION:ACCOUNT:parameter/NAME with the name's leading "/"
# dropped. Findings are on the ARN element. A malformed ARN in a Deny is
# reported too: the Deny silently protects nothing.

variable "region" {
  type = string
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

resource "aws_iam_policy" "bad_literal_arns" {
  name = "inventory-read"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "ReadInventory"
        Effect = "Allow"
        Action = ["ssm:GetParameter", "ssm:GetParameters"]
        Resource = [
          "arn:aws:ssm:eu-west-1:123456789012:parameter/inventory/api_url",
          "arn:aws:ssm:eu-west-1:123456789012:parameter//inventory/db/host", # expect: SSM208:11
          "arn:aws:ssm:eu-west-1:12345:parameter/inventory/db/port",         # expect: SSM208:11
          "arn:aws:ssm:eu_west_1:123456789012:parameter/inventory/db/name",  # expect: SSM208:11
        ]
      },
      {
        Sid      = "ReadFeatureFlags"
        Effect   = "Allow"
        Action   = "ssm:GetParametersByPath"
        Resource = "arn:aws:ssm:eu-west-1:1234-5678-9012:parameter/inventory/flags" # expect: SSM208:20
      },
      {
        Sid      = "ProtectPlatform"
        Effect   = "Deny"
        Action   = ["ssm:PutParameter", "ssm:DeleteParameter*"]
        Resource = "arn:aws:ssm:*:*:parameter//platform/*" # expect: SSM208:20
      },
    ]
  })
}

data "aws_iam_policy_document" "bad_document_arns" {
  statement {
    actions = ["ssm:GetParameter"]
    resources = [
      "arn:aws:ssm:${var.region}:${data.aws_caller_identity.current.account_id}:parameter//warehouse/*", # expect: SSM208:7
      "arn:aws:ssm:${var.region}:0123456789012:parameter/warehouse/*",                                   # expect: SSM208:7
    ]
  }
}

resource "aws_iam_policy" "bad_document_arns" {
  name   = "warehouse-read"
  policy = data.aws_iam_policy_document.bad_document_arns.json
}

resource "aws_iam_policy" "ok_arns" {
  name = "inventory-read-ok"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "ReadInventory"
        Effect = "Allow"
        Action = ["ssm:GetParameter", "ssm:GetParameters"]
        Resource = [
          # Region and account known only at apply.
          "arn:aws:ssm:${var.region}:${data.aws_caller_identity.current.account_id}:parameter/inventory/*",
          "arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:parameter/inventory/shared/*",
          # Wildcards in the Region and account parts.
          "arn:aws:ssm:*:*:parameter/inventory/*",
          "arn:aws:ssm:eu-*:123456789012:parameter/inventory/*",
          "arn:aws:ssm:eu-west-1:*:parameter/inventory/*",
          # A parameter without hierarchy.
          "arn:aws:ssm:eu-west-1:123456789012:parameter/inventory_api_key",
          # Other partitions.
          "arn:aws-cn:ssm:cn-north-1:123456789012:parameter/inventory/*",
          "arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/inventory/*",
        ]
      },
      {
        # GetParametersByPath is authorised on the path itself, so an ARN
        # without "/*" is right for it.
        Sid      = "ReadInventoryTree"
        Effect   = "Allow"
        Action   = "ssm:GetParametersByPath"
        Resource = ["arn:aws:ssm:eu-west-1:123456789012:parameter/inventory/db"]
      },
      {
        # AWS public parameters have no account in their ARN.
        Sid      = "LatestAmis"
        Effect   = "Allow"
        Action   = "ssm:GetParameter"
        Resource = "arn:aws:ssm:*::parameter/aws/service/ami-amazon-linux-latest/*"
      },
      {
        # AWS-owned documents have no account either; not parameters.
        Sid      = "RunPatchBaseline"
        Effect   = "Allow"
        Action   = "ssm:SendCommand"
        Resource = ["arn:aws:ssm:eu-west-1::document/AWS-RunPatchBaseline", "arn:aws:ec2:eu-west-1:123456789012:instance/*"]
      },
      {
        # An S3 bucket whose name starts with "parameter": not an SSM ARN.
        Sid      = "Exports"
        Effect   = "Allow"
        Action   = ["s3:PutObject"]
        Resource = "arn:aws:s3:::parameter-store-exports/*"
      },
    ]
  })
}

# Karpenter's controller policy, as its module writes it: public
# parameters in a templated Region.
data "aws_iam_policy_document" "ok_karpenter_controller" {
  statement {
    sid       = "AllowSSMReadActions"
    actions   = ["ssm:GetParameter"]
    resources = ["arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}::parameter/aws/service/*"]
  }
}

resource "aws_iam_policy" "ok_karpenter_controller" {
  name   = "KarpenterController"
  policy = data.aws_iam_policy_document.ok_karpenter_controller.json
}
