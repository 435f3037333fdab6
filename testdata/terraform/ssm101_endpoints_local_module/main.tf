# The network stack keeps its endpoints in a local module and passes the
# VPC, subnets and CIDR from the root. The instances sit in subnets with
# no way out, and reach Systems Manager through those endpoints.

variable "region" {
  type    = string
  default = "eu-west-2"
}

variable "ami_id" {
  type = string
}

locals {
  vpc_cidr = "10.70.0.0/16"
  private = {
    a = { cidr = "10.70.1.0/24", az = "${var.region}a" }
    b = { cidr = "10.70.2.0/24", az = "${var.region}b" }
  }
}

resource "aws_vpc" "core" {
  cidr_block           = local.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
}

resource "aws_subnet" "private" {
  for_each          = local.private
  vpc_id            = aws_vpc.core.id
  cidr_block        = each.value.cidr
  availability_zone = each.value.az
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.core.id
}

resource "aws_route_table_association" "private" {
  for_each       = local.private
  subnet_id      = aws_subnet.private[each.key].id
  route_table_id = aws_route_table.private.id
}

module "endpoints" {
  source = "./modules/endpoints"

  name          = "core"
  region        = var.region
  vpc_id        = aws_vpc.core.id
  subnet_ids    = values(aws_subnet.private)[*].id
  allowed_cidrs = [local.vpc_cidr]
}

resource "aws_security_group" "app" {
  name   = "core-app"
  vpc_id = aws_vpc.core.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [local.vpc_cidr]
  }
}

resource "aws_iam_role" "app" {
  name               = "core-app"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_role_policy_attachment" "app_core" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "app" {
  name = "core-app"
  role = aws_iam_role.app.name
}

resource "aws_instance" "app" { # expect: SSM501
  for_each               = local.private
  ami                    = var.ami_id
  instance_type          = "t3.large"
  subnet_id              = aws_subnet.private[each.key].id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
}
