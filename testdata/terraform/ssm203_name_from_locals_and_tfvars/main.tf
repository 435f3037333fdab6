locals {
  prefix = "/${var.project}/${var.env}"
  tags = {
    Project     = var.project
    Environment = var.env
  }
}

resource "aws_ssm_parameter" "bad_name_from_prefix_and_tfvars" {
  name  = "${local.prefix}/db/host" # expect: SSM203
  type  = "String"
  value = "db.internal"
  tags  = local.tags
}

resource "aws_ssm_parameter" "bad_name_with_format" {
  name  = format("%s/queue/url", local.prefix) # expect: SSM203
  type  = "String"
  value = "https://sqs.eu-west-1.amazonaws.com/123456789012/orders"
  tags  = local.tags
}

# Sanitised with replace(): valid.
resource "aws_ssm_parameter" "ok_sanitised_name" {
  name  = "/${var.project}/${replace(var.env, " ", "-")}/cache/host"
  type  = "String"
  value = "cache.internal"
  tags  = local.tags
}
