# Subnets with no aws_route_table_association use their VPC's main route
# table. Each VPC here makes the main table a different way; none has SSM
# endpoints, and every instance is meant to be SSM-managed (core policy).

variable "ami_id" {
  type = string
}

variable "peer_vpc_id" {
  type = string
}

locals {
  env = "staging"
  vpcs = {
    sandbox   = "10.31.0.0/16"
    legacy    = "10.32.0.0/16"
    tools     = "10.33.0.0/16"
    edge      = "10.34.0.0/16"
    reporting = "10.35.0.0/16"
    analytics = "10.36.0.0/16"
  }
}

resource "aws_vpc" "this" {
  for_each   = local.vpcs
  cidr_block = each.value
  tags       = { Name = "${local.env}-${each.key}" }
}

# Every VPC gets one workload subnet (the first /24) and no association.
resource "aws_subnet" "workload" {
  for_each   = local.vpcs
  vpc_id     = aws_vpc.this[each.key].id
  cidr_block = cidrsubnet(each.value, 8, 1)
  tags       = { Name = "${local.env}-${each.key}-workload" }
}

# sandbox: a custom main table with a default route to a NAT gateway.
resource "aws_internet_gateway" "sandbox" {
  vpc_id = aws_vpc.this["sandbox"].id
}

resource "aws_subnet" "sandbox_public" {
  vpc_id     = aws_vpc.this["sandbox"].id
  cidr_block = "10.31.0.0/24"
}

resource "aws_eip" "sandbox_nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "sandbox" {
  allocation_id = aws_eip.sandbox_nat.id
  subnet_id     = aws_subnet.sandbox_public.id
}

resource "aws_route_table" "sandbox_main" {
  vpc_id = aws_vpc.this["sandbox"].id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.sandbox.id
  }
}

resource "aws_main_route_table_association" "sandbox" {
  vpc_id         = aws_vpc.this["sandbox"].id
  route_table_id = aws_route_table.sandbox_main.id
}

# legacy: a custom main table that only knows the peered VPC.
resource "aws_vpc_peering_connection" "legacy" {
  vpc_id      = aws_vpc.this["legacy"].id
  peer_vpc_id = var.peer_vpc_id
  auto_accept = true
}

resource "aws_route_table" "legacy_main" {
  vpc_id = aws_vpc.this["legacy"].id

  route {
    cidr_block                = "172.16.0.0/16"
    vpc_peering_connection_id = aws_vpc_peering_connection.legacy.id
  }
}

resource "aws_main_route_table_association" "legacy" {
  vpc_id         = aws_vpc.this["legacy"].id
  route_table_id = aws_route_table.legacy_main.id
}

# tools: nothing touches the main table, which has only the local route.

# edge: the default route table is managed in place and points at the IGW.
resource "aws_internet_gateway" "edge" {
  vpc_id = aws_vpc.this["edge"].id
}

resource "aws_default_route_table" "edge" {
  default_route_table_id = aws_vpc.this["edge"].default_route_table_id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.edge.id
  }
}

# reporting: a default route added to the VPC's main table with aws_route.
resource "aws_internet_gateway" "reporting" {
  vpc_id = aws_vpc.this["reporting"].id
}

resource "aws_route" "reporting_default" {
  route_table_id         = aws_vpc.this["reporting"].main_route_table_id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.reporting.id
}

# analytics: the default route table is managed but only has a VPN route.
resource "aws_default_route_table" "analytics" {
  default_route_table_id = aws_vpc.this["analytics"].default_route_table_id

  route {
    cidr_block = "192.168.0.0/16"
    gateway_id = aws_vpn_gateway.analytics.id
  }
}

resource "aws_vpn_gateway" "analytics" {
  vpc_id = aws_vpc.this["analytics"].id
}

# --- one managed instance per VPC ---------------------------------------

resource "aws_security_group" "workload" {
  for_each = local.vpcs
  name     = "${local.env}-${each.key}-workload"
  vpc_id   = aws_vpc.this[each.key].id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_iam_role" "workload" {
  name               = "${local.env}-workload"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
    "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
  ]
}

resource "aws_iam_instance_profile" "workload" {
  name = "${local.env}-workload"
  role = aws_iam_role.workload.name
}

resource "aws_instance" "sandbox" { # expect: SSM501
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.workload["sandbox"].id
  vpc_security_group_ids = [aws_security_group.workload["sandbox"].id]
  iam_instance_profile   = aws_iam_instance_profile.workload.name
}

resource "aws_instance" "legacy" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.workload["legacy"].id # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.workload["legacy"].id]
  iam_instance_profile   = aws_iam_instance_profile.workload.name
}

resource "aws_instance" "tools" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.workload["tools"].id # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.workload["tools"].id]
  iam_instance_profile   = aws_iam_instance_profile.workload.name
}

resource "aws_instance" "edge" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.workload["edge"].id
  vpc_security_group_ids = [aws_security_group.workload["edge"].id]
  iam_instance_profile   = aws_iam_instance_profile.workload.name
}

resource "aws_instance" "reporting" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.workload["reporting"].id
  vpc_security_group_ids = [aws_security_group.workload["reporting"].id]
  iam_instance_profile   = aws_iam_instance_profile.workload.name
}

resource "aws_instance" "analytics" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.workload["analytics"].id # expect: SSM101:28
  vpc_security_group_ids = [aws_security_group.workload["analytics"].id]
  iam_instance_profile   = aws_iam_instance_profile.workload.name
}
