# A NAT instance module from the registry (not installed, and not one
# ssmlint models) receives the private route table and adds its 0.0.0.0/0
# route to it. ssmlint cannot see that route, so it does not conclude the
# subnet has no egress: a module call that cannot be read and is given a
# route table, VPC or subnet makes that VPC's routes unknown. Silent.

variable "ami_id" {
  type = string
}

resource "aws_vpc" "this" {
  cidr_block = "10.173.0.0/16"
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
}

resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.this.id
  cidr_block = "10.173.0.0/24"
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
  cidr_block = "10.173.1.0/24"
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}

module "fck_nat" {
  source  = "RaJiska/fck-nat/aws"
  version = "1.3.0"

  name                = "nat"
  vpc_id              = aws_vpc.this.id
  subnet_id           = aws_subnet.public.id
  update_route_tables = true
  route_tables_ids = {
    private = aws_route_table.private.id
  }
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
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private.id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
}
