# Policies inside aws_iam_role's inline_policy blocks, written with
# jsonencode() or taken from a policy document: findings are on the
# offending element. An empty inline_policy block (the provider's way to
# remove all inline policies) is no policy at all.

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name

  assume_github = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com" }
      Condition = {
        StringLike = { "token.actions.githubusercontent.com:sub" = "repo:acme/platform:*" }
      }
    }]
  })
}

resource "aws_iam_role" "bad_ci_deployer" {
  name               = "ci-deployer"
  assume_role_policy = local.assume_github

  inline_policy {
    name = "release-parameters"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Sid    = "WriteReleaseParameters"
          Effect = "Allow"
          Action = ["ssm:PutParameter", "ssm:GetParameter", "ssm:AddTagsToResource"]
          Resource = [
            "arn:aws:ssm:${local.region}:${local.account_id}:parameter/releases/current",
            "arn:aws:ssm:${local.region}:${local.account_id}:parameter//releases/history/*", # expect: SSM208:13
          ]
        },
        {
          Sid      = "RunDocuments"
          Effect   = "Allow"
          Action   = "ssm:*" # expect: SSM207:22
          Resource = "arn:aws:ssm:${local.region}:${local.account_id}:document/release-*"
        },
      ]
    })
  }

  inline_policy {
    name   = "read-config"
    policy = data.aws_iam_policy_document.bad_ci_read_config.json
  }
}

data "aws_iam_policy_document" "bad_ci_read_config" {
  statement {
    actions   = ["ssm:GetParametersByPath"]
    resources = ["*"] # expect: SSM207:18
  }

  statement {
    actions   = ["ssm:GetParameter"]
    resources = ["arn:aws:ssm:eu_west_1:${local.account_id}:parameter/ci/*"] # expect: SSM208:18
  }
}

resource "aws_iam_role" "ok_ci_reader" {
  name               = "ci-reader"
  assume_role_policy = local.assume_github

  inline_policy {
    name = "read-release"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect   = "Allow"
          Action   = "ssm:DescribeParameters"
          Resource = "*"
        },
        {
          Effect   = "Allow"
          Action   = ["ssm:GetParameter", "ssm:GetParameters"]
          Resource = "arn:aws:ssm:${local.region}:${local.account_id}:parameter/releases/*"
        },
        {
          Effect   = "Deny"
          Action   = "*"
          Resource = "*"
          Condition = {
            StringNotEquals = { "aws:RequestedRegion" = local.region }
          }
        },
      ]
    })
  }
}

# No inline policies: the empty block removes any made outside Terraform.
resource "aws_iam_role" "ok_empty_inline_policy" {
  name               = "ci-plan"
  assume_role_policy = local.assume_github

  inline_policy {}
}
