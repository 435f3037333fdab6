# Two instances made with for_each over a map keyed by AZ letter, both in
# subnets with no egress and no endpoints. They share the problem, so the
# findings belong on subnet_id, as with longer keys: a one-letter key must
# not be taken for every letter of the message.

variable "region" {
  type    = string
  default = "eu-west-2"
}

variable "ami_id" {
  type = string
}

locals {
  private = {
    a = { cidr = "10.172.1.0/24" }
    b = { cidr = "10.172.2.0/24" }
  }
}

resource "aws_vpc" "this" {
  cidr_block = "10.172.0.0/16"
}

resource "aws_subnet" "private" {
  for_each          = local.private
  vpc_id            = aws_vpc.this.id
  cidr_block        = each.value.cidr
  availability_zone = "${var.region}${each.key}"
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table_association" "private" {
  for_each       = local.private
  subnet_id      = aws_subnet.private[each.key].id
  route_table_id = aws_route_table.private.id
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

resource "aws_instance" "app" { # expect: SSM501
  for_each               = local.private
  ami                    = var.ami_id
  instance_type          = "t3.large"
  subnet_id              = aws_subnet.private[each.key].id # expect: SSM101:28, SSM101:28
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
}
