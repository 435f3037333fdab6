# Service names looked up with data "aws_vpc_endpoint_service" under
# for_each, and the endpoints made with for_each over that data source:
# each.value.service_name still leads to the service.

variable "private_dns" {
  type    = bool
  default = false
}

resource "aws_vpc" "this" {
  cidr_block = "10.162.0.0/16"
}

data "aws_vpc_endpoint_service" "ssm" {
  for_each = toset(["ssm", "ssmmessages", "ec2messages"])
  service  = each.key
}

resource "aws_vpc_endpoint" "ssm" {
  for_each            = data.aws_vpc_endpoint_service.ssm
  vpc_id              = aws_vpc.this.id
  service_name        = each.value.service_name
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = var.private_dns # expect: SSM102:25, SSM102:25, SSM102:25
}
