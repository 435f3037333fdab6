variable "name" {
  type = string
}

variable "value" {
  type = string
}

variable "kms_key_id" {
  type    = string
  default = "alias/aws/ssm"
}

resource "aws_ssm_parameter" "this" {
  name   = var.name
  type   = "SecureString"
  key_id = var.kms_key_id
  value  = var.value # expect: SSM202
}
