# An argument set to null is the same as an unset one: the provider
# defaults apply (private_dns_enabled = false, vpc_endpoint_type =
# "Gateway"). Wrapper modules commonly default their inputs to null.

variable "private_dns_enabled" {
  type    = bool
  default = null
}

variable "endpoint_type" {
  type    = string
  default = null
}

resource "aws_vpc" "this" {
  cidr_block = "10.163.0.0/16"
}

resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = var.private_dns_enabled # expect: SSM102:25
}

resource "aws_vpc_endpoint" "ssmmessages" {
  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.eu-west-1.ssmmessages"
  vpc_endpoint_type   = var.endpoint_type # expect: SSM105:25
  private_dns_enabled = true
}
