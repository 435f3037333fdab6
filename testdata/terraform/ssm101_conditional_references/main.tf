# References chosen by a conditional whose condition is known follow only
# the branch taken:
#  - `bastion` runs in the public subnet (public_bastion defaults to true):
#    silent, although the other branch names the private subnet;
#  - `worker`'s subnet uses the isolated table (nat_enabled defaults to
#    false): SSM101, although the other branch names the NAT table.
# (When the condition is unknown, a subnet_id that may be either subnet is
# not "runs in X" either.)

variable "ami_id" {
  type = string
}

variable "public_bastion" {
  type    = bool
  default = true
}

variable "nat_enabled" {
  type    = bool
  default = false
}

resource "aws_vpc" "this" {
  cidr_block = "10.179.0.0/16"
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
}

resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.this.id
  cidr_block = "10.179.0.0/24"
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.this.id
  cidr_block = "10.179.1.0/24"
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "this" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public.id
}

resource "aws_route_table" "nat" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.this.id
  }
}

resource "aws_route_table" "isolated" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.isolated.id
}

resource "aws_subnet" "workers" {
  vpc_id     = aws_vpc.this.id
  cidr_block = "10.179.2.0/24"
}

resource "aws_route_table_association" "workers" {
  subnet_id      = aws_subnet.workers.id
  route_table_id = var.nat_enabled ? aws_route_table.nat.id : aws_route_table.isolated.id
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.this.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
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

resource "aws_instance" "bastion" { # expect: SSM501
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = var.public_bastion ? aws_subnet.public.id : aws_subnet.private.id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
}

resource "aws_instance" "worker" {
  count                  = 2
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.workers.id # expect: SSM101:28, SSM101:28
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
}
