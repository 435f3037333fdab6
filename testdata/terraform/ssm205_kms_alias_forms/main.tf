# Parameters encrypted through an alias of a key the stack declares, in
# the forms public stacks use: the alias's name as a string, its ARN, a
# reference to the alias, a data source looking the alias up. The reader
# may read but not decrypt: SSM205 fires for each. The AWS managed key
# (by name or through a data source) and an alias of another stack stay
# silent.

resource "aws_kms_key" "orders" {
  description = "Orders parameters"
}

resource "aws_kms_alias" "orders" {
  name          = "alias/orders"
  target_key_id = aws_kms_key.orders.key_id
}

data "aws_kms_alias" "ssm" {
  name = "alias/aws/ssm"
}

variable "secret" {
  type      = string
  sensitive = true
}

resource "aws_ssm_parameter" "by_alias_name" {
  name   = "/orders/a/password"
  type   = "SecureString"
  key_id = "alias/orders"
  value  = var.secret
}

resource "aws_ssm_parameter" "by_alias_arn" {
  name   = "/orders/b/password"
  type   = "SecureString"
  key_id = "arn:aws:kms:eu-west-1:111122223333:alias/orders"
  value  = var.secret
}

resource "aws_ssm_parameter" "by_alias_reference" {
  name   = "/orders/c/password"
  type   = "SecureString"
  key_id = aws_kms_alias.orders.name
  value  = var.secret
}

resource "aws_ssm_parameter" "ok_aws_managed_by_data_source" {
  name   = "/orders/d/password"
  type   = "SecureString"
  key_id = data.aws_kms_alias.ssm.name
  value  = var.secret
}

resource "aws_ssm_parameter" "ok_aws_managed_by_name" {
  name   = "/orders/e/password"
  type   = "SecureString"
  key_id = "alias/aws/ssm"
  value  = var.secret
}

resource "aws_ssm_parameter" "ok_alias_of_another_stack" {
  name   = "/orders/f/password"
  type   = "SecureString"
  key_id = "alias/shared-platform"
  value  = var.secret
}

# The alias looked up with a data source, by the name this stack declares
# it with: its target key (fires); looked up by a name of another stack:
# a key not known (silent).
data "aws_kms_alias" "orders" {
  name = "alias/orders"
}

data "aws_kms_alias" "shared" {
  name = "alias/shared-platform"
}

resource "aws_ssm_parameter" "by_data_alias" {
  name   = "/orders/g/password"
  type   = "SecureString"
  key_id = data.aws_kms_alias.orders.target_key_arn
  value  = var.secret
}

resource "aws_ssm_parameter" "ok_data_alias_of_another_stack" {
  name   = "/orders/h/password"
  type   = "SecureString"
  key_id = data.aws_kms_alias.shared.target_key_arn
  value  = var.secret
}

resource "aws_iam_role" "api" {
  name               = "orders-api"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "api" {
  role = aws_iam_role.api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ssm:GetParameter"] # expect: SSM205:19, SSM205:19, SSM205:19, SSM205:19
      Resource = "arn:aws:ssm:*:*:parameter/orders/*"
    }]
  })
}
