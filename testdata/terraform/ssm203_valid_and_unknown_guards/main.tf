# Valid names, names not known before apply, and reads of AWS's public
# parameters (data sources may name /aws/...): no finding.

variable "env" {
  type        = string
  description = "Set by the pipeline with -var"
}

resource "random_id" "bucket" {
  byte_length = 4
}

resource "aws_ssm_parameter" "ok_hierarchy" {
  name  = "/orders/prod/db/host"
  type  = "String"
  value = "db.internal"
}

resource "aws_ssm_parameter" "ok_flat_name" {
  name  = "orders.db_port-v2"
  type  = "String"
  value = "5432"
}

resource "aws_ssm_parameter" "ok_unknown_part_from_unset_variable" {
  name  = "/orders/${var.env}/db/host"
  type  = "String"
  value = "db.internal"
}

resource "aws_ssm_parameter" "ok_unknown_part_from_resource" {
  name  = "/orders/buckets/${random_id.bucket.hex}"
  type  = "String"
  value = "x"
}

data "aws_ssm_parameter" "al2023_ami" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

resource "aws_ssm_parameter" "ok_value_from_public_parameter" {
  name  = "/orders/base_ami"
  type  = "String"
  value = data.aws_ssm_parameter.al2023_ami.value
}
