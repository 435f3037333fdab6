# Instances in subnets with no way out are patched, so they need an s3
# Gateway endpoint on their route table. Here the gateway is attached to
# the tables with aws_vpc_endpoint_route_table_association (one per table,
# and one for the VPC's main table), not with route_table_ids.

resource "aws_vpc" "main" {
  cidr_block = "10.50.0.0/16"
}

resource "aws_subnet" "app" {
  count      = 2
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.50.${count.index + 1}.0/24"
}

resource "aws_route_table" "app" {
  count  = 2
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table_association" "app" {
  count          = 2
  subnet_id      = aws_subnet.app[count.index].id
  route_table_id = aws_route_table.app[count.index].id
}

# On the VPC's main table (no association of its own).
resource "aws_subnet" "tools" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.50.10.0/24"
}

resource "aws_subnet" "db" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.50.20.0/24"
}

resource "aws_route_table" "db" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table_association" "db" {
  subnet_id      = aws_subnet.db.id
  route_table_id = aws_route_table.db.id
}

resource "aws_vpc_endpoint" "ssm" {
  for_each            = toset(["ssm", "ssmmessages", "ec2messages"])
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = aws_subnet.app[*].id
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.eu-west-1.s3"
}

resource "aws_vpc_endpoint_route_table_association" "s3_app" {
  count           = 2
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  route_table_id  = aws_route_table.app[count.index].id
}

resource "aws_vpc_endpoint_route_table_association" "s3_main" {
  vpc_endpoint_id = aws_vpc_endpoint.s3.id
  route_table_id  = aws_vpc.main.main_route_table_id
}

resource "aws_ssm_association" "patch" {
  name = "AWS-RunPatchBaseline"
  targets {
    key    = "tag:Patch"
    values = ["yes"]
  }
  parameters = {
    Operation = "Install"
  }
  output_location {
    s3_bucket_name = "patch-logs"
  }
}

# Guards: the gateway is on these tables.
resource "aws_instance" "app" { # expect: SSM501
  count                = 2
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.app[count.index].id
  iam_instance_profile = "app-profile"
  tags                 = { Patch = "yes" }
}

resource "aws_instance" "tools" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.tools.id
  iam_instance_profile = "app-profile"
  tags                 = { Patch = "yes" }
}

# Fires: the db table has no association with the gateway.
resource "aws_instance" "db" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.db.id # expect: SSM111
  iam_instance_profile = "app-profile"
  tags                 = { Patch = "yes" }
}

# Guard: a VPC whose table gets an endpoint another stack owns (its ID
# comes from a variable): it may be an s3 gateway.
variable "shared_s3_endpoint_id" {
  type = string
}

resource "aws_vpc" "shared" {
  cidr_block = "10.51.0.0/16"
}

resource "aws_subnet" "shared" {
  vpc_id     = aws_vpc.shared.id
  cidr_block = "10.51.1.0/24"
}

resource "aws_route_table" "shared" {
  vpc_id = aws_vpc.shared.id
}

resource "aws_route_table_association" "shared" {
  subnet_id      = aws_subnet.shared.id
  route_table_id = aws_route_table.shared.id
}

resource "aws_vpc_endpoint" "shared_ssm" {
  for_each            = toset(["ssm", "ssmmessages", "ec2messages"])
  vpc_id              = aws_vpc.shared.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = [aws_subnet.shared.id]
}

resource "aws_vpc_endpoint_route_table_association" "shared_s3" {
  vpc_endpoint_id = var.shared_s3_endpoint_id
  route_table_id  = aws_route_table.shared.id
}

resource "aws_instance" "shared" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.shared.id
  iam_instance_profile = "app-profile"
  tags                 = { Patch = "yes" }
}
