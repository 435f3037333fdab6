# "com.amazonaws.${data.aws_region.current.name}.${each.key}": the service
# is known per instance, so these Interface endpoints without private DNS
# are reported.

data "aws_region" "current" {}

resource "aws_vpc" "this" {
  cidr_block = "10.161.0.0/16"
}

resource "aws_vpc_endpoint" "ssm" { # expect: SSM102:1, SSM102:1, SSM102:1
  for_each          = toset(["ssm", "ssmmessages", "ec2messages"])
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${data.aws_region.current.name}.${each.key}"
  vpc_endpoint_type = "Interface"
}
