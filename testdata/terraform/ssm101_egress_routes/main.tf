# One VPC, no SSM endpoints at all, and subnets with every kind of way out.
# Every instance is meant to be SSM-managed (its role attaches
# AmazonSSMManagedInstanceCore). Only the tier whose route table has no
# default route is cut off from Systems Manager.

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "transit_gateway_id" {
  type        = string
  description = "Shared network account's transit gateway."
}

variable "ami_id" {
  type = string
}

locals {
  name     = "payments"
  vpc_cidr = "10.20.0.0/16"

  public_subnets = {
    a = "10.20.0.0/24"
    b = "10.20.1.0/24"
  }
  private_subnets = {
    a = "10.20.10.0/24"
    b = "10.20.11.0/24"
  }

  tags = {
    Team      = "payments"
    ManagedBy = "terraform"
  }
}

resource "aws_vpc" "this" {
  cidr_block           = local.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = merge(local.tags, { Name = local.name })
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
  tags   = local.tags
}

# --- public tier: default route to the internet gateway -----------------

resource "aws_subnet" "public" {
  for_each                = local.public_subnets
  vpc_id                  = aws_vpc.this.id
  cidr_block              = each.value
  availability_zone       = "${var.region}${each.key}"
  map_public_ip_on_launch = true
  tags                    = merge(local.tags, { Name = "${local.name}-public-${each.key}", Tier = "public" })
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }

  tags = merge(local.tags, { Name = "${local.name}-public" })
}

resource "aws_route_table_association" "public" {
  for_each       = aws_subnet.public
  subnet_id      = each.value.id
  route_table_id = aws_route_table.public.id
}

# --- private tier: one NAT gateway per AZ ---------------------------------

resource "aws_eip" "nat" {
  for_each = local.public_subnets
  domain   = "vpc"
  tags     = local.tags
}

resource "aws_nat_gateway" "this" {
  for_each      = local.public_subnets
  allocation_id = aws_eip.nat[each.key].id
  subnet_id     = aws_subnet.public[each.key].id
  tags          = merge(local.tags, { Name = "${local.name}-nat-${each.key}" })

  depends_on = [aws_internet_gateway.this]
}

resource "aws_subnet" "private" {
  for_each          = local.private_subnets
  vpc_id            = aws_vpc.this.id
  cidr_block        = each.value
  availability_zone = "${var.region}${each.key}"
  tags              = merge(local.tags, { Name = "${local.name}-private-${each.key}", Tier = "private" })
}

resource "aws_route_table" "private" {
  for_each = local.private_subnets
  vpc_id   = aws_vpc.this.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.this[each.key].id
  }

  tags = merge(local.tags, { Name = "${local.name}-private-${each.key}" })
}

resource "aws_route_table_association" "private" {
  for_each       = local.private_subnets
  subnet_id      = aws_subnet.private[each.key].id
  route_table_id = aws_route_table.private[each.key].id
}

# --- batch tier: the default route is a separate aws_route ----------------

resource "aws_subnet" "batch" {
  vpc_id            = aws_vpc.this.id
  cidr_block        = "10.20.20.0/24"
  availability_zone = "${var.region}a"
  tags              = merge(local.tags, { Name = "${local.name}-batch" })
}

resource "aws_route_table" "batch" {
  vpc_id = aws_vpc.this.id
  tags   = merge(local.tags, { Name = "${local.name}-batch" })
}

resource "aws_route" "batch_default" {
  route_table_id         = aws_route_table.batch.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.this["a"].id
}

resource "aws_route_table_association" "batch" {
  subnet_id      = aws_subnet.batch.id
  route_table_id = aws_route_table.batch.id
}

# --- shared-services tier: egress through the transit gateway -------------

resource "aws_subnet" "shared" {
  vpc_id            = aws_vpc.this.id
  cidr_block        = "10.20.30.0/24"
  availability_zone = "${var.region}b"
  tags              = merge(local.tags, { Name = "${local.name}-shared" })
}

resource "aws_ec2_transit_gateway_vpc_attachment" "this" {
  transit_gateway_id = var.transit_gateway_id
  vpc_id             = aws_vpc.this.id
  subnet_ids         = [aws_subnet.shared.id]
}

resource "aws_route_table" "shared" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block         = "0.0.0.0/0"
    transit_gateway_id = var.transit_gateway_id
  }

  tags = merge(local.tags, { Name = "${local.name}-shared" })
}

resource "aws_route_table_association" "shared" {
  subnet_id      = aws_subnet.shared.id
  route_table_id = aws_route_table.shared.id
}

# --- data tier: only the corporate range goes to the transit gateway ------

resource "aws_subnet" "data" {
  vpc_id            = aws_vpc.this.id
  cidr_block        = "10.20.40.0/24"
  availability_zone = "${var.region}a"
  tags              = merge(local.tags, { Name = "${local.name}-data" })
}

resource "aws_route_table" "data" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block         = "10.0.0.0/8"
    transit_gateway_id = var.transit_gateway_id
  }

  tags = merge(local.tags, { Name = "${local.name}-data" })
}

resource "aws_route_table_association" "data" {
  subnet_id      = aws_subnet.data.id
  route_table_id = aws_route_table.data.id
}

# --- instances -------------------------------------------------------------

resource "aws_security_group" "app" {
  name   = "${local.name}-app"
  vpc_id = aws_vpc.this.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = local.tags
}

resource "aws_iam_role" "app" {
  name = "${local.name}-app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "ssm_core" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "app" {
  name = "${local.name}-app"
  role = aws_iam_role.app.name
}

resource "aws_instance" "bastion" { # expect: SSM501
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.public["a"].id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
  tags                   = merge(local.tags, { Name = "${local.name}-bastion" })
}

resource "aws_instance" "worker" {
  for_each               = local.private_subnets
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.private[each.key].id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
  tags                   = merge(local.tags, { Name = "${local.name}-worker-${each.key}" })
}

resource "aws_instance" "batch" {
  count                  = 2
  ami                    = var.ami_id
  instance_type          = "c6i.large"
  subnet_id              = aws_subnet.batch.id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
  tags                   = merge(local.tags, { Name = "${local.name}-batch-${count.index}" })
}

resource "aws_instance" "shared" {
  ami                    = var.ami_id
  instance_type          = "t3.small"
  subnet_id              = aws_subnet.shared.id
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
  tags                   = merge(local.tags, { Name = "${local.name}-shared" })
}

resource "aws_instance" "ledger" {
  ami                    = var.ami_id
  instance_type          = "r6i.large"
  subnet_id              = aws_subnet.data.id # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
  tags                   = merge(local.tags, { Name = "${local.name}-ledger" })
}
