# Parameter ARNs built from the parameters' names and from locals: the
# catalog's bad example (parameter/${...name} where the name starts with
# "/"), and an account map with a typo. Parts known only at apply match
# anything; known parts are checked. Findings are on the ARN element.

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type    = string
  default = "prod"
}

data "aws_caller_identity" "current" {}

locals {
  accounts = {
    prod    = "123456789012"
    staging = "21098765432" # one digit short
  }
  staging_parameters = "arn:aws:ssm:${var.region}:${local.accounts.staging}:parameter"
  prod_parameters    = "arn:aws:ssm:${var.region}:${local.accounts.prod}:parameter"
  name_prefix        = "/orders/${var.environment}"
}

resource "random_password" "db" {
  length  = 32
  special = false
}

resource "aws_ssm_parameter" "db_password" {
  name  = "${local.name_prefix}/db/password"
  type  = "SecureString"
  value = random_password.db.result
}

resource "aws_ssm_parameter" "db_host" {
  name  = "${local.name_prefix}/db/host"
  type  = "String"
  value = "orders.cluster-c1a2b3.eu-west-1.rds.amazonaws.com"
}

data "aws_iam_policy_document" "bad_orders_db" {
  statement {
    sid     = "ReadDatabaseSettings"
    actions = ["ssm:GetParameter", "ssm:GetParameters"]
    resources = [
      "arn:aws:ssm:${var.region}:${data.aws_caller_identity.current.account_id}:parameter/${aws_ssm_parameter.db_password.name}", # expect: SSM208:7
      "${local.prod_parameters}/${aws_ssm_parameter.db_host.name}",                                                               # expect: SSM208:7
    ]
  }

  statement {
    sid       = "ReadStagingTree"
    actions   = ["ssm:GetParametersByPath"]
    resources = ["${local.staging_parameters}/orders/staging"] # expect: SSM208:18
  }
}

resource "aws_iam_policy" "bad_orders_db" {
  name   = "orders-db-read"
  policy = data.aws_iam_policy_document.bad_orders_db.json
}

# The same reads written right: the arn attribute, or "parameter" joined
# to the name with no slash in between, or the prefix without its slash.
data "aws_iam_policy_document" "ok_orders_db" {
  statement {
    sid     = "ReadDatabaseSettings"
    actions = ["ssm:GetParameter", "ssm:GetParameters"]
    resources = [
      aws_ssm_parameter.db_password.arn,
      "arn:aws:ssm:${var.region}:${data.aws_caller_identity.current.account_id}:parameter${aws_ssm_parameter.db_host.name}",
      "${local.prod_parameters}${local.name_prefix}/*",
      "${local.prod_parameters}/${trimprefix(local.name_prefix, "/")}/cache/*",
    ]
  }
}

resource "aws_iam_policy" "ok_orders_db" {
  name   = "orders-db-read-ok"
  policy = data.aws_iam_policy_document.ok_orders_db.json
}
