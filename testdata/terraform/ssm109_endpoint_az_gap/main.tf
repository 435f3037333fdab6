locals {
  zones = {
    a = { az = "eu-west-1a", cidr = "10.0.1.0/24" }
    b = { az = "eu-west-1b", cidr = "10.0.2.0/24" }
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  for_each          = local.zones
  vpc_id            = aws_vpc.main.id
  availability_zone = each.value.az
  cidr_block        = each.value.cidr
}

# The endpoints only sit in zone a.
resource "aws_vpc_endpoint" "ssm" {
  for_each            = toset(["ssm", "ssmmessages", "ec2messages"])
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.private["a"].id]
}

resource "aws_instance" "in_zone_a" { # expect: SSM501
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private["a"].id
  iam_instance_profile = "app-profile"
}

resource "aws_instance" "in_zone_b" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private["b"].id # expect: SSM109:26
  iam_instance_profile = "app-profile"
}
