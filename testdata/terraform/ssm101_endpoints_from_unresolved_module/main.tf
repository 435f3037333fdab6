# The company's endpoint module comes from git (never readable without
# `terraform init`) and is given this VPC: it may create the SSM
# endpoints, so the stack's own endpoints are not the complete list.
# Silent.

variable "ami_id" {
  type = string
}

resource "aws_vpc" "this" {
  cidr_block           = "10.174.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.this.id
  cidr_block = "10.174.1.0/24"
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}

module "ssm_endpoints" {
  source = "git::https://git.example.com/platform/terraform-aws-ssm-endpoints.git?ref=v2.4.0"

  vpc_id     = aws_vpc.this.id
  subnet_ids = [aws_subnet.private.id]
  services   = ["ssm", "ssmmessages", "ec2messages"]
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.this.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.174.0.0/16"]
  }
}

resource "aws_iam_role" "app" {
  name                = "app"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"]
}

resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}

resource "aws_instance" "app" { # expect: SSM501
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
}
