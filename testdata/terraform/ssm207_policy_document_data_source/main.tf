# Policies written as data "aws_iam_policy_document" and attached as
# aws_iam_policy documents. Findings are on the element of `actions` or
# `resources` inside the data block, once per element even when the
# document is used by two policies. `effect` defaults to Allow.

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

data "aws_partition" "current" {}

locals {
  parameters = "arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:parameter"
}

# The catalog's bad example: all of SSM, on everything.
data "aws_iam_policy_document" "bad_ops_tooling" {
  statement {
    sid       = "OpsTooling"
    actions   = ["ssm:*"] # expect: SSM207:18
    resources = ["*"]
  }
}

resource "aws_iam_policy" "ops_tooling" {
  name   = "ops-tooling"
  policy = data.aws_iam_policy_document.bad_ops_tooling.json
}

# The same document attached to the on-call role as an inline policy too:
# still one finding per element.
resource "aws_iam_role" "oncall" {
  name = "oncall"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
    }]
  })
}

resource "aws_iam_role_policy" "oncall_tooling" {
  name   = "ops-tooling"
  role   = aws_iam_role.oncall.id
  policy = data.aws_iam_policy_document.bad_ops_tooling.json
}

# Reads on "*" next to a proper path: the "*" element is reported.
data "aws_iam_policy_document" "bad_orders_config_reader" {
  statement {
    sid       = "DescribeAll"
    actions   = ["ssm:DescribeParameters"]
    resources = ["*"]
  }

  statement {
    sid    = "ReadConfig"
    effect = "Allow"
    actions = [
      "ssm:GetParametersByPath",
      "ssm:GetParameters",
    ]
    resources = [
      "${local.parameters}/orders/*",
      "*", # expect: SSM207:7
    ]
  }
}

resource "aws_iam_policy" "orders_config_reader" {
  name   = "orders-config-reader"
  policy = data.aws_iam_policy_document.bad_orders_config_reader.json
}

data "aws_iam_policy_document" "bad_get_star_on_star" {
  statement {
    actions   = ["ssm:Get*", "ssm:DescribeParameters"]
    resources = ["*"] # expect: SSM207:18
  }
}

resource "aws_iam_policy" "bad_get_star_on_star" {
  name   = "metrics-exporter"
  policy = data.aws_iam_policy_document.bad_get_star_on_star.json
}

# Least privilege, with a Deny statement that must not be read as a grant.
data "aws_iam_policy_document" "ok_orders_service" {
  statement {
    sid       = "DescribeParameters"
    actions   = ["ssm:DescribeParameters"]
    resources = ["*"]
  }

  statement {
    sid       = "ReadOwnParameters"
    actions   = ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"]
    resources = ["${local.parameters}/orders/*"]
  }

  statement {
    sid       = "DenyEverythingOutsideRegion"
    effect    = "Deny"
    actions   = ["ssm:*"]
    resources = ["*"]

    condition {
      test     = "StringNotEquals"
      variable = "aws:RequestedRegion"
      values   = [data.aws_region.current.name]
    }
  }
}

resource "aws_iam_policy" "ok_orders_service" {
  name   = "orders-service"
  policy = data.aws_iam_policy_document.ok_orders_service.json
}

# NotAction: what it grants depends on the list; SSM207 cannot tell.
data "aws_iam_policy_document" "ok_developer_not_actions" {
  statement {
    sid         = "EverythingButIAM"
    not_actions = ["iam:*", "organizations:*", "account:*"]
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "ok_developer_not_actions" {
  name   = "developer"
  policy = data.aws_iam_policy_document.ok_developer_not_actions.json
}

# A key policy: "kms:*" on "*" is the standard root statement, not SSM.
data "aws_iam_policy_document" "ok_parameters_key" {
  statement {
    sid       = "EnableRootPermissions"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

resource "aws_kms_key" "parameters" {
  description         = "Orders parameters"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.ok_parameters_key.json
}
