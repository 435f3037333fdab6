variable "region" {
  type = string
}

data "aws_region" "current" {}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# for_each over the three services with a templated name: all fine.
resource "aws_vpc_endpoint" "ok_ssm" {
  for_each            = toset(["ssm", "ssmmessages", "ec2messages"])
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${data.aws_region.current.name}.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}

# No type: the provider makes a Gateway endpoint.
resource "aws_vpc_endpoint" "bad_no_type" { # expect: SSM105:1
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.${var.region}.ssmmessages"
}

resource "aws_vpc_endpoint" "bad_gateway" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type = "Gateway" # expect: SSM105:23
}

# Interface but no private DNS (defaults to false).
resource "aws_vpc_endpoint" "bad_no_private_dns" { # expect: SSM102:1
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.eu-west-1.ec2messages"
  vpc_endpoint_type = "Interface"
}

resource "aws_vpc_endpoint" "bad_private_dns_off" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = false # expect: SSM102:25
}

# Service named through the endpoint-service data source.
data "aws_vpc_endpoint_service" "ssm" {
  service = "ssm"
}

resource "aws_vpc_endpoint" "bad_via_data_source" {
  vpc_id              = aws_vpc.main.id
  service_name        = data.aws_vpc_endpoint_service.ssm.service_name
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = false # expect: SSM102:25
}

# Private DNS that cannot be known: silent.
resource "aws_vpc_endpoint" "ok_unknown_private_dns" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssmmessages"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = var.region == "eu-west-1"
}

# S3 as a Gateway endpoint is right; private DNS is not asked of it.
resource "aws_vpc_endpoint" "ok_s3_gateway" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.s3"
}

# A type that cannot be known: silent.
resource "aws_vpc_endpoint" "ok_unknown_type" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = var.region
  private_dns_enabled = true
}
