# VPCs whose internet egress goes back through the VPN gateway: the
# on-premises side advertises 0.0.0.0/0 and route propagation puts it in
# the table, through aws_vpn_gateway_route_propagation (`branch`) or
# propagating_vgws on aws_default_route_table (`plant`). Egress is unknown:
# silent.

variable "ami_id" {
  type = string
}

variable "onprem_asn" {
  type    = number
  default = 64512
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

# --- branch: explicit table, propagation as a separate resource ----------

resource "aws_vpc" "branch" {
  cidr_block = "10.175.0.0/16"
}

resource "aws_vpn_gateway" "branch" {
  vpc_id          = aws_vpc.branch.id
  amazon_side_asn = var.onprem_asn
}

resource "aws_subnet" "branch" {
  vpc_id     = aws_vpc.branch.id
  cidr_block = "10.175.1.0/24"
}

resource "aws_route_table" "branch" {
  vpc_id = aws_vpc.branch.id
}

resource "aws_vpn_gateway_route_propagation" "branch" {
  vpn_gateway_id = aws_vpn_gateway.branch.id
  route_table_id = aws_route_table.branch.id
}

resource "aws_route_table_association" "branch" {
  subnet_id      = aws_subnet.branch.id
  route_table_id = aws_route_table.branch.id
}

resource "aws_security_group" "branch" {
  name   = "branch"
  vpc_id = aws_vpc.branch.id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "branch" { # expect: SSM501
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.branch.id
  vpc_security_group_ids = [aws_security_group.branch.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
}

# --- plant: main table managed in place, with propagation ----------------

resource "aws_vpc" "plant" {
  cidr_block = "10.176.0.0/16"
}

resource "aws_vpn_gateway" "plant" {
  vpc_id = aws_vpc.plant.id
}

resource "aws_default_route_table" "plant" {
  default_route_table_id = aws_vpc.plant.default_route_table_id
  propagating_vgws       = [aws_vpn_gateway.plant.id]
}

resource "aws_subnet" "plant" {
  vpc_id     = aws_vpc.plant.id
  cidr_block = "10.176.1.0/24"
}

resource "aws_security_group" "plant" {
  name   = "plant"
  vpc_id = aws_vpc.plant.id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "plant" {
  ami                    = var.ami_id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.plant.id
  vpc_security_group_ids = [aws_security_group.plant.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
}
