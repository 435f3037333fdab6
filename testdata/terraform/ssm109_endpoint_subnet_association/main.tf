# Interface endpoints get subnets from aws_vpc_endpoint_subnet_association
# as well as from subnet_ids: SSM109 counts both.

locals {
  ssm_services = toset(["ssm", "ssmmessages", "ec2messages"])
}

# subnet_ids names zone a; associations add zone b.
resource "aws_vpc" "main" {
  cidr_block = "10.60.0.0/16"
}

resource "aws_subnet" "main" {
  for_each          = { a = 1, b = 2, c = 3 }
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.60.${each.value}.0/24"
  availability_zone = "eu-west-1${each.key}"
}

resource "aws_vpc_endpoint" "main" {
  for_each            = local.ssm_services
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.main["a"].id]
}

resource "aws_vpc_endpoint_subnet_association" "main_b" {
  for_each        = aws_vpc_endpoint.main
  vpc_endpoint_id = each.value.id
  subnet_id       = aws_subnet.main["b"].id
}

# Guard: zone b has the endpoints through the associations.
resource "aws_instance" "main_b" { # expect: SSM501
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.main["b"].id
  iam_instance_profile = "app-profile"
}

# Fires: zone c has none.
resource "aws_instance" "main_c" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.main["c"].id # expect: SSM109
  iam_instance_profile = "app-profile"
}

# Endpoints with no subnet_ids at all, each given one subnet (zone a) by
# an association.
resource "aws_vpc" "lab" {
  cidr_block = "10.61.0.0/16"
}

resource "aws_subnet" "lab_a" {
  vpc_id            = aws_vpc.lab.id
  cidr_block        = "10.61.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "lab_b" {
  vpc_id            = aws_vpc.lab.id
  cidr_block        = "10.61.2.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_vpc_endpoint" "lab" {
  for_each            = local.ssm_services
  vpc_id              = aws_vpc.lab.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}

resource "aws_vpc_endpoint_subnet_association" "lab_a" {
  for_each        = aws_vpc_endpoint.lab
  vpc_endpoint_id = each.value.id
  subnet_id       = aws_subnet.lab_a.id
}

resource "aws_instance" "lab_a" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.lab_a.id
  iam_instance_profile = "app-profile"
}

# Fires: zone b of the lab VPC has no endpoint subnet.
resource "aws_instance" "lab_b" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.lab_b.id # expect: SSM109
  iam_instance_profile = "app-profile"
}

# Guard: an association whose endpoint comes from a variable may give any
# endpoint a subnet in zone b.
variable "endpoint_id" {
  type = string
}

resource "aws_vpc" "edge" {
  cidr_block = "10.62.0.0/16"
}

resource "aws_subnet" "edge_a" {
  vpc_id            = aws_vpc.edge.id
  cidr_block        = "10.62.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "edge_b" {
  vpc_id            = aws_vpc.edge.id
  cidr_block        = "10.62.2.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_vpc_endpoint" "edge" {
  for_each            = local.ssm_services
  vpc_id              = aws_vpc.edge.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.edge_a.id]
}

resource "aws_vpc_endpoint_subnet_association" "edge_b" {
  vpc_endpoint_id = var.endpoint_id
  subnet_id       = aws_subnet.edge_b.id
}

resource "aws_instance" "edge_b" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.edge_b.id
  iam_instance_profile = "app-profile"
}
