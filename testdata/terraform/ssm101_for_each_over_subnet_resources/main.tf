# for_each directly over a resource group (for_each = aws_subnet.this, then
# each.value.id): each association and instance refers to its own subnet
# only, so the isolated subnets' instances get SSM101.

variable "ami_id" {
  type = string
}

locals {
  subnets = {
    app-a = { cidr = "10.178.1.0/24", tier = "app" }
    app-b = { cidr = "10.178.2.0/24", tier = "app" }
    db-a  = { cidr = "10.178.11.0/24", tier = "db" }
    db-b  = { cidr = "10.178.12.0/24", tier = "db" }
  }

  route_tables = {
    app = aws_route_table.app.id
    db  = aws_route_table.db.id
  }
}

resource "aws_vpc" "this" {
  cidr_block = "10.178.0.0/16"
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
}

resource "aws_subnet" "this" {
  for_each   = local.subnets
  vpc_id     = aws_vpc.this.id
  cidr_block = each.value.cidr
  tags       = { Name = each.key, Tier = each.value.tier }
}

resource "aws_route_table" "app" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }
}

resource "aws_route_table" "db" {
  vpc_id = aws_vpc.this.id
}

resource "aws_route_table_association" "this" {
  for_each       = aws_subnet.this
  subnet_id      = each.value.id
  route_table_id = local.route_tables[local.subnets[each.key].tier]
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = aws_vpc.this.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_iam_role" "db" {
  name                = "db"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"]
}

resource "aws_iam_instance_profile" "db" {
  name = "db"
  role = aws_iam_role.db.name
}

resource "aws_instance" "ledger" { # expect: SSM501
  ami                    = var.ami_id
  instance_type          = "r6i.large"
  subnet_id              = aws_subnet.this["db-a"].id # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.db.id]
  iam_instance_profile   = aws_iam_instance_profile.db.name
}

# One replica per subnet of the group it iterates.
resource "aws_subnet" "replica" {
  for_each   = toset(["10.178.21.0/24", "10.178.22.0/24"])
  vpc_id     = aws_vpc.this.id
  cidr_block = each.key
}

resource "aws_route_table_association" "replica" {
  for_each       = toset(["10.178.21.0/24", "10.178.22.0/24"])
  subnet_id      = aws_subnet.replica[each.key].id
  route_table_id = aws_route_table.db.id
}

resource "aws_instance" "replica" {
  for_each               = aws_subnet.replica
  ami                    = var.ami_id
  instance_type          = "r6i.large"
  subnet_id              = each.value.id # expect: SSM101:28, SSM101:28
  vpc_security_group_ids = [aws_security_group.db.id]
  iam_instance_profile   = aws_iam_instance_profile.db.name
}
