# An Interface endpoint declared without subnet_ids has no network
# interface in any zone ("Interface type endpoints cannot function without
# being assigned to a subnet", provider docs): the machines of its VPC
# reach no endpoint in their zone. subnet_ids set but unknown stays silent,
# and so does an endpoint that gets its subnet from an
# aws_vpc_endpoint_subnet_association.

variable "endpoint_subnet_ids" {
  description = "Set by the pipeline"
  type        = list(string)
}

locals {
  ssm_services = toset(["ssm", "ssmmessages", "ec2messages"])
}

# --- No subnet_ids at all: every machine of the VPC is cut off.

resource "aws_vpc" "bare" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "bare_a" {
  vpc_id            = aws_vpc.bare.id
  availability_zone = "eu-west-1a"
  cidr_block        = "10.1.1.0/24"
}

resource "aws_vpc_endpoint" "bare" {
  for_each            = local.ssm_services
  vpc_id              = aws_vpc.bare.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}

resource "aws_instance" "bad_bare_vpc" { # expect: SSM501
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.bare_a.id # expect: SSM109
  iam_instance_profile = "app-profile"
}

# --- One endpoint with subnet_ids = [] next to endpoints in zone a.

resource "aws_vpc" "mixed" {
  cidr_block = "10.2.0.0/16"
}

resource "aws_subnet" "mixed_a" {
  vpc_id            = aws_vpc.mixed.id
  availability_zone = "eu-west-1a"
  cidr_block        = "10.2.1.0/24"
}

resource "aws_subnet" "mixed_b" {
  vpc_id            = aws_vpc.mixed.id
  availability_zone = "eu-west-1b"
  cidr_block        = "10.2.2.0/24"
}

resource "aws_vpc_endpoint" "mixed_ssm" {
  vpc_id              = aws_vpc.mixed.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.mixed_a.id]
}

resource "aws_vpc_endpoint" "mixed_ec2messages" {
  vpc_id              = aws_vpc.mixed.id
  service_name        = "com.amazonaws.eu-west-1.ec2messages"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.mixed_a.id]
}

resource "aws_vpc_endpoint" "mixed_ssmmessages" {
  vpc_id              = aws_vpc.mixed.id
  service_name        = "com.amazonaws.eu-west-1.ssmmessages"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = []
}

resource "aws_instance" "bad_mixed_zone_a" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.mixed_a.id # expect: SSM109
  iam_instance_profile = "app-profile"
}

resource "aws_instance" "bad_mixed_zone_b" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.mixed_b.id # expect: SSM109
  iam_instance_profile = "app-profile"
}

# --- subnet_ids from a variable the pipeline sets: unknown, silent.

resource "aws_vpc" "from_variable" {
  cidr_block = "10.3.0.0/16"
}

resource "aws_subnet" "from_variable_a" {
  vpc_id            = aws_vpc.from_variable.id
  availability_zone = "eu-west-1a"
  cidr_block        = "10.3.1.0/24"
}

resource "aws_vpc_endpoint" "from_variable" {
  for_each            = local.ssm_services
  vpc_id              = aws_vpc.from_variable.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = var.endpoint_subnet_ids
}

resource "aws_instance" "ok_subnets_from_variable" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.from_variable_a.id
  iam_instance_profile = "app-profile"
}

# --- subnet_ids from a data source: unknown, silent.

resource "aws_vpc" "from_data" {
  cidr_block = "10.4.0.0/16"
}

resource "aws_subnet" "from_data_a" {
  vpc_id            = aws_vpc.from_data.id
  availability_zone = "eu-west-1a"
  cidr_block        = "10.4.1.0/24"
}

data "aws_subnets" "endpoints" {
  filter {
    name   = "tag:Tier"
    values = ["endpoints"]
  }
}

resource "aws_vpc_endpoint" "from_data" {
  for_each            = local.ssm_services
  vpc_id              = aws_vpc.from_data.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = data.aws_subnets.endpoints.ids
}

resource "aws_instance" "ok_subnets_from_data_source" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.from_data_a.id
  iam_instance_profile = "app-profile"
}

# --- No subnet_ids, but subnet associations give each endpoint a subnet.

resource "aws_vpc" "associated" {
  cidr_block = "10.5.0.0/16"
}

resource "aws_subnet" "associated_a" {
  vpc_id            = aws_vpc.associated.id
  availability_zone = "eu-west-1a"
  cidr_block        = "10.5.1.0/24"
}

resource "aws_vpc_endpoint" "associated" {
  for_each            = local.ssm_services
  vpc_id              = aws_vpc.associated.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}

resource "aws_vpc_endpoint_subnet_association" "associated_a" {
  for_each        = local.ssm_services
  vpc_endpoint_id = aws_vpc_endpoint.associated[each.key].id
  subnet_id       = aws_subnet.associated_a.id
}

resource "aws_instance" "ok_endpoints_with_subnet_association" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.associated_a.id
  iam_instance_profile = "app-profile"
}
